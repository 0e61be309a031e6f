import { describe, expect, it } from 'vitest';
import { recipes, type RecipesState } from '../../../components/experiments/recipes.ts';
import { runToEnd } from '../../../components/runtime/experiment.ts';
import { defaultState } from '../../../components/runtime/params.ts';
import { serverDocument } from '../../../components/plots/server.ts';
import { recipesWidget } from '../../../components/widgets/recipes/definition.ts';
import { recipesSpec } from '../../../components/widgets/recipes/spec.ts';
import { significantDigits, valueLabels } from '../../helpers/read-svg.ts';

describe('<InitRecipes> drawing', () => {
  it('labels every bar with three significant digits, He normal’s factor near 1 as 1.00', () => {
    const state = defaultState(recipesSpec);
    const result = runToEnd(recipes, state);
    const labels = valueLabels(recipesWidget.draw(result, state, serverDocument()).outerHTML);
    expect(labels).toHaveLength(state.initializers.length);
    for (const label of labels) expect(significantDigits(label), label).toBe(3);
    const he = state.initializers.indexOf('heNormal');
    expect(Math.abs(result.recipes[he].factor - 1)).toBeLessThan(0.005);
    expect(labels[he]).toBe('1.00');
  });
});

describe('<InitRecipes> table', () => {
  /** The "uniform bound" cell of each recipe, by recipe, for a run of `initializers`. */
  function boundCells(initializers: RecipesState['initializers']): Map<string, string> {
    const state = { ...defaultState(recipesSpec), initializers };
    const result = runToEnd(recipes, state);
    const table = recipesWidget.table(result, state);
    const column = table.columns.indexOf('uniform bound');
    expect(column).toBeGreaterThan(-1);
    return new Map(result.recipes.map((r, i) => [r.name, String(table.rows[i][column])]));
  }

  it('says zeros draws no law at all (every weight 0), not a normal law', () => {
    const state = { ...defaultState(recipesSpec), initializers: ['zeros', 'heNormal'] as RecipesState['initializers'] };
    const drawn = runToEnd(recipes, state).recipes.find((r) => r.name === 'zeros')!;
    // The draw itself: every weight in the one central bin, variance 0.
    expect(drawn.variance).toBe(0);
    expect(drawn.bins.counts.filter((c) => c > 0)).toHaveLength(1);
    const cell = boundCells(['zeros', 'heNormal']).get('zeros')!;
    expect(cell).not.toMatch(/normal/i);
    expect(cell).toMatch(/\b0\b/);
    expect(cell).toMatch(/no law/);
  });

  it('says the normal recipes draw from a normal law, and the uniform ones give their bound', () => {
    const cells = boundCells(['glorotNormal', 'heNormal', 'heUniform', 'random']);
    expect(cells.get('glorotNormal')).toBe('normal law');
    expect(cells.get('heNormal')).toBe('normal law');
    // U(±0.1): the post's fixed bound; He uniform: √(6/n_in) for the default n_in.
    expect(Number(cells.get('random'))).toBe(0.1);
    expect(Number(cells.get('heUniform'))).toBeCloseTo(Math.sqrt(6 / defaultState(recipesSpec).fanIn), 3);
  });
});
