/**
 * Per-parameter rules, written once: what a value may be (`checkValue`), how it reads from and
 * writes to text (`fromText`, `toText`), and how the allowed set is said to people (`describeKind`).
 * Build-time props, URL state, controls and the reference page all go through these.
 */
import { SEED_MAX, type Checked, type ParamSpec } from './params-types.ts';

/**
 * Plain decimal numbers only: optional minus, digits, optional fraction, optional exponent.
 * No hex, no `_`, no spaces, no leading `+` or `.`, no Infinity/NaN words, ASCII digits only.
 */
const NUMBER_TEXT = /^-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$/;

/** Names in option lists: safe in a URL, in a comma-separated list and inside MDX quotes. */
export const OPTION_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/**
 * Whether `value` lies on the grid `min + k·step`. Relative tolerance, because 0.3 = 3 × 0.1 only
 * up to rounding in binary floating point.
 */
export function onStep(value: number, min: number, step: number): boolean {
  const k = (value - min) / step;
  return Math.abs(k - Math.round(k)) <= 1e-9 * Math.max(1, Math.abs(k));
}

/** Shortest text that reads back to the same double (ECMAScript Number::toString), without `e+`. */
export function formatNumber(x: number): string {
  return String(x === 0 ? 0 : x).replace('e+', 'e');
}

const ok = (value: unknown): Checked => ({ ok: true, value });
const BAD: Checked = { ok: false };

/** Checks a typed value against its parameter; never throws, whatever `value` is. */
export function checkValue(p: ParamSpec, value: unknown): Checked {
  switch (p.kind) {
    case 'int':
    case 'number':
    case 'seed': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return BAD;
      const min = p.kind === 'seed' ? 0 : p.min;
      const max = p.kind === 'seed' ? SEED_MAX : p.max;
      if (p.kind !== 'number' && !Number.isInteger(value)) return BAD;
      if (value < min || value > max) return BAD;
      if (p.kind !== 'seed' && p.step !== undefined && !onStep(value, min, p.step)) return BAD;
      return ok(value === 0 ? 0 : value); // -0 → 0
    }
    case 'enum':
      return typeof value === 'string' && p.options.includes(value) ? ok(value) : BAD;
    case 'bool':
      return typeof value === 'boolean' ? ok(value) : BAD;
    case 'enumList': {
      if (!Array.isArray(value) || value.length < p.minItems || value.length > p.maxItems) return BAD;
      const seen = new Set<unknown>();
      for (const item of value) {
        if (typeof item !== 'string' || !p.options.includes(item) || seen.has(item)) return BAD;
        seen.add(item);
      }
      return ok([...value]);
    }
  }
}

/**
 * Reads URL text into a typed value for `checkValue`, or `undefined` if the text isn't of the
 * right form. Lists are comma-separated names; an empty text is the empty list.
 */
export function fromText(p: ParamSpec, text: string): unknown {
  switch (p.kind) {
    case 'int':
    case 'number':
    case 'seed':
      return NUMBER_TEXT.test(text) ? Number(text) : undefined;
    case 'enum':
      return text;
    case 'bool':
      return text === 'true' ? true : text === 'false' ? false : undefined;
    case 'enumList':
      return text === '' ? [] : text.split(',');
  }
}

/** Writes a valid value as URL text; `fromText` reads it back to the same value. */
export function toText(p: ParamSpec, value: unknown): string {
  if (p.kind === 'enumList') return (value as readonly string[]).join(',');
  if (typeof value === 'number') return formatNumber(value);
  return String(value);
}

/** Writes a valid value as an MDX attribute value: `{20}`, `"tanh"`, `{true}`, `{["he","xavier"]}`. */
export function toMdxValue(p: ParamSpec, value: unknown): string {
  if (p.kind === 'enum') return `"${String(value)}"`;
  if (p.kind === 'enumList') return `{[${(value as readonly string[]).map((o) => `"${o}"`).join(', ')}]}`;
  return `{${toText(p, value)}}`;
}

const quoted = (names: readonly string[]): string => names.map((o) => `"${o}"`).join(', ');

/**
 * A bound for people, its thousands grouped with commas as the site writes counts ("2,000",
 * "2,147,483,647"); fractions and the very large keep their shortest form ("0.0001", "1e30").
 */
function bound(x: number): string {
  return Number.isInteger(x) && Math.abs(x) >= 1000 && Math.abs(x) < 1e15 ? x.toLocaleString('en-US') : formatNumber(x);
}

/** The allowed values in words, e.g. 'an integer from 1 to 50' or 'one of "relu", "tanh"'. */
export function describeKind(p: ParamSpec): string {
  switch (p.kind) {
    case 'int':
    case 'number': {
      const what = p.kind === 'int' ? 'an integer' : 'a number';
      const range = `${what} from ${bound(p.min)} to ${bound(p.max)}`;
      if (p.step === undefined || (p.kind === 'int' && p.step === 1)) return range;
      return `${range} in steps of ${bound(p.step)}${onStep(0, p.min, p.step) ? '' : ` from ${bound(p.min)}`}`;
    }
    case 'seed':
      return `an integer from 0 to ${bound(SEED_MAX)}`;
    case 'enum':
      return `one of ${quoted(p.options)}`;
    case 'bool':
      return 'true or false';
    case 'enumList': {
      const count = p.minItems === p.maxItems ? `${p.minItems}` : `${p.minItems} to ${p.maxItems}`;
      return `a list of ${count} different names from ${quoted(p.options)}`;
    }
  }
}

/**
 * The allowed value nearest to `value`, for controls: clamped to the range, snapped to the step
 * grid, rounded for integers. Non-finite input gives the default.
 */
export function clampParam(p: ParamSpec & { kind: 'int' | 'number' | 'seed' }, value: number): number {
  if (!Number.isFinite(value)) return p.default;
  const min = p.kind === 'seed' ? 0 : p.min;
  const max = p.kind === 'seed' ? SEED_MAX : p.max;
  let v = Math.min(max, Math.max(min, value));
  const step = p.kind === 'seed' ? 1 : p.step ?? (p.kind === 'int' ? 1 : undefined);
  if (step !== undefined) {
    v = Math.min(max, min + Math.round((v - min) / step) * step);
    // 12 significant digits strip the binary noise of min + k·step (0.30000000000000004 → 0.3).
    const clean = Number(v.toPrecision(12));
    if (clean >= min && clean <= max && onStep(clean, min, step)) v = clean;
  }
  if (p.kind !== 'number') v = Math.round(v);
  return v === 0 ? 0 : v;
}
