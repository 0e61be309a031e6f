/**
 * <InitRecipes> drawn: a histogram of the weights each recipe draws, on one shared axis, and the
 * per-layer variance factor each implies, against the 1 that keeps a signal's scale.
 */
import type { Recipe, RecipesResult, RecipesState } from '../../experiments/recipes.ts';
import { fmt, prose, type WidgetDefinition } from '../../runtime/definition.ts';
import { barChart } from '../../plots/bar-chart.ts';
import { histogramGrid } from '../../plots/histogram-grid.ts';
import { INITIALIZER_NAMES_SHORT, type InitializerLabelName } from '../labels.ts';
import { recipesSpec } from './spec.ts';

const label = (name: InitializerLabelName) => INITIALIZER_NAMES_SHORT[name];

/**
 * The "uniform bound" cell: the half-width of a uniform law; for a normal law there is no bound;
 * and zeros (variance 0 by its formula) draws from no law at all, every weight is 0.
 */
function boundCell(x: Recipe): string {
  if (x.bound !== null) return fmt(x.bound);
  return x.theoryVariance === 0 ? 'no law: every weight 0' : 'normal law';
}
/** Bar labels must fit under narrow bars. */
const SHORT: Record<InitializerLabelName, string> = {
  zeros: 'zeros', random: 'random', postGlorot: 'post Glorot', glorotUniform: 'Glorot U', glorotNormal: 'Glorot N',
  postHe: 'post He', heUniform: 'He U', heNormal: 'He N',
};

export const recipesWidget: WidgetDefinition<RecipesState, RecipesResult> = {
  spec: recipesSpec,
  experiment: 'recipes',
  mode: 'live',
  label: (s) => `Weights drawn by ${s.initializers.length} initialization recipes for a ${s.fanIn} × ${s.fanOut} layer`,
  // The same recipes, activation and seed for a layer of at most 32 × 32: a tenth of the page's
  // draws or less, the same initializers, histograms and charts.
  warmUp: (s) => ({ ...s, fanIn: Math.min(s.fanIn, 32), fanOut: Math.min(s.fanOut, 32) }),
  draw(r, s, doc) {
    const box = doc.createElement('div');
    box.append(
      histogramGrid(r.recipes.map((x) => ({ label: label(x.name), bins: x.bins })), {
        document: doc,
        ariaLabel: 'Distribution of the initial weights, per recipe',
        ariaDescription: `Histograms of the ${s.fanIn * s.fanOut} weights each recipe draws for a layer with ${s.fanIn} inputs and ${s.fanOut} units, on one shared horizontal axis: the wider the histogram, the larger the variance.`,
        xLabel: 'weight w',
        columns: Math.min(3, r.recipes.length),
      }),
      barChart(r.recipes.map((x) => ({ label: SHORT[x.name], value: x.factor })), {
        document: doc,
        ariaLabel: 'Per-layer variance factor, per recipe',
        ariaDescription: `For each recipe, n_in · Var(W)${s.activation === 'relu' ? ' / 2 (ReLU keeps half)' : ''}: the factor by which one layer multiplies the variance of its input. 1 keeps the signal's scale through depth; below 1 it vanishes, above 1 it explodes.`,
        yLabel: 'variance factor per layer',
        height: 260,
      }),
    );
    return box;
  },
  table: (r) => ({
    columns: ['recipe', 'measured Var(W)', 'formula Var(W)', 'uniform bound', 'factor per layer'],
    rows: r.recipes.map((x) => [label(x.name), fmt(x.variance), fmt(x.theoryVariance), boundCell(x), fmt(x.factor)]),
  }),
  summary(r, s) {
    const parts = r.recipes.map((x) => `${label(x.name)} ${prose(x.factor)}`);
    return `Variance factor per ${s.activation === 'relu' ? 'ReLU ' : ''}layer with n_in = ${s.fanIn}: ${parts.join('; ')}. Only a factor of 1 keeps the signal’s scale through depth.`;
  },
};
