/**
 * The work a DepthSignal run does, counted in the engine's one matrix kernel (lib/kernels.ts
 * `gemm`, wrapped here) against the cap its spec declares and against what the figure needs; and
 * its searches for NaN and ±Infinity (lib/divergence.ts `firstNonFinite`, wrapped too).
 */
import { describe, expect, it, vi } from 'vitest';
import { depthSignal } from '../../../components/experiments/depth-signal.ts';
import { runToEnd } from '../../../components/runtime/experiment.ts';
import { depthSignalSpec, type DepthSignalSpecState } from '../../../components/widgets/depth-signal/spec.ts';

const counted = vi.hoisted(() => ({ multiplyAdds: 0, scans: 0 }));
vi.mock('../../../lib/kernels.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../lib/kernels.ts')>();
  return {
    ...real,
    // gemm(ad, ars, aks, bd, bks, bjs, od, m, K, n): an m×K by K×n product, m·K·n multiply-adds.
    gemm: (...args: Parameters<typeof real.gemm>) => {
      counted.multiplyAdds += args[7] * args[8] * args[9];
      real.gemm(...args);
    },
  };
});

vi.mock('../../../lib/divergence.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../lib/divergence.ts')>();
  return {
    ...real,
    firstNonFinite: (data: Float64Array) => {
      counted.scans++;
      return real.firstNonFinite(data);
    },
  };
});

const states: DepthSignalSpecState[] = [
  { initializer: 'glorotUniform', activation: 'tanh', depth: 10, width: 100, samples: 200, seed: 1 },
  { initializer: 'heNormal', activation: 'relu', depth: 1, width: 7, samples: 13, seed: 2 },
  { initializer: 'random', activation: 'sigmoid', depth: 4, width: 32, samples: 50, seed: 3 },
];

describe('the work of a DepthSignal run', () => {
  it.each(states)('is what the spec estimates (depth $depth, width $width, samples $samples)', (state) => {
    counted.multiplyAdds = 0;
    runToEnd(depthSignal, state);
    expect(counted.multiplyAdds).toBe(depthSignalSpec.work!.estimate(state));
  });

  it.each(states)('is only the products the figure needs (depth $depth)', (state) => {
    // Forward, z = a·W in every layer. Backward, the gradient into each layer's output, which is
    // the next layer's g·Wᵀ: layers 2 to depth make one each. The first layer's g·Wᵀ would be the
    // gradient for the data, and the weight gradients xᵀ·g are not shown either.
    const product = state.samples * state.width * state.width;
    counted.multiplyAdds = 0;
    runToEnd(depthSignal, state);
    expect(counted.multiplyAdds).toBe(state.depth * product + (state.depth - 1) * product);
  });

  it.each(states)('looks for NaN and ±Infinity only where no histogram has counted them (depth $depth)', (state) => {
    // The histograms of a and ∂J/∂a count their non-finite values; only z, which has none, needs
    // a search of its own: one per layer. (Before: every array was searched, the activations twice.)
    counted.scans = 0;
    runToEnd(depthSignal, state);
    expect(counted.scans).toBe(state.depth);
  });
});
