/**
 * The params schema, one behaviour at a time: spec checks, each kind at build time and in the URL,
 * the exact wording of errors and notices, the MDX and URL encodings, and the control helpers.
 */
import { describe, expect, it } from 'vitest';
import {
  clampParam, defaultState, defineWidget, describeParam, fromSlider, MAX_ADDRESS_CHARS, MAX_QUERY_CHARS, parseProps, parseQuery,
  replaceInQuery, serializeQuery, toMdx, toSlider, validateState, type ParamSpec, type Params, type WidgetSpec,
} from '../../../components/runtime/params.ts';
import { DEPTH, RACE, TINY } from './hostile-corpus.ts';
import { SPECS } from '../../../components/widgets/specs.ts';

const FILE = 'content/chapters/initialization.mdx';
const propsError = (props: Record<string, unknown>, spec: WidgetSpec<Params> = DEPTH) => () => parseProps(spec, props, FILE);
const P = DEPTH.params;

describe('defineWidget', () => {
  const ok = { kind: 'int', min: 1, max: 9, default: 3, label: 'N' } as const;
  const bad = (p: unknown, name = 'n') => () => defineWidget({ name: 'W', params: { [name]: p as ParamSpec } });
  it('returns the spec itself', () => expect(defineWidget(DEPTH)).toBe(DEPTH));
  it.each([
    ['a default out of range', { ...ok, default: 10 }, 'default {10} is not an integer from 1 to 9'],
    ['min > max', { ...ok, min: 9, max: 1 }, 'min ≤ max'],
    ['a default off the step', { ...ok, step: 2, default: 2 }, 'in steps of 2 from 1'],
    ['a max off the step', { ...ok, step: 3 }, 'max must be min plus a whole number of steps'],
    ['a fractional int step', { ...ok, step: 0.5 }, 'step must be a positive integer'],
    ['a log scale from 0', { kind: 'number', min: 0, max: 1, default: 1, scale: 'log', label: 'x' }, 'log scale needs min > 0'],
    ['a default not among the options', { kind: 'enum', options: ['a', 'b'], default: 'c', label: 'x' }, 'default "c" is not one of "a", "b"'],
    ['duplicate options', { kind: 'enum', options: ['a', 'a'], default: 'a', label: 'x' }, 'not "a"'],
    ['unsafe option names', { kind: 'enum', options: ['a,b', '<x>', 'ok'], default: 'ok', label: 'x' }, 'not "a,b", "‹x›"'],
    ['labels for unknown options', { kind: 'enum', options: ['a'], default: 'a', labels: { b: 'B' }, label: 'x' }, 'labels for unknown options: b'],
    ['minItems > maxItems', { kind: 'enumList', options: ['a', 'b'], default: ['a'], minItems: 2, maxItems: 1, label: 'x' }, 'minItems ≤ maxItems'],
    ['a seed over 2^31 − 1', { kind: 'seed', default: 2 ** 31, label: 'x' }, 'not an integer from 0 to 2,147,483,647'],
    ['an unknown kind', { kind: 'date', default: 0, label: 'x' }, 'kind must be one of'],
    ['no label', { ...ok, label: ' ' }, 'needs a label'],
    ['a phrase without the value', { ...ok, phrase: 'hidden layers' }, 'phrase must be words with one #'],
    ['a phrase with the value twice', { ...ok, phrase: ['# layer', '# layers of #'] }, 'phrase must be words with one #'],
    ['a count phrase of one form', { ...ok, phrase: ['# layers'] }, 'phrase must be words with one #'],
  ])('rejects %s', (_, p, message) => expect(bad(p)).toThrow(message));
  it.each(['constructor', 'toString', 'prototype', 'Depth', 'a-b', '__proto__'])('rejects the parameter name %s', (name) => {
    expect(bad(ok, name)).toThrow(`defineWidget(W): ${name}: not a usable prop name`);
  });
  it('rejects a lower-case widget name and defaults over the work cap', () => {
    expect(() => defineWidget({ name: 'depthSignal', params: {} })).toThrow('PascalCase');
    const work = { estimate: () => 11, max: 10, unit: 'flops' };
    expect(() => defineWidget({ name: 'W', params: { n: ok }, work })).toThrow('the defaults are over the work cap: this configuration needs 11 flops; the limit is 10');
  });
});

describe('describeParam', () => {
  it.each([
    [DEPTH, 'depth', 'an integer from 1 to 50'],
    [DEPTH, 'width', 'an integer from 4 to 256 in steps of 4'],
    [DEPTH, 'learningRate', 'a number from 0.0001 to 10'],
    [DEPTH, 'dropRate', 'a number from 0 to 0.9 in steps of 0.05'],
    [DEPTH, 'activation', 'one of "relu", "tanh", "sigmoid", "linear"'],
    [DEPTH, 'bias', 'true or false'],
    [DEPTH, 'seed', 'an integer from 0 to 2,147,483,647'],
    [RACE, 'inits', 'a list of 1 to 4 different names from "zeros", "normal", "xavier", "he", "orthogonal"'],
    [TINY, 'big', 'a number from -1e30 to 1e30'],
  ] as [WidgetSpec<Params>, string, string][])('%s.%s: %s', (spec: WidgetSpec<Params>, name, text) => expect(describeParam(spec, name)).toBe(text));
  it('refuses unknown and inherited names', () => expect(() => describeParam(DEPTH, 'toString' as never)).toThrow('no parameter "toString"'));
  it('groups the thousands of a bound, as the site writes counts, and keeps small or fractional ones as they are', () => {
    const between = (min: number, max: number, step?: number) => describeParam(defineWidget({ name: 'W', params: { n: { kind: 'int', min, max, default: min, step, label: 'N' } } }), 'n');
    expect(between(1000, 25000)).toBe('an integer from 1,000 to 25,000');
    expect(between(999, 999 + 2000 * 1500, 2000)).toBe('an integer from 999 to 3,000,999 in steps of 2,000 from 999');
  });
  // Every widget's allowed values as the reference page, a link's notice and a field's note say them.
  it.each(Object.values(SPECS).flatMap((spec) => Object.keys(spec.params).map((name) => [`${spec.name}.${name}`, spec, name] as const)))(
    '%s: no bound of four or more digits is written ungrouped', (_where, spec, name) => {
      expect(describeParam(spec, name)).not.toMatch(/(?<![\d.])\d{4}/);
    });
});

describe('parseProps (build time)', () => {
  it('gives the defaults for absent props, and ignores Astro props', () => {
    expect(parseProps(DEPTH, { class: 'wide', id: 'fig-1', caption: 'x' }, FILE)).toEqual({
      depth: 10, width: 64, activation: 'tanh', initializer: 'xavier', learningRate: 0.01, dropRate: 0, lambda: 0.001, bias: true, seed: 42,
    });
    expect(propsError({ class: 'wide' }, DEPTH)).not.toThrow();
  });
  it('takes the ignore list as a parameter', () => {
    expect(parseProps(DEPTH, { 'client:visible': true }, FILE, ['client:visible']).depth).toBe(10);
    expect(() => parseProps(DEPTH, { class: 'x' }, FILE, [])).toThrow(`${FILE}: <DepthSignal class="x">: DepthSignal has no prop "class".`);
  });
  it('accepts every kind, normalising -0', () => {
    const state = parseProps(DEPTH, { depth: 50, width: 8, activation: 'relu', learningRate: 1e-4, dropRate: 0.35, lambda: -0, bias: false, seed: 2 ** 31 - 1 }, FILE);
    expect(state).toMatchObject({ depth: 50, width: 8, activation: 'relu', learningRate: 1e-4, dropRate: 0.35, bias: false, seed: 2 ** 31 - 1 });
    expect(Object.is(state.lambda, 0)).toBe(true);
    expect(parseProps(RACE, { inits: ['he', 'zeros', 'normal'] }, FILE).inits).toEqual(['he', 'zeros', 'normal']);
  });
  it.each([
    [{ depth: 80 }, '<DepthSignal depth={80}>: depth must be an integer from 1 to 50; got 80.'],
    [{ depth: 2.5 }, '<DepthSignal depth={2.5}>: depth must be an integer from 1 to 50; got 2.5.'],
    [{ depth: '20' }, '<DepthSignal depth="20">: depth must be an integer from 1 to 50; got "20" (a string; write depth={20}).'],
    [{ width: 6 }, '<DepthSignal width={6}>: width must be an integer from 4 to 256 in steps of 4; got 6.'],
    [{ learningRate: NaN }, 'learningRate must be a number from 0.0001 to 10; got NaN.'],
    [{ lambda: Infinity }, 'lambda must be a number from 0 to 1; got Infinity.'],
    [{ activation: 'gelu' }, '<DepthSignal activation="gelu">: activation must be one of "relu", "tanh", "sigmoid", "linear"; got "gelu".'],
    [{ bias: 'false' }, 'bias must be true or false; got "false" (a string; write bias={false}).'],
    [{ seed: -1 }, 'seed must be an integer from 0 to 2,147,483,647; got -1.'],
    [{ Depth: 3 }, '<DepthSignal Depth={3}>: DepthSignal has no prop "Depth". Did you mean depth? Its props are: depth, width,'],
    [{ depth: { value: 20 } }, '<DepthSignal depth={an object}>: depth must be an integer from 1 to 50; got an object.'],
    [{ activation: () => 'relu' }, 'activation must be one of "relu", "tanh", "sigmoid", "linear"; got a function.'],
  ])('names file, widget, prop, value and what is allowed: %j', (props, message) => {
    expect(propsError(props)).toThrow(`${FILE}: <DepthSignal `);
    expect(propsError(props)).toThrow(message);
  });
  it('reports every problem at once, and lists', () => {
    expect(propsError({ depth: 0, seed: 1.5 })).toThrow(/depth=\{0\}>.*\n.*seed=\{1\.5\}>/);
    expect(propsError({ inits: ['he', 'he'] }, RACE)).toThrow(`${FILE}: <InitRace inits={["he", "he"]}>: inits must be a list of 1 to 4 different names from`);
    expect(propsError({ inits: 'he' }, RACE)).toThrow('got "he" (a string; write inits={["he"]}).');
  });
  it('rejects a configuration over the work cap, showing it', () => {
    expect(propsError({ samples: 5000, steps: 2000, width: 64 }, RACE)).toThrow(
      `${FILE}: <InitRace samples={5000} steps={2000} width={64}>: this configuration needs 81.9 billion multiply-adds; the limit is 5 billion; make the configuration smaller.`);
  });
  it('treats own __proto__ keys as unknown props without touching prototypes', () => {
    expect(propsError(JSON.parse('{"__proto__": {"polluted": 1}}'))).toThrow('has no prop "__proto__"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('toMdx and serializeQuery', () => {
  const state = { ...defaultState(DEPTH), depth: 20, activation: 'relu' as const, learningRate: 1e-4, bias: false };
  it('write non-defaults only, in declaration order', () => {
    expect(toMdx(DEPTH, defaultState(DEPTH))).toBe('<DepthSignal />');
    // A widget's own key is written as its id, first; the key its name gives needs none.
    expect(toMdx(DEPTH, defaultState(DEPTH), 'scale')).toBe('<DepthSignal id="scale" />');
    expect(toMdx(DEPTH, defaultState(DEPTH), 'depth-signal')).toBe('<DepthSignal />');
    expect(serializeQuery(DEPTH, defaultState(DEPTH), 'ds')).toBe('');
    expect(toMdx(DEPTH, state)).toBe('<DepthSignal depth={20} activation="relu" learningRate={0.0001} bias={false} />');
    expect(serializeQuery(DEPTH, state, 'ds')).toBe('ds.depth=20&ds.activation=relu&ds.learningRate=0.0001&ds.bias=false');
  });
  it('write numbers in shortest round-trip form, exponents without "+"', () => {
    const tiny = { ...defaultState(TINY), big: 1e21, tenth: 0.1 + 0.2, extras: ['c', 'a'] as ('a' | 'b' | 'c')[] };
    expect(toMdx(TINY, tiny)).toBe('<Tiny big={1e21} tenth={0.30000000000000004} extras={["c", "a"]} />');
    expect(serializeQuery(TINY, tiny, 't')).toBe('t.big=1e21&t.tenth=0.30000000000000004&t.extras=c,a');
    expect(serializeQuery(TINY, { ...defaultState(TINY), big: -1.5e-7 }, 't')).toBe('t.big=-1.5e-7');
  });
  it('encode an empty list as an empty value, and read it back', () => {
    const withA = { ...defaultState(TINY), extras: ['a'] as ('a' | 'b' | 'c')[] };
    expect(parseQuery(TINY, 't.extras=', 't').state.extras).toEqual([]);
    expect(parseQuery(TINY, serializeQuery(TINY, withA, 't'), 't').state.extras).toEqual(['a']);
  });
  it('refuse invalid states and keys (caller bugs)', () => {
    expect(() => toMdx(DEPTH, { ...state, depth: 99 })).toThrow('toMdx <DepthSignal>: invalid state: depth must be an integer from 1 to 50; got {99}.');
    expect(() => serializeQuery(DEPTH, state, 'a.b')).toThrow('URL key "a.b"');
    expect(validateState(RACE, { ...defaultState(RACE), samples: 5000, steps: 2000 })).toEqual(['this configuration needs 5.12 billion multiply-adds; the limit is 5 billion']);
    expect(validateState(DEPTH, { ...state, extra: 1 })).toEqual(['extra is not a parameter']);
  });
});

describe('parseQuery (browser)', () => {
  it('reads its own key among others, from ?, # or URLSearchParams', () => {
    for (const q of ['?race.inits=he&ds.depth=3&q=x', '#ds.depth=3&race.inits=he', new URLSearchParams('ds.depth=3&race.inits=he')]) {
      expect(parseQuery(DEPTH, q, 'ds')).toEqual({ state: { ...defaultState(DEPTH), depth: 3 }, notices: [], fromUrl: true });
      expect(parseQuery(RACE, q, 'race').state.inits).toEqual(['he']);
    }
    expect(parseQuery(DEPTH, '', 'ds')).toEqual({ state: defaultState(DEPTH), notices: [], fromUrl: false });
  });
  it('words notices for people', () => {
    expect(parseQuery(DEPTH, 'ds.depth=80', 'ds').notices).toEqual([`Depth: the link's value "80" was ignored, so this setting is at the page's value, 10. It must be an integer from 1 to 50.`]);
    expect(parseQuery(DEPTH, 'ds.activation=%E2%80%AEtanh<b>', 'ds').notices[0]).toContain('value "\uFFFDtanh‹b›" was ignored');
    expect(parseQuery(DEPTH, `ds.activation=${'x'.repeat(100)}`, 'ds').notices[0]).toContain(`"${'x'.repeat(40)}…" (100 characters)`);
  });
  it('says fromUrl only when a value was taken', () => {
    expect(parseQuery(DEPTH, 'ds.depth=99', 'ds').fromUrl).toBe(false);
    expect(parseQuery(DEPTH, 'ds.depth=10', 'ds').fromUrl).toBe(true);
  });
  it('bounds only its own pairs: a long parameter of another page or widget is no concern of it', () => {
    const tracking = `fbclid=${'A'.repeat(MAX_QUERY_CHARS + 100)}`;
    expect(parseQuery(DEPTH, `?${tracking}`, 'ds')).toEqual({ state: defaultState(DEPTH), notices: [], fromUrl: false });
    expect(parseQuery(DEPTH, `?${tracking}&ds.depth=3`, 'ds').state.depth).toBe(3);
    const long = `ds.activation=${'a'.repeat(MAX_QUERY_CHARS)}`;
    expect(parseQuery(DEPTH, `?a=1&${long}&b=2`, 'ds').notices).toEqual([
      `The link's settings for this widget are ${long.length} characters long, more than the ${MAX_QUERY_CHARS} allowed; every setting is at its default.`,
    ]);
  });
  it('knows its pairs however their names are escaped, as URLSearchParams decodes them', () => {
    for (const name of ['%64s.depth', 'ds%2Edepth', 'ds%2edepth', '%64%73%2E%64epth']) expect(parseQuery(DEPTH, `${name}=3`, 'ds').state.depth, name).toBe(3);
    for (const name of ['ds%2depth', 'ds+depth', 'd%20s.depth', 'ds', 'd', '?ds.depth']) expect(parseQuery(DEPTH, `x=1&${name}=3`, 'ds'), name).toEqual({ state: defaultState(DEPTH), notices: [], fromUrl: false });
  });
  it('reads an address of the longest length it accepts, and a longer one not at all', () => {
    // The worst case for finding its pairs: as many foreign pairs as fit (no timing here: a unit
    // test does not measure time; the reading is one pass over the address).
    const crowded = `${'a&'.repeat((MAX_ADDRESS_CHARS - 20) / 2)}ds.depth=3`;
    expect(parseQuery(DEPTH, crowded, 'ds').state.depth).toBe(3);
    const over = parseQuery(DEPTH, `${crowded}&${'a'.repeat(20)}`, 'ds');
    expect(over.state).toEqual(defaultState(DEPTH));
    expect(over.notices[0]).toMatch(new RegExp(`^This address is \\d+ characters long, more than the ${MAX_ADDRESS_CHARS} this page reads`));
  });
  it('never throws on an invalid key or a non-string query', () => {
    expect(parseQuery(DEPTH, 'ds.depth=3', 'd.s').notices).toEqual([`This widget's link key is not valid, so the link's settings were not read.`]);
    expect(parseQuery(DEPTH, null as never, 'ds').state).toEqual(defaultState(DEPTH));
  });
});

describe('replaceInQuery', () => {
  it("replaces one widget's pairs and keeps the rest byte for byte", () => {
    expect(replaceInQuery('?a=%2C&ds.depth=3&ds%2Ewidth=8&race.inits=he,xavier', 'ds', 'ds.depth=5')).toBe('a=%2C&race.inits=he,xavier&ds.depth=5');
    expect(replaceInQuery('#ds.depth=3', 'ds', '')).toBe('');
  });
});

describe('control helpers', () => {
  it('clampParam clamps, snaps to the step and rounds', () => {
    expect([clampParam(P.width, 7), clampParam(P.width, 1e9), clampParam(P.depth, 2.5), clampParam(P.dropRate, 0.33), clampParam(P.seed, -3)]).toEqual([8, 256, 3, 0.35, 0]);
    expect(clampParam(P.lambda, NaN)).toBe(0.001);
  });
  it('log sliders move in equal ratios', () => {
    expect(fromSlider(P.learningRate, 0.5)).toBeCloseTo(Math.sqrt(1e-4 * 10), 12);
    expect(toSlider(P.learningRate, 0.01)).toBeCloseTo(Math.log(100) / Math.log(1e5), 12);
    expect([fromSlider(P.learningRate, 0), fromSlider(P.learningRate, 1), fromSlider(P.depth, 0.5)]).toEqual([1e-4, 10, 26]);
  });
});
