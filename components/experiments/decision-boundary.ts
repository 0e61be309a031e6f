/**
 * Decision boundary: a small 2-D classifier trained from a chosen start — an engine initializer
 * whose weights are all multiplied by `gain` (so "too small" is e.g. heNormal × 0.01 and "too
 * large" heNormal × 10, and "zero" is the zeros initializer) — streaming, every few epochs, the
 * predicted probability σ(logit) on a grid over the data, the loss curves and the accuracies.
 * The output layer is linear and the loss is binary cross-entropy on its logit.
 */
import {
  circles, createRng, Dense, Network, spirals, trainSteps, trainTestSplit, twoMoons, logistic,
  type ActivationName, type Dataset, type Divergence, type InitializerName, type Matrix, type Rng,
} from '../../lib/index.ts';
import type { Experiment } from '../runtime/experiment.ts';

export type BoundaryDataset = 'moons' | 'circles' | 'spirals';

export type DecisionBoundaryState = {
  dataset: BoundaryDataset; noise: number; samples: number;
  initializer: InitializerName; gain: number;
  /** Hidden layers (a linear output unit comes on top). */
  depth: number; width: number; activation: ActivationName;
  learningRate: number; epochs: number; batchSize: number; seed: number;
};

/** Points, columnar; `label` is the class, 0 or 1. */
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
/** At most this many snapshots per run (plus the untrained one). */
export const SNAPSHOTS = 40;

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

const points = (d: Dataset): Points => ({
  x: Array.from({ length: d.x.rows }, (_, i) => d.x.data[2 * i]),
  y: Array.from({ length: d.x.rows }, (_, i) => d.x.data[2 * i + 1]),
  label: Array.from(d.labels!),
});

/** The data's bounding box, widened by 10% of its span on every side. */
function frame(x: Matrix): { x: [number, number]; y: [number, number] } {
  const lo = [Infinity, Infinity], hi = [-Infinity, -Infinity];
  for (let i = 0; i < x.data.length; i++) lo[i % 2] = Math.min(lo[i % 2], x.data[i]), hi[i % 2] = Math.max(hi[i % 2], x.data[i]);
  const pad = (k: number): [number, number] => [lo[k] - 0.1 * (hi[k] - lo[k]), hi[k] + 0.1 * (hi[k] - lo[k])];
  return { x: pad(0), y: pad(1) };
}

/** σ(logit) at the centre of each grid cell. */
function probabilities(network: Network, cells: Matrix): number[] {
  return Array.from(network.predict(cells).data, logistic);
}

/** Distinct units of each hidden layer: columns of W (with their bias) compared exactly. */
export function countDistinctUnits(network: Network): number[] {
  return network.layers.slice(0, -1).map((layer) => {
    const unit = (j: number) => [layer.b.data[j], ...Array.from({ length: layer.inputDim }, (_, i) => layer.w.data[i * layer.units + j])].join(',');
    return new Set(Array.from({ length: layer.units }, (_, j) => unit(j))).size;
  });
}

/** Peak of f′ for each activation (σ′ peaks at ¼), the yardstick for "saturated". */
const PEAK: Record<ActivationName, number> = { linear: 1, tanh: 1, sigmoid: 0.25, relu: 1, leakyRelu: 1 };

/** Saturated shares and stuck units of each hidden layer on the rows of `x` (see the result type). */
export function saturation(network: Network, x: Matrix): { saturated: number[]; stuckUnits: number[] } {
  network.predict(x); // leaves f′(z) of every layer in layer.act.da_dz
  const hidden = network.layers.slice(0, -1);
  const stats = hidden.map((layer) => {
    const d = layer.act.da_dz!.data, units = layer.units, low = 0.01 * PEAK[layer.activation];
    const lowCount = new Int32Array(units);
    for (let k = 0; k < d.length; k++) if (d[k] < low) lowCount[k % units]++;
    const total = lowCount.reduce((a, b) => a + b, 0);
    return { share: total / d.length, stuck: lowCount.filter((c) => c === x.rows).length };
  });
  return { saturated: stats.map((t) => t.share), stuckUnits: stats.map((t) => t.stuck) };
}

export const decisionBoundary: Experiment<DecisionBoundaryState, DecisionBoundaryResult> = {
  name: 'decisionBoundary',
  *run(state) {
    const seeds = seedStreams(state.seed);
    const dataRng = createRng(seeds.data);
    const all = MAKERS[state.dataset](state.samples, state.noise, dataRng);
    const { train, test } = trainTestSplit(all, TEST_FRACTION, dataRng);
    const box = frame(all.x);
    const cells: Matrix = { rows: GRID * GRID, cols: 2, data: new Float64Array(2 * GRID * GRID) };
    for (let j = 0; j < GRID; j++) for (let i = 0; i < GRID; i++) {
      cells.data[2 * (j * GRID + i)] = box.x[0] + ((i + 0.5) * (box.x[1] - box.x[0])) / GRID;
      cells.data[2 * (j * GRID + i) + 1] = box.y[0] + ((j + 0.5) * (box.y[1] - box.y[0])) / GRID;
    }
    const network = buildNetwork(state, createRng(seeds.init));
    const history: DecisionBoundaryResult['history'] = { epoch: [], trainLoss: [], testLoss: [], trainAccuracy: [], testAccuracy: [] };
    const every = Math.max(1, Math.ceil(state.epochs / SNAPSHOTS));
    // The weights after the last finished epoch: a diverged run's boundary is drawn from them.
    let saved = network.layers.map((l) => [l.w.data.slice(), l.b.data.slice()]);
    let grid = probabilities(network, cells);
    let gridEpoch = 0;
    const saturatedAtStart = saturation(network, train.x).saturated;
    let divergence: Divergence | null = null;
    const result = (): DecisionBoundaryResult => ({
      epochsDone: history.epoch.at(-1) ?? 0,
      grid: { x: box.x, y: box.y, nx: GRID, ny: GRID, values: grid },
      gridEpoch, train: points(train), test: points(test),
      history: { epoch: [...history.epoch], trainLoss: [...history.trainLoss], testLoss: [...history.testLoss], trainAccuracy: [...history.trainAccuracy], testAccuracy: [...history.testAccuracy] },
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
        network.layers.forEach((l, k) => (l.w.data.set(saved[k][0]), l.b.data.set(saved[k][1])));
        grid = probabilities(network, cells);
        gridEpoch = history.epoch.at(-1) ?? 0;
        break;
      }
      if (event.type !== 'epoch') continue;
      const r = event.record;
      history.epoch.push(r.epoch), history.trainLoss.push(r.trainLoss), history.testLoss.push(r.testLoss!);
      history.trainAccuracy.push(r.trainAccuracy!), history.testAccuracy.push(r.testAccuracy!);
      saved = network.layers.map((l) => [l.w.data.slice(), l.b.data.slice()]);
      if (r.epoch === state.epochs) {
        grid = probabilities(network, cells), gridEpoch = r.epoch;
      } else if (r.epoch % every === 0) {
        grid = probabilities(network, cells), gridEpoch = r.epoch;
        yield { fraction: r.epoch / state.epochs, snapshot: result() };
      }
    }
    return result();
  },
};
