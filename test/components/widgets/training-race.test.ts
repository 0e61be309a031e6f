import { describe, expect, it } from 'vitest';
import { INITIALIZERS } from '../../../lib/index.ts';
import { TRAIN_SIZE, trainingRace, type TrainingRaceResult, type TrainingRaceState } from '../../../components/experiments/training-race.ts';
import { runToEnd } from '../../../components/runtime/experiment.ts';
import { defaultState, parseProps, toMdx, validateState } from '../../../components/runtime/params.ts';
import { serverDocument } from '../../../components/plots/server.ts';
import { fmt, type Table } from '../../../components/runtime/definition.ts';
import { trainingRaceWidget } from '../../../components/widgets/training-race/definition.ts';
import {
  HE_FIGURE3_PRESET, RACE_INITIALIZERS, RACER_LABELS, RACE_TRAIN_SIZE, raceWork, trainingRaceSpec,
} from '../../../components/widgets/training-race/spec.ts';

const small: TrainingRaceState = {
  initializers: ['heNormal', 'glorotNormal', 'random'], dataset: 'moons', depth: 2, width: 8, activation: 'tanh',
  learningRate: 0.1, epochs: 3, batchSize: 25, seeds: 3, seed: 2,
};

function drawn(result: TrainingRaceResult, state: TrainingRaceState): string {
  return trainingRaceWidget.draw(result, state, serverDocument()).outerHTML;
}

describe('<TrainingRace> spec', () => {
  it('offers exactly the engine’s initializers and trains on the experiment’s training set', () => {
    expect([...RACE_INITIALIZERS]).toEqual(Object.keys(INITIALIZERS));
    expect(RACE_TRAIN_SIZE).toBe(TRAIN_SIZE);
  });

  it('has valid defaults, and the Figure 3 preset is a valid state within the work cap', () => {
    const defaults = defaultState(trainingRaceSpec);
    expect(validateState(trainingRaceSpec, defaults)).toEqual([]);
    expect(validateState(trainingRaceSpec, { ...defaults, ...HE_FIGURE3_PRESET })).toEqual([]);
  });

  it('the chapter’s MDX line for the preset reads back to the preset', () => {
    const line = toMdx(trainingRaceSpec, { ...defaultState(trainingRaceSpec), ...HE_FIGURE3_PRESET, initializers: ['heNormal', 'glorotNormal'] });
    expect(line).toBe('<TrainingRace initializers={["heNormal", "glorotNormal"]} dataset="xor" depth={30} width={24} learningRate={0.01} seeds={5} />');
  });

  it('rejects bad props naming the file and the prop', () => {
    expect(() => parseProps(trainingRaceSpec, { depth: 41 }, 'content/chapters/x.mdx:9')).toThrow(
      'content/chapters/x.mdx:9: <TrainingRace depth={41}>: depth must be an integer from 1 to 40; got 41.',
    );
    expect(() => parseProps(trainingRaceSpec, { initializers: ['heNormal'] }, 'f.mdx')).toThrow(/f\.mdx: .*initializers must be a list of 2 to 4 different names/);
    expect(() => parseProps(trainingRaceSpec, { initializers: ['he', 'xavier'] }, 'f.mdx')).toThrow(/initializers must be/);
    expect(() => parseProps(trainingRaceSpec, { learningRate: 5 }, 'f.mdx')).toThrow(/learningRate must be a number from 0.0001 to 3/);
  });

  it('refuses races over the work cap; the largest network alone still fits', () => {
    const max = { initializers: ['heNormal', 'glorotNormal', 'random', 'zeros'], depth: 40, width: 64, epochs: 200, seeds: 5 };
    expect(() => parseProps(trainingRaceSpec, max, 'f.mdx')).toThrow(/the limit is/);
    expect(() => parseProps(trainingRaceSpec, { depth: 40, width: 64, epochs: 5, seeds: 1, initializers: ['heNormal', 'zeros'] }, 'f.mdx')).not.toThrow();
  });

  it('the work estimate grows with every size parameter', () => {
    const base = { initializers: ['a', 'b'], seeds: 2, epochs: 10, depth: 5, width: 16, batchSize: 10 };
    const w = raceWork(base);
    expect(raceWork({ ...base, initializers: ['a', 'b', 'c', 'd'] })).toBeCloseTo(2 * w, 6);
    expect(raceWork({ ...base, seeds: 4 })).toBeCloseTo(2 * w, 6);
    expect(raceWork({ ...base, epochs: 20 })).toBeCloseTo(2 * w, 6);
    expect(raceWork({ ...base, width: 32 })).toBeGreaterThan(2 * w);
    expect(raceWork({ ...base, batchSize: 1 })).toBeGreaterThan(w);
  });
});

describe('<TrainingRace> drawing, table and sentence', () => {
  const result = runToEnd(trainingRace, small);

  it('draws the loss curves and the accuracy bars with no NaN or Infinity', () => {
    const markup = drawn(result, small);
    expect(markup.match(/<svg/g)).toHaveLength(2);
    expect(markup).not.toMatch(/NaN|Infinity/);
    expect(markup).toContain('He normal');
    expect(markup).toContain('test accuracy');
  });

  it('names each initializer in the label', () => {
    expect(trainingRaceWidget.label(small)).toMatch(/He normal vs Glorot normal vs random/);
  });

  /** Median, lowest and highest of the seeds' losses at epoch i, worked out here from the runs. */
  const spread = (racer: TrainingRaceResult['racers'][number], i: number) => {
    const v = racer.runs.map((run) => run.trainLoss[i]).sort((a, b) => a - b);
    const m = v.length >> 1;
    return [fmt(v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2), fmt(v[0]), fmt(v.at(-1)!)];
  };

  /** The rows of `table` per initializer, in the result's order, checked against the runs. */
  function checkCurves(table: Table, r: TrainingRaceResult) {
    const col = (name: string) => table.columns.indexOf(name);
    const [who, step, median, lo, hi] = ['initializer', 'step', 'training loss (median)', 'lowest', 'highest'].map(col);
    expect(Math.min(who, step, median, lo, hi)).toBeGreaterThanOrEqual(0);
    // One block of rows per initializer, in the result's order.
    const names = [...new Set(table.rows.map((row) => row[who]))];
    expect(names).toEqual(r.racers.map((racer) => RACER_LABELS[racer.initializer]));
    return r.racers.map((racer, k) => {
      const rows = table.rows.filter((row) => row[who] === names[k]);
      expect(table.rows.slice(k * rows.length, (k + 1) * rows.length)).toEqual(rows);
      return rows.map((row) => {
        const i = r.steps.indexOf(Number(row[step]));
        expect(i).toBeGreaterThanOrEqual(0);
        expect([row[median], row[lo], row[hi]]).toEqual(spread(racer, i));
        return i;
      });
    });
  }

  it('“Show as table” holds each initializer’s curve at about 15 evenly spaced steps, first and last kept', () => {
    const long = { ...small, epochs: 60 };
    const r = runToEnd(trainingRace, long);
    const table = trainingRaceWidget.table(r, long);
    const epochs = checkCurves(table, r);
    expect(table.rows.length % r.racers.length).toBe(0);
    for (const at of epochs) {
      expect(at.length).toBeGreaterThanOrEqual(10);
      expect(at.length).toBeLessThanOrEqual(20);
      expect(at[0]).toBe(0);
      expect(at.at(-1)).toBe(r.epochsDone);
      const gaps = new Set(at.slice(1, -1).map((e, j) => e - at[j]));
      expect(gaps.size, 'evenly spaced').toBe(1);
    }
    // Each initializer's last row carries its accuracies and how many seeds diverged.
    const last = table.rows.filter((row) => row[1] === r.steps[r.epochsDone]);
    expect(last).toHaveLength(r.racers.length);
    for (const row of last) expect(row.slice(-3)).toEqual([expect.stringMatching(/%$/), expect.stringMatching(/%$/), '0 of 3']);
  });

  it('the CSV holds every recorded step of every curve, in long form', () => {
    const csv = trainingRaceWidget.csv!(result, small);
    const epochs = checkCurves(csv, result);
    for (const at of epochs) expect(at).toEqual(result.steps.map((_, i) => i));
    expect(csv.rows).toHaveLength(result.racers.length * result.steps.length);
  });

  it('the summary gives each racer’s median losses from the data', () => {
    const text = trainingRaceWidget.summary(result, small);
    expect(text).toMatch(/^After 24 steps \(median over 3 seeds\)/);
    const losses = result.racers[0].runs.map((r) => r.trainLoss.at(-1)!).sort((a, b) => a - b);
    expect(text).toContain(String(Number(losses[1].toPrecision(4))));
  });

  it('a snapshot mid-run draws and says how far the run is', () => {
    // The second epoch's snapshot (the first is the untrained race); pause points inside an epoch are skipped.
    const epochs = [...(function* () {
      const it = trainingRace.run(small);
      for (let step = it.next(); !step.done; step = it.next()) if (!step.value.between) yield step.value;
    })()];
    const snapshot = epochs[1];
    const markup = drawn(snapshot.snapshot, small);
    expect(markup).not.toMatch(/NaN|Infinity/);
    expect(markup).toContain('training accuracy so far');
    expect(trainingRaceWidget.summary(snapshot.snapshot, small)).toMatch(/^After 8 of 24 steps/);
    // What the status line says after a Step or a Stop there.
    expect(trainingRaceWidget.position!(snapshot.snapshot, small)).toBe(`after epoch 1 of ${small.epochs}`);
    expect(trainingRaceWidget.position!(epochs[0].snapshot, small)).toBe('before the first epoch');
  });

  it('a diverged racer is drawn cut, and named in words with layer, quantity and step', () => {
    const state: TrainingRaceState = { ...small, activation: 'linear', depth: 6, width: 32, learningRate: 3, initializers: ['heNormal', 'random'] };
    const r = runToEnd(trainingRace, state);
    const markup = drawn(r, state);
    expect(markup).not.toMatch(/NaN|Infinity/);
    expect(markup).toContain('diverged');
    const text = trainingRaceWidget.summary(r, state);
    expect(text).toMatch(/He normal diverged with \d of 3 seeds; first: (Layer \d+'s [a-z -]+|The loss) (became NaN \(not a number\)|overflowed to [+−]∞) at step \d+\./);
    const heRows = trainingRaceWidget.table(r, state).rows.filter((row) => row[0] === 'He normal');
    expect(heRows.at(-1)!.at(-1)).toMatch(/^[1-3] of 3$/);
  });
});
