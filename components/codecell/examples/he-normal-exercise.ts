// Exercise: write He normal. Each weight is drawn from N(0, 2/fanIn) (He et al. 2015, eq. 10),
// in a fanIn × fanOut matrix. This version has a mistake on purpose: press Run to see what the
// check says, then fix it.
import { zeros, type Matrix, type Rng } from 'lib';

export function heNormal(fanIn: number, fanOut: number, rng: Rng): Matrix {
  const w = zeros(fanIn, fanOut);
  for (let i = 0; i < w.data.length; i++) {
    w.data[i] = rng.normal() * Math.sqrt(1 / fanIn);
  }
  return w;
}
