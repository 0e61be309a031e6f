/**
 * What the table, the sentence and the bar chart say about each racer: medians over seeds of the
 * first and last training loss and of the accuracies, the spread of the last loss, and which
 * seeds diverged. A diverged seed has no last loss and no accuracy; it is counted, not hidden.
 */
import type { Divergence } from '../../../lib/index.ts';
import type { Racer, TrainingRaceResult } from '../../experiments/training-race.ts';
import { quantileSorted } from '../../plots/summarize.ts';
import { RACER_LABELS } from './spec.ts';

export type RacerStats = {
  name: string;
  seeds: number;
  /** Median training loss of the untrained networks, and after the last recorded epoch. */
  initialLoss: number;
  finalLoss: number;
  /** Lowest and highest last loss over the seeds that did not diverge. */
  finalLo: number;
  finalHi: number;
  /** Medians over the seeds that did not diverge (NaN when none is left; accuracies null until scored). */
  trainAccuracy: number;
  testAccuracy: number;
  testLo: number;
  testHi: number;
  diverged: number;
  /** The earliest divergence over the seeds, or null. */
  firstDivergence: Divergence | null;
};

const sorted = (values: number[]) => values.filter(Number.isFinite).sort((a, b) => a - b);
const median = (values: number[]) => {
  const v = sorted(values);
  return v.length ? quantileSorted(v, 0.5) : NaN;
};
const extreme = (values: number[], last: boolean) => {
  const v = sorted(values);
  return v.length ? v[last ? v.length - 1 : 0] : NaN;
};

/** The summary numbers of one racer at epoch `epochsDone` of `r`. */
export function racerStats(racer: Racer, r: TrainingRaceResult): RacerStats {
  const ok = racer.runs.filter((run) => !run.divergence);
  const final = ok.map((run) => run.trainLoss[r.epochsDone] ?? NaN);
  const test = ok.map((run) => run.testAccuracy ?? NaN);
  const divergences = racer.runs.flatMap((run) => (run.divergence ? [run.divergence] : []));
  return {
    name: RACER_LABELS[racer.initializer] ?? racer.initializer,
    seeds: racer.runs.length,
    initialLoss: median(racer.runs.map((run) => run.trainLoss[0] ?? NaN)),
    finalLoss: median(final),
    finalLo: extreme(final, false),
    finalHi: extreme(final, true),
    trainAccuracy: median(ok.map((run) => run.trainAccuracy ?? NaN)),
    testAccuracy: median(test),
    testLo: extreme(test, false),
    testHi: extreme(test, true),
    diverged: divergences.length,
    firstDivergence: divergences.reduce<Divergence | null>((a, d) => (a === null || d.step < a.step ? d : a), null),
  };
}
