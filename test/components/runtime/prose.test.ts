/**
 * Numbers in status sentences: the digits the tables show, powers of ten written out instead of
 * e-notation, minus signs as U+2212; reading a sentence's number back gives the value to the
 * digits shown.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fmt, prose } from '../../../components/runtime/definition.ts';
import { readProse } from '../../helpers/prose-number.ts';

describe('prose', () => {
  it.each([
    [0.6312345, '0.6312'],
    [-0.5, '−0.5'],
    [0, '0'],
    [12345.6, '12350'],
    [1.0234e-4, '1.02 × 10⁻⁴'],
    [-3.456e-7, '−3.46 × 10⁻⁷'],
    [1e-4, '1 × 10⁻⁴'],
    [2.5e7, '2.5 × 10⁷'],
    [0.001, '0.001'],
    [99990, '99990'],
    [100000, '1 × 10⁵'],
  ])('writes %d as "%s"', (value, text) => {
    expect(prose(value)).toBe(text);
  });

  it('words non-finite and missing values as the tables do', () => {
    for (const v of [NaN, Infinity, -Infinity, null, undefined]) expect(prose(v)).toBe(fmt(v));
  });

  it('never writes e-notation or a hyphen-minus, and reads back to the digits fmt keeps', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }), (v) => {
        const text = prose(v);
        expect(text).not.toMatch(/e|-/);
        expect(readProse(text)).toBe(Number(fmt(v)));
      }),
      { numRuns: 5000 },
    );
  });
});
