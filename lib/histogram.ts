// Histograms with fixed or automatic bins, for the plots of activations, gradients and weights.
// Unlike the moments in stats.ts, a histogram takes non-finite values: it counts them apart
// (`nonFinite`), so a diverging layer can still be drawn, with a note of what could not be placed.
import { quantiles } from './stats.ts'

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
  // A given domain and bin count need no first pass: the finite values are counted while binning.
  const onePass = options.domain !== undefined && typeof options.bins === 'number'
  for (let i = 0; i < n && !onePass; i++) {
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
  let [below, above, finiteSeen] = [0, 0, 0]
  const scale = bins / (hi - lo)
  for (let i = 0; i < n; i++) {
    const x = values[i]
    if (!(x - x === 0)) continue
    finiteSeen++
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
  return { edges, counts, below, above, nonFinite: n - finiteSeen }
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
