/**
 * Data losses, keyed by name. Each takes the network's output `out` and the targets `y` (same
 * shape, [batch, outputs]) and returns the mean loss and its gradient d(mean loss)/d out — the
 * 1/N of the mean is inside the gradient, so layers never divide by the batch size again.
 *
 * The two cross-entropies take LOGITS (the output layer is linear): folding the sigmoid or softmax
 * into the loss lets it be written in a form that stays finite and exact for logits of any size.
 * @module
 */
import { reuse, type Matrix } from './matrix.ts'
import { logistic } from './activations.ts'

/** A loss value and its gradient with respect to the network's output. */
export type LossResult = { loss: number; grad: Matrix }

/** A loss; `grad` is a buffer reused when it has out's shape (it must not share memory with out or y). */
export type Loss = (out: Matrix, y: Matrix, grad?: Matrix) => LossResult

function check(name: string, out: Matrix, y: Matrix): void {
  if (out.rows !== y.rows || out.cols !== y.cols) {
    throw new Error(
      `LOSSES.${name}: the output is ${out.rows}×${out.cols} but the targets are ` +
        `${y.rows}×${y.cols}; expected targets of the same shape as the output`,
    )
  }
  if (out.rows * out.cols === 0) {
    throw new Error(`LOSSES.${name}: got an empty ${out.rows}×${out.cols} batch; expected at least one value`)
  }
}

/** The losses by name. */
export const LOSSES = {
  // #region mse
  /** Mean squared error over all N elements: (1/N) Σ (out − y)²; gradient 2(out − y)/N. */
  mse: (out: Matrix, y: Matrix, grad?: Matrix): LossResult => {
    check('mse', out, y)
    const g = reuse(grad, out.rows, out.cols)
    const o = out.data, t = y.data, gd = g.data
    const n = o.length, scale = 2 / n
    let sum = 0
    for (let i = 0; i < n; i++) {
      const e = o[i] - t[i]
      sum += e * e
      gd[i] = scale * e
    }
    return { loss: sum / n, grad: g }
  },
  // #endregion
  // #region binaryCrossEntropy
  /**
   * Binary cross-entropy on logits z, mean over all N elements. −y·log σ(z) − (1 − y)·log(1 − σ(z))
   * equals max(z, 0) − z·y + log(1 + e^(−|z|)), which never overflows; gradient (σ(z) − y)/N.
   */
  binaryCrossEntropy: (out: Matrix, y: Matrix, grad?: Matrix): LossResult => {
    check('binaryCrossEntropy', out, y)
    const g = reuse(grad, out.rows, out.cols)
    const z = out.data, t = y.data, gd = g.data
    const n = z.length
    let sum = 0
    for (let i = 0; i < n; i++) {
      const v = z[i]
      sum += Math.max(v, 0) - v * t[i] + Math.log1p(Math.exp(-Math.abs(v)))
      gd[i] = (logistic(v) - t[i]) / n
    }
    return { loss: sum / n, grad: g }
  },
  // #endregion
  // #region softmaxCrossEntropy
  /**
   * Softmax cross-entropy on logits, one example per row, mean over the R rows of
   * −Σⱼ yⱼ·log softmax(z)ⱼ. With m = maxⱼ zⱼ and s = Σⱼ e^(zⱼ − m) (no overflow: every term ≤ 1,
   * one equals 1), −log softmax(z)ⱼ = log s − (zⱼ − m), the log-sum-exp trick. Gradient
   * (softmax(z)·Σⱼ yⱼ − y)/R, which is (softmax(z) − y)/R for one-hot or probability targets.
   * Terms with yⱼ = 0 contribute 0 (the convention 0·log 0 = 0).
   */
  softmaxCrossEntropy: (out: Matrix, y: Matrix, grad?: Matrix): LossResult => {
    check('softmaxCrossEntropy', out, y)
    const g = reuse(grad, out.rows, out.cols)
    const z = out.data, t = y.data, gd = g.data
    const rows = out.rows, cols = out.cols
    let sum = 0
    for (let r = 0, base = 0; r < rows; r++, base += cols) {
      let m = -Infinity
      for (let j = 0; j < cols; j++) if (z[base + j] > m) m = z[base + j]
      let s = 0, ySum = 0
      for (let j = 0; j < cols; j++) {
        s += gd[base + j] = Math.exp(z[base + j] - m) // e^(zⱼ − m) ≤ 1, parked in the gradient buffer
        ySum += t[base + j]
      }
      const logS = Math.log(s) // −log softmax(z)ⱼ = log s − (zⱼ − m)
      for (let j = 0; j < cols; j++) {
        const k = base + j
        if (t[k] !== 0) sum += t[k] * (logS - (z[k] - m))
        gd[k] = (ySum * (gd[k] / s) - t[k]) / rows
      }
    }
    return { loss: sum / rows, grad: g }
  },
  // #endregion
}

/** The name of a loss in {@link LOSSES}. */
export type LossName = keyof typeof LOSSES

/** Elementwise logistic σ(z): turns binaryCrossEntropy's logits into probabilities. */
export function sigmoid(z: Matrix, out?: Matrix): Matrix {
  const o = reuse(out, z.rows, z.cols)
  for (let i = 0; i < z.data.length; i++) o.data[i] = logistic(z.data[i])
  return o
}

/** Row-wise softmax (max subtracted first): turns softmaxCrossEntropy's logits into probabilities. */
export function softmax(z: Matrix, out?: Matrix): Matrix {
  const o = reuse(out, z.rows, z.cols)
  const zd = z.data, od = o.data, cols = z.cols
  for (let base = 0; base < zd.length; base += cols) {
    let m = -Infinity, s = 0
    for (let j = 0; j < cols; j++) if (zd[base + j] > m) m = zd[base + j]
    for (let j = 0; j < cols; j++) s += od[base + j] = Math.exp(zd[base + j] - m)
    for (let j = 0; j < cols; j++) od[base + j] /= s
  }
  return o
}
