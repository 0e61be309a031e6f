// Exercise: write He normal — a fanIn × fanOut matrix of draws from N(0, 2/fanIn) (He et al. 2015,
// eq. 10) — using rng.normal(), which draws from N(0, 1). Run checks your function against the
// engine's and plots a batch's spread through 20 ReLU layers initialized by yours and by the engine's.
// As given, the function has the wrong variance on purpose: run it first and read what the check says.
import { ACTIVATIONS, INITIALIZERS, createRng, matmul, matrix, std, zeros, type Matrix, type Rng } from 'lib';

export function heNormal(fanIn: number, fanOut: number, rng: Rng): Matrix {
  const w = zeros(fanIn, fanOut);
  for (let i = 0; i < w.data.length; i++) {
    w.data[i] = rng.normal() * Math.sqrt(1 / fanIn);
  }
  return w;
}

/** The std of the activations after each of 20 ReLU layers of 100 units, for one initializer. */
function spreadThroughDepth(init: (fanIn: number, fanOut: number, rng: Rng) => Matrix): number[] {
  const rng = createRng(1);
  let a = matrix(200, 100, Array.from({ length: 200 * 100 }, () => rng.normal()));
  const spread: number[] = [];
  for (let layer = 1; layer <= 20; layer++) {
    a = ACTIVATIONS.relu(matmul(a, init(100, 100, rng))).a;
    spread.push(std(a.data));
  }
  return spread;
}

export default {
  series: [
    { name: 'your heNormal', y: spreadThroughDepth(heNormal) },
    { name: "the engine's heNormal", y: spreadThroughDepth(INITIALIZERS.heNormal) },
  ],
  x: Array.from({ length: 20 }, (_, i) => i + 1),
  xLabel: 'layer',
  yLabel: 'std of activations',
};
