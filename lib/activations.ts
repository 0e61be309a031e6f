/**
 * Activation functions, keyed by name like the source post's `ACTIVATIONS`. Each one computes the
 * activation a = f(z) and its local derivative da/dz = f′(z) elementwise in one pass, so that a
 * layer's `forward` can cache the derivative for its `backward` (the post's structure).
 * @module
 */
import { reuse, type Matrix } from './matrix.ts'
import { tanh } from './tanh.ts'

/** An activation's output a = f(z) and its elementwise derivative f′(z), both shaped like z. */
export type ActivationResult = { a: Matrix; da_dz: Matrix }

/**
 * An activation. With `out`, its `a` and `da_dz` are reused when shaped like z (and replaced
 * otherwise) and `out` itself is returned, so a training loop allocates nothing after its first
 * step. `out.a` and `out.da_dz` must not share memory with z.
 */
export type Activation = (z: Matrix, out?: Partial<ActivationResult>) => ActivationResult

/** The buffers an activation writes: out's own when they fit, else fresh ones. */
function buffers(z: Matrix, out: Partial<ActivationResult> | undefined): ActivationResult {
  const o = out ?? {}
  o.a = reuse(o.a, z.rows, z.cols)
  o.da_dz = reuse(o.da_dz, z.rows, z.cols)
  return o as ActivationResult
}

/** Slope of leakyRelu for negative inputs (Maas, Hannun & Ng 2013 use 0.01). */
export const LEAKY_RELU_SLOPE = 0.01

/**
 * The logistic function 1/(1 + e^(−z)), computed so that no exponential overflows: for z < 0 it
 * uses the equal form e^z/(1 + e^z). Exact 0 and 1 are reached only where float64 rounds to them.
 */
export function logistic(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z))
  const e = Math.exp(z)
  return e / (1 + e)
}

/** The activations by name. */
export const ACTIVATIONS = {
  // #region linear
  /** f(z) = z, f′(z) = 1: the output layer of a regression, or of a classifier whose loss takes logits. */
  linear: (z: Matrix, out?: Partial<ActivationResult>): ActivationResult => {
    const r = buffers(z, out)
    r.a.data.set(z.data)
    r.da_dz.data.fill(1)
    return r
  },
  // #endregion
  // #region sigmoid
  /** f(z) = 1/(1 + e^(−z)), f′(z) = f(z)(1 − f(z)); saturates (f′ → 0) for large |z|. */
  sigmoid: (z: Matrix, out?: Partial<ActivationResult>): ActivationResult => {
    const r = buffers(z, out)
    const zd = z.data, a = r.a.data, d = r.da_dz.data
    for (let i = 0; i < zd.length; i++) {
      const s = logistic(zd[i])
      a[i] = s
      d[i] = s * (1 - s)
    }
    return r
  },
  // #endregion
  // #region tanh
  /** f(z) = tanh z, f′(z) = 1 − tanh² z; zero-centred, which Glorot & Bengio (2010) favour. */
  tanh: (z: Matrix, out?: Partial<ActivationResult>): ActivationResult => {
    const r = buffers(z, out)
    const zd = z.data, a = r.a.data, d = r.da_dz.data
    for (let i = 0; i < zd.length; i++) {
      const t = tanh(zd[i]) // lib/tanh.ts: Math.tanh to 2 ulps, without the call into C++
      a[i] = t
      d[i] = 1 - t * t
    }
    return r
  },
  // #endregion
  // #region relu
  /**
   * f(z) = max(z, 0), f′(z) = 1 for z > 0 and 0 for z ≤ 0. At exactly z = 0 f has no derivative;
   * we take 0 (any value in [0, 1] is a valid subgradient), as PyTorch and TensorFlow do.
   */
  relu: (z: Matrix, out?: Partial<ActivationResult>): ActivationResult => {
    const r = buffers(z, out)
    const zd = z.data, a = r.a.data, d = r.da_dz.data
    for (let i = 0; i < zd.length; i++) {
      const v = zd[i] // conditional expressions ran ~1.5× faster than if/else here (mixed signs)
      a[i] = v > 0 ? v : v === v ? 0 : v // NaN must propagate, not read as a dead unit
      d[i] = v > 0 ? 1 : v === v ? 0 : v
    }
    return r
  },
  // #endregion
  // #region leakyRelu
  /** f(z) = z for z > 0 and 0.01·z otherwise; f′ = 1 or 0.01 (0.01 at z = 0, the same side as relu). */
  leakyRelu: (z: Matrix, out?: Partial<ActivationResult>): ActivationResult => {
    const r = buffers(z, out)
    const zd = z.data, a = r.a.data, d = r.da_dz.data
    for (let i = 0; i < zd.length; i++) {
      const v = zd[i]
      a[i] = v > 0 ? v : LEAKY_RELU_SLOPE * v
      d[i] = v > 0 ? 1 : LEAKY_RELU_SLOPE
    }
    return r
  },
  // #endregion
}

/** The name of an activation in {@link ACTIVATIONS}. */
export type ActivationName = keyof typeof ACTIVATIONS
