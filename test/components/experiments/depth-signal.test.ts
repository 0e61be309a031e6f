/**
 * The depth-signal experiment against the variance argument it illustrates: measured per-layer
 * standard deviations follow (n·Var(W))^(l/2) in the linear regime and its ReLU variant.
 */
import { describe, expect, it } from 'vitest';
import { depthSignal, theoryPreStd, type DepthSignalState } from '../../../components/experiments/depth-signal.ts';
import { runToEnd } from '../../../components/runtime/experiment.ts';

const base: DepthSignalState = { initializer: 'glorotNormal', activation: 'linear', depth: 8, width: 120, samples: 200, seed: 7 };

describe('depthSignal experiment', () => {
  it('is deterministic by seed and changes with it', () => {
    const a = runToEnd(depthSignal, base);
    expect(runToEnd(depthSignal, base)).toEqual(a);
    expect(runToEnd(depthSignal, { ...base, seed: 8 }).layers[3].preStd).not.toBe(a.layers[3].preStd);
  });

  it('a linear stack follows (n·Var(W))^(l/2) layer by layer', () => {
    for (const initializer of ['random', 'postGlorot', 'glorotNormal'] as const) {
      const r = runToEnd(depthSignal, { ...base, initializer });
      for (const l of r.layers) expect(Math.abs(Math.log(l.preStd / l.theoryPreStd!))).toBeLessThan(0.25);
    }
  });

  it('theory: ReLU halves the variance factor after the first layer; sigmoid has no prediction', () => {
    expect(theoryPreStd('relu', 100, 2 / 100, 5)).toBeCloseTo(Math.sqrt(2), 12);
    expect(theoryPreStd('linear', 100, 1 / 100, 5)).toBeCloseTo(1, 12);
    expect(theoryPreStd('sigmoid', 100, 1 / 100, 5)).toBeNull();
  });

  it('histograms count every unit of every example', () => {
    const r = runToEnd(depthSignal, base);
    for (const l of r.layers) {
      expect(l.forward.counts.reduce((a, b) => a + b, 0)).toBe(base.samples * base.width);
      expect(l.backward.counts.reduce((a, b) => a + b, 0)).toBe(base.samples * base.width);
    }
  });
});
