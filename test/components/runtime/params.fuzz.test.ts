/**
 * The params schema under fire: fast-check generates valid states (parse∘serialize and
 * parseProps∘toMdx must be the identity) and arbitrary queries, records and props (no exception,
 * state within bounds by an independent check, plain notices that account for every rejected
 * value); then the hand-written hostile corpus.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clampParam, fromSlider, MAX_NOTICES, parseProps, parseQuery, serializeQuery, toMdx,
  type ParamSpec, type Params, type WidgetSpec,
} from '../../../components/runtime/params.ts';
import { NOTICE_CHARS } from '../../../components/runtime/params-text.ts';
import { DEPTH, HOSTILE, KEYS, RACE, TINY, withinParam, withinSpec } from './hostile-corpus.ts';

type Spec = WidgetSpec<Params>;
type State = Record<string, unknown>;
const SPECS: Spec[] = [DEPTH, RACE, TINY];
const entries = (spec: Spec) => Object.entries(spec.params);
const same = (a: unknown, b: unknown): boolean =>
  Array.isArray(a) ? Array.isArray(b) && a.length === b.length && a.every((x, i) => Object.is(x, b[i])) : Object.is(a, b);
const sameState = (a: State, b: State) => Object.keys(b).length === Object.keys(a).length && Object.keys(b).every((k) => same(a[k], b[k]));

/** A valid value of `p`, generated from the spec's meaning (never -0). */
function valueArb(p: ParamSpec): fc.Arbitrary<unknown> {
  switch (p.kind) {
    case 'seed': return fc.integer({ min: 0, max: 2 ** 31 - 1 });
    case 'int':
    case 'number':
      if (p.step !== undefined) return fc.integer({ min: 0, max: Math.round((p.max - p.min) / p.step) }).map((k) => Math.min(p.max, p.min + k * p.step!));
      if (p.kind === 'int') return fc.integer({ min: p.min, max: p.max });
      return fc.double({ min: p.min, max: p.max, noNaN: true }).map((v) => (v === 0 ? 0 : v));
    case 'enum': return fc.constantFrom(...p.options);
    case 'bool': return fc.boolean();
    case 'enumList': return fc.uniqueArray(fc.constantFrom(...p.options), { minLength: p.minItems, maxLength: p.maxItems });
  }
}
const stateArb = (spec: Spec): fc.Arbitrary<State> =>
  fc.record(Object.fromEntries(entries(spec).map(([n, p]) => [n, valueArb(p)])))
    .filter((s) => !spec.work || spec.work.estimate(s as never) <= spec.work.max);

/** Reads `<Name a={…} b="…" />` independently: quoted text is a string, braces hold JSON. */
function readMdx(line: string, name: string): State {
  expect(line).toMatch(new RegExp(`^<${name}(\\s+\\w+=("[^"]*"|\\{[^}]*\\}))*\\s*/>$`));
  const props: State = {};
  for (const m of line.matchAll(/(\w+)=(?:"([^"]*)"|\{([^}]*)\})/g)) props[m[1]] = m[2] ?? JSON.parse(m[3]);
  return props;
}

/** What a parameter's URL text says, read naively (for accounting, not validation). */
function naive(p: ParamSpec, text: string): unknown {
  if (p.kind === 'enum') return text;
  if (p.kind === 'bool') return text === 'true' ? true : text === 'false' ? false : text;
  if (p.kind === 'enumList') return text === '' ? [] : text.split(',');
  const n = Number(text);
  return n === 0 ? 0 : n;
}

const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}]/u;
/** Whether `notice` repeats more than 40 consecutive characters of `value`. */
function echoes(notice: string, value: string): boolean {
  const cps = Array.from(value);
  for (let i = 0; i + 41 <= cps.length; i++) if (notice.includes(cps.slice(i, i + 41).join(''))) return true;
  return false;
}

/**
 * All the shared promises of `parseQuery`, checked on one input. Faults are collected and asserted
 * once, because thousands of `expect` calls per property run would dominate the fuzzing time.
 */
/**
 * The name–value pairs of `text` as the URL Standard's application/x-www-form-urlencoded parser
 * gives them (and Chromium's URLSearchParams): split at '&' and the first '=', '+' as a space, the
 * string's UTF-8 bytes percent-decoded, then decoded as UTF-8 with U+FFFD for bad sequences. Not
 * Node's URLSearchParams: Node 24 decodes "t\u202e%E0" to "t.\uFFFD" (a valid sequence followed
 * by a truncated one loses its lead bytes), where the standard and Chromium give "t\u202e\uFFFD".
 */
function formPairs(text: string): [string, string][] {
  const decode = (s: string) => {
    const bytes = new TextEncoder().encode(s.replaceAll('+', ' '));
    const out: number[] = [];
    for (let i = 0; i < bytes.length; i++) {
      const hex = (k: number) => /^[0-9A-Fa-f]$/.test(String.fromCharCode(bytes[k] ?? 0));
      if (bytes[i] === 0x25 && hex(i + 1) && hex(i + 2)) {
        out.push(parseInt(String.fromCharCode(bytes[i + 1], bytes[i + 2]), 16));
        i += 2;
      } else out.push(bytes[i]);
    }
    return new TextDecoder().decode(new Uint8Array(out));
  };
  // URLSearchParams drops one leading '?' of a string (after the caller dropped the '?' or '#').
  return text.replace(/^\?/, '').split('&').filter((piece) => piece !== '').map((piece) => {
    const eq = piece.indexOf('=');
    return eq < 0 ? [decode(piece), ''] : [decode(piece.slice(0, eq)), decode(piece.slice(eq + 1))];
  });
}

function checkQuery(spec: Spec, query: string | URLSearchParams): { state: State; notices: string[] } {
  const key = KEYS.get(spec)!;
  const { state, notices, fromUrl } = parseQuery(spec, query, key);
  const faults: string[] = [];
  const fault = (ok: boolean, what: string) => void (ok || faults.push(what));
  fault(withinSpec(spec, state), `state out of bounds: ${JSON.stringify(state)}`);
  fault(notices.length <= MAX_NOTICES, `${notices.length} notices`);
  const text = typeof query === 'string' ? query.replace(/^[?#]/, '') : query.toString();
  const pairs = formPairs(text);
  for (const n of notices) {
    fault(!/[<>]/.test(n) && !INVISIBLE.test(n), `notice not plain: ${JSON.stringify(n)}`);
    fault(Array.from(n).length <= NOTICE_CHARS, `notice too long: ${n.length}`);
    for (const [name, value] of pairs) fault(!echoes(n, name) && !echoes(n, value), `notice echoes input: ${n}`);
  }
  const capped = notices.length === MAX_NOTICES && notices[MAX_NOTICES - 1].includes('more problems');
  const whole = notices.some((n) => /every setting is at its default/i.test(n));
  const firsts = new Map<string, string>();
  for (const [name, value] of pairs) if (name.startsWith(`${key}.`) && !firsts.has(name)) firsts.set(name, value);
  for (const [name, p] of entries(spec)) {
    const given = firsts.get(`${key}.${name}`);
    if (given === undefined || whole) fault(same(state[name], p.default), `${name} invented`);
    else if (!same(naive(p, given), state[name])) {
      fault(same(state[name], p.default), `${name}=${given} rejected but not defaulted`);
      if (!capped) fault(notices.some((n) => n.startsWith(`${p.label}:`)), `${name}=${given} rejected without a notice`);
    }
  }
  if (!whole && notices.length === 0) fault(fromUrl === firsts.size > 0, `fromUrl ${fromUrl}`);
  expect(faults).toEqual([]);
  return { state, notices };
}

/** Fuzz runs take seconds; this is a hang guard, not a speed assertion. */
const FUZZ_TIMEOUT = 120_000;

describe.each(SPECS.map((s) => [s.name, s] as const))('%s: valid states', (_, spec) => {
  const key = KEYS.get(spec)!;
  it('parseQuery ∘ serializeQuery and parseProps ∘ toMdx are the identity (10,000 states)', () => {
    fc.assert(fc.property(stateArb(spec), (state) => {
      const query = serializeQuery(spec, state as never, key);
      for (const q of [query, `?${query}`, `other.depth=1&${query}&x=%ZZ`]) {
        const back = parseQuery(spec, q, key);
        expect(back.notices).toEqual([]);
        expect(back.fromUrl).toBe(query !== '');
        expect(sameState(back.state, state), `${query}`).toBe(true);
      }
      const mdx = toMdx(spec, state as never);
      expect(sameState(parseProps(spec, readMdx(mdx, spec.name), 'f.mdx'), state), mdx).toBe(true);
    }), { numRuns: 10_000 });
  }, FUZZ_TIMEOUT);
});

/** Names: mostly ours (right or wrong), sometimes foreign; values: valid text, near misses, junk. */
function queryParts(spec: Spec) {
  const key = KEYS.get(spec)!;
  const ours = fc.constantFrom(...Object.keys(spec.params)).map((n) => `${key}.${n}`);
  const name = fc.oneof({ arbitrary: ours, weight: 6 }, fc.string().map((s) => `${key}.${s}`), fc.string({ unit: 'binary' }));
  const junk = ['NaN', 'Infinity', '-0', '1e309', '0x10', ' 5', '5 ', '1_000', '%', '%E0%A4%A', '%ZZ', '<script>', '', ',', 'true', '__proto__'];
  const text = fc.oneof(
    ...entries(spec).map(([, p]) => valueArb(p).map((v) => (Array.isArray(v) ? v.join(',') : String(v)))),
    fc.double().map(String), fc.integer().map(String), fc.constantFrom(...junk),
    fc.array(fc.constantFrom('he', 'xavier', 'a', 'b', 'tanh', 'x', ''), { maxLength: 6 }).map((a) => a.join(',')),
    fc.string({ unit: 'binary', maxLength: 300 }),
  );
  return { name, text };
}

describe.each(SPECS.map((s) => [s.name, s] as const))('%s: arbitrary input', (_, spec) => {
  const { name, text } = queryParts(spec);
  it('never throws on structured queries; states in bounds; every rejection noticed (10,000)', () => {
    const encode = fc.constantFrom((s: string) => s, (s: string) => encodeURIComponent(s.toWellFormed()));
    const query = fc.array(fc.tuple(name, text, encode, encode), { maxLength: 14 })
      .map((ps) => ps.map(([n, v, en, ev]) => `${en(n)}=${ev(v)}`).join('&'));
    fc.assert(fc.property(query, (q) => void checkQuery(spec, q)), { numRuns: 10_000 });
  }, FUZZ_TIMEOUT);
  it('reads a name as the URL Standard decodes it, where Node’s URLSearchParams does not', () => {
    // A fuzz counterexample: Node decodes this name to "t.\uFFFD", as if it named a setting of `t`.
    checkQuery(spec, 't\u202e%E0');
    expect(formPairs('t\u202e%E0')).toEqual([['t\u202e\uFFFD', '']]);
  });
  it('never throws on raw strings (10,000)', () => {
    const syntax = fc.constantFrom(...'ds.race.t.=&%?#,+-eE019afxyz_ \u0000\u202e<>/:;'.split(''), 'depth', 'inits', 'offset', '%E0', '%2', '\uD800');
    const raw = fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: syntax, maxLength: 200 }), fc.string({ maxLength: 5000 }));
    fc.assert(fc.property(raw, (q) => void checkQuery(spec, q)), { numRuns: 10_000 });
  }, FUZZ_TIMEOUT);
  it('never throws on records as URLSearchParams (5,000)', () => {
    fc.assert(fc.property(fc.dictionary(name, text, { maxKeys: 12 }), (r) => void checkQuery(spec, new URLSearchParams(r))), { numRuns: 5_000 });
  }, FUZZ_TIMEOUT);
  it('parseProps on arbitrary records returns a state in bounds or throws an Error naming file and widget (5,000)', () => {
    const values = fc.oneof(fc.anything(), ...entries(spec).map(([, p]) => valueArb(p)), fc.constantFrom(NaN, Infinity, -0, 1e309, '5'));
    const props = fc.dictionary(fc.oneof(fc.constantFrom(...Object.keys(spec.params), 'class', '__proto__', 'constructor'), fc.string()), values, { maxKeys: 8 });
    fc.assert(fc.property(props, (p) => {
      try {
        expect(withinSpec(spec, parseProps(spec, p, 'content/chapters/x.mdx'))).toBe(true);
      } catch (error) {
        expect(error).toBeInstanceOf(Error);
        expect((error as Error).message.startsWith(`content/chapters/x.mdx: <${spec.name}`), (error as Error).message).toBe(true);
      }
    }), { numRuns: 5_000 });
  }, FUZZ_TIMEOUT);
  it('clampParam and fromSlider always give allowed values (2,000 each)', () => {
    for (const [, p] of entries(spec)) {
      if (p.kind !== 'int' && p.kind !== 'number' && p.kind !== 'seed') continue;
      fc.assert(fc.property(fc.double(), (v) => withinParam(p, clampParam(p, v))), { numRuns: 2_000 });
      fc.assert(fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (t) => withinParam(p, fromSlider(p, t))), { numRuns: 2_000 });
    }
  }, FUZZ_TIMEOUT);
});

describe('the hostile corpus', () => {
  it('has at least 50 cases', () => expect(HOSTILE.length).toBeGreaterThanOrEqual(50));
  it.each(HOSTILE.map((h) => [h.title, h] as const))('%s', (_, h) => {
    const before = Object.getOwnPropertyNames(Object.prototype).join();
    const { state, notices } = checkQuery(h.spec, h.query);
    expect(Object.getOwnPropertyNames(Object.prototype).join()).toBe(before);
    expect(({} as State).polluted).toBeUndefined();
    for (const name of h.bad ?? []) {
      const p = h.spec.params[name];
      expect(same(state[name], p.default), name).toBe(true);
      expect(notices.some((n) => n.startsWith(`${p.label}:`)), `${name}: ${notices.join(' | ')}`).toBe(true);
    }
    for (const [name, value] of Object.entries(h.kept ?? {})) expect(same(state[name], value), name).toBe(true);
    if (h.whole) expect(sameState(state, parseQuery(h.spec, '', 'k').state)).toBe(true);
    if (h.whole) expect(notices.some((n) => /every setting is at its default/i.test(n))).toBe(true);
    if (h.says) expect(notices.join('\n')).toContain(h.says);
    if (h.quiet) expect(notices).toEqual([]);
    else expect(notices.length).toBeGreaterThan(0);
  });
});
