/**
 * Signal through depth (Glorot & Bengio 2010, Figures 6–7, at browser scale): push one batch of
 * standard-normal inputs through `depth` equal-width layers, back-propagate once, and report, per
 * layer, the distribution of activations (forward) and of the gradient arriving at each layer's
 * output (backward), with the variance argument's prediction beside them.
 */
import {
  createRng, Dense, firstNonFinite, histogram, INITIALIZER_VARIANCE, LOSSES, std, zeros,
  type ActivationName, type InitializerName, type Matrix, type Rng,
} from '../../lib/index.ts';
import type { Experiment } from '../runtime/experiment.ts';
import { largestMagnitude } from './magnitude.ts';

export type DepthSignalState = {
  initializer: InitializerName;
  activation: ActivationName;
  depth: number;
  width: number;
  samples: number;
  seed: number;
};

export type LayerSignal = {
  layer: number;
  /** Std of the activations a = f(z), and of the pre-activations z. */
  forwardStd: number;
  preStd: number;
  /** Std of d loss / d a, the gradient flowing back into this layer's output. */
  backwardStd: number;
  /** Predicted std of z from the variance argument, or null where it makes no prediction. */
  theoryPreStd: number | null;
  forward: { edges: number[]; counts: number[] };
  backward: { edges: number[]; counts: number[] };
};

export type DepthSignalResult = { state: DepthSignalState; layers: LayerSignal[]; nonFinite: boolean };

const BINS = 30;

/**
 * The variance argument's prediction for std(z) at layer l (1-based), inputs with unit variance.
 * Linear regime (linear, and tanh while unsaturated): Var(z_l) = n·Var(W)·Var(z_{l−1}).
 * ReLU: half of a zero-mean symmetric z is cut, so E[a²] = Var(z)/2 and
 * Var(z_l) = n·Var(W)·Var(z_{l−1})/2 after the first layer (He et al. 2015, eq. 7–9).
 * Sigmoid's outputs are not zero-mean, so no such product formula holds: null.
 */
export function theoryPreStd(activation: ActivationName, n: number, varW: number, layer: number): number | null {
  const gain = n * varW;
  if (activation === 'linear' || activation === 'tanh') return Math.sqrt(gain ** layer);
  if (activation === 'relu') return Math.sqrt(gain * (gain / 2) ** (layer - 1));
  return null;
}

/**
 * Population std of the finite values (NaN if none is finite). `nonFinite` is how many values are
 * NaN or ±Infinity, when a histogram has already counted them; lib's `std` rejects such values, so
 * only then is a filtered copy made (a diverging stack), and otherwise no pass is spent looking.
 */
function finiteStd(values: Float64Array, nonFinite = firstNonFinite(values) >= 0 ? 1 : 0): number {
  const finite = nonFinite > 0 ? values.filter(Number.isFinite) : values;
  return finite.length ? std(finite) : NaN;
}

/** rows × cols standard-normal draws, row by row. */
function normals(rows: number, cols: number, rng: Rng): Matrix {
  const m = zeros(rows, cols);
  for (let i = 0; i < m.data.length; i++) m.data[i] = rng.normal();
  return m;
}

/** One histogram per array over a range they share; `nonFinite` says how many values each could not place. */
function sharedHistogram(arrays: Float64Array[], symmetric: boolean) {
  const extent = largestMagnitude(arrays);
  const domain: [number, number] = symmetric ? [-extent, extent] : [0, extent];
  return arrays.map((a) => {
    const h = histogram(a, { bins: BINS, domain });
    return { edges: Array.from(h.edges), counts: h.counts, nonFinite: h.nonFinite };
  });
}

export const depthSignal: Experiment<DepthSignalState, DepthSignalResult> = {
  name: 'depthSignal',
  *run(state) {
    const { initializer, activation, depth, width, samples, seed } = state;
    const rng = createRng(seed);
    const layers = Array.from({ length: depth }, () => new Dense({ inputDim: width, units: width, activation, initializer, rng }));
    const x = normals(samples, width, rng);
    const y = normals(samples, width, rng);
    // One forward and one backward pass of the MSE loss (nothing updated), without what nothing
    // here shows: the weight gradients, and the first layer's backward step, whose product would
    // only give d loss/d x for the data. Then only what the figure shows: the spread of z, a and
    // d loss/d a per layer, and one histogram per layer and direction.
    const top = LOSSES.mse(layers.reduce((a, layer) => layer.forward(a), x), y).grad;
    let g = top;
    for (let i = depth - 1; i > 0; i--) g = layers[i].backward(g, { weightGrad: false });
    const outputs = layers.map((l) => l.a!.data);
    // Gradient into layer i's output: layer i+1's d loss/d x; for the top layer, the loss gradient.
    const backwardArrays = layers.map((_, i) => (i + 1 < depth ? layers[i + 1].gradX!.data : top.data));
    const forwardH = sharedHistogram(outputs, activation !== 'relu' && activation !== 'sigmoid');
    const backwardH = sharedHistogram(backwardArrays, true);
    const varW = INITIALIZER_VARIANCE[initializer](width, width);
    const result: DepthSignalResult = {
      state,
      nonFinite: forwardH.some((h) => h.nonFinite > 0),
      layers: layers.map((l, i) => ({
        layer: i + 1,
        forwardStd: finiteStd(outputs[i], forwardH[i].nonFinite),
        preStd: finiteStd(l.z!.data),
        backwardStd: finiteStd(backwardArrays[i], backwardH[i].nonFinite),
        theoryPreStd: theoryPreStd(activation, width, varW, i + 1),
        forward: { edges: forwardH[i].edges, counts: forwardH[i].counts },
        backward: { edges: backwardH[i].edges, counts: backwardH[i].counts },
      })),
    };
    yield { fraction: 1, snapshot: result };
    return result;
  },
};
