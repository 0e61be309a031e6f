// How far does a signal get through 10 ReLU layers? Compare the spread of the activations,
// layer by layer, for the source post's "random" weights and for He normal.
import { ACTIVATIONS, INITIALIZERS, createRng, matmul, matrix, std } from 'lib';

const width = 100;
const depth = 10;

function spreadByLayer(name: 'random' | 'heNormal'): number[] {
  const rng = createRng(1);
  let x = matrix(200, width, Array.from({ length: 200 * width }, () => rng.normal()));
  const spread: number[] = [];
  for (let layer = 1; layer <= depth; layer++) {
    const w = INITIALIZERS[name](width, width, rng);
    x = ACTIVATIONS.relu(matmul(x, w)).a;
    spread.push(std(x.data));
  }
  return spread;
}

const random = spreadByLayer('random');
const he = spreadByLayer('heNormal');
console.log(`after ${depth} layers: random ${random[depth - 1].toExponential(2)}, He normal ${he[depth - 1].toFixed(3)}`);

export default {
  series: [{ name: 'random U(±0.1)', y: random }, { name: 'He normal', y: he }],
  x: random.map((_, i) => i + 1),
  xLabel: 'layer',
  yLabel: 'std of activations',
};
