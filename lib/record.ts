// Per-layer recording for the plots: distributions of pre-activations, activations, gradients and
// weights, read from the fields a Dense layer keeps after its last forward and backward pass.
import { firstNonFinite } from './divergence.ts'
import { LOSSES } from './losses.ts'
import type { Matrix } from './matrix.ts'
import type { Network } from './network.ts'
import { histogram, type Histogram, type HistogramOptions } from './histogram.ts'
import { mean, norm, std } from './stats.ts'

/** The fields of a dense layer that recording reads (the `Dense` class has them all). */
export type RecordedLayer = {
  activation: string; w: Matrix; b: Matrix; gradW: Matrix; gradB: Matrix
  z?: Matrix; a?: Matrix; act?: { a?: Matrix }; gradX?: Matrix
}

/** Mean, population std and histogram of the finite values; `nonFinite` counts the others (the
 * moments are NaN when no value is finite). */
export type Summary = { mean: number; std: number; histogram: Histogram; nonFinite: number }

/** What {@link recordLayer} reports for one layer; `layer` is 1-based. */
export type LayerRecord = {
  layer: number; activation: string
  /** z = x·W + b of the last forward pass, and f(z) (before dropout, so the mask does not blur it). */
  preActivation: Summary | null; output: Summary | null
  /** d loss / d a, the gradient flowing back into this layer's output (filled by {@link recordBatch}). */
  outputGradient: Summary | null
  /** Weight gradient: Euclidean (Frobenius) norm and histogram; bias gradient norm. */
  gradW: { norm: number; histogram: Histogram }; gradBNorm: number
  /** Weights: histogram, norm and the fraction with |w| < `nearZero`. */
  weights: { histogram: Histogram; norm: number; nearZeroFraction: number }
  /** ReLU layers: fraction of units whose output is 0 (z ≤ 0) for every example of the batch.
   * null for other activations (none of them outputs an exact, gradient-blocking 0). */
  deadFraction: number | null
}

/** `bins` for every histogram (default 30); `domains` pins a quantity's histogram range, e.g. to
 * share one x-axis across layers; `nearZero` is the |w| threshold (default 1e-3). */
export type RecordOptions = {
  bins?: HistogramOptions['bins']; nearZero?: number
  domains?: Partial<Record<'preActivation' | 'output' | 'outputGradient' | 'gradW' | 'weights', [number, number]>>
}

// #region summarize
/** {@link Summary} of `values`; copies only when some value is non-finite. */
export function summarize(values: Float64Array, options: HistogramOptions = {}): Summary {
  let finite = values
  if (firstNonFinite(values) >= 0) finite = values.filter(Number.isFinite)
  const h = histogram(values, options)
  if (finite.length === 0) return { mean: NaN, std: NaN, histogram: h, nonFinite: values.length }
  return { mean: mean(finite), std: std(finite), histogram: h, nonFinite: values.length - finite.length }
}

/** Norm of the finite values, or NaN when any is non-finite (a norm of a diverged gradient is no number). */
const safeNorm = (data: Float64Array): number => (firstNonFinite(data) >= 0 ? NaN : norm(data))
// #endregion

// #region record-layer
/** Records one layer from its fields as the last forward/backward left them. `layer` is 1-based. */
export function recordLayer(l: RecordedLayer, layer: number, options: RecordOptions = {}, outputGradient?: Matrix): LayerRecord {
  const { bins = 30, nearZero = 1e-3, domains = {} } = options
  const opts = (key: keyof typeof domains): HistogramOptions => ({ bins, domain: domains[key] })
  const fz = l.act?.a ?? l.a
  let small = 0
  for (const v of l.w.data) if (Math.abs(v) < nearZero) small++
  return {
    layer, activation: l.activation,
    preActivation: l.z ? summarize(l.z.data, opts('preActivation')) : null,
    output: fz ? summarize(fz.data, opts('output')) : null,
    outputGradient: outputGradient ? summarize(outputGradient.data, opts('outputGradient')) : null,
    gradW: { norm: safeNorm(l.gradW.data), histogram: histogram(l.gradW.data, opts('gradW')) },
    gradBNorm: safeNorm(l.gradB.data),
    weights: { histogram: histogram(l.w.data, opts('weights')), norm: safeNorm(l.w.data), nearZeroFraction: small / l.w.data.length },
    deadFraction: l.activation === 'relu' && l.z ? deadFraction(l.z) : null,
  }
}

/** Fraction of columns (units) of z [batch, units] with z ≤ 0 in every row: ReLU outputs 0 there and
 * passes no gradient back, so the unit cannot recover from this batch. */
export function deadFraction(z: Matrix): number {
  let dead = 0
  for (let j = 0; j < z.cols; j++) {
    let alive = false
    for (let i = 0; i < z.rows && !alive; i++) alive = z.data[i * z.cols + j] > 0
    if (!alive) dead++
  }
  return dead / z.cols
}
// #endregion

/**
 * Records every layer from the fields the last pass left, without running anything: cheap enough
 * for every 'step' event of `trainSteps`. After `Network.step`, z and a belong to that step's batch
 * and d loss / d a is known for all layers but the last (null there; use {@link recordBatch}).
 * At an 'epoch' event the forward fields hold the epoch's evaluation pass instead.
 */
export function recordLayers(network: Network, options: RecordOptions = {}): LayerRecord[] {
  const layers = network.layers
  return layers.map((l, i) => recordLayer(l, i + 1, options, layers[i + 1]?.gradX))
}

// #region record-batch
/**
 * One forward and backward pass of `network` on (x, y) — `Network.gradients`, which updates
 * nothing — then a record of every layer, including d loss / d a: for layer i < L that is layer
 * i + 1's d loss / d x (`gradX`), for the output layer the loss gradient itself. This is what the
 * "signal through depth" plots need: per-layer activation std forward, gradient std backward.
 * `training` (default false) turns dropout on for the pass.
 */
export function recordBatch(
  network: Network, x: Matrix, y: Matrix, options: RecordOptions & { training?: boolean } = {},
): { loss: number; layers: LayerRecord[] } { // loss: the mean data loss of this pass
  const { training = false } = options
  network.gradients(x, y, { training })
  const layers = network.layers
  const last = layers[layers.length - 1]
  // The loss of this very pass (same dropout mask), recomputed from the output the pass left.
  const { loss, grad: outputGrad } = LOSSES[network.lossName](last.a!, y)
  return {
    loss,
    layers: layers.map((l, i) => recordLayer(l, i + 1, options, i === layers.length - 1 ? outputGrad : layers[i + 1].gradX)),
  }
}
// #endregion
