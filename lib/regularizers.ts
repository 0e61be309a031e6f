/**
 * Weight penalties R(W), keyed by name like the source post's `REGULARIZERS`. Each returns the
 * penalty and its gradient dR/dW; the network multiplies both by λ and applies them to weights
 * only, never to biases (Goodfellow et al. 2016, §7.1).
 * @module
 */
import { reuse, type Matrix } from './matrix.ts'

/** A penalty value and its gradient, shaped like the weights. */
export type RegularizerResult = { penalty: number; grad: Matrix }

/** A regularizer; `grad` is a buffer reused when it has w's shape (it must not share memory with w). */
export type Regularizer = (w: Matrix, grad?: Matrix) => RegularizerResult

/** The regularizers by name. */
export const REGULARIZERS = {
  // #region none
  /** No penalty: R = 0, gradient 0. (The post's default `'l'` names no entry; this one does.) */
  none: (w: Matrix, grad?: Matrix): RegularizerResult => {
    const g = reuse(grad, w.rows, w.cols)
    g.data.fill(0)
    return { penalty: 0, grad: g }
  },
  // #endregion
  // #region l1
  /**
   * L1 (lasso): R = Σ|w|. |w| has no derivative at 0; any value in [−1, 1] is a subgradient there
   * and we take sign(0) = 0 (the post uses +1), so a weight sitting at 0 is not pushed off it.
   */
  l1: (w: Matrix, grad?: Matrix): RegularizerResult => {
    const g = reuse(grad, w.rows, w.cols)
    const wd = w.data, gd = g.data
    let penalty = 0
    for (let i = 0; i < wd.length; i++) {
      const v = wd[i]
      penalty += Math.abs(v)
      gd[i] = v > 0 ? 1 : v < 0 ? -1 : v === 0 ? 0 : v // NaN stays NaN
    }
    return { penalty, grad: g }
  },
  // #endregion
  // #region l2
  /**
   * L2 (ridge): R = Σw², gradient 2w, the post's convention. Many texts use ½Σw² so that the
   * gradient is w; with ours, an SGD step is w ← (1 − 2ηλ)·w − η·(data gradient): weight decay.
   */
  l2: (w: Matrix, grad?: Matrix): RegularizerResult => {
    const g = reuse(grad, w.rows, w.cols)
    const wd = w.data, gd = g.data
    let penalty = 0
    for (let i = 0; i < wd.length; i++) {
      const v = wd[i]
      penalty += v * v
      gd[i] = 2 * v
    }
    return { penalty, grad: g }
  },
  // #endregion
}

/** The name of a regularizer in {@link REGULARIZERS}. */
export type RegularizerName = keyof typeof REGULARIZERS
