/**
 * The palette reads on both page backgrounds (WCAG 2.2 SC 1.4.11: ≥ 3:1 for graphical objects,
 * contrast computed here from the WCAG definition of relative luminance), and the table
 * alternative carries the same numbers as the figure.
 */
import { describe, expect, it } from 'vitest';
import { tableFor } from '../../../components/plots/index.ts';
import { heatmapDefaults } from '../../../components/plots/heatmap-with-points.ts';
import { CLASS_COLORS, HEAT, heatColor, PALETTE } from '../../../components/plots/theme.ts';
import { heatmapData, histogramData, lineData } from './fixtures.ts';

/** Relative luminance of a #rrggbb colour (WCAG 2.2, "relative luminance"). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};
// src/styles/global.css: --bg and --bg-soft, light and dark.
const BACKGROUNDS = ['#fdfcf9', '#f3f1ea', '#15171b', '#1e2127'];

describe('colours', () => {
  it.each(PALETTE)('series colour %s has ≥ 3:1 contrast on every page background', (c) => {
    for (const bg of BACKGROUNDS) expect(contrast(c, bg)).toBeGreaterThanOrEqual(3);
  });

  it('the boundary line reads on the ramp’s middle and, in the legend, on every background', () => {
    for (const bg of [...BACKGROUNDS, HEAT.mid]) expect(contrast(heatmapDefaults.boundaryColor, bg)).toBeGreaterThanOrEqual(3);
  });

  it('class colours stand out from the ramp ends they sit on', () => {
    expect(contrast(CLASS_COLORS[0], HEAT.high)).toBeGreaterThanOrEqual(1.5);
    expect(contrast(CLASS_COLORS[1], HEAT.low)).toBeGreaterThanOrEqual(1.5);
    expect(contrast(CLASS_COLORS[0], '#ffffff')).toBeGreaterThanOrEqual(4.5); // against the white outline
    expect(contrast(CLASS_COLORS[1], '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('the ramp runs low → mid → high', () => {
    expect([heatColor(0), heatColor(0.5), heatColor(1)]).toEqual([HEAT.low, HEAT.mid, HEAT.high]);
    expect(heatColor(NaN)).toBe(HEAT.mid);
  });
});

describe('tableFor', () => {
  it('line: a row per point, rounded, with the band', () => {
    const data = lineData();
    const t = tableFor('line', data);
    expect(t.columns).toEqual(['series', 'x', 'y', 'band low', 'band high']);
    expect(t.rows.length).toBe(data[0].x.length + data[1].x.length);
    expect(t.rows[1]).toEqual(['Xavier', 5, Number(data[0].y[1].toPrecision(4)), Number(data[0].lo![1].toPrecision(4)), Number(data[0].hi![1].toPrecision(4))]);
    expect(t.rows.at(-1)!.slice(3)).toEqual(['', '']);
  });

  it('names non-finite values in words', () => {
    const t = tableFor('bar', [{ label: 'a', value: NaN }, { label: 'b', value: -Infinity, lo: 1, hi: Infinity }]);
    expect(t.rows).toEqual([['a', 'not a number', '', ''], ['b', '−∞', 1, '+∞']]);
  });

  it('histogram: per panel count, mean and std of the finite values (two-pass reference)', () => {
    const data = histogramData(3);
    (data[1].values as number[]).push(NaN, Infinity);
    const t = tableFor('histogram', data);
    t.rows.forEach((row, i) => {
      const v = Array.from(data[i].values!).filter(Number.isFinite);
      const mean = v.reduce((s, x) => s + x, 0) / v.length;
      const std = Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / v.length);
      expect(row[1]).toBe(v.length);
      expect(row[2] as number).toBeCloseTo(mean, 3);
      expect(row[3]).toBe(Number(std.toPrecision(4)));
      expect(row[6]).toBe(i === 1 ? 2 : 0);
    });
  });

  it('heatmap: each point with the value of the cell it falls in', () => {
    const d = heatmapData(4, 0);
    const g = d.grid;
    // Points at the centres of cells (i, j) = (0, 0), (3, 1), (2, 3), and one outside.
    const cells = [[0, 0], [3, 1], [2, 3]];
    const x = [...cells.map(([i]) => -2 + i + 0.5), 5];
    const y = [...cells.map(([, j]) => -2 + j + 0.5), 0];
    const t = tableFor('heatmap', { grid: g, points: { x, y, label: [0, 1, 0, 1] } });
    cells.forEach(([i, j], k) => expect(t.rows[k][3]).toBe(Number(Number(g.values[j * 4 + i]).toPrecision(4))));
    expect(t.rows[3][3]).toBe('outside grid');
  });
});
