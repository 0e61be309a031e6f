/** The recipes experiment against the formulas the chapter states for each initializer. */
import { describe, expect, it } from 'vitest';
import { recipes, type RecipesState } from '../../../components/experiments/recipes.ts';
import { runToEnd } from '../../../components/runtime/experiment.ts';

const state: RecipesState = {
  initializers: ['random', 'postGlorot', 'glorotUniform', 'postHe', 'heUniform', 'heNormal'],
  fanIn: 400, fanOut: 200, activation: 'relu', seed: 3,
};

describe('recipes experiment', () => {
  const r = runToEnd(recipes, state);
  const by = Object.fromEntries(r.recipes.map((x) => [x.name, x]));

  it('measures each variance within 3% of its formula (80,000 draws each)', () => {
    for (const x of r.recipes) expect(Math.abs(x.variance / x.theoryVariance - 1)).toBeLessThan(0.03);
  });

  it("gives the per-layer ReLU factors the chapter's table states: He 1, Glorot (equal fans) 1/2, post He 1/3, post Glorot 1/6, random n/600", () => {
    expect(by.heNormal.factor).toBeCloseTo(1, 1);
    expect(by.heUniform.factor).toBeCloseTo(1, 1);
    expect(by.postHe.factor).toBeCloseTo(1 / 3, 1);
    expect(by.postGlorot.factor).toBeCloseTo(1 / 6, 1);
    expect(by.random.factor).toBeCloseTo(400 / 600, 1);
    // Glorot with fanIn = 400, fanOut = 200: 400 · 2/600 / 2 = 2/3.
    expect(by.glorotUniform.factor).toBeCloseTo(2 / 3, 1);
  });

  it('reports the uniform bounds exactly and none for normal laws', () => {
    expect(by.heUniform.bound).toBe(Math.sqrt(6 / 400));
    expect(by.postHe.bound).toBe(Math.sqrt(2 / 400));
    expect(by.heNormal.bound).toBeNull();
  });

  it('bins every weight on one shared axis and is deterministic by seed', () => {
    for (const x of r.recipes) expect(x.bins.counts.reduce((a, b) => a + b, 0)).toBe(400 * 200);
    expect(new Set(r.recipes.map((x) => x.bins.edges.join())).size).toBe(1);
    expect(runToEnd(recipes, state)).toEqual(r);
  });
});
