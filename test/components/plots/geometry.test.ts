/**
 * Where things land: data mapped to the right pixels, the heatmap's rows bottom-to-top, panels
 * wrapped into rows, and legends kept inside narrow figures.
 */
import { describe, expect, it } from 'vitest';
import { heatmapWithPoints, histogramGrid, lineChart, pointsChart } from '../../../components/plots/index.ts';
import { xTicksFor } from '../../../components/plots/histogram-grid.ts';
import { HEAT, heatColor } from '../../../components/plots/theme.ts';
import { A, doc, histogramData } from './fixtures.ts';

const numbers = (s: string) => (s.match(/-?\d*\.?\d+(?:e[-+]?\d+)?/g) ?? []).map(Number);

describe('lineChart', () => {
  it('maps the x extent of the data onto the frame, left edge to right edge', () => {
    const svg = lineChart([{ name: 'a', x: [10, 20, 30], y: [1, 3, 2] }], { ...A, document: doc() });
    const d = Array.from(svg.querySelectorAll('path')).find((p) => p.parentElement?.getAttribute('stroke') === '#077ef0')!.getAttribute('d')!;
    const xy = numbers(d);
    expect(xy[0]).toBe(56); // marginLeft
    expect(xy[4]).toBe(640 - 24); // width − marginRight
    expect(xy[3]).toBeLessThan(xy[5]); // y = 3 is drawn above y = 2
  });

  it('wraps a long legend in a narrow figure and keeps it inside the width', () => {
    const series = ['Xavier (uniform)', 'He (normal)', 'naive N(0, 1)', 'orthogonal'].map((name, i) => ({ name, x: [0, 1], y: [i, i + 1] }));
    const svg = lineChart(series, { ...A, width: 320, document: doc() });
    const texts = Array.from(svg.querySelectorAll('g.nb-plot-legend text')).filter((t) => !t.textContent!.startsWith('↑'));
    const rows = new Set(texts.map((t) => t.getAttribute('y')));
    expect(rows.size).toBeGreaterThan(1);
    for (const t of texts) expect(Number(t.getAttribute('x')) + t.textContent!.length * 6).toBeLessThanOrEqual(320);
    const one = lineChart(series.slice(0, 2), { ...A, width: 320, document: doc() });
    expect(Number(svg.getAttribute('height'))).toBeGreaterThan(Number(one.getAttribute('height')));
  });
});

describe('histogramGrid', () => {
  it('wraps panels into rows of `columns`', () => {
    const svg = histogramGrid(histogramData(10), { ...A, columns: 4, document: doc() });
    const labels = Array.from(svg.querySelectorAll('text')).filter((t) => /^layer \d+$/.test(t.textContent!));
    expect(labels.length).toBe(10);
    const at = labels.map((t) => numbers(t.parentElement!.getAttribute('transform')!));
    expect(new Set(at.map(([x]) => x)).size).toBe(4);
    expect(new Set(at.map(([, y]) => y)).size).toBe(3);
  });

  it('fits as many 110 px panels per row as the width allows by default', () => {
    const labelsAt = (width: number) => {
      const svg = histogramGrid(histogramData(12), { ...A, width, document: doc() });
      const labels = Array.from(svg.querySelectorAll('text')).filter((t) => /^layer \d+$/.test(t.textContent!));
      return new Set(labels.map((t) => numbers(t.parentElement!.getAttribute('transform')!)[0])).size;
    };
    expect(labelsAt(640)).toBe(Math.floor((640 - 44 - 12) / 110));
    expect(labelsAt(320)).toBe(Math.floor((320 - 44 - 12) / 110));
  });

  it.each([
    ['a tiny range (gradients of 1e-4)', 4e-4],
    ['a range of about ±1', 1 / 3],
    ['a range of ±30', 10],
    ['a huge range', 4e5],
  ])('labels %s with two or three short ticks, clear of the neighbouring panels', (_what, scale) => {
    const facets = histogramData(10).map((f) => ({ ...f, values: (f.values as number[]).map((v) => v * scale), theory: undefined }));
    const svg = histogramGrid(facets, { ...A, document: doc() });
    // x-axis tick labels hang below their tick (y = 0.71em); one group of them under each column.
    const groups = Array.from(svg.querySelectorAll('g[font-variant="tabular-nums"]')).filter((g) => g.querySelector('text[y="0.71em"]'));
    expect(groups.length).toBe(5);
    const spacing = numbers(groups[1].getAttribute('transform')!)[0] - numbers(groups[0].getAttribute('transform')!)[0];
    for (const g of groups) {
      const texts = Array.from(g.querySelectorAll('text'));
      expect(texts.length).toBeGreaterThanOrEqual(2);
      expect(texts.length).toBeLessThanOrEqual(3);
      for (const t of texts) expect(t.textContent).toMatch(/^(0|−?\d+(\.\d)?)$/);
      const xs = texts.map((t) => numbers(t.getAttribute('transform')!)[0]);
      expect(Math.max(...xs) - Math.min(...xs)).toBeLessThanOrEqual(0.6 * spacing);
    }
  });

  it('states the power of ten of tiny or huge tick values once, in the axis label', () => {
    for (const [domain, power] of [[[-4.3e-4, 4.3e-4], '10⁻⁴'], [[0, 0.0072], '10⁻³'], [[-2.2e5, 2.2e5], '10⁵']] as const) {
      const { ticks, tickFormat, label } = xTicksFor([domain[0], domain[1]], 'x');
      expect(label).toBe(`x (×${power})`);
      const unit = Number(`1e${[...power.slice(2)].map((c) => (c === '⁻' ? '-' : '⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c))).join('')}`);
      expect(ticks!.length).toBeGreaterThan(0);
      for (const v of ticks!) expect(Number(tickFormat!(v).replace('−', '-')) * unit).toBeCloseTo(v, 12);
    }
    const plain = xTicksFor([-0.5, 0.5], 'x');
    expect(plain.label).toBe('x');
    expect(plain.ticks!.map(plain.tickFormat!)).toEqual(['−0.2', '0', '0.2']);
  });
});

describe('heatmapWithPoints', () => {
  it('draws row j = 0 at the bottom: high values in the top rows fill the top of the frame', () => {
    const n = 10;
    const values = Array.from({ length: n * n }, (_, k) => (Math.floor(k / n) >= n / 2 ? 1 : 0));
    const svg = heatmapWithPoints({ grid: { x: [0, 1], y: [0, 1], nx: n, ny: n, values } }, { ...A, domain: [0, 1], levels: 4, document: doc() });
    const top = Array.from(svg.querySelectorAll('g.nb-plot-field path')).find((p) => p.getAttribute('fill') === heatColor(0.875))!;
    const ys = numbers(top.getAttribute('d')!).filter((_, i) => i % 2 === 1);
    const port = svg.querySelector('svg')!;
    const [portTop, portHeight] = [Number(port.getAttribute('y')), Number(port.getAttribute('height'))];
    // The band covers the upper half of the grid (and the padding ring above it). Its lower edge
    // is where the 0.75 level crosses between the centres of rows n/2 − 1 (value 0) and n/2
    // (value 1): a quarter of a cell above the middle, by linear interpolation.
    const [middle, cell] = [portTop + portHeight / 2, portHeight / n];
    expect(Math.max(...ys)).toBeCloseTo(middle - cell / 4, 1);
    expect(Math.min(...ys)).toBeLessThan(portTop);
    expect(heatColor(0.875)).not.toBe(HEAT.high);
  });

  it('clips the field to the grid with a nested viewport, not a clipPath id', () => {
    const svg = heatmapWithPoints({ grid: { x: [0, 1], y: [0, 1], nx: 3, ny: 3, values: [0, 0.2, 0.4, 0.3, 0.5, 0.7, 0.6, 0.8, 1] } }, { ...A, document: doc() });
    const port = svg.querySelector('svg')!;
    expect(port.querySelectorAll('g.nb-plot-field').length).toBe(1);
    expect(port.querySelectorAll('path[stroke="#6b6b6b"]').length).toBe(1); // the boundary at 0.5
    expect(port.getAttribute('viewBox')).toBe(['x', 'y', 'width', 'height'].map((k) => port.getAttribute(k)).join(' '));
    expect(svg.querySelectorAll('clipPath, [id]').length).toBe(0);
  });
});

describe('x–y charts with wholeX (layers, epochs)', () => {
  // The x tick labels: the chart's texts but the y ticks (≥ 100 here, so never equal to an x
  // tick), the axis labels and the legend.
  const xTicks = (wholeX: boolean, x: number[]) => {
    const svg = pointsChart({ points: [{ name: 'std', x, y: x.map((v) => 100 * v) }] }, { ...A, logY: true, wholeX, document: doc() });
    const yTicks = new Set(Array.from(svg.querySelectorAll('g[text-anchor="end"] text')).map((t) => t.textContent));
    return Array.from(svg.querySelectorAll('text')).map((t) => t.textContent!).filter((t) => !yTicks.has(t) && !/[→↑]/.test(t));
  };

  it('puts ticks only at whole numbers, written without decimals', () => {
    expect(xTicks(false, [1, 2, 3, 4])).toContain('1.5'); // what Plot does on its own
    expect(xTicks(true, [1, 2, 3, 4])).toEqual(['1', '2', '3', '4']);
    const long = xTicks(true, Array.from({ length: 50 }, (_, i) => i + 1));
    expect(long.length).toBeGreaterThan(3);
    for (const t of long) expect(t).toMatch(/^\d+$/);
  });
});

