/**
 * The training race: seeded and deterministic, racers share data and minibatches (only the initial
 * weights differ), divergence comes back as data — and the chapter's claims at the He et al. (2015)
 * Figure 3 preset and at the shallow defaults, pinned as numbers.
 */
import { describe, expect, it } from 'vitest';
import {
  createRng, Dense, Network, train, trainTestSplit, xor, type InitializerName,
} from '../../../lib/index.ts';
import {
  SAMPLES, seedStreams, stepsPerEpoch, TEST_FRACTION, trainingRace, type TrainingRaceState,
} from '../../../components/experiments/training-race.ts';
import { runToEnd } from '../../../components/runtime/experiment.ts';
import { defaultState } from '../../../components/runtime/params.ts';
import { HE_FIGURE3_PRESET, trainingRaceSpec } from '../../../components/widgets/training-race/spec.ts';

const small: TrainingRaceState = {
  initializers: ['heNormal', 'glorotUniform'], dataset: 'xor', depth: 2, width: 8, activation: 'relu',
  learningRate: 0.05, epochs: 4, batchSize: 16, seeds: 2, seed: 3,
};
const runs = (state: TrainingRaceState) => runToEnd(trainingRace, state);

describe('trainingRace experiment', () => {
  it('is deterministic by seed, changes with it, and has one curve point per epoch', () => {
    const a = runs(small);
    expect(runs(small)).toEqual(a);
    expect(runs({ ...small, seed: 4 }).racers[0].runs[0].trainLoss).not.toEqual(a.racers[0].runs[0].trainLoss);
    expect(a.epochsDone).toBe(4);
    expect(a.steps).toEqual([0, 13, 26, 39, 52]); // ⌈200 / 16⌉ = 13 steps per epoch
    for (const racer of a.racers) {
      expect(racer.runs).toHaveLength(2);
      for (const run of racer.runs) expect(run.trainLoss).toHaveLength(5);
    }
  });

  it('streams growing snapshots, then returns the whole race', () => {
    const it = trainingRace.run(small);
    const seen: number[] = [];
    let step = it.next();
    let between = 0;
    while (!step.done) {
      if (step.value.between) between++;
      else seen.push(step.value.snapshot.epochsDone);
      expect(step.value.snapshot.racers[1].runs[0].trainLoss).toHaveLength(step.value.snapshot.epochsDone + 1);
      step = it.next();
    }
    expect(seen).toEqual([0, 1, 2, 3]);
    // Between two runs of an epoch after the first, the race can be paused (see Snapshot.between).
    const runsPerEpoch = small.initializers.length * small.seeds;
    expect(between).toBe(small.epochs * (runsPerEpoch - 1));
    expect(step.value).toEqual(runs(small));
  });

  it('a pause point inside an epoch carries the last epoch\'s snapshot, whatever the runs have done since', () => {
    const it = trainingRace.run(small);
    let last: { fraction: number; snapshot: unknown } | null = null;
    for (let step = it.next(); !step.done; step = it.next()) {
      if (!step.value.between) last = { fraction: step.value.fraction, snapshot: structuredClone(step.value.snapshot) };
      else expect({ fraction: step.value.fraction, snapshot: step.value.snapshot }).toEqual(last);
    }
  });

  it('two racers with the same initializer are identical: same data, weights and minibatches', () => {
    const r = runs({ ...small, initializers: ['glorotNormal', 'glorotNormal'] });
    expect(r.racers[1].runs).toEqual(r.racers[0].runs);
    expect(r.racers[0].runs[0].trainLoss).not.toEqual(r.racers[0].runs[1].trainLoss); // seeds differ
  });

  it("a racer's runs do not depend on who else races (the batch order ignores the initializer)", () => {
    const a = runs({ ...small, initializers: ['heNormal', 'random'] });
    const b = runs({ ...small, initializers: ['postGlorot', 'zeros', 'heNormal'] });
    expect(b.racers[2].runs).toEqual(a.racers[0].runs);
  });

  it('matches a network trained directly from the documented per-seed streams', () => {
    // Independent reconstruction: data from the data seed, weights from the init seed, batches
    // shuffled by the order seed, then lib's own training loop.
    const s = { ...small, initializers: ['glorotNormal'] as InitializerName[] };
    const streams = seedStreams(s.seed, s.seeds);
    const dataRng = createRng(streams.data);
    const { train: tr } = trainTestSplit(xor({ n: SAMPLES, rng: dataRng }), TEST_FRACTION, dataRng);
    const k = 1;
    const initRng = createRng(streams.runs[k].init);
    const layers = [
      new Dense({ inputDim: 2, units: 8, activation: 'relu', initializer: 'glorotNormal', rng: initRng }),
      new Dense({ inputDim: 8, units: 8, activation: 'relu', initializer: 'glorotNormal', rng: initRng }),
      new Dense({ inputDim: 8, units: 1, activation: 'linear', initializer: 'glorotNormal', rng: initRng }),
    ];
    const net = new Network(layers, { loss: 'binaryCrossEntropy' });
    const direct = train({ network: net, train: tr, epochs: s.epochs, learningRate: s.learningRate, batchSize: s.batchSize, rng: createRng(streams.runs[k].order) });
    expect(runs(s).racers[0].runs[k].trainLoss).toEqual(direct.history.map((h) => h.trainLoss));
  });

  it('reports divergence as data: which quantity, layer and step, with the curve cut there', () => {
    const r = runs({ ...small, activation: 'linear', depth: 6, width: 32, learningRate: 3, initializers: ['heNormal', 'random'], epochs: 3 });
    const run = r.racers[0].runs[0];
    expect(run.divergence).not.toBeNull();
    expect(run.divergence!.message).toMatch(/(became NaN \(not a number\)|overflowed to [+−]∞) at step \d+\./);
    expect(run.divergence!.step).toBeGreaterThan(0);
    expect(run.trainAccuracy).toBeNull();
    expect(run.testAccuracy).toBeNull();
    expect(run.trainLoss.length).toBeLessThan(4);
    expect(r.epochsDone).toBe(3); // the race itself finishes
  });

  it('blobs use softmax cross-entropy over three classes: the untrained loss is near ln 3', () => {
    const r = runs({ ...small, dataset: 'blobs', initializers: ['glorotUniform', 'postGlorot'], epochs: 1 });
    for (const racer of r.racers) for (const run of racer.runs) expect(Math.abs(run.trainLoss[0] - Math.log(3))).toBeLessThan(0.4);
    expect(stepsPerEpoch(500)).toBe(1);
  });
});

describe('the chapter’s claims', () => {
  it('shallow defaults: every racer at least quarters its training loss and none diverges', () => {
    const r = runs(defaultState(trainingRaceSpec) as TrainingRaceState);
    for (const racer of r.racers) {
      for (const run of racer.runs) {
        expect(run.divergence).toBeNull();
        expect(run.trainLoss.at(-1)! / run.trainLoss[0]).toBeLessThan(0.25);
        expect(run.testAccuracy).toBeGreaterThanOrEqual(0.9);
      }
    }
  });

  // He et al. (2015), Figure 3: 30 ReLU layers train from He's initialization and stall from Xavier's.
  it('preset: He halves the loss within 600 steps for every seed; Glorot stays at the class-frequency entropy', { timeout: 120_000 }, () => {
    const state: TrainingRaceState = { ...defaultState(trainingRaceSpec), ...HE_FIGURE3_PRESET, initializers: [...HE_FIGURE3_PRESET.initializers] };
    const r = runs(state);
    expect(r.steps.at(-1)).toBe(600);
    const [he, glorot] = r.racers;
    expect(he.initializer).toBe('heNormal');
    for (const run of he.runs) {
      expect(run.divergence).toBeNull();
      expect(run.trainLoss.at(-1)! / run.trainLoss[0]).toBeLessThanOrEqual(0.5);
      expect(run.testAccuracy).toBeGreaterThanOrEqual(0.75);
    }
    // A network whose output no longer depends on its input can at best predict the class
    // frequencies of the training set: loss = their entropy, accuracy = the majority share.
    const streams = seedStreams(state.seed, 1);
    const rng = createRng(streams.data);
    const { train: tr } = trainTestSplit(xor({ n: SAMPLES, rng }), TEST_FRACTION, rng);
    const p = Array.from(tr.y.data).filter((v) => v === 1).length / tr.y.rows;
    const entropy = -(p * Math.log(p) + (1 - p) * Math.log(1 - p));
    for (const run of glorot.runs) {
      expect(run.divergence).toBeNull();
      expect(Math.abs(run.trainLoss[0] - Math.LN2)).toBeLessThan(1e-3);
      for (const loss of run.trainLoss) expect(Math.abs(loss / run.trainLoss[0] - 1)).toBeLessThan(0.002);
      expect(Math.abs(run.trainLoss.at(-1)! - entropy)).toBeLessThan(2e-4);
      expect(run.trainAccuracy).toBeCloseTo(Math.max(p, 1 - p), 10);
    }
  });
});
