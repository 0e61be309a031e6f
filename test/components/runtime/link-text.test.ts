/** The status line of a widget opened from a link: which settings the link changes, in words. */
import { describe, expect, it } from 'vitest';
import { withDefaults } from '../../../components/runtime/controls.ts';
import { differingSettings, linkedChanges, settingInWords } from '../../../components/runtime/link-text.ts';
import { defaultState, parseQuery } from '../../../components/runtime/params.ts';
import type { ParamSpec, Params, StateOf } from '../../../components/runtime/params-types.ts';
import { shortLabel, showValue } from '../../../components/runtime/params-text.ts';
import { SPECS } from '../../../components/widgets/specs.ts';
import { decisionBoundarySpec } from '../../../components/widgets/decision-boundary/spec.ts';
import { HE_FIGURE3_PRESET, trainingRaceSpec } from '../../../components/widgets/training-race/spec.ts';

// The chapter's race: the page's settings are the He et al. preset, passed as props.
const page = withDefaults(trainingRaceSpec, HE_FIGURE3_PRESET as unknown as StateOf<Params>);
const fromLink = (query: string) => parseQuery(page, query, 'he-figure-3').state;

describe('linkedChanges', () => {
  it('names a changed setting with the value the control shows, as a sentence would', () => {
    expect(linkedChanges(page, fromLink('?he-figure-3.depth=20'))).toBe('20 hidden layers');
    expect(linkedChanges(page, fromLink('?he-figure-3.depth=1'))).toBe('1 hidden layer');
  });

  it('gives options and lists by their human names, and joins two or three settings with "and"', () => {
    expect(linkedChanges(page, fromLink('?he-figure-3.dataset=moons&he-figure-3.seed=7'))).toBe('the two moons data and seed 7');
    expect(linkedChanges(page, fromLink('?he-figure-3.initializers=heNormal,postHe&he-figure-3.depth=5&he-figure-3.learningRate=0.003')))
      .toBe('the initializers He normal + post’s “He”, 5 hidden layers and learning rate 0.003');
  });

  it('counts more than three changed settings instead of naming them', () => {
    expect(linkedChanges(page, fromLink('?he-figure-3.depth=5&he-figure-3.width=8&he-figure-3.epochs=3&he-figure-3.seeds=1'))).toBe('4 settings');
  });

  it('says nothing when the link repeats the page’s settings', () => {
    expect(linkedChanges(page, fromLink('?he-figure-3.depth=30'))).toBe('');
    expect(linkedChanges(page, defaultState(page))).toBe('');
  });

  it('keeps only the words before an explanation in a label', () => {
    const spec = withDefaults(decisionBoundarySpec, defaultState(decisionBoundarySpec));
    const state = { ...defaultState(spec), seed: 3, gain: 0.5 };
    expect(linkedChanges(spec, state)).toBe('gain 0.5 and seed 3');
  });
});

describe('differingSettings', () => {
  const shown = defaultState(page);
  it('names one differing setting in full on the side said first, and gives the other side its value', () => {
    expect(differingSettings(page, shown, fromLink('?he-figure-3.seed=7'))).toEqual({ shown: 'seed 1', chosen: '7' });
    expect(differingSettings(page, shown, fromLink('?he-figure-3.width=8'), 'chosen')).toEqual({ shown: '24', chosen: '8 units per layer' });
  });

  it('names two or three differing settings in full on both sides, in the same order', () => {
    expect(differingSettings(page, fromLink('?he-figure-3.depth=20'), fromLink('?he-figure-3.dataset=moons&he-figure-3.depth=5')))
      .toEqual({ shown: 'the XOR data and 20 hidden layers', chosen: 'the two moons data and 5 hidden layers' });
  });

  it('counts more than three instead of naming them, and is null when nothing differs', () => {
    expect(differingSettings(page, shown, fromLink('?he-figure-3.depth=5&he-figure-3.width=8&he-figure-3.epochs=3&he-figure-3.seeds=1')))
      .toEqual({ shown: 'earlier settings', chosen: '4 changed settings' });
    expect(differingSettings(page, shown, defaultState(page))).toBeNull();
  });
});

/**
 * Every parameter of every widget, in the sentences of its status line. Two values each: the
 * page's default and another the parameter allows (1 too, where it is allowed: the singular).
 */
function otherValue(p: ParamSpec): StateOf<Params>[string] {
  switch (p.kind) {
    case 'int': case 'number': return p.default === p.max ? p.min : p.max;
    case 'seed': return p.default + 1;
    case 'bool': return !p.default;
    case 'enum': return p.options.find((o) => o !== p.default)!;
    case 'enumList': return p.options.filter((o) => !p.default.includes(o)).concat(p.options).slice(0, p.minItems || 1);
  }
}
const allowsOne = (p: ParamSpec) => (p.kind === 'int' || p.kind === 'number') && p.min <= 1 && p.max >= 1;
/** A word in a label that names things counted ("Units per layer", "Hidden layers", "Inputs n_in"). */
const countsThings = (p: ParamSpec) => p.kind === 'int' && /\b[A-Za-z]{2,}[^s]s\b/.test(shortLabel(p.label));

const cases = Object.values(SPECS).flatMap((spec) => Object.entries(spec.params).map(([name, p]) => ({ spec, name, p, where: `${spec.name}.${name}` })));

describe('every widget’s settings in the status line', () => {
  it('there are parameters of every kind but toggles (checked by a made-up one below)', () => {
    expect(new Set(cases.map((c) => c.p.kind))).toEqual(new Set(['int', 'number', 'enum', 'enumList', 'seed']));
  });

  it.each(cases.map((c) => [c.where, c] as const))('%s: a value in words, as a reader would write it', (_where, { p }) => {
    const values = [p.default, otherValue(p), ...(allowsOne(p) ? [1] : [])];
    for (const value of values) {
      const words = settingInWords(p, value);
      expect(words, String(value)).toContain(showValue(p, value));
      // The label's name followed by its value reads as a form, not a sentence: "initializer He
      // normal", "data XOR", "units per layer 100". A name and a value are fine for an amount ("seed 3").
      const name = shortLabel(p.label).toLowerCase();
      if (p.kind === 'enum' || p.kind === 'enumList') expect(words.toLowerCase(), String(value)).not.toBe(`${name} ${showValue(p, value).toLowerCase()}`);
      if (countsThings(p)) expect(words, `${p.label}: the count first`).toMatch(new RegExp(`^${showValue(p, value)} `));
      // One of a thing, not "1 hidden layers" (nor "1 units per layer").
      if (value === 1) expect(words).not.toMatch(/^1 [a-z]+s\b/);
      expect(words).not.toMatch(/[(:]/);
    }
  });

  it.each(cases.map((c) => [c.where, c] as const))('%s: the figure and the controls differ in it', (_where, { spec, name, p }) => {
    const shown = defaultState(spec);
    const chosen = { ...shown, [name]: otherValue(p) };
    const full = { shown: settingInWords(p, shown[name]), chosen: settingInWords(p, chosen[name]) };
    const value = { shown: showValue(p, shown[name]), chosen: showValue(p, chosen[name]) };
    // "The figure still shows 100 units per layer; the controls say 129."
    expect(differingSettings(spec, shown, chosen)).toEqual({ shown: full.shown, chosen: value.chosen });
    // "It gives 129 units per layer, as the controls say; the figure shown was made with 100."
    expect(differingSettings(spec, shown, chosen, 'chosen')).toEqual({ shown: value.shown, chosen: full.chosen });
    // With a second setting, both sides name both: "…made with 100 units per layer and seed 3; the controls say 129 units per layer and seed 4."
    const [otherName, other] = Object.entries(spec.params).find(([n]) => n !== name)!;
    const both = { ...chosen, [otherName]: otherValue(other) };
    const order = Object.keys(spec.params).filter((n) => n === name || n === otherName);
    const said = (state: StateOf<Params>) => order.map((n) => settingInWords(spec.params[n], state[n])).join(' and ');
    expect(differingSettings(spec, shown, both)).toEqual({ shown: said(shown), chosen: said(both) });
  });

  it('a toggle is on or off after its name', () => {
    const toggle: ParamSpec = { kind: 'bool', default: true, label: 'Bias (a learned offset per unit)' };
    expect(settingInWords(toggle, true)).toBe('bias on');
    expect(settingInWords(toggle, false)).toBe('bias off');
  });
});
