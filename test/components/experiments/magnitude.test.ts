import { describe, expect, it } from 'vitest';
import { largestMagnitude } from '../../../components/experiments/magnitude.ts';
import { deoptimisations, repoUrl } from '../../helpers/deopts.ts';

describe('largestMagnitude (the half-width of a shared histogram range)', () => {
  it('is the largest |v| over every array, negative values included', () => {
    expect(largestMagnitude([new Float64Array([0.5, -3, 2]), [1, -0.25]])).toBe(3);
    expect(largestMagnitude([[1], new Float64Array([-7.5])])).toBe(7.5);
  });

  it('skips NaN and ±Infinity, which the histograms count apart', () => {
    expect(largestMagnitude([[NaN, 2, -Infinity], [Infinity, -1]])).toBe(2);
  });

  it('is 1 when nothing finite is non-zero: a range must have a width', () => {
    expect(largestMagnitude([])).toBe(1);
    expect(largestMagnitude([[0, -0], [NaN, Infinity]])).toBe(1);
    expect(largestMagnitude([[1e-300]])).toBe(1e-300);
  });

  it('stays optimised from one call to the next (it runs on every redraw of a figure)', () => {
    // Ten arrays of 20 000, as DepthSignal at the chapter's settings, 400 times. While V8 compiles
    // the loops during the first calls, loop exits deoptimise some 15–35 times in all; after that,
    // never. Before, with a comparison after the loops that the first call had not reached when
    // they were compiled, V8 threw the compiled code away on every call, ~220 times in 400 calls —
    // in most processes, as it depends on when the background compilation finishes; so three runs.
    const script = `
      const { largestMagnitude } = await import(${JSON.stringify(repoUrl('components/experiments/magnitude.ts'))});
      const arrays = Array.from({ length: 10 }, (_, k) => Float64Array.from({ length: 20000 }, (_, i) => Math.sin(i * (k + 1))));
      let sum = 0;
      for (let call = 0; call < 400; call++) sum += largestMagnitude(arrays);
      if (!(sum > 0)) throw new Error('no extent');`;
    const runs = [1, 2, 3].map(() => deoptimisations(script, ['largestMagnitude']).largestMagnitude);
    expect(Math.max(...runs)).toBeLessThan(60);
  }, 30_000);
});
