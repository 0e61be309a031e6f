/**
 * Warm-up states (WidgetDefinition.warmUp): a fresh worker runs them before the reader's first
 * change, so each must be a valid state of its widget, run the same code as the state on screen
 * (the same choices: initializer, activation, seed…) and cost a small fraction of it.
 */
import { describe, expect, it } from 'vitest';
import { EXPERIMENTS } from '../../../components/experiments/registry.ts';
import { runToEnd } from '../../../components/runtime/experiment.ts';
import { defaultState, validateState } from '../../../components/runtime/params.ts';
import { createSvgDocument } from '../../../components/plots/svg-document.ts';
import { DEFINITIONS } from '../../../components/widgets/definitions.ts';

const definitions = await Promise.all(Object.entries(DEFINITIONS).map(async ([name, load]) => [name, await load()] as const));
const warming = definitions.filter(([, def]) => def.warmUp);

/** The default state, then each numeric parameter at its minimum and at its maximum (where the work cap allows). */
function states(def: (typeof definitions)[number][1]) {
  const base = defaultState(def.spec) as Record<string, unknown>;
  const out = [base];
  for (const [name, p] of Object.entries(def.spec.params)) {
    if (p.kind !== 'int' && p.kind !== 'number') continue;
    for (const value of [p.min, p.max]) {
      const s = { ...base, [name]: value };
      if (validateState(def.spec, s).length === 0) out.push(s);
    }
  }
  return out;
}

describe('warm-up states', () => {
  it('exist for every live widget (their first redraw is the reader’s first change), and only for them', () => {
    const live = definitions.filter(([, def]) => def.mode === 'live').map(([name]) => name);
    expect(live.length).toBeGreaterThan(0);
    expect(warming.map(([name]) => name)).toEqual(live);
  });

  describe.each(warming)('%s', (_, def) => {
    const work = (s: unknown) => def.spec.work!.estimate(s as never);

    it.each(states(def).map((s) => [JSON.stringify(s), s]))('for %s: valid, the same choices, ≤ 1% of the cap and no more than the state', (_, state) => {
      const cheap = def.warmUp!(state) as Record<string, unknown>;
      expect(validateState(def.spec, cheap)).toEqual([]);
      for (const [name, p] of Object.entries(def.spec.params)) {
        if (p.kind !== 'int' && p.kind !== 'number') expect(cheap[name], name).toEqual(state[name]);
      }
      expect(work(cheap)).toBeLessThanOrEqual(Math.min(work(state), 0.01 * def.spec.work!.max));
    });

    it('runs and draws like any state', async () => {
      const state = defaultState(def.spec);
      const cheap = def.warmUp!(state);
      const experiment = await EXPERIMENTS[def.experiment]();
      const figure = def.draw(runToEnd(experiment, cheap), cheap, createSvgDocument() as unknown as Document);
      expect(figure.querySelectorAll('svg').length).toBeGreaterThan(0);
    });
  });
});
