import { describe, expect, it } from 'vitest';
import { largestMagnitude } from '../../../components/experiments/magnitude.ts';

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
});
