// Descriptive statistics for plots and tests: mean, variance, quantiles, histograms.
// Policy on non-finite inputs (NaN, ±Infinity): nothing is ignored silently.
// - mean, variance, sampleVariance, std, quantile(s) and norm REJECT them with a RangeError that
//   names the index and the value (a NaN in an activation is a divergence, not a data point);
// - histogram COUNTS them separately (`nonFinite`), because a plot of a diverging layer should
//   still draw, and says how many values it could not place.
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

// #region histogram
/** Bins: a count, or a rule — 'fd' (Freedman & Diaconis 1981: width 2·IQR·n^(−1/3)) or 'sturges'
 * (⌈log₂ n⌉ + 1 bins). 'fd' falls back to 'sturges' when the IQR is 0. Rules are capped at 200 bins. */
export type HistogramOptions = { bins?: number | 'fd' | 'sturges'; domain?: [number, number] }

/** `counts[i]` holds values in [edges[i], edges[i+1]); the last bin also holds its right edge (as
 * NumPy). Finite values outside `domain` go to `below`/`above`; NaN and ±Infinity to `nonFinite`,
 * so Σcounts + below + above + nonFinite = n always. */
export type Histogram = { edges: Float64Array; counts: number[]; below: number; above: number; nonFinite: number }

/** Histogram with fixed or automatic bins over `domain` (default: [min, max] of the finite values). */
export function histogram(values: ArrayLike<number>, options: HistogramOptions = {}): Histogram {
  const n = values.length
  let [min, max, finiteCount] = [Infinity, -Infinity, 0]
  for (let i = 0; i < n; i++) {
    const x = values[i]
    if (!(x - x === 0)) continue // NaN and ±Infinity: x − x is NaN
    finiteCount++
    if (x < min) min = x
    if (x > max) max = x
  }
  let [lo, hi] = options.domain ?? (finiteCount > 0 ? [min, max] : [0, 1])
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi)) {
    throw new RangeError(`histogram: domain [${lo}, ${hi}]; expected finite lo ≤ hi`)
  }
  const oneValue = lo === hi // a unit-wide domain centred on it, one bin unless told otherwise
  if (oneValue) [lo, hi] = [lo - 0.5, hi + 0.5]
  // Only the automatic rules need the finite values themselves (for the IQR); fixed counts stay one pass.
  const rule = options.bins ?? 'fd'
  const finite = typeof rule === 'number' ? null : finiteValues(values, finiteCount)
  const bins = binCount(rule, finite ?? [], finiteCount, lo, hi, oneValue)
  const edges = new Float64Array(bins + 1)
  for (let i = 0; i <= bins; i++) edges[i] = lo + ((hi - lo) * i) / bins
  edges[bins] = hi
  const counts = new Array<number>(bins).fill(0)
  let [below, above] = [0, 0]
  const scale = bins / (hi - lo)
  for (let i = 0; i < n; i++) {
    const x = values[i]
    if (!(x - x === 0)) continue
    if (x < lo) below++
    else if (x > hi) above++
    else {
      let k = Math.min(bins - 1, Math.floor((x - lo) * scale))
      // Rounding in the product can land one bin off; the edges are the definition.
      while (k > 0 && x < edges[k]) k--
      while (k < bins - 1 && x >= edges[k + 1]) k++
      counts[k]++
    }
  }
  return { edges, counts, below, above, nonFinite: n - finiteCount }
}

function finiteValues(values: ArrayLike<number>, count: number): Float64Array {
  const out = new Float64Array(count)
  let j = 0
  for (let i = 0; i < values.length; i++) if (values[i] - values[i] === 0) out[j++] = values[i]
  return out
}

function binCount(rule: HistogramOptions['bins'], finite: ArrayLike<number>, n: number, lo: number, hi: number, one: boolean): number {
  const ok = typeof rule === 'number' ? Number.isInteger(rule) && rule >= 1 : rule === 'fd' || rule === 'sturges'
  if (!ok) throw new RangeError(`histogram: bins = ${String(rule)}; expected a positive integer, 'fd' or 'sturges'`)
  if (typeof rule === 'number') return rule
  if (one) return 1
  const [q1, q3] = n >= 2 ? quantiles(finite, [0.25, 0.75]) : [0, 0]
  const width = 2 * (q3 - q1) * Math.cbrt(1 / n)
  const bins = rule === 'fd' && width > 0 ? Math.ceil((hi - lo) / width) : Math.ceil(Math.log2(Math.max(1, n))) + 1
  return Math.max(1, Math.min(200, bins))
}
// #endregion
