/**
 * Guards that keep NaN and ±Infinity out of every SVG attribute: what counts as a plottable
 * number, finite extents and domains for scales, and number formatting for notes and tables.
 */
import { scientific } from './log-ticks.ts';

/**
 * Beyond this magnitude a value is treated like a non-finite one: a scale's "nice" rounding of a
 * domain near Number.MAX_VALUE (≈1.8e308) can overflow to Infinity, and no chart reads 1e300.
 */
export const LIMIT = 1e300;

/** A value a scale can place: a finite number of magnitude ≤ {@link LIMIT}. */
export const plottable = (v: number): boolean => typeof v === 'number' && Math.abs(v) <= LIMIT;

/** Running [min, max] of the plottable values added; `empty` until one arrives. */
export class Extent {
  min = Infinity;
  max = -Infinity;
  add(v: number): void {
    if (!plottable(v)) return;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
  }
  addAll(values: ArrayLike<number>, end = values.length): void {
    for (let i = 0; i < end; i++) this.add(values[i]);
  }
  get empty(): boolean {
    return this.min > this.max;
  }
}

/**
 * A finite, non-degenerate scale domain from an extent: [0, 1] when there is nothing to show
 * (or [1, 10] on a log scale), widened around a single value; on a log scale only positive
 * values count (the caller has already dropped the others).
 */
export function domainOf(e: Extent, log = false): [number, number] {
  if (e.empty) return log ? [1, 10] : [0, 1];
  if (e.min < e.max) return [e.min, e.max];
  const v = e.min;
  if (log) return [v / 10, v * 10];
  const pad = v === 0 ? 1 : Math.abs(v) * 0.1;
  return [v - pad, v + pad];
}

/**
 * Step of about `count` "nice" ticks (1, 2 or 5 × 10^k) over [lo, hi], hi > lo: the raw step
 * rounded to the nearest of 1, 2, 5, 10 on a log scale (cut-offs √2, √10, √50, as d3-array's
 * tickIncrement does).
 */
function tickStep(lo: number, hi: number, count: number): number {
  const raw = (hi - lo) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const r = raw / power;
  return (r >= Math.sqrt(50) ? 10 : r >= Math.sqrt(10) ? 5 : r >= Math.SQRT2 ? 2 : 1) * power;
}

/** About `count` round tick values inside [lo, hi] (for axes drawn by hand, e.g. per facet). */
export function niceTicks(lo: number, hi: number, count: number): number[] {
  if (!(hi > lo) || !plottable(lo) || !plottable(hi)) return plottable(lo) ? [lo] : [];
  const step = tickStep(lo, hi, count);
  const out: number[] = [];
  for (let k = Math.ceil(lo / step); k * step <= hi + step * 1e-9; k++) out.push(Number((k * step).toPrecision(12)));
  return out;
}

/**
 * A number for people: 3 significant digits, exponent when tiny or huge; non-finite in words
 * ("not a number", "+∞", "−∞"), so not even a description carries the tokens NaN or Infinity.
 */
export function formatNumber(v: number, digits = 3): string {
  if (Number.isNaN(v)) return 'not a number';
  if (!Number.isFinite(v)) return v > 0 ? '+∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a < 1e-3 || a >= 1e6) return v.toExponential(digits - 1).replace('-', '−');
  return String(Number(v.toPrecision(digits))).replace('-', '−');
}

/**
 * `v` to exactly `digits` significant digits, trailing zeros kept (1.00 beside 0.992), so labels
 * side by side read alike; a whole number with more digits stays whole (1234), and magnitudes
 * below 0.001 or from 10⁶ up are written with a power of ten (1.67×10⁻⁴). Non-finite values
 * and 0 as {@link formatNumber} writes them.
 */
export function formatSignificant(v: number, digits = 3): string {
  if (!Number.isFinite(v) || v === 0) return formatNumber(v);
  const a = Math.abs(v);
  let text: string;
  if (a < 1e-3 || a >= 1e6) {
    const [mantissa, exponent] = v.toExponential(digits - 1).split('e');
    text = scientific(mantissa, Number(exponent));
  } else {
    text = v.toPrecision(digits);
    if (text.includes('e')) text = v.toFixed(0); // 1234 → "1.23e+3" from toPrecision
  }
  return text.replace('-', '−');
}

/** Rounds for tables: finite numbers to `digits` significant digits; non-finite stay as they are. */
export function roundNumber(v: number, digits = 4): number {
  return Number.isFinite(v) && v !== 0 ? Number(v.toPrecision(digits)) : v;
}
