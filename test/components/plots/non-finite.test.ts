/**
 * No NaN or ±Infinity reaches the SVG (issue 4, item 1): every plot is fed NaN, ±Infinity, 1e309
 * (which parses to Infinity) and Number.MAX_VALUE in every numeric input, and its markup must
 * not contain the tokens; series are cut at the first bad value and the cut is marked and said.
 */
import { describe, expect, it } from 'vitest';
import { barChart, heatmapWithPoints, histogramGrid, lineChart, pointsChart } from '../../../components/plots/index.ts';
import { renderSvgString } from '../../../components/plots/server.ts';
import { A, doc, heatmapData } from './fixtures.ts';

const BAD = [NaN, Infinity, -Infinity, 1e309, -1e309, Number.MAX_VALUE];
const clean = (markup: string) => expect(markup).not.toMatch(/NaN|Infinity/);
/** `base` with `v` written at the start, the middle and the end (and everywhere, last). */
const spoiled = (base: number[], v: number) => [0, base.length >> 1, base.length - 1].map((i) => base.map((b, k) => (k === i ? v : b))).concat([base.map(() => v)]);
const xs = [0, 1, 2, 3, 4, 5];
const ys = [3, 2.5, 2, 1.2, 1, 0.8];

describe.each(BAD)('fed %s', (v) => {
  it('lineChart (x, y, band, linear and log)', () => {
    for (const bad of spoiled(ys, v)) {
      for (const logY of [false, true]) {
        clean(renderSvgString(lineChart, [{ name: 'a', x: xs, y: bad, lo: bad, hi: ys }, { name: 'b', x: bad, y: ys }], { ...A, logY }));
        clean(renderSvgString(lineChart, [{ name: 'a', x: xs, y: bad, lo: bad, hi: ys }, { name: 'b', x: bad, y: ys }], { ...A, logY, gaps: true }));
      }
    }
  });

  it('pointsChart (points and reference lines)', () => {
    for (const bad of spoiled(ys, v)) {
      clean(renderSvgString(pointsChart, { points: [{ name: 'a', x: bad, y: ys }, { name: 'b', x: xs, y: bad }], lines: [{ name: 'a', x: xs, y: bad }] }, { ...A, logY: v > 0 }));
    }
  });

  it('barChart (values, error bars, domain)', () => {
    clean(renderSvgString(barChart, [{ label: 'a', value: v }, { label: 'b', value: 1, lo: v, hi: 2 }, { label: 'c', value: 0.5, lo: 0, hi: v }], { ...A, yDomain: [0, v] }));
    clean(renderSvgString(barChart, [{ label: 'a', value: v }], A));
  });

  it('histogramGrid (raw values, bins, theory, domain; shared and per panel)', () => {
    for (const bad of spoiled(ys, v)) {
      const data = [
        { label: 'raw', values: bad, theory: { std: v, mean: v } },
        { label: 'bins', bins: { edges: [0, ...bad], counts: bad }, theory: { std: 1 } },
        { label: 'all bad', values: [v, v] },
      ];
      for (const sharedX of [true, false]) clean(renderSvgString(histogramGrid, data, { ...A, sharedX }));
      clean(renderSvgString(histogramGrid, data, { ...A, xDomain: [v, 1] }));
    }
  });

  it('heatmapWithPoints (grid values, grid extent, points, pivot, domain)', () => {
    const d = heatmapData(8, 12);
    const values = Array.from(d.grid.values);
    for (const bad of spoiled(values, v)) {
      clean(renderSvgString(heatmapWithPoints, { grid: { ...d.grid, values: bad }, points: d.points }, A));
    }
    const p = d.points!;
    clean(renderSvgString(heatmapWithPoints, { grid: { ...d.grid, x: [v, 2] }, points: { x: spoiled(Array.from(p.x), v)[1], y: p.y, label: spoiled(Array.from(p.label), v)[2] } }, { ...A, pivot: v, domain: [v, 1] }));
  });
});

describe('cutting and marking', () => {
  const node = (svg: Element, selector: string) => Array.from(svg.querySelectorAll(selector));

  it('cuts a line at the first non-finite value, marks the last drawn point and says where', () => {
    const svg = lineChart([{ name: 'lr 3.0', x: xs, y: [1, 2, 4, NaN, 8, 9] }], { ...A, document: doc() });
    const line = node(svg, 'path').find((p) => p.parentElement?.getAttribute('stroke') === '#077ef0' && p.parentElement?.getAttribute('stroke-linejoin'));
    const points = line!.getAttribute('d')!.match(/[ML]-?[\d.]+,-?[\d.]+/g)!;
    expect(points.length).toBe(3);
    const [lastX, lastY] = points[2].slice(1).split(',').map(Number);
    const cross = node(svg, 'path').find((p) => p.parentElement?.getAttribute('stroke-width') === '2' && p.getAttribute('transform'));
    const [cx, cy] = cross!.getAttribute('transform')!.match(/-?[\d.]+/g)!.map(Number);
    expect([cx, cy]).toEqual([lastX, lastY]);
    expect(node(svg, 'text').some((t) => t.textContent === 'diverged')).toBe(true);
    expect(svg.getAttribute('aria-description')).toContain('lr 3.0 stops at x = 2: the next value is not a number (diverged).');
  });

  it('on a log scale, cuts at the first value ≤ 0 and says why', () => {
    const svg = lineChart([{ name: 'loss', x: xs, y: [1, 0.1, 0, 0.01, 1, 1] }], { ...A, logY: true, document: doc() });
    expect(svg.getAttribute('aria-description')).toContain('loss stops at x = 1: the next value, 0, is not positive');
    expect(node(svg, 'text').some((t) => t.textContent === '≤ 0')).toBe(true);
  });

  it('on a log scale, leaves out a point ≤ 0 by itself: the points after it are drawn, the x axis spans them all', () => {
    // A layer whose spread is exactly 0 (all-zero weights) must not hide the layers above it.
    const svg = pointsChart({ points: [{ name: 'std', x: [1, 2, 3, 4, 5], y: [0, 0, 0, 1e-4, 2e-4] }, { name: 'flat', x: [1, 2, 3, 4, 5], y: [0, 0, 0, 0, 0] }] }, { ...A, logY: true, document: doc() });
    expect(node(svg, 'g[fill="#077ef0"] circle').length).toBe(2);
    // Plot's bottom axis labels: tabular figures, centred (the left axis's are anchored at their end).
    const xLabels = node(svg, 'g[font-variant="tabular-nums"] text').filter((t) => t.parentElement!.getAttribute('text-anchor') !== 'end').map((t) => t.textContent);
    expect(Number(xLabels[0])).toBe(1);
    expect(Number(xLabels.at(-1))).toBe(5);
    expect(svg.getAttribute('aria-description')).toContain('std is 0 at x = 1–3, which a log scale cannot show.');
    expect(svg.getAttribute('aria-description')).toContain('flat is 0 at x = 1–5, which a log scale cannot show: it is not drawn.');
    expect(node(svg, 'text').some((t) => t.textContent === '≤ 0')).toBe(false);
    // Non-finite values still cut a point series: what follows a divergence is not data.
    const diverged = pointsChart({ points: [{ name: 'std', x: xs, y: [1, 0, 2, Infinity, 3, 4] }] }, { ...A, logY: true, document: doc() });
    expect(diverged.getAttribute('aria-description')).toContain('std stops at x = 2: the next value is +∞ (diverged).');
  });

  it('draws no bar for a non-finite value and says so', () => {
    const svg = barChart([{ label: 'ok', value: 0.9 }, { label: 'big lr', value: Infinity }], { ...A, document: doc() });
    expect(node(svg, 'rect').length).toBe(1);
    expect(node(svg, 'text').some((t) => t.textContent === 'diverged')).toBe(true);
    expect(svg.getAttribute('aria-description')).toContain('big lr has no bar: its value is +∞');
  });

  it('counts the values a histogram leaves out, per panel', () => {
    const svg = histogramGrid([{ label: 'layer 1', values: [0, 0, 0, 1, NaN, Infinity, -Infinity] }], { ...A, bins: 2, document: doc() });
    expect(node(svg, 'text').some((t) => t.textContent === '3 not finite')).toBe(true);
    expect(svg.getAttribute('aria-description')).toContain('layer 1: 3 not finite');
    // Shares 3/4 and 1/4 of the 4 finite values: the stepped area's levels stand 3 : 1 above its baseline.
    const area = node(svg, 'path').find((p) => p.parentElement?.getAttribute('fill') === '#077ef0')!;
    const ys = [...new Set(area.getAttribute('d')!.match(/-?[\d.]+,-?[\d.]+/g)!.map((p) => Number(p.split(',')[1])))].sort((a, b) => a - b);
    expect(ys.length).toBe(3);
    expect((ys[2] - ys[0]) / (ys[2] - ys[1])).toBeCloseTo(3, 6);
  });

  it('leaves non-finite grid cells blank and drops points without coordinates', () => {
    const d = heatmapData(6, 10);
    const values = Array.from(d.grid.values);
    values[0] = NaN;
    values[7] = Infinity;
    const x = Array.from(d.points!.x);
    x[0] = NaN;
    const svg = heatmapWithPoints({ grid: { ...d.grid, values }, points: { ...d.points!, x } }, { ...A, document: doc() });
    expect(svg.getAttribute('aria-description')).toContain('2 of 36 grid cells are not finite and are left blank.');
    expect(svg.getAttribute('aria-description')).toContain('1 points with non-finite coordinates or no class are not drawn.');
  });
});

describe('breaking a series at its gaps (numbers that are not a training run, e.g. a code cell\'s)', () => {
  const node = (svg: Element, selector: string) => Array.from(svg.querySelectorAll(selector));
  const indices = (y: number[]) => y.map((_, i) => i);
  /** x axis: each tick label's value and its pixel, read from the chart's own bottom axis. */
  const xAxis = (svg: Element) => new Map(node(svg, 'g[font-variant="tabular-nums"] text')
    .filter((t) => t.parentElement!.getAttribute('text-anchor') !== 'end')
    .map((t) => [Number(t.textContent!.replace('−', '-')), Number(t.getAttribute('transform')!.match(/-?[\d.]+/)![0])]));
  /** The points of the series' line paths (stroke in the first series colour). */
  const linePoints = (svg: Element) => node(svg, 'g[stroke-linejoin] path').flatMap((p) => p.getAttribute('d')!.match(/[ML]-?[\d.]+,-?[\d.]+/g) ?? []);
  const finiteAt = (y: number[]) => indices(y).filter((i) => Number.isFinite(y[i]));
  const badAt = (y: number[]) => indices(y).filter((i) => !Number.isFinite(y[i]));

  it('draws every finite value of [1, 2, 3, NaN, 5, 6], breaks the line at the NaN and marks it', () => {
    const y = [1, 2, 3, NaN, 5, 6];
    const svg = lineChart([{ name: 'value', x: indices(y), y }], { ...A, gaps: true, document: doc() });
    expect(linePoints(svg)).toHaveLength(finiteAt(y).length);
    expect(node(svg, 'g[stroke-linejoin] path')).toHaveLength(2);
    const axis = xAxis(svg);
    expect(node(svg, 'g[stroke-dasharray] line').map((l) => Number(l.getAttribute('x1')))).toEqual(badAt(y).map((i) => axis.get(i)));
    expect(node(svg, 'text').some((t) => t.textContent === 'not finite')).toBe(true);
    expect(svg.getAttribute('aria-description')).toContain('value is not finite at 1 of its 6 points (not a number at x = 3): the line is broken there');
  });

  it('draws the lone finite values of [1, NaN, ∞, 3, −∞, 2] as dots, on an x axis from 0 to 5, and names each non-finite value', () => {
    const y = [1, NaN, Infinity, 3, -Infinity, 2];
    const svg = lineChart([{ name: 'value', x: indices(y), y }], { ...A, gaps: true, wholeX: true, document: doc() });
    const axis = xAxis(svg);
    expect(Math.min(...axis.keys())).toBe(0);
    expect(Math.max(...axis.keys())).toBe(y.length - 1);
    expect(node(svg, 'circle').map((c) => Number(c.getAttribute('cx')))).toEqual(finiteAt(y).map((i) => axis.get(i)));
    expect(node(svg, 'g[stroke-dasharray] line').map((l) => Number(l.getAttribute('x1')))).toEqual(badAt(y).map((i) => axis.get(i)));
    expect(svg.getAttribute('aria-description')).toContain('value is not finite at 3 of its 6 points (not a number at x = 1; +∞ at x = 2; −∞ at x = 4)');
  });

  it('counts what a long list of gaps leaves unnamed, and says when nothing at all can be drawn', () => {
    const y = Array.from({ length: 200 }, (_, i) => (i % 7 === 3 ? NaN : Math.sin(i)));
    const many = lineChart([{ name: 'value', x: indices(y), y }], { ...A, gaps: true, document: doc() });
    const bad = badAt(y).length;
    expect(many.getAttribute('aria-description')).toContain(`value is not finite at ${bad} of its 200 points`);
    expect(many.getAttribute('aria-description')).toMatch(new RegExp(`and ${bad - 12} more\\)`));
    const none = lineChart([{ name: 'value', x: [0, 1], y: [NaN, Infinity] }], { ...A, gaps: true, document: doc() });
    expect(none.getAttribute('aria-description')).toContain('value is not finite at either of its 2 points (not a number at x = 0; +∞ at x = 1): it is not drawn.');
  });

  it('says “its only point” and “any of its points” when every value is not finite, never “1 of its 1 points”', () => {
    const said = (y: number[]) => lineChart([{ name: 'value', x: indices(y), y }], { ...A, gaps: true, document: doc() }).getAttribute('aria-description')!;
    expect(said([NaN])).toContain('value is not finite at its only point (not a number at x = 0): it is not drawn.');
    const twelve = Array.from({ length: 12 }, (_, i) => (i % 2 ? Infinity : NaN));
    expect(said(twelve)).toContain('value is not finite at any of its 12 points (not a number at x = 0, 2, 4, 6, 8, 10; +∞ at x = 1, 3, 5, 7, 9, 11): it is not drawn.');
    // Of every length up to 12 and every share of non-finite values: the count never repeats the total.
    for (let n = 1; n <= 12; n++) {
      for (let bad = 1; bad <= n; bad++) {
        const text = said(Array.from({ length: n }, (_, i) => (i < bad ? NaN : i)));
        expect(text).not.toMatch(/\b(\d+) of its \1 points?\b/);
        expect(text).not.toMatch(/\b1 points\b|\bits 1 points\b/);
      }
    }
  });

  it('tells a value too large to draw, and one a log scale cannot show, from a value that is not finite', () => {
    const y = [1, 1e301, NaN, 2, 0, 3];
    const svg = lineChart([{ name: 'value', x: indices(y), y }], { ...A, gaps: true, logY: true, document: doc() });
    const said = svg.getAttribute('aria-description')!;
    expect(said).toContain('value is not finite at 1 of its 6 points (not a number at x = 2): the line is broken there');
    expect(said).toContain('value is too large to draw (beyond ±10³⁰⁰) at x = 1;');
    expect(said).toContain('value is 0 or less at x = 4, which a log scale cannot show;');
    expect(node(svg, 'g[stroke-dasharray] line')).toHaveLength(3);
  });

  it('leaves a training chart as it was: without `gaps`, the same series stops at its first NaN', () => {
    const y = [1, 2, 3, NaN, 5, 6];
    const svg = lineChart([{ name: 'value', x: indices(y), y }], { ...A, document: doc() });
    expect(linePoints(svg)).toHaveLength(y.findIndex(Number.isNaN));
    expect(svg.getAttribute('aria-description')).toContain('(diverged)');
  });
});
