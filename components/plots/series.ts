/**
 * Series for line and point charts, cut where they stop being drawable: at the first value that
 * is not finite (a diverged run: NaN, ±Infinity, or beyond ±1e300), or not positive on a log
 * scale. The cut is marked on the chart (× and a word) and stated in the description.
 */
import * as Plot from '@observablehq/plot';
import { Extent, formatNumber, plottable } from './finite.ts';
import { plainLabel } from './label-text.ts';

/** One named series: x and y of equal length; `lo`/`hi` (optional) bound a band around y. */
export type Series = { name: string; x: ArrayLike<number>; y: ArrayLike<number>; lo?: ArrayLike<number>; hi?: ArrayLike<number> };

export type Cut = { x: number; y: number; lastIndex: number; reason: 'not finite' | 'not positive' };

export type Prepared = {
  name: string;
  /** Typed arrays: Plot passes Float64Array channels through, but copies plain arrays with a
   * per-element coercion (~10% of a line chart's redraw in a Chromium profile). */
  x: Float64Array;
  y: Float64Array;
  /** Band bounds, possibly shorter than x (cut where a bound stops being drawable). */
  lo: Float64Array;
  hi: Float64Array;
  /** Where the series was cut; `lastIndex` −1 when not even the first point was drawable. */
  cut: Cut | null;
  note: string | null;
};

const isArrayLike = (v: unknown): v is ArrayLike<number> =>
  Array.isArray(v) || ArrayBuffer.isView(v) || (typeof v === 'object' && v !== null && typeof (v as { length?: unknown }).length === 'number');

/**
 * Checks one series of `plot`'s data (index `i`) and cuts it; throws naming what is wrong.
 * `pointwise` (points, where each value stands alone): a finite value ≤ 0 on a log scale is left
 * out by itself, and the values after it are still drawn — a layer whose spread is exactly 0 does
 * not hide the layers above it. Non-finite values still cut: what follows a divergence is not data.
 */
export function prepareSeries(plot: string, s: Series, i: number, logY: boolean, pointwise = false): Prepared {
  if (s === null || typeof s !== 'object') throw new TypeError(`${plot}: data[${i}] must be an object { name, x, y }`);
  for (const key of ['x', 'y'] as const) {
    if (!isArrayLike(s[key])) throw new TypeError(`${plot}: data[${i}].${key} must be an array of numbers`);
  }
  const name = String(s.name ?? `series ${i + 1}`);
  const n = Math.min(s.x.length, s.y.length);
  const ok = (v: number) => plottable(v) && (!logY || v > 0);
  const skip = (k: number) => pointwise && logY && plottable(s.x[k]) && plottable(s.y[k]) && s.y[k] <= 0;
  let c = 0;
  const kept: number[] = [];
  const skipped: number[] = [];
  for (; c < n; c++) {
    if (plottable(s.x[c]) && ok(s.y[c])) kept.push(c);
    else if (skip(c)) skipped.push(c);
    else break;
  }
  const x = Float64Array.from(kept, (k) => +s.x[k]);
  const y = Float64Array.from(kept, (k) => +s.y[k]);
  let m = 0;
  const band = isArrayLike(s.lo) && isArrayLike(s.hi);
  if (band && !skipped.length) while (m < Math.min(c, s.lo!.length, s.hi!.length) && ok(s.lo![m]) && ok(s.hi![m])) m++;
  const lo = Float64Array.from({ length: m }, (_, k) => +s.lo![k]);
  const hi = Float64Array.from({ length: m }, (_, k) => +s.hi![k]);
  let cut: Cut | null = null;
  const notes: string[] = [];
  const said = plainLabel(name);
  if (skipped.length) {
    notes.push(`${said} is ${skipped.every((k) => s.y[k] === 0) ? '0' : '0 or less'} at x = ${listOf(skipped.map((k) => +s.x[k]))}, which a log scale cannot show${kept.length ? '' : ': it is not drawn'}.`);
  }
  if (c < n) {
    const bad = plottable(s.x[c]) ? s.y[c] : s.x[c];
    const reason = plottable(bad) ? 'not positive' : 'not finite';
    const last = x.length - 1;
    cut = { x: x[last] ?? NaN, y: y[last] ?? NaN, lastIndex: last, reason };
    const why = reason === 'not finite' ? `the next value is ${formatNumber(bad)} (diverged)` : `the next value, ${formatNumber(bad)}, is not positive and a log scale cannot show it`;
    notes.push(last < 0 ? `${said} is not drawn: its first value is ${formatNumber(bad)}.` : `${said} stops at x = ${formatNumber(x[last])}: ${why}.`);
  }
  return { name, x, y, lo, hi, cut, note: notes.length ? notes.join(' ') : null };
}

/** Values in order, runs of consecutive whole numbers joined: 1–9, 12, 14. */
function listOf(xs: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < xs.length; ) {
    let j = i;
    while (j + 1 < xs.length && Number.isInteger(xs[j]) && xs[j + 1] === xs[j] + 1) j++;
    parts.push(j > i + 1 ? `${formatNumber(xs[i])}–${formatNumber(xs[j])}` : xs.slice(i, j + 1).map((v) => formatNumber(v)).join(', '));
    i = j + 1;
  }
  return parts.join(', ');
}

/** Extents of the drawable points (and bands) of all series. */
export function extents(series: Prepared[]): { x: Extent; y: Extent } {
  const x = new Extent();
  const y = new Extent();
  for (const s of series) {
    x.addAll(s.x);
    y.addAll(s.y);
    y.addAll(s.lo);
    y.addAll(s.hi);
  }
  return { x, y };
}

/**
 * The marks for cut series: a × at the last drawable point in the series' colour, and a word
 * ("diverged", or "≤ 0" on a log scale) beside it, turned inward near the right edge.
 */
export function cutMarks(series: Prepared[], colorOf: (i: number) => string, xDomain: [number, number], word = 'diverged'): Plot.Markish[] {
  const marks: Plot.Markish[] = [];
  series.forEach((s, i) => {
    if (!s.cut || s.cut.lastIndex < 0) return;
    const at = [{ x: s.cut.x, y: s.cut.y }];
    const right = (s.cut.x - xDomain[0]) / (xDomain[1] - xDomain[0]) > 0.75;
    marks.push(
      Plot.dot(at, { x: 'x', y: 'y', stroke: colorOf(i), symbol: 'times', r: 5, strokeWidth: 2 }),
      Plot.text(at, { x: 'x', y: 'y', text: () => (s.cut!.reason === 'not finite' ? word : '≤ 0'), dy: -10, textAnchor: right ? 'end' : 'start' }),
    );
  });
  return marks;
}
