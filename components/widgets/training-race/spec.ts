/**
 * Parameters of <TrainingRace>: which initializers race, on which data, through which network,
 * with which SGD settings, and over how many seeds. Defaults: a shallow ReLU net on which every
 * sensible initializer trains; the chapter passes the deep preset (He et al. 2015, Figure 3) as props.
 */
import { defineWidget } from '../../runtime/params.ts';
import type { Params, StateOf } from '../../runtime/params-types.ts';

/** The engine's initializer names (lib/initializers.ts), in its order; a test keeps them in sync. */
export const RACE_INITIALIZERS = [
  'zeros', 'random', 'postGlorot', 'glorotUniform', 'glorotNormal', 'postHe', 'heUniform', 'heNormal',
] as const;

/** Short names for legends, tables and sentences. */
export const RACER_LABELS: Record<(typeof RACE_INITIALIZERS)[number], string> = {
  zeros: 'zeros',
  random: 'random U(±0.1)',
  postGlorot: 'post "Glorot"',
  glorotUniform: 'Glorot uniform',
  glorotNormal: 'Glorot normal',
  postHe: 'post "He"',
  heUniform: 'He uniform',
  heNormal: 'He normal',
};

/** Examples the network trains on (lib datasets: 300 generated, a third held out for testing). */
export const RACE_TRAIN_SIZE = 200;

const params = {
  initializers: {
    kind: 'enumList', options: RACE_INITIALIZERS, default: ['glorotUniform', 'heNormal', 'postHe'], minItems: 2, maxItems: 4,
    label: 'Initializers', help: 'Each trains from the same seeds on the same minibatches; only the initial weights differ.',
  },
  dataset: {
    kind: 'enum', options: ['moons', 'circles', 'spirals', 'xor', 'blobs'], default: 'moons', label: 'Data',
    labels: { moons: 'two moons', circles: 'circles', spirals: 'spirals', xor: 'XOR', blobs: 'three blobs' },
  },
  depth: { kind: 'int', min: 1, max: 40, default: 3, label: 'Hidden layers' },
  width: { kind: 'int', min: 4, max: 64, default: 16, label: 'Units per layer' },
  activation: { kind: 'enum', options: ['relu', 'tanh', 'sigmoid', 'linear'], default: 'relu', label: 'Activation' },
  learningRate: { kind: 'number', min: 1e-4, max: 3, default: 0.05, scale: 'log', label: 'Learning rate' },
  epochs: { kind: 'int', min: 1, max: 200, default: 30, label: 'Epochs' },
  batchSize: { kind: 'int', min: 1, max: RACE_TRAIN_SIZE, default: 10, label: 'Batch size' },
  seeds: { kind: 'int', min: 1, max: 5, default: 3, label: 'Seeds per initializer' },
  seed: { kind: 'seed', default: 1, label: 'Seed' },
} as const satisfies Params;

/** Per layer and step, the bookkeeping around the products (activation, update, divergence check),
 * in multiply-add equivalents; measured in Node (see the test), it dominates for tiny batches. */
export const STEP_OVERHEAD = 3000;

/**
 * Work of one race in multiply-adds: for every racer, seed and epoch, the training steps (a forward
 * and two backward products per example and layer) plus one scoring pass over the training set,
 * and a fixed cost per layer and step.
 */
export function raceWork(s: { initializers: readonly string[]; seeds: number; epochs: number; depth: number; width: number; batchSize: number }): number {
  const steps = Math.ceil(RACE_TRAIN_SIZE / s.batchSize);
  const perLayerEpoch = 4 * RACE_TRAIN_SIZE * s.width * s.width + steps * STEP_OVERHEAD;
  return s.initializers.length * s.seeds * s.epochs * (s.depth + 1) * perLayerEpoch;
}

export const trainingRaceSpec = defineWidget({
  name: 'TrainingRace',
  params,
  work: { estimate: raceWork, max: 3e9, unit: 'multiply-adds' },
});

export type TrainingRaceSpecState = StateOf<typeof params>;
