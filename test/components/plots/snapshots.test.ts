/**
 * SVG snapshots of each plot on fixed inputs (fixtures.ts), as the build embeds them: rendered
 * in linkedom, numbers in attributes rounded to 2 decimals. A change in Plot or in our marks
 * shows up as a reviewable diff of __snapshots__/*.svg (open them in a browser to look).
 */
import { describe, expect, it } from 'vitest';
import { barChart, heatmapWithPoints, histogramGrid, lineChart, pointsChart } from '../../../components/plots/index.ts';
import { renderSvgString } from '../../../components/plots/server.ts';
import { A, barData, heatmapData, histogramData, lineData, pointsData } from './fixtures.ts';

/** Standalone files: the namespace an .svg file needs (the page's inline SVG doesn't). */
const file = (markup: string) => markup.replace('<svg ', '<svg xmlns="http://www.w3.org/2000/svg" ') + '\n';

describe('plot snapshots', () => {
  it('lineChart: two series, one band, legend', async () => {
    await expect(file(renderSvgString(lineChart, lineData(), { ...A, yLabel: 'loss' }))).toMatchFileSnapshot('__snapshots__/line-chart.svg');
  });

  it('lineChart: log scale, a diverged series', async () => {
    const data = [...lineData(), { name: 'lr 5', x: [0, 5, 10, 15], y: [2, 6, 40, Infinity] }];
    await expect(file(renderSvgString(lineChart, data, { ...A, logY: true, width: 480 }))).toMatchFileSnapshot('__snapshots__/line-chart-log.svg');
  });

  it('histogramGrid: shared x with theory', async () => {
    await expect(file(renderSvgString(histogramGrid, histogramData(6), { ...A, bins: 12 }))).toMatchFileSnapshot('__snapshots__/histogram-grid.svg');
  });

  it('histogramGrid: per-panel x from precomputed bins', async () => {
    const data = [
      { label: 'a', bins: { edges: [0, 1, 2, 3], counts: [1, 3, 1] } },
      { label: 'b', bins: { edges: [-10, 0, 10], counts: [2, 2] }, theory: { std: 5 } },
    ];
    await expect(file(renderSvgString(histogramGrid, data, { ...A, sharedX: false, width: 320 }))).toMatchFileSnapshot('__snapshots__/histogram-grid-bins.svg');
  });

  it('heatmapWithPoints', async () => {
    await expect(file(renderSvgString(heatmapWithPoints, heatmapData(), { ...A, domain: [0, 1], levels: 6, width: 400 }))).toMatchFileSnapshot('__snapshots__/heatmap.svg');
  });

  it('pointsChart: log y with a reference line', async () => {
    await expect(file(renderSvgString(pointsChart, pointsData(), { ...A, logY: true, yLabel: 'std' }))).toMatchFileSnapshot('__snapshots__/points-chart.svg');
  });

  it('barChart: error bars and a diverged bar', async () => {
    const data = [...barData(), { label: 'large', value: NaN }];
    await expect(file(renderSvgString(barChart, data, { ...A, yDomain: [0, 1], yLabel: 'accuracy' }))).toMatchFileSnapshot('__snapshots__/bar-chart.svg');
  });
});
