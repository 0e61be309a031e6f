/**
 * Safe text for people. URL notices quote what a stranger's link contained, so they are plain
 * text with control, formatting and bidi-override characters replaced by U+FFFD (a U+202E can
 * make a notice read backwards), angle brackets shown as ‹ ›, and at most `EXCERPT_CHARS` of a value.
 */
import { formatNumber } from './params-check.ts';
import type { ParamSpec } from './params-types.ts';
import { aKind } from './a-kind.ts';

/** At most this many characters of a hostile value are ever repeated back. */
export const EXCERPT_CHARS = 40;
/**
 * A notice is cut to this many characters: room for our own sentence about a list of a few dozen
 * option names, while a stranger's value is never repeated beyond `EXCERPT_CHARS`.
 */
export const NOTICE_CHARS = 480;

// Cc: C0/C1 controls and DEL; Cf: bidi overrides/isolates, zero-width, BOM, soft hyphen;
// Cs: lone surrogates; Co: private use; Zl/Zp: line and paragraph separators.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}]/gu;

/**
 * `text` with each invisible character replaced by a visible U+FFFD (so `tanh` behind a U+202E
 * doesn't look accepted-yet-rejected), and `<`, `>` shown as ‹ ›, so it can't read as HTML.
 */
export function plain(text: string): string {
  return text.replace(INVISIBLE, '\uFFFD').replace(/</g, '‹').replace(/>/g, '›');
}

/**
 * A quoted excerpt of untrusted text: `"abc"`, or the first `EXCERPT_CHARS` characters and
 * `…" (N characters)` for longer ones. Looks at no more than a few hundred characters.
 */
export function excerpt(text: string): string {
  const head = Array.from(plain(text.slice(0, 4 * EXCERPT_CHARS)));
  const cut = head.length > EXCERPT_CHARS || text.length > 4 * EXCERPT_CHARS;
  return cut ? `"${head.slice(0, EXCERPT_CHARS).join('')}…" (${text.length} characters)` : `"${head.join('')}"`;
}

/** A finished notice: plain, and cut to `NOTICE_CHARS` characters. */
export function notice(text: string): string {
  const clean = Array.from(plain(text));
  return clean.length > NOTICE_CHARS ? `${clean.slice(0, NOTICE_CHARS - 1).join('')}…` : clean.join('');
}

/**
 * Amounts readably, with `digits` significant digits: 650000 → '650,000'; 7.07e9 → '7.07 billion';
 * 1.5e-7 → '1.5e-7'.
 */
export function amount(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  const size = Math.abs(x);
  if (size >= 1e6 && size < 1e15) return new Intl.NumberFormat('en-US', { notation: 'compact', compactDisplay: 'long', maximumSignificantDigits: digits }).format(x);
  if (size >= 1e-3 && size < 1e15) return new Intl.NumberFormat('en-US', { maximumSignificantDigits: Math.max(digits, 4) }).format(x);
  return x.toPrecision(digits).replace(/\.?0+e/, 'e').replace('e+', 'e');
}

/** Two amounts readably, with as many digits as it takes (up to 6) for them to read differently. */
export function amounts(a: number, b: number): [string, string] {
  let digits = 3;
  while (digits < 6 && a !== b && amount(a, digits) === amount(b, digits)) digits++;
  return [amount(a, digits), amount(b, digits)];
}

/**
 * How a build-time prop value looks as an MDX attribute value, for error messages:
 * 80 → `{80}`, 'tanh' → `"tanh"`, ['he'] → `{["he"]}`. Long values are cut.
 */
export function showProp(value: unknown): string {
  if (typeof value === 'string') return excerpt(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) {
    return `{${Object.is(value, -0) ? '-0' : String(value)}}`;
  }
  if (Array.isArray(value)) {
    const items = value.slice(0, 6).map((v) => (typeof v === 'string' ? excerpt(v) : typeof v === 'number' ? String(v) : typeof v));
    return `{[${items.join(', ')}${value.length > 6 ? ', …' : ''}]}`;
  }
  return `{${aKind(value)}}`;
}

/**
 * A label without its explanation: the words before a colon or parenthesis ("He normal (the paper’s eq. 10):
 * Var 2/n_in" → "He normal"), as link-text.ts names settings for the status line.
 */
export function shortLabel(label: string): string {
  return label.split(/\s*[(:]/)[0].trim() || label;
}

/** An option as its control names it, without the explanation: 'heNormal' → 'He normal'; the option itself where it has no label. */
export function optionName(p: ParamSpec, option: string): string {
  return shortLabel(p.kind === 'enum' || p.kind === 'enumList' ? p.labels?.[option] ?? option : option);
}

/**
 * A valid value of `p` as a reader's sentence shows it, in the words of its control: 0.05, He normal,
 * on, a list as He normal + Glorot normal. (Build-time errors for authors show the names they
 * type instead: {@link showProp}.)
 */
export function showValue(p: ParamSpec, value: unknown): string {
  if (p.kind === 'enum') return optionName(p, value as string);
  if (p.kind === 'enumList') return (value as string[]).length ? (value as string[]).map((o) => optionName(p, o)).join(' + ') : 'none';
  if (p.kind === 'bool') return value ? 'on' : 'off';
  return typeof value === 'number' ? formatNumber(value) : String(value);
}
