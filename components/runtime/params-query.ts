/**
 * Widget state in the URL (query or hash). Encoding, per widget key `k` (several widgets share a
 * page): only non-default parameters, as `k.name=value` pairs joined by `&`, in declaration order:
 *
 *     ?ds.depth=20&ds.activation=tanh&ds.learningRate=1e-7&race.inits=he,xavier&race.bias=false
 *
 * Numbers are plain decimals in shortest round-trip form (exponent without `+`, which a URL would
 * read as a space); booleans `true`/`false`; enums an option name; lists comma-separated names
 * (an empty value is the empty list). Pairs under other prefixes belong to others and are left alone.
 *
 * Reading never throws and trusts nothing: a value that is malformed, out of range, off the step
 * grid or over `MAX_VALUE_CHARS` falls back to its default; a state over the work cap, own pairs
 * over `MAX_QUERY_CHARS` in all, a query over `MAX_ADDRESS_CHARS`, or an invalid key falls back
 * entirely. Each problem gives one plain-text notice. Only the widget's own pairs are decoded:
 * others (a long tracking parameter, another widget's settings) cost a look at their first few
 * characters and never give a notice.
 * If a parameter appears more than once, the first occurrence wins (as `URLSearchParams.get`),
 * with a notice. Names are matched as own keys of the spec, so `__proto__` is just unknown.
 */
import { checkValue, describeKind, fromText, toText } from './params-check.ts';
import { assertValidState, defaultState, hasParam, paramNames, sameValue, workProblem } from './params-state.ts';
import { excerpt, notice, showValue } from './params-text.ts';
import type { Params, StateOf, WidgetSpec } from './params-types.ts';

/** A widget's own pairs longer than this in all are ignored whole (ours are a few hundred characters at most). */
export const MAX_QUERY_CHARS = 4096;
/**
 * Longer queries are not read at all: this bounds the work of finding a widget's pairs among the
 * others. It is far above any real address (every widget of a page at its longest is well under).
 */
export const MAX_ADDRESS_CHARS = 65_536;
/** Longer values are rejected before any parsing. */
export const MAX_VALUE_CHARS = 256;
/** At most this many notices; the last one counts the rest. */
export const MAX_NOTICES = 8;
/** Widget keys: short, and free of `.`, `&`, `=`, `%` so they can't blur the encoding. */
export const WIDGET_KEY = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;

/** A parsed URL state: always a valid state, the problems met, and whether the URL set anything. */
export interface QueryResult<P extends Params> {
  state: StateOf<P>;
  /** Plain text, one per problem, at most `MAX_NOTICES`, each at most `NOTICE_CHARS` long. */
  notices: string[];
  /** True if at least one value from the URL was accepted into `state`. */
  fromUrl: boolean;
}

const text = (query: unknown): string | null => {
  try {
    const s = typeof query === 'string' ? query : query instanceof URLSearchParams ? query.toString() : null;
    return s !== null && (s.startsWith('?') || s.startsWith('#')) ? s.slice(1) : s;
  } catch {
    return null;
  }
};

const finish = (notes: string[]): string[] =>
  (notes.length <= MAX_NOTICES ? notes
    : [...notes.slice(0, MAX_NOTICES - 1), `…and ${notes.length - MAX_NOTICES + 1} more problems with the link's settings.`]
  ).map(notice);

const HEX = /^[0-9A-Fa-f]{2}$/;

/**
 * Whether the pair `query[start, end)` is named `prefix…` once decoded as URLSearchParams decodes
 * (`%XX` escapes; `+` is a space), looking at no more than the prefix needs. A key is ASCII and
 * free of `%`, `+` and `=`, so each of its characters is one raw character or one `%XX` escape,
 * and a non-ASCII byte can never stand for one: comparing escape by escape is exact.
 */
function namedWith(query: string, start: number, end: number, prefix: string): boolean {
  let i = start;
  for (const want of prefix) {
    if (i >= end) return false;
    let got = query[i];
    if (got === '%' && i + 3 <= end && HEX.test(query.slice(i + 1, i + 3))) {
      got = String.fromCharCode(parseInt(query.slice(i + 1, i + 3), 16));
      i += 3;
    } else i += 1;
    if (got !== want) return false; // also at '=': the name ended before the prefix did
  }
  return true;
}

/**
 * The pairs of `query` (no leading `?`/`#`) whose names start with `prefix`, joined by `&`, in
 * order, undecoded: what `new URLSearchParams(query)` would give for them, at a cost of a few
 * characters per foreign pair rather than decoding the whole query.
 */
function ownPieces(query: string, prefix: string): string {
  // URLSearchParams drops one leading '?' from a string (after `text` dropped the '?' or '#').
  const body = query.startsWith('?') ? query.slice(1) : query;
  const own: string[] = [];
  for (let start = 0; start < body.length; ) {
    const amp = body.indexOf('&', start);
    const end = amp === -1 ? body.length : amp;
    if (namedWith(body, start, end, prefix)) own.push(body.slice(start, end));
    start = end + 1;
  }
  return own.join('&');
}

/**
 * Reads widget `key`'s state from a query string (`location.search`), hash (`location.hash`) or
 * `URLSearchParams`. Never throws; see the module comment for what is accepted.
 */
export function parseQuery<P extends Params>(spec: WidgetSpec<P>, query: string | URLSearchParams, key: string): QueryResult<P> {
  const notes: string[] = [];
  const fallback = (why: string): QueryResult<P> => ({ state: defaultState(spec), notices: finish([...notes, why]), fromUrl: false });
  if (typeof key !== 'string' || !WIDGET_KEY.test(key)) return fallback(`This widget's link key is not valid, so the link's settings were not read.`);
  const raw = text(query);
  if (raw === null) return fallback(`The link's settings could not be read; every setting is at its default.`);
  if (raw.length > MAX_ADDRESS_CHARS) {
    return fallback(`This address is ${raw.length} characters long, more than the ${MAX_ADDRESS_CHARS} this page reads; every setting is at its default.`);
  }
  const prefix = `${key}.`;
  const own = ownPieces(raw, prefix);
  if (own.length > MAX_QUERY_CHARS) {
    return fallback(`The link's settings for this widget are ${own.length} characters long, more than the ${MAX_QUERY_CHARS} allowed; every setting is at its default.`);
  }
  let pairs: URLSearchParams;
  try {
    pairs = new URLSearchParams(own); // WHATWG decoding leaves broken % escapes as text; guarded anyway
  } catch {
    return fallback(`The link's settings could not be decoded; every setting is at its default.`);
  }
  const given = new Map<string, string>();
  const counts = new Map<string, number>();
  const unknown = new Set<string>();
  for (const [name, value] of pairs) {
    if (!name.startsWith(prefix)) continue; // never after ownPieces; the rule itself, kept in sight
    const param = name.slice(prefix.length);
    if (!hasParam(spec, param)) unknown.add(name);
    else if (given.has(param)) counts.set(param, (counts.get(param) ?? 1) + 1);
    else given.set(param, value);
  }
  const state: Record<string, unknown> = defaultState(spec);
  let taken = 0;
  for (const [param, value] of given) {
    const p = spec.params[param];
    const repeats = counts.get(param);
    if (repeats) notes.push(`${p.label}: the link gives this setting ${repeats} times; only the first is used.`);
    const checked = value.length > MAX_VALUE_CHARS ? { ok: false as const } : checkValue(p, fromText(p, value));
    if (checked.ok) {
      state[param] = checked.value;
      taken++;
    } else {
      // The page's setting comes before the rule, so a notice cut for length never cuts it.
      notes.push(`${p.label}: the link's value ${excerpt(value)} was ignored, so this setting is at the page's value, ${showValue(p, p.default)}. It must be ${describeKind(p)}.`);
    }
  }
  if (unknown.size > 0) {
    const shown = [...unknown].slice(0, 3).map(excerpt).join(', ') + (unknown.size > 3 ? ', …' : '');
    notes.push(`The link has ${unknown.size === 1 ? 'a setting' : `${unknown.size} settings`} this widget doesn't know (${shown}); ignored.`);
  }
  const work = workProblem(spec, state as StateOf<P>);
  if (work) return fallback(`The link's settings were not used: ${work}. Every setting is at its default.`);
  return { state: state as StateOf<P>, notices: finish(notes), fromUrl: taken > 0 };
}

/**
 * The query text (no leading `?`) for `state` under `key`: non-default values only, so the
 * default state is `''`. `parseQuery` of the result gives back `state`. Throws on an invalid key
 * or state (a bug in the caller: controls only produce valid states).
 */
export function serializeQuery<P extends Params>(spec: WidgetSpec<P>, state: StateOf<P>, key: string): string {
  if (!WIDGET_KEY.test(key)) throw new Error(`<${spec.name}>: URL key "${key}" must match ${WIDGET_KEY}.`);
  assertValidState(spec, state, 'serializeQuery');
  const values = state as Record<string, unknown>;
  return paramNames(spec)
    .filter((name) => !sameValue(values[name], spec.params[name].default))
    .map((name) => `${key}.${name}=${toText(spec.params[name], values[name])}`)
    .join('&');
}

/**
 * `query` (a `location.search` or `location.hash`) with widget `key`'s pairs replaced by
 * `serialized`; other pairs are kept byte for byte. Returns text without a leading `?`/`#`.
 */
export function replaceInQuery(query: string, key: string, serialized: string): string {
  const prefix = `${key}.`;
  const body = query.startsWith('?') || query.startsWith('#') ? query.slice(1) : query;
  const kept = body.split('&').filter((piece) => {
    if (piece === '') return false;
    const [name] = [...new URLSearchParams(piece).keys()];
    return !(name ?? '').startsWith(prefix);
  });
  return [...kept, ...(serialized ? [serialized] : [])].join('&');
}
