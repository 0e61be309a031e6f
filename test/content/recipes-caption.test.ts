/**
 * What an <InitRecipes> caption says happens when the reader raises n_in: the recipes it names
 * before "keep their factor" keep it, the ones it names after do not, and every recipe on the
 * widget is named on the right side. Measured by the engine at the page's settings and at the
 * largest n_in the widget allows; widgets and captions are read from content/.
 */
import { describe, expect, it } from 'vitest';
import { recipes, type RecipesResult, type RecipesState } from '../../components/experiments/recipes.ts';
import { runToEnd } from '../../components/runtime/experiment.ts';
import { parseProps } from '../../components/runtime/params.ts';
import { recipesSpec } from '../../components/widgets/recipes/spec.ts';
import { INITIALIZER_NAMES_SHORT } from '../../components/widgets/labels.ts';
import { chapters, tags } from '../helpers/mdx-tags.ts';

/** A factor that moves by less than this share between the two n_in is "kept" (draws add ~1% noise). */
const KEPT = 0.05;
const factors = (r: RecipesResult) => new Map(r.recipes.map((x) => [x.name, x.factor]));

describe('an <InitRecipes> caption on raising n_in', () => {
  const cases = chapters().flatMap(({ file, mdx }) => tags(mdx, 'InitRecipes')
    .filter((props) => String(props.caption).includes('Raise n_in'))
    .map((props) => ({ file, props, state: parseProps(recipesSpec, props, file) as RecipesState })));

  it('finds a caption that tells the reader to raise n_in', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases.map((c) => [c.file, String(c.props.id), c] as const))('%s, <InitRecipes id="%s">', (_file, _id, c) => {
    const raised = { ...c.state, fanIn: recipesSpec.params.fanIn.max };
    const [before, after] = [runToEnd(recipes, c.state), runToEnd(recipes, raised)].map(factors);
    const [kept, changed] = String(c.props.caption).split('Raise n_in')[1].split('keep their factor');
    expect(changed, 'the caption says which recipes keep their factor').toBeDefined();
    for (const name of c.state.initializers) {
      const short = INITIALIZER_NAMES_SHORT[name];
      const keeps = Math.abs(after.get(name)! / before.get(name)! - 1) < KEPT;
      const where = `${short}: factor ${before.get(name)!.toFixed(3)} at n_in = ${c.state.fanIn}, ${after.get(name)!.toFixed(3)} at ${raised.fanIn}`;
      expect(kept.includes(short), `${where}; named among those that keep it`).toBe(keeps);
      expect(changed.includes(short), `${where}; named among those that change`).toBe(!keeps);
    }
  });

  it.each(cases.map((c) => [c.file, String(c.props.id), c] as const))('%s, <InitRecipes id="%s">: the formulas it gives hold', (_file, _id, c) => {
    // With ReLU the factor is ½·n_in·Var(W): for Glorot's 2/(n_in + n_out), n_in/(n_in + n_out); for U(±0.1)'s 0.01/3, n_in/600.
    const caption = String(c.props.caption);
    expect(c.state.activation).toBe('relu');
    for (const fanIn of [c.state.fanIn, recipesSpec.params.fanIn.max]) {
      const r = factors(runToEnd(recipes, { ...c.state, fanIn }));
      if (caption.includes('n_in/(n_in + n_out)')) expect(r.get('glorotUniform')! / (fanIn / (fanIn + c.state.fanOut))).toBeCloseTo(1, 1);
      if (caption.includes('n_in/600')) expect(r.get('random')! / (fanIn / 600)).toBeCloseTo(1, 1);
    }
  });
});
