/**
 * What every widget calls the engine's initializers and data sets, in one place, so a recipe has
 * the same name in every control, status line and table of the notebook.
 */

/** The engine's initializer names (lib/initializers.ts), in its order; the widgets' tests keep them in sync. */
export const INITIALIZER_NAMES = [
  'zeros', 'random', 'postGlorot', 'glorotUniform', 'glorotNormal', 'postHe', 'heUniform', 'heNormal',
] as const;

export type InitializerLabelName = (typeof INITIALIZER_NAMES)[number];

/** Control labels: the name and what the recipe draws (n_in, n_out: the layer's fan-in and fan-out). */
export const INITIALIZER_LABELS: Record<InitializerLabelName, string> = {
  zeros: 'zeros: every weight 0',
  random: 'random: U(±0.1), the post’s',
  postGlorot: 'post’s “Glorot”: U(±√(1/n_in))',
  glorotUniform: 'Glorot uniform (the paper’s eq. 16): Var 2/(n_in+n_out)',
  glorotNormal: 'Glorot normal (the paper’s variance): Var 2/(n_in+n_out)',
  postHe: 'post’s “He”: U(±√(2/n_in))',
  heUniform: 'He uniform (the paper’s variance): Var 2/n_in',
  heNormal: 'He normal (the paper’s eq. 10): Var 2/n_in',
};

/** The same recipes by name only, for sentences, tables and legends. */
export const INITIALIZER_NAMES_SHORT: Record<InitializerLabelName, string> = {
  zeros: 'zeros',
  random: 'random U(±0.1)',
  postGlorot: 'post’s “Glorot”',
  glorotUniform: 'Glorot uniform',
  glorotNormal: 'Glorot normal',
  postHe: 'post’s “He”',
  heUniform: 'He uniform',
  heNormal: 'He normal',
};

/** The engine's classification data sets (lib/datasets.ts) in words. */
export const DATASET_LABELS = {
  moons: 'two moons',
  circles: 'two circles',
  spirals: 'two spirals',
  xor: 'XOR',
  blobs: 'three blobs',
} as const;
