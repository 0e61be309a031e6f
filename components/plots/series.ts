/**
 * Series for line and point charts, cut where they stop being drawable: at the first value that
 * is not finite (a diverged run: NaN, ±Infinity, or beyond ±1e300), or not positive on a log
 * scale. The cut is marked on the chart (× and a word) and stated in the description.
 *
 * A series that is not a training run (a code cell's returned numbers) is not over at its first
 * bad value: {@link prepareGapped} keeps every drawable value and breaks the line at the others,
 * which are marked where they stand ({@link gapMarks}) and listed in the description.
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
  const { name, n } = checked(plot, s, i);
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

/** Throws naming what is wrong with series `i`; its name and the number of (x, y) pairs. */
function checked(plot: string, s: Series, i: number): { name: string; n: number } {
  if (s === null || typeof s !== 'object') throw new TypeError(`${plot}: data[${i}] must be an object { name, x, y }`);
  for (const key of ['x', 'y'] as const) {
    if (!isArrayLike(s[key])) throw new TypeError(`${plot}: data[${i}].${key} must be an array of numbers`);
  }
  return { name: String(s.name ?? `series ${i + 1}`), n: Math.min(s.x.length, s.y.length) };
}

/** A series broken at the values it cannot draw, rather than cut at the first. */
export type Gapped = Prepared & {
  /** Which piece of the line each drawn point belongs to (a new piece after each gap). */
  piece: Int32Array;
  /** The x of each value that is not drawn, where the gap is marked. */
  gaps: Float64Array;
  /** The word at the first gap: "not finite", or why else the values there cannot be drawn. */
  gapWord: string;
};

/** What a value that cannot be drawn is, for the description, in the order they are listed. */
const GAP_KINDS = ['not a number', '+∞', '−∞', 'beyond ±10³⁰⁰', '0 or less'] as const;
type GapKind = (typeof GAP_KINDS)[number];
const NOT_FINITE: readonly GapKind[] = ['not a number', '+∞', '−∞'];

function gapKind(v: number, logY: boolean): GapKind {
  if (typeof v !== 'number' || Number.isNaN(v)) return 'not a number';
  if (v === Infinity) return '+∞';
  if (v === -Infinity) return '−∞';
  return plottable(v) && logY ? '0 or less' : 'beyond ±10³⁰⁰';
}

/**
 * Which of a series' `n` points `count` are, after "at": "3 of its 6 points"; when they are all of
 * them, "its only point", "either of its 2 points", "any of its 12 points" (never "1 of its 1 points").
 */
function atPoints(count: number, n: number): string {
  if (count < n) return `${count} of its ${n} points`;
  return n === 1 ? 'its only point' : n === 2 ? 'either of its 2 points' : `any of its ${n} points`;
}

/** Most runs of x a gap list names before it says how many more there are. */
const MAX_LISTED = 12;

/**
 * Checks one series and keeps every drawable point, breaking the line where a value is not
 * finite (or beyond ±1e300, or not positive on a log scale), for numbers that are not a training
 * run: what follows a NaN is still data. The gaps' x extend the x axis, so it spans the whole
 * series; the description says how many values are not finite, which, and where. A band is
 * drawn up to the first gap.
 */
export function prepareGapped(plot: string, s: Series, i: number, logY: boolean): Gapped {
  const { name, n } = checked(plot, s, i);
  const ok = (v: number) => plottable(v) && (!logY || v > 0);
  const kept: number[] = [];
  const gaps: number[] = [];
  let noX = 0;
  for (let k = 0; k < n; k++) {
    if (!plottable(s.x[k])) noX++;
    else if (ok(s.y[k])) kept.push(k);
    else gaps.push(k);
  }
  const x = Float64Array.from(kept, (k) => +s.x[k]);
  const y = Float64Array.from(kept, (k) => +s.y[k]);
  const piece = new Int32Array(kept.length);
  for (let j = 1; j < kept.length; j++) piece[j] = piece[j - 1] + (kept[j] === kept[j - 1] + 1 ? 0 : 1);
  const unbroken = kept.findIndex((k, j) => k !== j);
  const first = unbroken < 0 ? kept.length : unbroken;
  let m = 0;
  if (isArrayLike(s.lo) && isArrayLike(s.hi)) while (m < Math.min(first, s.lo.length, s.hi.length) && ok(s.lo[m]) && ok(s.hi[m])) m++;
  const kinds = gaps.map((k) => gapKind(s.y[k], logY));
  const notes: string[] = [];
  const said = plainLabel(name);
  const where = (kind: string) => listOf(gaps.filter((_, j) => kinds[j] === kind).map((k) => +s.x[k]), MAX_LISTED);
  const present = GAP_KINDS.filter((kind) => kinds.includes(kind));
  const nonFinite = kinds.filter((kind) => NOT_FINITE.includes(kind)).length;
  if (nonFinite) {
    const which = present.filter((kind) => NOT_FINITE.includes(kind)).map((kind) => `${kind} at x = ${where(kind)}`).join('; ');
    notes.push(`${said} is not finite at ${atPoints(nonFinite, n)} (${which}): ${kept.length ? 'the line is broken there, each marked by a dashed rule' : 'it is not drawn'}.`);
  }
  if (present.includes('beyond ±10³⁰⁰')) notes.push(`${said} is too large to draw (beyond ±10³⁰⁰) at x = ${where('beyond ±10³⁰⁰')}; the line is broken there.`);
  if (present.includes('0 or less')) notes.push(`${said} is 0 or less at x = ${where('0 or less')}, which a log scale cannot show; the line is broken there.`);
  if (noX) notes.push(`${noX} ${noX === 1 ? 'point' : 'points'} of ${said} ${noX === 1 ? 'has' : 'have'} an x that is not finite and ${noX === 1 ? 'is' : 'are'} not drawn.`);
  return {
    name, x, y, piece,
    lo: Float64Array.from({ length: m }, (_, k) => +s.lo![k]),
    hi: Float64Array.from({ length: m }, (_, k) => +s.hi![k]),
    cut: null,
    gaps: Float64Array.from(gaps, (k) => +s.x[k]),
    gapWord: nonFinite ? 'not finite' : present.includes('0 or less') ? '≤ 0' : 'too large',
    note: notes.length ? notes.join(' ') : null,
  };
}

/**
 * Values in order, runs of consecutive whole numbers joined: 1–9, 12, 14. Past `max` runs, the
 * rest is counted ("and 40 more"), so a description stays readable.
 */
function listOf(xs: number[], max = Infinity): string {
  const parts: string[] = [];
  let i = 0;
  for (; i < xs.length && parts.length < max; ) {
    let j = i;
    while (j + 1 < xs.length && Number.isInteger(xs[j]) && xs[j + 1] === xs[j] + 1) j++;
    parts.push(j > i + 1 ? `${formatNumber(xs[i])}–${formatNumber(xs[j])}` : xs.slice(i, j + 1).map((v) => formatNumber(v)).join(', '));
    i = j + 1;
  }
  return i < xs.length ? `${parts.join(', ')} and ${xs.length - i} more` : parts.join(', ');
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

/**
 * The marks for gapped series: a dashed rule across the frame at each value that is not drawn,
 * in the series' colour, and a word at the first (turned inward near the right edge; moved down
 * a line per series, so two series' words do not overlap).
 */
export function gapMarks(series: Gapped[], colorOf: (i: number) => string, xDomain: [number, number]): Plot.Markish[] {
  const marks: Plot.Markish[] = [];
  series.forEach((s, i) => {
    if (!s.gaps.length) return;
    marks.push(Plot.ruleX({ length: s.gaps.length }, { x: s.gaps, stroke: colorOf(i), strokeDasharray: '2 3', strokeOpacity: 0.8 }));
    const at = s.gaps[0];
    const right = (at - xDomain[0]) / (xDomain[1] - xDomain[0]) > 0.75;
    marks.push(Plot.text([at], { x: (v: number) => v, frameAnchor: 'top', text: () => s.gapWord, dy: 6 + 12 * i, dx: right ? -4 : 4, textAnchor: right ? 'end' : 'start' }));
  });
  return marks;
}
