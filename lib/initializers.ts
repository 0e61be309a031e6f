/**
 * Weight initializers, keyed by name like the source post's `INITIALIZERS`. Each returns a
 * fanIn × fanOut matrix (rows = inputs, columns = units), drawn from the given {@link Rng}.
 *
 * The post's three schemes are kept under `post…` names and shown beside the papers' ones:
 * `postGlorot` is the heuristic Glorot & Bengio (2010) criticise (their eq. 1), `glorotUniform`
 * is their "normalized initialization" (eq. 16); `postHe` has a third of the variance that
 * He et al. (2015, eq. 10) prescribe, `heUniform`/`heNormal` have exactly that variance.
 * @module
 */
import { zeros, type Matrix } from './matrix.ts'
import type { Rng } from './rng.ts'

/** An initializer: fanIn × fanOut weights drawn with `rng`. */
export type Initializer = (fanIn: number, fanOut: number, rng: Rng) => Matrix

function checkFans(name: string, fanIn: number, fanOut: number): void {
  for (const [label, n] of [['fanIn', fanIn], ['fanOut', fanOut]] as const) {
    if (!Number.isInteger(n) || n < 1) {
      throw new Error(`INITIALIZERS.${name}: ${label} must be a positive integer, got ${String(n)}`)
    }
  }
}

// #region uniform-draw
/** fanIn × fanOut draws from U(−bound, bound): 2u − 1 maps [0, 1) onto [−1, 1). */
function uniform(name: string, fanIn: number, fanOut: number, rng: Rng, bound: number): Matrix {
  checkFans(name, fanIn, fanOut)
  const w = zeros(fanIn, fanOut)
  const d = w.data
  for (let i = 0; i < d.length; i++) d[i] = (2 * rng.uniform() - 1) * bound
  return w
}

// #endregion
// #region normal-draw
/** fanIn × fanOut draws from N(0, variance) — a plain normal, not truncated. */
function normal(name: string, fanIn: number, fanOut: number, rng: Rng, variance: number): Matrix {
  checkFans(name, fanIn, fanOut)
  const w = zeros(fanIn, fanOut)
  const d = w.data
  const std = Math.sqrt(variance)
  for (let i = 0; i < d.length; i++) d[i] = rng.normal() * std
  return w
}
// #endregion

/**
 * Half-width of each uniform initializer's interval, U(−bound, bound). A uniform law on
 * (−b, b) has variance b²/3, which is how the bounds below are tied to the variances.
 */
export const INITIALIZER_BOUND = {
  random: (_fanIn: number, _fanOut: number): number => 0.1,
  postGlorot: (fanIn: number, _fanOut: number): number => Math.sqrt(1 / fanIn),
  glorotUniform: (fanIn: number, fanOut: number): number => Math.sqrt(6 / (fanIn + fanOut)),
  postHe: (fanIn: number, _fanOut: number): number => Math.sqrt(2 / fanIn),
  heUniform: (fanIn: number, _fanOut: number): number => Math.sqrt(6 / fanIn),
}

/**
 * Theoretical variance of one weight under each initializer, written from the papers' formulas
 * (not from the bounds) so that chapters can draw theory lines and tests can check the draws.
 */
export const INITIALIZER_VARIANCE: Record<InitializerName, (fanIn: number, fanOut: number) => number> = {
  zeros: () => 0,
  random: () => 0.01 / 3,
  postGlorot: (fanIn) => 1 / (3 * fanIn), // Glorot & Bengio 2010, eq. 1: Var = 1/(3n)
  glorotUniform: (fanIn, fanOut) => 2 / (fanIn + fanOut), // eq. 12, met by eq. 16
  glorotNormal: (fanIn, fanOut) => 2 / (fanIn + fanOut),
  postHe: (fanIn) => 2 / (3 * fanIn),
  heUniform: (fanIn) => 2 / fanIn, // He et al. 2015, eq. 10: ½·n·Var[w] = 1
  heNormal: (fanIn) => 2 / fanIn,
}

/** The initializers by name. */
export const INITIALIZERS = {
  // #region zeros
  /** All weights 0: every unit of a layer computes the same thing, so symmetry is never broken. */
  zeros: (fanIn: number, fanOut: number, _rng: Rng): Matrix => {
    checkFans('zeros', fanIn, fanOut)
    return zeros(fanIn, fanOut)
  },
  // #endregion
  // #region random
  /** The post's "random": U(−0.1, 0.1) whatever the layer's width. */
  random: (fanIn: number, fanOut: number, rng: Rng): Matrix =>
    uniform('random', fanIn, fanOut, rng, 0.1),
  // #endregion
  // #region postGlorot
  /** The post's "Glorot": U(±√(1/fanIn)), the heuristic of Glorot & Bengio 2010, eq. 1. */
  postGlorot: (fanIn: number, fanOut: number, rng: Rng): Matrix =>
    uniform('postGlorot', fanIn, fanOut, rng, Math.sqrt(1 / fanIn)),
  // #endregion
  // #region glorotUniform
  /** Glorot & Bengio 2010, eq. 16 ("normalized"): U(±√(6/(fanIn+fanOut))), Var = 2/(fanIn+fanOut). */
  glorotUniform: (fanIn: number, fanOut: number, rng: Rng): Matrix =>
    uniform('glorotUniform', fanIn, fanOut, rng, Math.sqrt(6 / (fanIn + fanOut))),
  // #endregion
  // #region glorotNormal
  /** The normal law with Glorot & Bengio's variance: N(0, 2/(fanIn+fanOut)). */
  glorotNormal: (fanIn: number, fanOut: number, rng: Rng): Matrix =>
    normal('glorotNormal', fanIn, fanOut, rng, 2 / (fanIn + fanOut)),
  // #endregion
  // #region postHe
  /** The post's "He": U(±√(2/fanIn)), Var = 2/(3·fanIn) — a third of what He et al. ask for. */
  postHe: (fanIn: number, fanOut: number, rng: Rng): Matrix =>
    uniform('postHe', fanIn, fanOut, rng, Math.sqrt(2 / fanIn)),
  // #endregion
  // #region heUniform
  /** He et al. 2015's variance 2/fanIn from a uniform law: U(±√(6/fanIn)). */
  heUniform: (fanIn: number, fanOut: number, rng: Rng): Matrix =>
    uniform('heUniform', fanIn, fanOut, rng, Math.sqrt(6 / fanIn)),
  // #endregion
  // #region heNormal
  /** He et al. 2015, eq. 10: N(0, 2/fanIn), so a ReLU layer keeps its signal's second moment. */
  heNormal: (fanIn: number, fanOut: number, rng: Rng): Matrix =>
    normal('heNormal', fanIn, fanOut, rng, 2 / fanIn),
  // #endregion
}

/** The name of an initializer in {@link INITIALIZERS}. */
export type InitializerName = keyof typeof INITIALIZERS
