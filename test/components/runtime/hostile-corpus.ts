/**
 * Sample widget specs, an independent bounds check, and a corpus of hostile URL queries for the
 * params tests. The bounds check is written from the spec's meaning, not from params-check.ts, so
 * a bug there can't hide behind itself.
 */
import { defineWidget, MAX_ADDRESS_CHARS, MAX_QUERY_CHARS, SEED_MAX, type ParamSpec, type Params, type WidgetSpec } from '../../../components/runtime/params.ts';

/** Like the depth-signal widget: every scalar kind, a log-scale rate, float and int steps. */
export const DEPTH = defineWidget({
  name: 'DepthSignal',
  params: {
    depth: { kind: 'int', min: 1, max: 50, default: 10, label: 'Depth' },
    width: { kind: 'int', min: 4, max: 256, step: 4, default: 64, label: 'Width' },
    activation: { kind: 'enum', options: ['relu', 'tanh', 'sigmoid', 'linear'], default: 'tanh', label: 'Activation' },
    initializer: { kind: 'enum', options: ['he', 'xavier', 'normal'], default: 'xavier', label: 'Initializer', labels: { he: 'He (2015)' } },
    learningRate: { kind: 'number', min: 1e-4, max: 10, default: 0.01, scale: 'log', label: 'Learning rate' },
    dropRate: { kind: 'number', min: 0, max: 0.9, step: 0.05, default: 0, label: 'Drop rate' },
    lambda: { kind: 'number', min: 0, max: 1, default: 0.001, label: 'λ (L2 strength)' },
    bias: { kind: 'bool', default: true, label: 'Bias' },
    seed: { kind: 'seed', default: 42, label: 'Seed' },
  },
});

/** Like an initializer race: a list parameter and a work cap that many combinations exceed. */
export const RACE = defineWidget({
  name: 'InitRace',
  params: {
    inits: { kind: 'enumList', options: ['zeros', 'normal', 'xavier', 'he', 'orthogonal'], default: ['xavier', 'he'], minItems: 1, maxItems: 4, label: 'Initializers' },
    samples: { kind: 'int', min: 100, max: 5000, step: 100, default: 1000, label: 'Samples' },
    steps: { kind: 'int', min: 10, max: 2000, default: 200, label: 'Steps' },
    width: { kind: 'int', min: 2, max: 64, default: 16, label: 'Width' },
    seed: { kind: 'seed', default: 1, label: 'Seed' },
  },
  work: { estimate: (s) => s.inits.length * s.samples * s.steps * s.width ** 2, max: 5e9, unit: 'multiply-adds' },
});

/** Edge cases: negative ranges (-0), a huge range (1e21 must not print as `1e+21`), an optional list. */
export const TINY = defineWidget({
  name: 'Tiny',
  params: {
    offset: { kind: 'int', min: -5, max: 5, default: 0, label: 'Offset' },
    big: { kind: 'number', min: -1e30, max: 1e30, default: 1, label: 'Big' },
    tenth: { kind: 'number', min: 0, max: 1, step: 0.1, default: 0.5, label: 'Tenth' },
    extras: { kind: 'enumList', options: ['a', 'b', 'c'], default: [], minItems: 0, maxItems: 3, label: 'Extras' },
    only: { kind: 'enum', options: ['one'], default: 'one', label: 'Only' },
  },
});

/** The URL key each sample spec uses in the tests. */
export const KEYS = new Map<WidgetSpec<Params>, string>([[DEPTH, 'ds'], [RACE, 'race'], [TINY, 't']]);

/** Whether `v` is allowed by `p`, from the spec's meaning alone (-0 counts as not normalised). */
export function withinParam(p: ParamSpec, v: unknown): boolean {
  const num = typeof v === 'number' && Number.isFinite(v) && !Object.is(v, -0);
  switch (p.kind) {
    case 'seed': return num && Number.isInteger(v) && v >= 0 && v <= SEED_MAX;
    case 'int':
    case 'number': {
      if (!num || v < p.min || v > p.max || (p.kind === 'int' && !Number.isInteger(v))) return false;
      if (p.step === undefined) return true;
      const k = (v - p.min) / p.step; // on the grid min + k·step, up to float rounding
      return Math.abs(k - Math.round(k)) < 1e-6;
    }
    case 'enum': return typeof v === 'string' && p.options.includes(v);
    case 'bool': return v === true || v === false;
    case 'enumList':
      return Array.isArray(v) && v.length >= p.minItems && v.length <= p.maxItems && new Set(v).size === v.length
        && v.every((x) => typeof x === 'string' && p.options.includes(x));
  }
}

/** Every parameter present and allowed, no other keys, and within the work cap. */
export function withinSpec(spec: WidgetSpec<Params>, state: Record<string, unknown>): boolean {
  const names = Object.keys(spec.params);
  if (Object.keys(state).sort().join() !== [...names].sort().join()) return false;
  if (!names.every((n) => withinParam(spec.params[n], state[n]))) return false;
  return !spec.work || spec.work.estimate(state as never) <= spec.work.max;
}

/** One hostile query and what must come of it (besides: no throw, in bounds, plain notices). */
export interface HostileCase {
  title: string;
  query: string | URLSearchParams;
  spec: WidgetSpec<Params>;
  /** Parameters that must end at their default with a notice starting with their label. */
  bad?: string[];
  /** Values that must be accepted exactly (Object.is for numbers). */
  kept?: Record<string, unknown>;
  /** The whole state is the default, and a notice says so. */
  whole?: boolean;
  /** Some notice contains this text. */
  says?: string;
  /** No notice at all. */
  quiet?: boolean;
}

const K10 = '9'.repeat(10_000);
const c = (title: string, query: string | URLSearchParams, rest: Partial<HostileCase> = {}): HostileCase => ({ title, query, spec: DEPTH, ...rest });
const race = (title: string, query: string, rest: Partial<HostileCase> = {}): HostileCase => c(title, query, { spec: RACE, ...rest });
const unknown = { says: "this widget doesn't know" };

/** ≥ 50 hostile queries against `DEPTH` (key `ds`) and `RACE` (key `race`). */
export const HOSTILE: HostileCase[] = [
  c('script tag', 'ds.activation=<script>alert(1)</script>', { bad: ['activation'] }),
  c('encoded script tag', 'ds.activation=%3Cscript%3Ealert(1)%3C%2Fscript%3E', { bad: ['activation'] }),
  c('img onerror', 'ds.activation=<img src=x onerror=alert(1)>', { bad: ['activation'] }),
  c('javascript: URL', 'ds.initializer=javascript:alert(1)', { bad: ['initializer'] }),
  c('mixed-case encoded javascript:', 'ds.activation=JaVaScRiPt%3Aalert(document.cookie)', { bad: ['activation'] }),
  c('data: URL', 'ds.initializer=data:text/html;base64,PHNjcmlwdD4=', { bad: ['initializer'] }),
  c('file: URL', 'ds.initializer=file:///etc/passwd', { bad: ['initializer'] }),
  c('path traversal', 'ds.initializer=../../etc/passwd', { bad: ['initializer'] }),
  c('encoded path traversal', 'ds.initializer=..%2F..%2Fetc%2Fpasswd', { bad: ['initializer'] }),
  c('__proto__ param', 'ds.__proto__=1&ds.depth=5', { kept: { depth: 5 }, ...unknown }),
  c('__proto__ path', 'ds.__proto__.polluted=1', unknown),
  c('bare __proto__ key', '__proto__.polluted=1&__proto__=x&ds.depth=6', { kept: { depth: 6 }, quiet: true }),
  c('constructor.prototype', 'ds.constructor.prototype.polluted=1', unknown),
  c('constructor', 'ds.constructor=1', unknown),
  c('prototype', 'ds.prototype=x', unknown),
  c('toString', 'ds.toString=1&ds.hasOwnProperty=2', unknown),
  c('__proto__ as an enum value', 'ds.activation=__proto__', { bad: ['activation'] }),
  c('URLSearchParams with __proto__', new URLSearchParams([['ds.__proto__', 'x'], ['ds.depth', '4']]), { kept: { depth: 4 }, ...unknown }),
  c('lone %', 'ds.depth=%', { bad: ['depth'] }),
  c('truncated UTF-8 escape', 'ds.depth=%E0%A4%A', { bad: ['depth'] }),
  c('%ZZ', 'ds.depth=%ZZ', { bad: ['depth'] }),
  c('broken escapes elsewhere', '%ZZ=%ZZ&%=%&ds.depth=7', { kept: { depth: 7 }, quiet: true }),
  c('broken escape in a name', 'ds.dep%th=3', unknown),
  c('invalid UTF-8 bytes', 'ds.depth=%FF%FE', { bad: ['depth'] }),
  c('encoded surrogate', 'ds.depth=%ED%A0%80', { bad: ['depth'] }),
  c('lone surrogate', 'ds.activation=\uD800', { bad: ['activation'] }),
  c('10 kB value', `ds.depth=${K10}`, { whole: true, says: 'characters long' }),
  c('10 kB value, URLSearchParams', new URLSearchParams({ 'ds.activation': K10 }), { whole: true }),
  c('1 kB value', `ds.activation=${'a'.repeat(1000)}`, { bad: ['activation'], says: '(1000 characters)' }),
  c('over-long but well-formed number', `ds.depth=${'0'.repeat(300)}5&ds.seed=0005`, { bad: ['depth'], kept: { seed: 5 } }),
  c('duplicate keys: first wins', 'ds.depth=20&ds.depth=30', { kept: { depth: 20 }, says: 'only the first is used' }),
  c('duplicate keys: bad first', 'ds.depth=abc&ds.depth=20', { bad: ['depth'], says: '2 times' }),
  c('NaN', 'ds.learningRate=NaN', { bad: ['learningRate'] }),
  c('Infinity', 'ds.learningRate=Infinity', { bad: ['learningRate'] }),
  c('-Infinity', 'ds.lambda=-Infinity', { bad: ['lambda'] }),
  c('1e309', 'ds.learningRate=1e309', { bad: ['learningRate'] }),
  c('-1e309', 'ds.lambda=-1e309', { bad: ['lambda'] }),
  c('-0', 'ds.lambda=-0&ds.dropRate=-0', { kept: { lambda: 0, dropRate: 0 }, quiet: true }),
  c('hex', 'ds.depth=0x10', { bad: ['depth'] }),
  c('leading space', 'ds.depth=%205', { bad: ['depth'] }),
  c('trailing space', 'ds.depth=5%20', { bad: ['depth'] }),
  c('plus (a space in a query)', 'ds.depth=+5', { bad: ['depth'] }),
  c('tab and newline', 'ds.depth=5%09&ds.width=%0A8', { bad: ['depth', 'width'] }),
  c('underscore separator', 'ds.depth=1_0', { bad: ['depth'] }),
  c('Arabic-Indic digits', 'ds.depth=١٢', { bad: ['depth'] }),
  c('fullwidth digits', 'ds.depth=%EF%BC%91%EF%BC%92', { bad: ['depth'] }),
  c('RTL override', 'ds.activation=%E2%80%AEhnat', { bad: ['activation'] }),
  c('zero-width space', 'ds.activation=tanh%E2%80%8B', { bad: ['activation'] }),
  c('null byte', 'ds.activation=tanh%00&ds.depth=5%00', { bad: ['activation', 'depth'] }),
  c('raw null byte', 'ds.activation=ta\u0000nh', { bad: ['activation'] }),
  c('non-integer int', 'ds.depth=10.5&ds.seed=4.5', { bad: ['depth', 'seed'] }),
  c('out of range', 'ds.depth=51&ds.width=0&ds.seed=-1', { bad: ['depth', 'width', 'seed'] }),
  c('seed 2^31', 'ds.seed=2147483648', { bad: ['seed'] }),
  c('off the step grid', 'ds.width=6&ds.dropRate=0.33', { bad: ['width', 'dropRate'] }),
  c('below a log range', 'ds.learningRate=0', { bad: ['learningRate'] }),
  c('boolean spellings', 'ds.bias=1&ds.bias=TRUE', { bad: ['bias'] }),
  c('empty and missing values', 'ds.depth=&ds.width', { bad: ['depth', 'width'] }),
  c('empty and dotted names', 'ds.=5&ds..depth=5', unknown),
  c('semicolon is not a separator', 'ds.depth=20;ds.width=8', { bad: ['depth'] }),
  c('encoded dot in a name is a name', 'ds%2Edepth=7&ds.learningRate=2e-3', { kept: { depth: 7, learningRate: 0.002 }, quiet: true }),
  c('another widget key', 'dsx.depth=3&DS.depth=3&ds=3', { quiet: true, kept: { depth: 10 } }),
  c('empty pairs and hash', '#&&&=&=&ds.depth=3', { kept: { depth: 3 }, quiet: true }),
  c('hash inside a value', 'ds.depth=7#ds.depth=8', { bad: ['depth'] }),
  c('very long key, ours', `ds.${'a'.repeat(3000)}=1`, { says: '(3003 characters)' }),
  c('very long key, not ours', `${'x'.repeat(3000)}=1&ds.depth=2`, { kept: { depth: 2 }, quiet: true }),
  c('thousands of params', Array.from({ length: 1500 }, (_, i) => `ds.p${i}=1`).join('&'), { whole: true }),
  c('hundreds of unknown params', Array.from({ length: 400 }, (_, i) => `ds.x${i}=1`).join('&'), { says: '400 settings' }),
  c('hundreds of bad values', 'ds.depth=0&ds.width=0&'.repeat(150), { bad: ['depth', 'width'], says: 'only the first' }),
  c('a long foreign param (a tracking id)', `fbclid=${'A'.repeat(MAX_QUERY_CHARS + 100)}&ds.depth=3`, { kept: { depth: 3 }, quiet: true }),
  c('long foreign params around ours', `x=${'A'.repeat(30_000)}&ds.width=8&y=${'B'.repeat(30_000)}`, { kept: { width: 8 }, quiet: true }),
  c('a long param of ours among foreign ones', `fbclid=abc&ds.activation=${'a'.repeat(MAX_QUERY_CHARS)}`, { whole: true, says: 'characters long' }),
  c('many params of ours, long only together', `utm=x&${'ds.depth=3&'.repeat(500)}`, { whole: true, says: 'characters long' }),
  c('an encoded name of ours still counts', `${'ds%2Eactivation=relu&'.repeat(300)}`, { whole: true, says: 'characters long' }),
  c('an address too long to read', `fbclid=${'A'.repeat(MAX_ADDRESS_CHARS)}&ds.depth=3`, { whole: true, says: 'this page reads' }),
  c('a thousand foreign params', `${'a&'.repeat(1500)}ds.depth=3`, { kept: { depth: 3 }, quiet: true }),
  race('duplicate list items', 'race.inits=he,he', { bad: ['inits'] }),
  race('empty list under minItems', 'race.inits=', { bad: ['inits'] }),
  race('list over maxItems', 'race.inits=he,xavier,normal,orthogonal,zeros', { bad: ['inits'] }),
  race('empty list item', 'race.inits=he,,xavier', { bad: ['inits'] }),
  race('encoded comma', 'race.inits=he%2Cxavier', { kept: { inits: ['he', 'xavier'] }, quiet: true }),
  race('__proto__ in a list', 'race.inits=__proto__,constructor', { bad: ['inits'] }),
  race('script in a list', 'race.inits=he,<script>', { bad: ['inits'] }),
  race('over the work cap', 'race.samples=5000&race.steps=2000&race.width=64&race.inits=he,xavier', { whole: true, says: 'the limit is' }),
];
