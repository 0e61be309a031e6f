// Divergence detection: after every training step, find the first non-finite number (NaN or
// ±Infinity) in the quantities the step touched, and report it as data with a sentence a reader
// can understand. Nothing throws: a diverged run is a result to show, not a crash.
import type { Matrix } from './matrix.ts'

/** The fields of a dense layer the check reads (the `Dense` class has them all). */
export type LayerFields = {
  x?: Matrix; z?: Matrix; a?: Matrix; gradW: Matrix; gradB: Matrix; w: Matrix; b: Matrix
}

/** Which number went bad: the network's input, a layer's pre-activation z or activation a, the loss,
 * a layer's weight or bias gradient, or (after the update) its weights or biases. */
export type Quantity = 'input' | 'preActivation' | 'activation' | 'loss' | 'gradW' | 'gradB' | 'w' | 'b'

/** The first non-finite value of a step. `layer` is 1-based (layer 1 is the first dense layer, as
 * in the sentence) and null for the loss; `row`/`col` locate the entry (null for the loss). */
export type Divergence = {
  quantity: Quantity; layer: number | null; step: number; epoch: number | null
  value: number; row: number | null; col: number | null; message: string
}

const NOUNS: Record<Quantity, string> = {
  input: 'input', preActivation: 'pre-activations', activation: 'activations', loss: 'loss',
  gradW: 'weight gradients', gradB: 'bias gradients', w: 'weights', b: 'biases',
}

// #region first-non-finite
/** Index of the first NaN or ±Infinity in `data`, or −1. One pass with early exit: v − v is 0 for
 * every finite v and NaN otherwise, which is cheaper than calling Number.isFinite. */
export function firstNonFinite(data: Float64Array): number {
  for (let i = 0; i < data.length; i++) {
    const v = data[i]
    if (v - v !== 0) return i
  }
  return -1
}
// #endregion

/**
 * "The loss overflowed to +∞ at step 37." / "Layer 2's weight gradients became NaN (not a number)
 * at step 12.": the value in words a reader knows, not JavaScript's "Infinity".
 */
export function divergenceMessage(quantity: Quantity, layer: number | null, value: number, step: number): string {
  const what = layer === null ? `The ${NOUNS[quantity]}` : `Layer ${layer}'s ${NOUNS[quantity]}`
  const became = Number.isNaN(value) ? 'became NaN (not a number)' : Number.isFinite(value) ? `became ${value}` : `overflowed to ${value > 0 ? '+∞' : '−∞'}`
  return `${what} ${became} at step ${step}.`
}

// #region divergence-check
/**
 * Checks one step in the order the numbers were computed, so the report names the cause rather
 * than its consequences: the input, then each layer's z and a (forward), the loss, the gradients
 * from the last layer back to the first (backward), and finally the updated weights and biases.
 * `loss` is the value `Network.step` returned; `step` is 1-based; `epoch` is for the report only.
 */
export function checkStep(
  layers: readonly LayerFields[], loss: number, step: number, epoch: number | null = null,
): Divergence | null {
  const found = (quantity: Quantity, layer: number | null, m?: Matrix): Divergence | null => {
    if (m === undefined) return null
    const i = firstNonFinite(m.data)
    if (i < 0) return null
    const value = m.data[i]
    const [row, col] = [Math.floor(i / m.cols), i % m.cols]
    return { quantity, layer, step, epoch, value, row, col, message: divergenceMessage(quantity, layer, value, step) }
  }
  let d: Divergence | null = layers.length > 0 ? found('input', null, layers[0].x) : null
  for (let l = 0; l < layers.length && !d; l++) {
    d = found('preActivation', l + 1, layers[l].z) ?? found('activation', l + 1, layers[l].a)
  }
  if (!d && !Number.isFinite(loss)) {
    d = { quantity: 'loss', layer: null, step, epoch, value: loss, row: null, col: null, message: divergenceMessage('loss', null, loss, step) }
  }
  for (let l = layers.length - 1; l >= 0 && !d; l--) {
    d = found('gradW', l + 1, layers[l].gradW) ?? found('gradB', l + 1, layers[l].gradB)
  }
  for (let l = 0; l < layers.length && !d; l++) d = found('w', l + 1, layers[l].w) ?? found('b', l + 1, layers[l].b)
  return d
}
// #endregion
