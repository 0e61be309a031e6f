/** The status line of a widget opened from a link: which settings the link changes, in words. */
import { describe, expect, it } from 'vitest';
import { withDefaults } from '../../../components/runtime/controls.ts';
import { differingSettings, linkedChanges } from '../../../components/runtime/link-text.ts';
import { defaultState, parseQuery } from '../../../components/runtime/params.ts';
import type { Params, StateOf } from '../../../components/runtime/params-types.ts';
import { decisionBoundarySpec } from '../../../components/widgets/decision-boundary/spec.ts';
import { HE_FIGURE3_PRESET, trainingRaceSpec } from '../../../components/widgets/training-race/spec.ts';

// The chapter's race: the page's settings are the He et al. preset, passed as props.
const page = withDefaults(trainingRaceSpec, HE_FIGURE3_PRESET as unknown as StateOf<Params>);
const fromLink = (query: string) => parseQuery(page, query, 'he-figure-3').state;

describe('linkedChanges', () => {
  it('names a changed setting by its label and the value the control shows', () => {
    expect(linkedChanges(page, fromLink('?he-figure-3.depth=20'))).toBe('hidden layers 20');
  });

  it('gives options and lists by their human names, and joins two or three settings with "and"', () => {
    expect(linkedChanges(page, fromLink('?he-figure-3.dataset=moons&he-figure-3.seed=7'))).toBe('data two moons and seed 7');
    expect(linkedChanges(page, fromLink('?he-figure-3.initializers=heNormal,postHe&he-figure-3.depth=5&he-figure-3.learningRate=0.003')))
      .toBe('initializers He normal + post’s “He”, hidden layers 5 and learning rate 0.003');
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
  it('names each differing setting on both sides, in the same order', () => {
    expect(differingSettings(page, shown, fromLink('?he-figure-3.seed=7'))).toEqual({ shown: 'seed 1', chosen: 'seed 7' });
    expect(differingSettings(page, fromLink('?he-figure-3.depth=20'), fromLink('?he-figure-3.dataset=moons&he-figure-3.depth=5')))
      .toEqual({ shown: 'data XOR and hidden layers 20', chosen: 'data two moons and hidden layers 5' });
  });

  it('counts more than three instead of naming them, and is null when nothing differs', () => {
    expect(differingSettings(page, shown, fromLink('?he-figure-3.depth=5&he-figure-3.width=8&he-figure-3.epochs=3&he-figure-3.seeds=1')))
      .toEqual({ shown: 'earlier settings', chosen: '4 changed settings' });
    expect(differingSettings(page, shown, defaultState(page))).toBeNull();
  });
});
