/**
 * Parameters of <TrainingRace>: which initializers race, on which data, through which network,
 * with which SGD settings, and over how many seeds. Defaults: a shallow ReLU net on which every
 * sensible initializer trains; the chapter passes the deep preset (He et al. 2015, Figure 3) as props.
 */
import { defineWidget } from '../../runtime/params.ts';
import type { Params, StateOf } from '../../runtime/params-types.ts';
import { DATASET_LABELS, INITIALIZER_LABELS, INITIALIZER_NAMES, INITIALIZER_NAMES_SHORT } from '../labels.ts';

/** The engine's initializer names (lib/initializers.ts), in its order; a test keeps them in sync. */
export const RACE_INITIALIZERS = INITIALIZER_NAMES;

/** Short names for legends, tables and sentences. */
export const RACER_LABELS = INITIALIZER_NAMES_SHORT;

/** Examples the network trains on (lib datasets: 300 generated, a third held out for testing). */
export const RACE_TRAIN_SIZE = 200;

const params = {
  initializers: {
    kind: 'enumList', options: RACE_INITIALIZERS, default: ['heNormal', 'glorotNormal', 'postHe'], minItems: 2, maxItems: 4,
    label: 'Initializers', labels: INITIALIZER_LABELS, phrase: ['the initializer #', 'the initializers #'], help: 'Each trains from the same seeds on the same minibatches; only the initial weights differ.',
  },
  dataset: {
    kind: 'enum', options: ['moons', 'circles', 'spirals', 'xor', 'blobs'], default: 'moons', label: 'Data',
    labels: DATASET_LABELS, phrase: 'the # data',
  },
  depth: { kind: 'int', min: 1, max: 40, default: 3, label: 'Hidden layers', phrase: ['# hidden layer', '# hidden layers'] },
  width: { kind: 'int', min: 4, max: 64, default: 16, label: 'Units per layer', phrase: ['# unit per layer', '# units per layer'] },
  activation: { kind: 'enum', options: ['relu', 'tanh', 'sigmoid', 'linear'], default: 'relu', label: 'Activation', phrase: 'the # activation' },
  learningRate: { kind: 'number', min: 1e-4, max: 3, default: 0.05, scale: 'log', label: 'Learning rate' },
  epochs: { kind: 'int', min: 1, max: 200, default: 30, label: 'Epochs', phrase: ['# epoch', '# epochs'] },
  batchSize: { kind: 'int', min: 1, max: RACE_TRAIN_SIZE, default: 10, label: 'Batch size' },
  seeds: { kind: 'int', min: 1, max: 5, default: 3, label: 'Seeds per initializer', phrase: ['# seed per initializer', '# seeds per initializer'] },
  seed: { kind: 'seed', default: 1, label: 'Seed' },
} as const satisfies Params;

/**
 * Costs besides the products, in multiply-add equivalents, fitted to CPU times of races in Node 24
 * (widths 4–64, batches 1–200): per layer, example and unit (bias, activation, its derivative), and
 * per layer and step (calls, the update, the divergence check) — the latter dominates tiny batches.
 */
export const UNIT_OVERHEAD = 10;
export const STEP_OVERHEAD = 3000;

/**
 * Work of one race in multiply-add equivalents: for every racer, seed, epoch and layer, a forward
 * and two backward products per training example, one more forward product per example for
 * scoring the epoch, the per-unit and per-step costs above. About 1 ns each in Node 24.
 */
export function raceWork(s: { initializers: readonly string[]; seeds: number; epochs: number; depth: number; width: number; batchSize: number }): number {
  const rows = 4 * RACE_TRAIN_SIZE;
  const steps = Math.ceil(RACE_TRAIN_SIZE / s.batchSize);
  const perLayerEpoch = rows * s.width * s.width + rows * s.width * UNIT_OVERHEAD + steps * STEP_OVERHEAD;
  return s.initializers.length * s.seeds * s.epochs * (s.depth + 1) * perLayerEpoch;
}

/**
 * He et al. (2015), Figure 3, at browser scale: a 30-layer ReLU net of width 24 on XOR, plain SGD,
 * 600 steps. From heNormal it learns (the median loss falls to about a quarter of ln 2); from
 * glorotNormal (Var = 1/n between equal layers) ReLU halves the signal's variance at every layer,
 * 2^-30 over the stack, so the net can only learn the class frequencies and its loss stays at ln 2.
 * The chapter passes these as props; the claims are pinned in test/components/experiments/training-race.test.ts.
 */
export const HE_FIGURE3_PRESET = {
  initializers: ['heNormal', 'glorotNormal'],
  dataset: 'xor',
  depth: 30,
  width: 24,
  activation: 'relu',
  learningRate: 0.01,
  epochs: 30,
  batchSize: 10,
  seeds: 5,
  seed: 1,
} as const;

/** The parameters of <TrainingRace>, with a work cap of about 5–7 s of Node CPU per race. */
export const trainingRaceSpec = defineWidget({
  name: 'TrainingRace',
  params,
  work: { estimate: raceWork, max: 7e9, unit: 'multiply-add equivalents' },
});

export type TrainingRaceSpecState = StateOf<typeof params>;
