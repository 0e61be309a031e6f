/**
 * A fully connected layer: z = x·W + b, a = f(z), then (while training) inverted dropout.
 * `forward` caches what `backward` needs — the input x and the local derivative f′(z) — which is
 * the source post's structure; `backward` stores the parameter gradients instead of applying them,
 * so they can be checked and shown. All buffers are reused from one step to the next.
 * @module
 */
import { matmul, matmulNT, matmulTN, reuse, zeros, type Matrix } from './matrix.ts'
import type { Rng } from './rng.ts'
import { ACTIVATIONS, type ActivationName, type ActivationResult } from './activations.ts'
import { INITIALIZERS, type InitializerName } from './initializers.ts'
import { REGULARIZERS, type RegularizerName } from './regularizers.ts'

/** Returns `name` when it is a key of `registry`, else throws an error listing the known names. */
export function assertKnownName<T extends object>(where: string, kind: string, registry: T, name: unknown): keyof T & string {
  if (typeof name === 'string' && Object.hasOwn(registry, name)) return name as keyof T & string
  throw new Error(`${where}: unknown ${kind} ${JSON.stringify(name)}; expected one of ${Object.keys(registry).join(', ')}`)
}

/** Options of {@link Dense}. */
export type DenseOptions = {
  inputDim: number
  units: number
  /** Default `'linear'`. */
  activation?: ActivationName
  /** Default `'glorotUniform'` (Glorot & Bengio 2010, eq. 16), as in Keras; pick `heNormal` for deep ReLU nets. */
  initializer?: InitializerName
  /** Penalty on this layer's weights, scaled by the network's λ. Default `'none'`. */
  regularizer?: RegularizerName
  /** Probability in [0, 1) that a unit's output is zeroed while training. Default 0. */
  dropRate?: number
  /** Whether the layer adds a bias (initialised to 0, never penalised). Default true. */
  bias?: boolean
  /** Draws the initial weights and, while training, the dropout masks. */
  rng: Rng
}

/** A dense layer; shapes are noted as [rows, cols], batch = number of examples (rows of x). */
export class Dense {
  inputDim: number
  units: number
  activation: ActivationName
  initializer: InitializerName
  regularizer: RegularizerName
  dropRate: number
  bias: boolean
  /** Random source for dropout masks; reassign it (e.g. to a fresh seeded Rng) to replay a mask. */
  rng: Rng
  /** Weights [inputDim, units]. */ w: Matrix
  /** Bias [1, units]; stays 0 when `bias` is false. */ b: Matrix
  /** Last gradient of the weights [inputDim, units] (Network adds λ·R′(W) to the data part). */
  gradW: Matrix
  /** Last gradient of the bias [1, units]. */ gradB: Matrix
  /** Last input [batch, inputDim] (a reference, not a copy). */ x?: Matrix
  /** Last pre-activation z = x·W + b [batch, units]. */ z?: Matrix
  /** Last output [batch, units]: f(z), times the dropout mask when one was drawn. */
  a?: Matrix
  /** Last dropout mask [batch, units], entries 0 or 1/(1 − dropRate); null when no dropout was applied. */
  mask: Matrix | null = null
  /** Last f(z) before dropout and f′(z) [batch, units]. */
  act: Partial<ActivationResult> = {}
  /** Last dL/dz [batch, units]. */ dz?: Matrix
  /** Last dL/dx [batch, inputDim]. */ gradX?: Matrix
  private maskBuffer?: Matrix
  private dropped?: Matrix

  constructor(options: DenseOptions) {
    const { inputDim, units, activation = 'linear', initializer = 'glorotUniform' } = options
    const { regularizer = 'none', dropRate = 0, bias = true, rng } = options
    for (const [label, n] of [['inputDim', inputDim], ['units', units]] as const) {
      if (!Number.isInteger(n) || n < 1) throw new Error(`Dense: ${label} must be a positive integer, got ${String(n)}`)
    }
    this.activation = assertKnownName('Dense', 'activation', ACTIVATIONS, activation)
    this.initializer = assertKnownName('Dense', 'initializer', INITIALIZERS, initializer)
    this.regularizer = assertKnownName('Dense', 'regularizer', REGULARIZERS, regularizer)
    if (typeof dropRate !== 'number' || !(dropRate >= 0 && dropRate < 1)) {
      throw new Error(`Dense: dropRate must be a number in [0, 1), got ${String(dropRate)}`)
    }
    if (typeof bias !== 'boolean') throw new Error(`Dense: bias must be true or false, got ${String(bias)}`)
    if (typeof rng?.uniform !== 'function') throw new Error(`Dense: rng must be an Rng (from createRng(seed)), got ${String(rng)}`)
    this.inputDim = inputDim; this.units = units; this.dropRate = dropRate; this.bias = bias; this.rng = rng
    this.w = INITIALIZERS[this.initializer](inputDim, units, rng)
    this.b = zeros(1, units) // biases start at 0: the random weights already break the symmetry
    this.gradW = zeros(inputDim, units); this.gradB = zeros(1, units)
  }

  /** Runs the layer on x [batch, inputDim]; dropout only when `training` is true. Returns a reused buffer. */
  forward(x: Matrix, { training = false }: { training?: boolean } = {}): Matrix {
    if (x.cols !== this.inputDim) {
      throw new Error(`Dense.forward: input is ${x.rows}×${x.cols}, expected ${this.inputDim} columns (inputDim)`)
    }
    const batch = x.rows, units = this.units
    // #region dense-forward
    this.x = x // cached: dz/dW = x, needed for dL/dW = xᵀ·dL/dz
    const z = (this.z = matmul(x, this.w, reuse(this.z, batch, units))) // z = x·W  [batch, units]
    if (this.bias) {
      const zd = z.data, bd = this.b.data
      for (let i = 0; i < zd.length; i += units) for (let j = 0; j < units; j++) zd[i + j] += bd[j]
    }
    const { a } = ACTIVATIONS[this.activation](z, this.act) // a = f(z); caches da_dz = f′(z)
    // #endregion
    if (!training || this.dropRate === 0) {
      this.mask = null
      return (this.a = a)
    }
    // #region dropout-mask
    // Inverted dropout: drop each unit with probability dropRate and scale the kept ones by
    // 1/(1 − dropRate), so E[output] = f(z) and evaluation needs no rescaling.
    const mask = (this.mask = this.maskBuffer = reuse(this.maskBuffer, batch, units))
    const out = (this.dropped = reuse(this.dropped, batch, units))
    const md = mask.data, od = out.data, ad = a.data
    const keepScale = 1 / (1 - this.dropRate), dropRate = this.dropRate, rng = this.rng
    for (let i = 0; i < md.length; i++) {
      md[i] = rng.uniform() < dropRate ? 0 : keepScale
      od[i] = ad[i] * md[i]
    }
    // #endregion
    return (this.a = out)
  }

  /**
   * Back-propagates gradOut = dL/d(output) [batch, units] through the last forward: fills gradW and
   * gradB (data part) and returns dL/dx [batch, inputDim] (a reused buffer) — or null when
   * `inputGrad` is false, which saves a product in a network's first layer, where x is data.
   * `weightGrad: false` leaves gradW as it was, for when only the signal flowing back is wanted.
   */
  backward(gradOut: Matrix, options?: { inputGrad?: true; weightGrad?: boolean }): Matrix
  backward(gradOut: Matrix, options: { inputGrad: boolean; weightGrad?: boolean }): Matrix | null
  backward(gradOut: Matrix, { inputGrad = true, weightGrad = true }: { inputGrad?: boolean; weightGrad?: boolean } = {}): Matrix | null {
    const x = this.x, daDz = this.act.da_dz
    if (x === undefined || daDz === undefined) throw new Error('Dense.backward: call forward first')
    if (gradOut.rows !== x.rows || gradOut.cols !== this.units) {
      throw new Error(`Dense.backward: gradOut is ${gradOut.rows}×${gradOut.cols}, expected ${x.rows}×${this.units} (batch × units)`)
    }
    // #region dense-backward
    const dz = (this.dz = reuse(this.dz, x.rows, this.units)) // dL/dz = dL/da ⊙ f′(z) ⊙ mask  [batch, units]
    const g = gradOut.data, d = daDz.data, dzd = dz.data, m = this.mask?.data, gb = this.gradB.data, units = this.units
    gb.fill(0)
    for (let i = 0; i < dzd.length; i += units) {
      for (let j = 0, k = i; j < units; j++, k++) {
        const v = (dzd[k] = m ? g[k] * d[k] * m[k] : g[k] * d[k]) // a dropped unit (m = 0) passes nothing back
        gb[j] += v // dL/db = Σ_rows dL/dz
      }
    }
    if (!this.bias) gb.fill(0) // no bias, no gradient
    if (weightGrad) matmulTN(x, dz, this.gradW) // dL/dW = xᵀ·dL/dz; the loss gradient already holds the 1/N
    if (!inputGrad) return null
    return (this.gradX = matmulNT(dz, this.w, reuse(this.gradX, x.rows, this.inputDim))) // dL/dx = dL/dz·Wᵀ
    // #endregion
  }
}
