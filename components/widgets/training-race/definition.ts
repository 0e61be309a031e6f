/**
 * <TrainingRace> drawn: the training loss of each initializer against the step (median over
 * seeds, min–max band), and a bar per initializer for its accuracy (test accuracy once the run
 * has finished; training accuracy so far while it runs). He et al. (2015), Figure 3, is the
 * model: the same deep ReLU net from two initializations, one curve falling, one flat.
 */
import { stepsPerEpoch, type TrainingRaceResult, type TrainingRaceState } from '../../experiments/training-race.ts';
import { epochPosition, fmt, prose, type Table, type WidgetDefinition } from '../../runtime/definition.ts';
import { spacedIndices } from '../../runtime/table.ts';
import { barChart } from '../../plots/bar-chart.ts';
import { lineChart } from '../../plots/line-chart.ts';
import { summarizeRuns } from '../../plots/summarize.ts';
import { DATASET_LABELS } from '../labels.ts';
import { RACER_LABELS, trainingRaceSpec } from './spec.ts';
import { racerStats, type RacerStats } from './stats.ts';

const finished = (r: TrainingRaceResult, s: TrainingRaceState) => r.epochsDone >= s.epochs;
const pct = (v: number) => (Number.isFinite(v) ? `${fmt(100 * v)}%` : '—');
/** A median over no seeds (all diverged) is shown as a dash, not as NaN. */
const num = (v: number) => (Number.isFinite(v) ? fmt(v) : '—');

/** A change of less than 1% of the starting loss reads as "stayed at". */
const STALL = 0.01;

function lossChart(r: TrainingRaceResult, s: TrainingRaceState, doc: Document) {
  const series = r.racers.map((racer) => summarizeRuns(RACER_LABELS[racer.initializer], r.steps, racer.runs.map((run) => run.trainLoss)));
  return lineChart(series, {
    document: doc,
    ariaLabel: 'Training loss against steps, per initializer',
    ariaDescription: `Training loss on the whole training set after each epoch, median over ${s.seeds} seed${s.seeds > 1 ? 's' : ''} with the range from lowest to highest shaded. Every initializer sees the same data and the same minibatches; only the initial weights differ. A flat line is a network that does not learn.`,
    xLabel: 'step',
    wholeX: true,
    yLabel: 'training loss',
    height: 280,
  });
}

function accuracyChart(r: TrainingRaceResult, s: TrainingRaceState, stats: RacerStats[], doc: Document) {
  const done = finished(r, s);
  const bars = stats.map((st) =>
    done ? { label: st.name, value: st.testAccuracy, lo: st.testLo, hi: st.testHi } : { label: st.name, value: st.trainAccuracy });
  return barChart(bars, {
    document: doc,
    ariaLabel: done ? 'Test accuracy per initializer' : 'Training accuracy so far, per initializer',
    ariaDescription: done
      ? 'Accuracy on held-out examples after training, median over seeds, with the lowest and highest seed as an error bar. Guessing one class scores about 50%.'
      : 'Accuracy on the training examples at the last finished epoch, median over seeds; the test accuracy appears when the run ends.',
    yLabel: done ? 'test accuracy' : 'training accuracy so far',
    yDomain: [0, 1],
    height: 220,
  });
}

/** "went from 0.693 to 0.16 with He normal (test accuracy 95%)" or "stayed at 0.693 with …". */
function clause(st: RacerStats, done: boolean): string {
  const stalled = Math.abs(st.finalLoss - st.initialLoss) < STALL * st.initialLoss;
  const move = stalled ? `stayed at ${prose(st.finalLoss)}` : `went from ${prose(st.initialLoss)} to ${prose(st.finalLoss)}`;
  const accuracy = done ? `test accuracy ${pct(st.testAccuracy)}` : `training accuracy ${pct(st.trainAccuracy)}`;
  return `${move} with ${st.name} (${accuracy})`;
}

/** About this many steps per initializer in "Show as table"; the CSV has every recorded one. */
const TABLE_STEPS = 15;

/**
 * The loss curves as the figure draws them, in long form: a row per initializer and recorded
 * epoch at the indices `at` (step, median, lowest and highest seed), each initializer's last row
 * also with its accuracies and how many seeds diverged.
 */
function curveTable(r: TrainingRaceResult, at: number[]): Table {
  const last = r.epochsDone;
  const rows = r.racers.flatMap((racer) => {
    const st = racerStats(racer, r);
    const curve = summarizeRuns(st.name, r.steps, racer.runs.map((run) => run.trainLoss));
    return at.map((i) => [
      st.name, r.steps[i], num(curve.y[i]), num(curve.lo![i]), num(curve.hi![i]),
      ...(i === last ? [pct(st.trainAccuracy), pct(st.testAccuracy), `${st.diverged} of ${st.seeds}`] : ['', '', '']),
    ]);
  });
  return { columns: ['initializer', 'step', 'training loss (median)', 'lowest', 'highest', 'training accuracy', 'test accuracy', 'diverged'], rows };
}

function divergenceSentence(st: RacerStats): string {
  const d = st.firstDivergence!;
  return `${st.name} diverged with ${st.diverged} of ${st.seeds} seeds; first: ${d.message}`;
}

export const trainingRaceWidget: WidgetDefinition<TrainingRaceState, TrainingRaceResult> = {
  spec: trainingRaceSpec,
  experiment: 'trainingRace',
  mode: 'train',
  label: (s) =>
    `Training race on ${DATASET_LABELS[s.dataset]}: ${s.initializers.map((i) => RACER_LABELS[i]).join(' vs ')}, ${s.depth} ${s.activation} layers of ${s.width} units`,
  draw(r, s, doc) {
    const stats = r.racers.map((racer) => racerStats(racer, r));
    const box = doc.createElement('div');
    box.className = 'training-race';
    box.append(lossChart(r, s, doc), accuracyChart(r, s, stats, doc));
    return box;
  },
  table: (r) => curveTable(r, spacedIndices(r.epochsDone + 1, TABLE_STEPS)),
  csv: (r) => curveTable(r, spacedIndices(r.epochsDone + 1, Infinity)),
  position: (r, s) => epochPosition(r.epochsDone, s.epochs),
  summary(r, s) {
    const done = finished(r, s);
    const stats = r.racers.map((racer) => racerStats(racer, r));
    const total = s.epochs * stepsPerEpoch(s.batchSize);
    const when = done ? `After ${r.steps[r.epochsDone]} steps` : `After ${r.steps[r.epochsDone]} of ${total} steps`;
    const running = stats.filter((st) => st.diverged < st.seeds);
    const over = `median over ${s.seeds} seed${s.seeds > 1 ? 's' : ''}`;
    const first = r.epochsDone === 0
      ? `Before training (${over}), the training loss is ${stats.map((st) => `${prose(st.initialLoss)} with ${st.name}`).join(', ')}.`
      : running.length
        ? `${when} (${over}), the training loss ${running.map((st) => clause(st, done)).join('; it ')}.`
        : `${when}, every initializer had diverged.`;
    const diverged = stats.filter((st) => st.diverged > 0).map(divergenceSentence);
    return [first, ...diverged].join(' ');
  },
};
