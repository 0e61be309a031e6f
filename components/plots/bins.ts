/**
 * Histogram bins for the histogram grid: raw values binned on given edges (non-finite values
 * and values outside the range are counted, not drawn), precomputed bins cleaned, and the
 * Gaussian reference curve a theory predicts.
 */
import { plottable } from './finite.ts';

/** Precomputed bins: `edges.length === counts.length + 1`, edges increasing. */
export type Bins = { edges: ArrayLike<number>; counts: ArrayLike<number> };

/** Drawable bins, with how many values (or bins) were left out and why. */
export type Binned = {
  /** Left and right edge and count of each drawable bin. */
  x1: number[];
  x2: number[];
  counts: number[];
  /** Sum of the drawn counts. */
  total: number;
  /** Values (raw input) or bins (precomputed input) that were not finite. */
  nonFinite: number;
  /** Raw values outside the binned range (only with a fixed x domain). */
  outside: number;
};

/** Bins finite `values` into `count` equal bins over [lo, hi] (hi inclusive), lo < hi. */
export function binValues(values: ArrayLike<number>, lo: number, hi: number, count: number): Binned {
  const width = (hi - lo) / count;
  const counts = new Array<number>(count).fill(0);
  let nonFinite = 0;
  let outside = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!plottable(v)) nonFinite++;
    else if (v < lo || v > hi) outside++;
    else counts[Math.min(count - 1, Math.floor((v - lo) / width))]++;
  }
  const x1 = counts.map((_, k) => lo + k * width);
  const x2 = counts.map((_, k) => (k === count - 1 ? hi : lo + (k + 1) * width));
  return { x1, x2, counts, total: values.length - nonFinite - outside, nonFinite, outside };
}

/** Keeps the bins whose edges and count are finite (count ≥ 0, left edge < right edge). */
export function cleanBins(bins: Bins): Binned {
  const out: Binned = { x1: [], x2: [], counts: [], total: 0, nonFinite: 0, outside: 0 };
  const n = Math.min(bins.counts.length, bins.edges.length - 1);
  for (let k = 0; k < n; k++) {
    const a = +bins.edges[k];
    const b = +bins.edges[k + 1];
    const c = +bins.counts[k];
    if (plottable(a) && plottable(b) && plottable(c) && a < b && c >= 0) {
      out.x1.push(a), out.x2.push(b), out.counts.push(c);
      out.total += c;
    } else out.nonFinite++;
  }
  return out;
}

/**
 * The histogram's silhouette as points for a step-after area: each bin's share from its left
 * edge, dropping to 0 after a bin whose right neighbour doesn't start at its right edge (a gap
 * from dropped bins, or the last bin). Shares are count / total (0 when nothing was drawn).
 */
export function stepOutline(b: Binned): { x: number[]; y: number[] } {
  const x: number[] = [];
  const y: number[] = [];
  for (let k = 0; k < b.counts.length; k++) {
    x.push(b.x1[k]), y.push(b.total > 0 ? b.counts[k] / b.total : 0);
    if (k === b.counts.length - 1 || b.x1[k + 1] !== b.x2[k]) x.push(b.x2[k]), y.push(0);
  }
  return { x, y };
}

/** Normal density N(mean, std²) at x. */
export function normalPdf(x: number, mean: number, std: number): number {
  const z = (x - mean) / std;
  return Math.exp(-0.5 * z * z) / (std * Math.sqrt(2 * Math.PI));
}

/**
 * The Gaussian a theory predicts, as the share of values per bin of width `binWidth`
 * (pdf × width), sampled at `n` points over [lo, hi]; each y is capped at `cap` so a very
 * narrow prediction cannot flatten the panel. Empty when std is not a positive finite number.
 */
export function gaussianCurve(mean: number, std: number, lo: number, hi: number, binWidth: number, cap: number, n = 61): { x: number[]; y: number[] } {
  if (!plottable(mean) || !plottable(std) || !(std > 0) || !(hi > lo)) return { x: [], y: [] };
  const x = Array.from({ length: n }, (_, k) => lo + ((hi - lo) * k) / (n - 1));
  const y = x.map((v) => Math.min(cap, normalPdf(v, mean, std) * binWidth));
  return plottable(y[0]) ? { x, y: y.map((v) => (plottable(v) ? v : 0)) } : { x: [], y: [] };
}
