// Descriptive statistics for plots and tests: mean, variance, quantiles (histograms: histogram.ts).
// Policy on non-finite inputs (NaN, ±Infinity): nothing is ignored silently.
// - mean, variance, sampleVariance, std, quantile(s) and norm REJECT them with a RangeError that
//   names the index and the value (a NaN in an activation is a divergence, not a data point);
// - histogram (histogram.ts) COUNTS them separately (`nonFinite`), because a plot of a diverging
//   layer should still draw, and says how many values it could not place.
// Every function accepts any ArrayLike<number> (number[], Float64Array, Matrix.data).

function requireFinite(values: ArrayLike<number>, name: string, minLength = 1): void {
  if (values.length < minLength) throw new RangeError(`${name}: needs at least ${minLength} value(s), got ${values.length}`)
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new RangeError(`${name}: values[${i}] is ${values[i]}; expected finite numbers`)
  }
}

// #region moments
/** Arithmetic mean. Compensated (Neumaier 1974) sum; falls back to Σ(x/n) if the sum overflows. */
export function mean(values: ArrayLike<number>): number {
  requireFinite(values, 'mean')
  const n = values.length
  let [sum, compensation] = [0, 0]
  for (let i = 0; i < n; i++) {
    const x = values[i]
    const t = sum + x
    compensation += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum
    sum = t
  }
  if (Number.isFinite(sum)) return (sum + compensation) / n
  let scaled = 0
  for (let i = 0; i < n; i++) scaled += values[i] / n
  return scaled
}

/** Σ(x − mean)² by the "corrected two-pass algorithm" (Chan, Golub & LeVeque 1983, The American
 * Statistician 37(3)): the second term removes the rounding error left in the mean. */
function sumOfSquaredDeviations(values: ArrayLike<number>, m: number): number {
  let [squares, deviations] = [0, 0]
  for (let i = 0; i < values.length; i++) {
    const d = values[i] - m
    squares += d * d
    deviations += d
  }
  return Math.max(0, squares - (deviations * deviations) / values.length)
}

/** POPULATION variance: Σ(x − mean)² / n (NumPy's default `ddof=0`). Needs n ≥ 1. */
export function variance(values: ArrayLike<number>): number {
  return sumOfSquaredDeviations(values, mean(values)) / values.length
}

/** SAMPLE (unbiased) variance: Σ(x − mean)² / (n − 1), as R's `var`. Needs n ≥ 2. */
export function sampleVariance(values: ArrayLike<number>): number {
  requireFinite(values, 'sampleVariance', 2)
  return sumOfSquaredDeviations(values, mean(values)) / (values.length - 1)
}

/** POPULATION standard deviation: √variance. */
export function std(values: ArrayLike<number>): number {
  return Math.sqrt(variance(values))
}

/** Euclidean norm √Σx², scaled by max |x| so that squares of large values do not overflow. */
export function norm(values: ArrayLike<number>): number {
  requireFinite(values, 'norm', 0)
  let scale = 0
  for (let i = 0; i < values.length; i++) scale = Math.max(scale, Math.abs(values[i]))
  if (scale === 0) return 0
  let sum = 0
  for (let i = 0; i < values.length; i++) sum += (values[i] / scale) ** 2
  return scale * Math.sqrt(sum)
}
// #endregion

// #region quantiles
/**
 * Quantiles by linear interpolation between order statistics — Hyndman & Fan (1996) type 7,
 * the default of R's `quantile` and NumPy's `np.quantile`: with the sorted values x₀ ≤ … ≤ x₍ₙ₋₁₎
 * and h = (n − 1)·p, Q(p) = x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋). Sorts one copy for all `ps`.
 */
export function quantiles(values: ArrayLike<number>, ps: ArrayLike<number>): number[] {
  requireFinite(values, 'quantiles')
  const sorted = Float64Array.from(values).sort()
  const out: number[] = []
  for (let j = 0; j < ps.length; j++) {
    const p = ps[j]
    if (!(p >= 0 && p <= 1)) throw new RangeError(`quantiles: p = ${p}; expected a number in [0, 1]`)
    const h = (sorted.length - 1) * p
    const lo = Math.floor(h)
    const hi = Math.min(lo + 1, sorted.length - 1)
    out.push(sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]))
  }
  return out
}

/** One type-7 quantile; see {@link quantiles}. */
export function quantile(values: ArrayLike<number>, p: number): number {
  return quantiles(values, [p])[0]
}
// #endregion
