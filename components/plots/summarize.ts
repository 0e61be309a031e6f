/**
 * Many runs of one configuration (e.g. one per seed) as one series: the median at each x and a
 * band, min–max or between two quantiles. Quantiles interpolate linearly between order
 * statistics (Hyndman & Fan 1996, definition 7; the default of R and NumPy).
 */
import type { Series } from './series.ts';

/** Quantile q ∈ [0, 1] of `sorted` (ascending, non-empty). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const h = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const i = Math.floor(h);
  return i + 1 < sorted.length ? sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
}

/**
 * The median of `runs` at each index of `x`, with a band: `'minmax'` or quantiles `[lo, hi]`
 * (e.g. [0.25, 0.75]). Where any run is missing or not finite the summary is NaN, so the chart
 * cuts the series at the first seed that diverged and says so (a median over the survivors
 * would hide the divergence).
 */
export function summarizeRuns(name: string, x: ArrayLike<number>, runs: ArrayLike<number>[], band: 'minmax' | [number, number] = 'minmax'): Series {
  const n = x.length;
  const y = new Float64Array(n);
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  const column = new Float64Array(runs.length);
  for (let t = 0; t < n; t++) {
    let finite = runs.length > 0;
    for (let r = 0; r < runs.length; r++) {
      const v = t < runs[r].length ? runs[r][t] : NaN;
      column[r] = v;
      if (!Number.isFinite(v)) finite = false;
    }
    if (!finite) {
      y[t] = lo[t] = hi[t] = NaN;
      continue;
    }
    column.sort();
    y[t] = quantileSorted(column, 0.5);
    lo[t] = band === 'minmax' ? column[0] : quantileSorted(column, band[0]);
    hi[t] = band === 'minmax' ? column[runs.length - 1] : quantileSorted(column, band[1]);
  }
  return { name, x, y, lo, hi };
}
