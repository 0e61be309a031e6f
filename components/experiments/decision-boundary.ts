/**
 * Decision boundary: a small 2-D classifier trained from a chosen start — an engine initializer
 * whose weights are all multiplied by `gain` (so "too small" is e.g. heNormal × 0.01 and "too
 * large" heNormal × 10, and "zero" is the zeros initializer) — streaming, every few epochs, the
 * predicted probability σ(logit) on a grid over the data, the loss curves and the accuracies.
 * A snapshot comes after every epoch (so a reader can step through them one by one), but is
 * computed only when read: the worker draws a few a second, and a grid for every epoch would
 * cost more than the training.
 * The output layer is linear and the loss is binary cross-entropy on its logit.
 */
import {
  circles, createRng, Dense, logistic, matrix, Network, spirals, trainSteps, trainTestSplit, twoMoons,
  type ActivationName, type Dataset, type Divergence, type InitializerName, type Matrix, type Rng,
} from '../../lib/index.ts';
import type { Experiment, Snapshot } from '../runtime/experiment.ts';
import { countDistinctUnits, saturation } from './decision-boundary-units.ts';

export type BoundaryDataset = 'moons' | 'circles' | 'spirals';

export type DecisionBoundaryState = {
  dataset: BoundaryDataset; noise: number; samples: number;
  initializer: InitializerName; gain: number;
  /** Hidden layers (a linear output unit comes on top). */
  depth: number; width: number; activation: ActivationName;
  learningRate: number; epochs: number; batchSize: number; seed: number;
};

/** Points, columnar; `label` is the class (0 or 1). */
export type Points = { x: number[]; y: number[]; label: number[] };

export type DecisionBoundaryResult = {
  /** Epochs finished so far (the last one recorded in `history`). */
  epochsDone: number;
  /** P(class 1) on GRID × GRID cells over the data: `values[j * nx + i]`, i left→right, j bottom→top. */
  grid: { x: [number, number]; y: [number, number]; nx: number; ny: number; values: number[] };
  /** The epoch whose weights the grid shows (the last finite one if training diverged). */
  gridEpoch: number;
  train: Points; test: Points;
  /** One entry per recorded epoch; epoch 0 is the untrained network. */
  history: { epoch: number[]; trainLoss: number[]; testLoss: number[]; trainAccuracy: number[]; testAccuracy: number[] };
  /** Per hidden layer, how many different units it has (same incoming weights and bias count once). */
  distinctUnits: number[];
  /** Per hidden layer, on the training set: the share of (example, unit) pairs whose f′(z) is below
   * 1% of f′'s peak (saturated tanh/sigmoid, switched-off relu), now and before training, and how
   * many units are like that on every example (they pass back almost no gradient at all). */
  saturated: number[]; saturatedAtStart: number[]; stuckUnits: number[];
  divergence: Divergence | null;
};

export const GRID = 50;
export const TEST_FRACTION = 0.25;

const MAKERS: Record<BoundaryDataset, (n: number, noise: number, rng: Rng) => Dataset> = {
  moons: (n, noise, rng) => twoMoons({ n, noise, rng }),
  circles: (n, noise, rng) => circles({ n, noise, rng }),
  spirals: (n, noise, rng) => spirals({ n, noise, rng }),
};

/** Training rows for `samples` generated examples. */
export const trainSize = (samples: number): number => samples - Math.round(samples * TEST_FRACTION);

/**
 * Three seeds from one: data (and split), initial weights, minibatch order. Separate streams keep
 * the data and the batches the same whichever start the reader picks (a normal law uses another
 * number of draws than a uniform one, which would shift a shared stream).
 */
export function seedStreams(seed: number): { data: number; init: number; order: number } {
  const rng = createRng(seed);
  return { data: rng.int(2 ** 31), init: rng.int(2 ** 31), order: rng.int(2 ** 31) };
}

/** The network of a state, its weights drawn from the init stream and multiplied by `gain`. */
export function buildNetwork(s: DecisionBoundaryState, rng: Rng): Network {
  const layers = Array.from({ length: s.depth }, (_, i) =>
    new Dense({ inputDim: i === 0 ? 2 : s.width, units: s.width, activation: s.activation, initializer: s.initializer, rng }));
  layers.push(new Dense({ inputDim: s.width, units: 1, activation: 'linear', initializer: s.initializer, rng }));
  // Scaling every weight by g scales its variance by g²; biases start at 0 either way.
  for (const layer of layers) for (let k = 0; k < layer.w.data.length; k++) layer.w.data[k] *= s.gain;
  return new Network(layers, { loss: 'binaryCrossEntropy' });
}

const points = (d: Dataset): Points => {
  const column = (c: number) => Array.from({ length: d.x.rows }, (_, i) => d.x.data[2 * i + c]);
  return { x: column(0), y: column(1), label: Array.from(d.labels!) };
};

/** Centres of GRID × GRID cells over the data's bounding box widened by 10% of its span on every side. */
function gridCells(x: Matrix): { x: [number, number]; y: [number, number]; cells: Matrix } {
  const lo = [Infinity, Infinity], hi = [-Infinity, -Infinity];
  x.data.forEach((v, i) => ((lo[i % 2] = Math.min(lo[i % 2], v)), (hi[i % 2] = Math.max(hi[i % 2], v))));
  const [bx, by] = [0, 1].map((k): [number, number] => [lo[k] - 0.1 * (hi[k] - lo[k]), hi[k] + 0.1 * (hi[k] - lo[k])]);
  const cells = matrix(GRID * GRID, 2);
  for (let k = 0; k < GRID * GRID; k++) {
    cells.data[2 * k] = bx[0] + (((k % GRID) + 0.5) * (bx[1] - bx[0])) / GRID;
    cells.data[2 * k + 1] = by[0] + ((Math.floor(k / GRID) + 0.5) * (by[1] - by[0])) / GRID;
  }
  return { x: bx, y: by, cells };
}

const copyWeights = (network: Network) => network.layers.map((l) => ({ w: l.w.data.slice(), b: l.b.data.slice() }));
const HISTORY_KEYS = ['epoch', 'trainLoss', 'testLoss', 'trainAccuracy', 'testAccuracy'] as const;

/**
 * A snapshot whose result is made when first read (and kept): read before the generator goes on,
 * it is the network after this epoch; a snapshot nobody reads costs nothing.
 */
function lazySnapshot<R>(fraction: number, make: () => R): Snapshot<R> {
  let made: { value: R } | null = null;
  return {
    fraction,
    get snapshot() {
      return (made ??= { value: make() }).value;
    },
  };
}

export const decisionBoundary: Experiment<DecisionBoundaryState, DecisionBoundaryResult> = {
  name: 'decisionBoundary',
  *run(state) {
    const seeds = seedStreams(state.seed);
    const dataRng = createRng(seeds.data);
    const all = MAKERS[state.dataset](state.samples, state.noise, dataRng);
    const { train, test } = trainTestSplit(all, TEST_FRACTION, dataRng);
    const [trainPoints, testPoints] = [points(train), points(test)];
    const box = gridCells(all.x);
    const network = buildNetwork(state, createRng(seeds.init));
    const probabilities = () => Array.from(network.predict(box.cells).data, logistic); // σ(logit) per cell
    const history: DecisionBoundaryResult['history'] = { epoch: [], trainLoss: [], testLoss: [], trainAccuracy: [], testAccuracy: [] };
    const saturatedAtStart = saturation(network, train.x).saturated;
    // The grid is computed for the result being made (a snapshot read, the end, the divergence).
    let [grid, gridEpoch, divergence] = [[] as number[], 0, null as Divergence | null];
    // The weights after the last finished epoch: a diverged run's boundary is drawn from them.
    let saved = copyWeights(network);
    const result = (): DecisionBoundaryResult => ({
      epochsDone: history.epoch.at(-1) ?? 0, grid: { x: box.x, y: box.y, nx: GRID, ny: GRID, values: grid }, gridEpoch,
      train: trainPoints, test: testPoints,
      history: Object.fromEntries(HISTORY_KEYS.map((k) => [k, history[k].slice()])) as DecisionBoundaryResult['history'],
      distinctUnits: countDistinctUnits(network), ...saturation(network, train.x), saturatedAtStart, divergence,
    });
    const it = trainSteps({
      network, train, test, epochs: state.epochs, learningRate: state.learningRate,
      batchSize: Math.min(state.batchSize, train.x.rows), rng: createRng(seeds.order), yieldEvery: 'epoch',
    });
    for (let next = it.next(); !next.done; next = it.next()) {
      const event = next.value;
      if (event.type === 'diverged') {
        divergence = event.divergence;
        network.layers.forEach((l, k) => (l.w.data.set(saved[k].w), l.b.data.set(saved[k].b)));
        [grid, gridEpoch] = [probabilities(), history.epoch.at(-1) ?? 0];
        break;
      }
      if (event.type !== 'epoch') continue;
      const r = event.record;
      for (const k of HISTORY_KEYS) history[k].push(r[k] as number); // a test set is given: no nulls
      saved = copyWeights(network);
      if (r.epoch < state.epochs) yield lazySnapshot(r.epoch / state.epochs, () => ((grid = probabilities()), (gridEpoch = r.epoch), result()));
    }
    if (!divergence) [grid, gridEpoch] = [probabilities(), state.epochs];
    return result();
  },
};
