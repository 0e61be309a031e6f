/** Parameters of <InitRecipes>: which recipes, the layer's fan-in and fan-out, linear or ReLU, the seed. */
import { defineWidget } from '../../runtime/params.ts';
import type { Params } from '../../runtime/params-types.ts';
import { INITIALIZER_LABELS, INITIALIZER_NAMES } from '../labels.ts';

const params = {
  initializers: {
    kind: 'enumList', options: INITIALIZER_NAMES, default: ['random', 'postGlorot', 'glorotUniform', 'postHe', 'heUniform', 'heNormal'],
    minItems: 1, maxItems: 8, label: 'Recipes', labels: INITIALIZER_LABELS, phrase: ['the recipe #', 'the recipes #'],
  },
  fanIn: { kind: 'int', min: 1, max: 2000, default: 100, label: 'Inputs n_in (fanIn)', phrase: ['# input', '# inputs'] },
  fanOut: { kind: 'int', min: 1, max: 2000, default: 100, label: 'Units n_out (fanOut)', phrase: ['# unit', '# units'] },
  activation: { kind: 'enum', options: ['linear', 'relu'], default: 'relu', label: 'Activation (for the factor)', labels: { linear: 'linear or tanh near 0', relu: 'ReLU' }, phrase: 'the factor for #' },
  seed: { kind: 'seed', default: 1, label: 'Seed' },
} as const satisfies Params;

export const recipesSpec = defineWidget({
  name: 'InitRecipes',
  params,
  work: { estimate: (s) => s.initializers.length * s.fanIn * s.fanOut, max: 4e6, unit: 'weights drawn' },
});
