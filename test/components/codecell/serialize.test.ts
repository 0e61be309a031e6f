/** What a cell's exported value becomes on the page: text, a table, or a series with its table. */
import { describe, expect, it } from 'vitest';
import { MAX_POINTS, MAX_ROWS, describeResult } from '../../../components/codecell/serialize.ts';
import { matrix } from '../../../lib/index.ts';

describe('describeResult', () => {
  it('shows nothing for undefined, and numbers, text, booleans and objects as text', () => {
    expect(describeResult(undefined)).toEqual({ kind: 'none' });
    expect(describeResult(0.1 + 0.2)).toEqual({ kind: 'text', text: '0.3' });
    expect(describeResult('hello')).toEqual({ kind: 'text', text: 'hello' });
    expect(describeResult(false)).toEqual({ kind: 'text', text: 'false' });
    expect(describeResult({ loss: 0.25 })).toEqual({ kind: 'text', text: '{ loss: 0.25 }' });
    expect(describeResult([])).toEqual({ kind: 'text', text: '[]' });
  });

  it('turns an array of numbers into one series over 0, 1, 2, … with its table', () => {
    const r = describeResult([3, 1, 2]);
    expect(r.kind).toBe('series');
    if (r.kind !== 'series') return;
    expect(r.data).toEqual({ series: [{ name: 'value', y: [3, 1, 2] }], omitted: 0 });
    expect(r.table.columns).toEqual(['x', 'value']);
    expect(r.table.rows).toEqual([[0, 3], [1, 1], [2, 2]]);
  });

  it('reads { series } in its three forms, with x and axis labels', () => {
    const named = describeResult({ series: [{ name: 'train', y: [1, 0.5] }, { name: 'test', values: [1.2, 0.9] }], x: [10, 20], xLabel: 'epoch', yLabel: 'loss' });
    expect(named.kind === 'series' && named.data).toEqual({
      series: [{ name: 'train', y: [1, 0.5] }, { name: 'test', y: [1.2, 0.9] }], x: [10, 20], xLabel: 'epoch', yLabel: 'loss', omitted: 0,
    });
    expect(named.kind === 'series' && named.table.rows).toEqual([[10, 1, 1.2], [20, 0.5, 0.9]]);
    const lists = describeResult({ series: [[1, 2], [3, 4]] });
    expect(lists.kind === 'series' && lists.data.series.map((s) => s.name)).toEqual(['series 1', 'series 2']);
    const flat = describeResult({ series: new Float32Array([0.5, 0.25]) });
    expect(flat.kind === 'series' && flat.data.series[0].y).toEqual([0.5, 0.25]);
  });

  it('keeps NaN and Infinity in the data (the plot cuts and marks them)', () => {
    const r = describeResult([1, NaN, Infinity]);
    expect(r.kind === 'series' && r.data.series[0].y).toEqual([1, NaN, Infinity]);
  });

  it('caps a long series and counts what it left out', () => {
    const r = describeResult(new Float64Array(MAX_POINTS + 123));
    expect(r.kind === 'series' && r.data.series[0].y.length).toBe(MAX_POINTS);
    expect(r.kind === 'series' && r.data.omitted).toBe(123);
    expect(r.kind === 'series' && r.table.rows.length).toBe(MAX_ROWS);
  });

  it('turns an array of objects into a table over the union of their keys', () => {
    const r = describeResult([{ layer: 1, std: 0.5 }, { layer: 2, note: 'dead' }]);
    expect(r).toEqual({ kind: 'table', table: { columns: ['layer', 'std', 'note'], rows: [[1, 0.5, ''], [2, '', 'dead']], totalRows: 2, caption: '2 rows × 3 columns' } });
  });

  it('shows only the first rows of a long table but says how many there are', () => {
    const r = describeResult(Array.from({ length: 1000 }, (_, i) => ({ i })));
    expect(r.kind === 'table' && [r.table.rows.length, r.table.totalRows]).toEqual([MAX_ROWS, 1000]);
  });

  it("shows the engine's Matrix as a table with its shape", () => {
    const r = describeResult(matrix(2, 3, [1, 2, 3, 4, 5, 6]));
    expect(r).toEqual({ kind: 'table', table: { columns: ['row', '0', '1', '2'], rows: [[0, 1, 2, 3], [1, 4, 5, 6]], totalRows: 2, caption: 'Matrix 2 × 3' } });
  });

  it('never throws, whatever the value does', () => {
    const hostile = new Proxy([], { get() { throw new Error('trap'); }, has() { throw new Error('trap'); }, ownKeys() { throw new Error('trap'); } });
    expect(() => describeResult(hostile)).not.toThrow();
    expect(() => describeResult({ series: hostile })).not.toThrow();
  });
});
