/** Console-like text for any value, bounded and never throwing. */
import { describe, expect, it } from 'vitest';
import { formatNumber, formatValue, isMatrix } from '../../../components/codecell/format.ts';

describe('formatNumber', () => {
  it('shows -0, NaN and infinities, and shortens long floats to 6 significant digits', () => {
    expect([-0, NaN, Infinity, -Infinity, 3, 1 / 3, 123456.789, 1e-7 / 3].map(formatNumber))
      .toEqual(['-0', 'NaN', 'Infinity', '-Infinity', '3', '0.333333', '123457', '3.33333e-8']);
  });
});

describe('formatValue', () => {
  it('prints top-level strings bare and nested strings quoted', () => {
    expect(formatValue('hi')).toBe('hi');
    expect(formatValue(['hi', 1, true, null, undefined])).toBe('["hi", 1, true, null, undefined]');
  });

  it('prints objects, Maps, Sets, typed arrays, functions, errors, bigints', () => {
    expect(formatValue({ a: 1, 'b c': [2] })).toBe('{ a: 1, "b c": [2] }');
    expect(formatValue(new Map([['k', 1]]))).toBe('Map(1) {"k" => 1}');
    expect(formatValue(new Set([1, 2]))).toBe('Set(2) [1, 2]');
    expect(formatValue(new Float64Array([0.5, -0]))).toBe('Float64Array(2) [0.5, -0]');
    expect(formatValue(function relu() {})).toBe('[function relu]');
    expect(formatValue(new RangeError('too big'))).toBe('RangeError: too big');
    expect(formatValue(10n)).toBe('10n');
  });

  it("prints the engine's Matrix as rows", () => {
    const m = { rows: 2, cols: 2, data: new Float64Array([1, 2, 3, 4]) };
    expect(isMatrix(m)).toBe(true);
    expect(formatValue(m)).toBe('Matrix 2×2 [[1, 2], [3, 4]]');
    expect(isMatrix({ rows: 2, cols: 3, data: new Float64Array(4) })).toBe(false);
  });

  it('names cycles, caps depth, items and length', () => {
    const a: Record<string, unknown> = { x: 1 };
    a.self = a;
    expect(formatValue(a)).toBe('{ x: 1, self: [circular] }');
    expect(formatValue({ a: { b: { c: { d: 1 } } } })).toBe('{ a: { b: { c: {…} } } }');
    expect(formatValue(Array.from({ length: 100 }, (_, i) => i), { depth: 3, items: 3, chars: 1000 })).toBe('[0, 1, 2, … 97 more]');
    const long = formatValue('x'.repeat(5000), { depth: 3, items: 30, chars: 100 });
    expect(long).toBe(`${'x'.repeat(100)}… (4900 more characters)`);
  });

  it('prints [unreadable] for a throwing getter or Proxy instead of throwing', () => {
    const getter = Object.defineProperty({}, 'bad', { enumerable: true, get() { throw new Error('no'); } });
    expect(formatValue(getter)).toBe('{ bad: [unreadable] }');
    const proxy = new Proxy({}, { ownKeys() { throw new Error('no'); } });
    expect(formatValue(proxy)).toBe('[unreadable]');
  });
});
