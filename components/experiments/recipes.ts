/**
 * The initialization recipes side by side: draw one fanIn × fanOut weight matrix from each, and
 * compare the measured variance with its formula and the per-layer variance factor it implies
 * (n_in·Var(W) in the linear regime, half that with ReLU) against the factor 1 that keeps a
 * signal's scale through depth.
 */
import { createRng, INITIALIZER_BOUND, INITIALIZER_VARIANCE, INITIALIZERS, histogram, variance, type InitializerName } from '../../lib/index.ts';
import type { Experiment } from '../runtime/experiment.ts';
import { largestMagnitude } from './magnitude.ts';

export type RecipesState = { initializers: InitializerName[]; fanIn: number; fanOut: number; activation: 'linear' | 'relu'; seed: number };

export type Recipe = {
  name: InitializerName;
  /** Measured and theoretical variance of one weight. */
  variance: number;
  theoryVariance: number;
  /** Half-width of the uniform law, or null for normal laws and zeros. */
  bound: number | null;
  /** Per-layer variance factor n_in·Var(W)·g with g = 1 (linear) or 1/2 (ReLU), measured. */
  factor: number;
  bins: { edges: number[]; counts: number[] };
};

export type RecipesResult = { state: RecipesState; recipes: Recipe[] };

export const recipes: Experiment<RecipesState, RecipesResult> = {
  name: 'recipes',
  *run(state) {
    const { fanIn, fanOut, activation } = state;
    const gain = activation === 'relu' ? 0.5 : 1;
    const rng = createRng(state.seed);
    const drawn = state.initializers.map((name) => ({ name, w: INITIALIZERS[name](fanIn, fanOut, rng.fork()) }));
    // One x range for every panel, so the widths of the laws compare at a glance.
    const extent = largestMagnitude(drawn.map(({ w }) => w.data));
    const domain: [number, number] = [-extent, extent];
    const result: RecipesResult = {
      state,
      recipes: drawn.map(({ name, w }) => {
        const v = variance(w.data);
        const h = histogram(w.data, { bins: 40, domain });
        const bound = name in INITIALIZER_BOUND ? INITIALIZER_BOUND[name as keyof typeof INITIALIZER_BOUND](fanIn, fanOut) : null;
        return {
          name,
          variance: v,
          theoryVariance: INITIALIZER_VARIANCE[name](fanIn, fanOut),
          bound,
          factor: fanIn * v * gain,
          bins: { edges: Array.from(h.edges), counts: h.counts },
        };
      }),
    };
    yield { fraction: 1, snapshot: result };
    return result;
  },
};
