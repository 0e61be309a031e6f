/**
 * Parameters of <DecisionBoundary>: the data, the start (an engine initializer times a gain), the
 * network and the SGD settings. "Too small" and "too large" are not separate recipes: they are
 * a published recipe with every initial weight multiplied by `gain` (variance by gain²).
 */
import { defineWidget } from '../../runtime/params.ts';
import type { Params, StateOf } from '../../runtime/params-types.ts';
import { DATASET_LABELS, INITIALIZER_LABELS, INITIALIZER_NAMES } from '../labels.ts';

/** The engine's initializer names (lib/initializers.ts), in its order; a test keeps them in sync. */
export const BOUNDARY_INITIALIZERS = INITIALIZER_NAMES;

/** Share of the generated examples held out for testing (the experiment uses the same; a test checks). */
export const BOUNDARY_TEST_FRACTION = 0.25;
const MAX_SAMPLES = 1000;

const params = {
  dataset: {
    kind: 'enum', options: ['moons', 'circles', 'spirals'], default: 'moons', label: 'Data', phrase: 'the # data',
    labels: { moons: DATASET_LABELS.moons, circles: DATASET_LABELS.circles, spirals: DATASET_LABELS.spirals },
  },
  noise: { kind: 'number', min: 0, max: 0.5, default: 0.2, label: 'Noise (std added to each coordinate)' },
  samples: { kind: 'int', min: 40, max: MAX_SAMPLES, default: 300, label: 'Examples (a quarter held out for testing)', phrase: ['# example', '# examples'] },
  initializer: { kind: 'enum', options: BOUNDARY_INITIALIZERS, default: 'glorotUniform', label: 'Initializer', labels: INITIALIZER_LABELS, phrase: 'the # initializer' },
  gain: {
    kind: 'number', min: 0.01, max: 10, default: 1, scale: 'log', label: 'Gain: every initial weight × this',
    help: '1 is the recipe as published; 0.01 makes the start too small, 10 too large (the variance changes by gain²). Zeros stay zeros.',
  },
  depth: { kind: 'int', min: 1, max: 6, default: 2, label: 'Hidden layers', phrase: ['# hidden layer', '# hidden layers'] },
  width: { kind: 'int', min: 2, max: 64, default: 16, label: 'Units per hidden layer', phrase: ['# unit per hidden layer', '# units per hidden layer'] },
  activation: { kind: 'enum', options: ['tanh', 'relu', 'sigmoid', 'leakyRelu'], default: 'tanh', label: 'Activation', labels: { leakyRelu: 'leaky relu (slope 0.01)' }, phrase: 'the # activation' },
  learningRate: { kind: 'number', min: 0.001, max: 3, default: 0.03, scale: 'log', label: 'Learning rate' },
  epochs: { kind: 'int', min: 1, max: 500, default: 100, label: 'Epochs', phrase: ['# epoch', '# epochs'] },
  batchSize: { kind: 'int', min: 1, max: MAX_SAMPLES, default: 8, label: 'Batch size (capped at the training set)' },
  seed: { kind: 'seed', default: 1, label: 'Seed (data, weights and batch order)' },
} as const satisfies Params;

export type DecisionBoundarySpecState = StateOf<typeof params>;

/**
 * Costs besides the products, in multiply-add equivalents (one is about 1.5 ns), fitted by least
 * squares to the CPU times of 42 runs in Node 24 (depth 1–6, width 4–64, batch 1–64, 100–600
 * examples; predictions within 0.7–1.3× of the times): per example and unit (bias, activation,
 * derivative), per step and weight (the SGD update, the divergence check, small-batch products),
 * per step and layer (calls), per epoch (scoring, records), and per grid cell drawn.
 */
const UNIT = 12;
const STEP_WEIGHT = 8;
const STEP_LAYER = 850;
const EPOCH = 70_000;
const CELL = 0.67;
/**
 * Grids computed per run, as budgeted: up to 40 snapshots and the last. A snapshot's grid is made
 * only when the worker draws it (a few a second), so a run usually computes fewer.
 */
const grids = (epochs: number) => Math.min(epochs, 40) + 2;

/**
 * Work of one run in multiply-add equivalents: per epoch, a forward and two backward products per
 * training example and a forward product per example to score both sets, with the costs above;
 * per grid, 2,500 cells and the training set once more (the saturation count).
 */
export function boundaryWork(s: Pick<DecisionBoundarySpecState, 'samples' | 'depth' | 'width' | 'epochs' | 'batchSize'>): number {
  const train = s.samples - Math.round(s.samples * BOUNDARY_TEST_FRACTION);
  const weights = 2 * s.width + (s.depth - 1) * s.width * s.width + s.width;
  const units = s.depth * s.width + 1;
  const rows = 3 * train + s.samples;
  const steps = Math.ceil(train / Math.min(s.batchSize, train));
  const perEpoch = rows * (weights + UNIT * units) + steps * (STEP_WEIGHT * weights + STEP_LAYER * (s.depth + 1)) + EPOCH;
  return s.epochs * perEpoch + grids(s.epochs) * (2500 + train) * CELL * (weights + 10 * units);
}

/**
 * Starts for the chapter's "zero / too small / appropriate / too large" at the default network
 * (tanh, so Glorot is the matching recipe); pass one as props, e.g. <DecisionBoundary gain={0.01} />.
 * Their outcomes are pinned in test/components/experiments/decision-boundary.test.ts.
 */
export const STARTS = {
  zero: { initializer: 'zeros', gain: 1 },
  tooSmall: { initializer: 'glorotUniform', gain: 0.01 },
  appropriate: { initializer: 'glorotUniform', gain: 1 },
  tooLarge: { initializer: 'glorotUniform', gain: 10 },
} as const;

/**
 * ReLU started ten times too large, with a high learning rate: the untrained logits run to tens of
 * thousands (ten times per layer), and the first steps either overflow (seed 1: at step 6) or
 * switch most units off (pinned over seeds 1–8 in the experiment's test).
 */
export const RELU_TOO_LARGE = { activation: 'relu', initializer: 'heNormal', gain: 10, depth: 4, width: 32, learningRate: 0.3 } as const;

export const decisionBoundarySpec = defineWidget({
  name: 'DecisionBoundary',
  params,
  // 3.3e9 × 1.5 ns ≈ 5 s on the (shared, 2-vCPU) machine the constants were fitted on.
  work: { estimate: boundaryWork, max: 3.3e9, unit: 'multiply-add equivalents' },
});
