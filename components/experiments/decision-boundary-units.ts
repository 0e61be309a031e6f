/**
 * What the hidden units of a decision-boundary network are doing: how many of them are really
 * different (all-zero starts never make them so), and how many sit where their activation is flat
 * (saturated tanh or sigmoid, switched-off relu), where almost no gradient gets through.
 */
import type { ActivationName, Matrix, Network } from '../../lib/index.ts';

/** Distinct units of each hidden layer: columns of W (with their bias) compared exactly. */
export function countDistinctUnits(network: Network): number[] {
  return network.layers.slice(0, -1).map(({ w, b, units, inputDim }) => {
    const same = (j: number, k: number) => {
      if (b.data[j] !== b.data[k]) return false;
      for (let i = 0; i < inputDim; i++) if (w.data[i * units + j] !== w.data[i * units + k]) return false;
      return true;
    };
    const kept: number[] = [];
    for (let j = 0; j < units; j++) if (!kept.some((k) => same(j, k))) kept.push(j);
    return kept.length;
  });
}

/** Peak of f′ for each activation (σ′ peaks at ¼), the yardstick for "saturated". */
const PEAK: Record<ActivationName, number> = { linear: 1, tanh: 1, sigmoid: 0.25, relu: 1, leakyRelu: 1 };

/**
 * Per hidden layer, on the rows of `x`: the share of (row, unit) pairs whose f′(z) is below 1% of
 * f′'s peak, and the number of units for which that holds on every row ("stuck").
 */
export function saturation(network: Network, x: Matrix): { saturated: number[]; stuckUnits: number[] } {
  network.predict(x); // leaves f′(z) of every layer in layer.act.da_dz
  const low = network.layers.slice(0, -1).map((layer) => {
    const d = layer.act.da_dz!.data, count = new Int32Array(layer.units);
    for (let k = 0; k < d.length; k++) if (d[k] < 0.01 * PEAK[layer.activation]) count[k % layer.units]++;
    return count;
  });
  return {
    saturated: low.map((count) => count.reduce((a, b) => a + b, 0) / (count.length * x.rows)),
    stuckUnits: low.map((count) => count.filter((c) => c === x.rows).length),
  };
}
