import { describe, expect, it } from 'vitest';
import { recipes } from '../../../components/experiments/recipes.ts';
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
