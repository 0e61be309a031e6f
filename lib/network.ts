/**
 * A stack of {@link Dense} layers trained by plain stochastic gradient descent on
 * total loss = mean data loss + λ·Σ_layers R(W), the penalty on weights only (never biases).
 * The penalty is a sum over weights, not divided by the batch size: as the data loss is a mean,
 * λ then means the same thing whatever the batch size.
 * @module
 */
import { reuse, type Matrix } from './matrix.ts'
import { Dense, assertKnownName } from './dense.ts'
import { LOSSES, type LossName } from './losses.ts'
import { REGULARIZERS } from './regularizers.ts'

/** Options of {@link Network}. */
export type NetworkOptions = {
  /** Data loss; the cross-entropies take logits, so give them a linear output layer. Default `'mse'`. */
  loss?: LossName
  /** Penalty strength λ ≥ 0, applied to each layer's own regularizer. Default 0. */
  lambda?: number
}

/** The loss of a network on a batch: the mean data loss, the penalty λ·ΣR(W) and their sum. */
export type LossParts = { data: number; penalty: number; total: number }

// Option objects made once, so the training hot path allocates none per layer and step.
const TRAINING = { training: true }, EVALUATION = { training: false }
const WITH_INPUT_GRAD = { inputGrad: true }, WITHOUT_INPUT_GRAD = { inputGrad: false }

/** Copies a matrix (results handed to callers must not be overwritten by the next step). */
const copy = (m: Matrix): Matrix => ({ rows: m.rows, cols: m.cols, data: m.data.slice() })

/** A feed-forward network. `training` defaults to false everywhere except {@link Network.step}. */
export class Network {
  layers: Dense[]
  lossName: LossName
  lambda: number
  private lossGrad?: Matrix
  private regGrads: (Matrix | undefined)[]

  constructor(layers: Dense[], { loss = 'mse', lambda = 0 }: NetworkOptions = {}) {
    if (!Array.isArray(layers) || layers.length === 0) {
      throw new Error(`Network: expected a non-empty array of Dense layers, got ${Array.isArray(layers) ? 'an empty array' : String(layers)}`)
    }
    layers.forEach((layer, i) => {
      if (!(layer instanceof Dense)) throw new Error(`Network: layer ${i} is ${String(layer)}, expected a Dense layer`)
      if (i > 0 && layer.inputDim !== layers[i - 1].units) {
        throw new Error(`Network: layer ${i} has inputDim ${layer.inputDim}, expected ${layers[i - 1].units} (the units of layer ${i - 1})`)
      }
    })
    if (typeof lambda !== 'number' || !(lambda >= 0 && lambda < Infinity)) {
      throw new Error(`Network: lambda must be a finite number ≥ 0, got ${String(lambda)}`)
    }
    this.layers = layers
    this.lossName = assertKnownName('Network', 'loss', LOSSES, loss)
    this.lambda = lambda
    this.regGrads = layers.map(() => undefined)
  }

  /** Runs every layer on x [batch, inputDim of layer 0]; returns the last layer's (reused) output buffer. */
  forward(x: Matrix, { training = false }: { training?: boolean } = {}): Matrix {
    const first = this.layers[0]
    if (x.cols !== first.inputDim) {
      throw new Error(`Network: input is ${x.rows}×${x.cols}, expected ${first.inputDim} columns (inputDim of layer 0)`)
    }
    let a = x
    const options = training ? TRAINING : EVALUATION
    for (const layer of this.layers) a = layer.forward(a, options)
    return a
  }

  /** The network's output on x without dropout, as a fresh matrix (logits for the cross-entropies). */
  predict(x: Matrix): Matrix {
    return copy(this.forward(x, { training: false }))
  }

  /** λ·Σ R(W) over the layers; with `addGrad`, also adds λ·R′(W) to each layer's gradW. */
  private penalty(addGrad: boolean): number {
    const lambda = this.lambda
    if (lambda === 0) return 0 // skips the work, and 0·∞ when weights have diverged
    let sum = 0
    for (let i = 0; i < this.layers.length; i++) {
      const layer = this.layers[i]
      if (layer.regularizer === 'none') continue
      const r = REGULARIZERS[layer.regularizer](layer.w, this.regGrads[i])
      this.regGrads[i] = r.grad
      sum += r.penalty
      if (!addGrad) continue
      const g = layer.gradW.data, rg = r.grad.data
      for (let k = 0; k < g.length; k++) g[k] += lambda * rg[k] // weights only: biases are never penalised
    }
    return lambda * sum
  }

  /** Data loss, penalty and total on (x, y); y is [batch, outputs] like the output. */
  loss(x: Matrix, y: Matrix, { training = false }: { training?: boolean } = {}): LossParts {
    const out = this.forward(x, { training })
    const r = LOSSES[this.lossName](out, y, (this.lossGrad = reuse(this.lossGrad, out.rows, out.cols)))
    const penalty = this.penalty(false)
    return { data: r.loss, penalty, total: r.loss + penalty }
  }

  /**
   * Forward, loss and backward: leaves d total/d W and d total/d b in each layer's gradW and gradB.
   * With `inputGrad`, returns d total/dx (the penalty does not depend on x), else null.
   */
  private backprop(x: Matrix, y: Matrix, training: boolean, inputGrad: boolean): LossParts & { gradX: Matrix | null } {
    const out = this.forward(x, training ? TRAINING : EVALUATION)
    const r = LOSSES[this.lossName](out, y, (this.lossGrad = reuse(this.lossGrad, out.rows, out.cols)))
    let g: Matrix | null = r.grad
    for (let i = this.layers.length - 1; i >= 0; i--) {
      g = this.layers[i].backward(g!, inputGrad || i > 0 ? WITH_INPUT_GRAD : WITHOUT_INPUT_GRAD)
    }
    const penalty = this.penalty(true)
    return { data: r.loss, penalty, total: r.loss + penalty, gradX: g }
  }

  /** d total / d params for every layer, as fresh matrices [{ w: [inputDim, units], b: [1, units] }]; no update. */
  gradients(x: Matrix, y: Matrix, { training = false }: { training?: boolean } = {}): { w: Matrix; b: Matrix }[] {
    this.backprop(x, y, training, false)
    return this.layers.map((layer) => ({ w: copy(layer.gradW), b: copy(layer.gradB) }))
  }

  /** d total / d x [batch, inputDim], a fresh matrix (how the loss responds to each input). */
  inputGradient(x: Matrix, y: Matrix, { training = false }: { training?: boolean } = {}): Matrix {
    return copy(this.backprop(x, y, training, true).gradX!)
  }

  /** One SGD step on (x, y) with dropout on; returns the total loss before the update. */
  step(x: Matrix, y: Matrix, { learningRate }: { learningRate: number }): number {
    if (typeof learningRate !== 'number' || !(learningRate >= 0 && learningRate < Infinity)) {
      throw new Error(`Network.step: learningRate must be a finite number ≥ 0, got ${String(learningRate)}`)
    }
    const { total } = this.backprop(x, y, true, false)
    // #region sgd-update
    for (const layer of this.layers) {
      const w = layer.w.data, gw = layer.gradW.data
      for (let k = 0; k < w.length; k++) w[k] -= learningRate * gw[k] // W ← W − η·d total/dW
      if (layer.bias) {
        const b = layer.b.data, gb = layer.gradB.data
        for (let k = 0; k < b.length; k++) b[k] -= learningRate * gb[k] // b ← b − η·d data loss/db
      }
    }
    // #endregion
    return total
  }
}
