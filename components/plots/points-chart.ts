/**
 * Points for several series, with optional reference lines: e.g. the standard deviation of
 * each layer's activations against depth, with the curve the theory predicts. A reference line
 * named like a point series takes its colour; others are drawn in the text colour. Series are
 * cut and marked where they stop being finite (an exploding std overflows to Infinity).
 */
import * as Plot from '@observablehq/plot';
import { domainOf } from './finite.ts';
import type { LegendEntry } from './legend.ts';
import { cutMarks, extents, prepareSeries, type Series } from './series.ts';
import { seriesColor, seriesSymbol } from './theme.ts';
import { renderXY, xyOptions, type XYOptions } from './xy.ts';

export type PointsData = {
  /** Measured values, one symbol and colour per series. */
  points: Series[];
  /** Reference curves (e.g. theory), dashed. */
  lines?: Series[];
};

/** Axis labels, log y, legend and the word at a cut (see {@link XYOptions}; defaults below). */
export type PointsChartOptions = XYOptions;

export const pointsChartDefaults = {
  width: 640,
  height: 320,
  xLabel: 'layer',
  yLabel: 'value',
  logY: false,
  cutLabel: 'overflow',
  radius: 3.5,
  lineDash: '5 3',
  marginLeft: 56,
  marginRight: 24,
};

/** Point series with dashed reference lines, in one SVG; see {@link PointsChartOptions}. */
export function pointsChart(data: PointsData, options: PointsChartOptions): SVGSVGElement {
  if (data === null || typeof data !== 'object' || !Array.isArray(data.points)) {
    throw new TypeError('pointsChart: data must be { points: Series[], lines?: Series[] }');
  }
  const lineData = Array.isArray(data.lines) ? data.lines : [];
  const o = xyOptions('pointsChart', options, pointsChartDefaults, data.points.length + lineData.length);
  const d = pointsChartDefaults;
  const points = data.points.map((s, i) => prepareSeries('pointsChart', s, i, o.logY, true));
  const lines = lineData.map((s, i) => prepareSeries('pointsChart (lines)', s, i, o.logY));
  const ext = extents([...points, ...lines]);
  // x spans every point given, drawable or not: layers whose values a log scale cannot show are
  // still layers, and the axis should not shrink to the few that remain (or to [0, 1]).
  for (const s of [...data.points, ...lineData]) ext.x.addAll(s.x, Math.min(s.x.length, s.y.length));
  const xDomain = domainOf(ext.x);
  const yDomain = domainOf(ext.y, o.logY);
  const lineColor = (i: number) => {
    const k = points.findIndex((p) => p.name === lines[i].name);
    return k >= 0 ? seriesColor(k) : 'currentColor';
  };
  const entries: LegendEntry[] = [
    ...points.map((s, i) => ({ name: s.name, color: seriesColor(i), kind: 'point' as const, symbol: seriesSymbol(i) })),
    ...lines.map((s, i) => ({ name: `${s.name} (reference)`, color: lineColor(i), kind: 'line' as const, dash: d.lineDash })),
  ];
  const marks: Plot.Markish[] = [];
  lines.forEach((s, i) => {
    if (s.x.length) marks.push(Plot.line({ length: s.x.length }, { x: s.x, y: s.y, stroke: lineColor(i), strokeWidth: 1.5, strokeDasharray: d.lineDash }));
  });
  points.forEach((s, i) => {
    const paint = { fill: seriesColor(i), stroke: seriesColor(i), fillOpacity: 0.85, symbol: seriesSymbol(i), r: d.radius };
    if (s.x.length) marks.push(Plot.dot({ length: s.x.length }, { x: s.x, y: s.y, ...paint }));
  });
  marks.push(...cutMarks(points, seriesColor, xDomain, o.cutLabel));
  return renderXY({
    o, legend: entries, margins: { marginLeft: d.marginLeft, marginRight: d.marginRight }, x: xDomain, y: yDomain, marks,
    scales: { x: { nice: true, inset: 8 }, y: { inset: 6 } },
    notes: [...points, ...lines].flatMap((s) => (s.note ? [s.note] : [])),
  });
}
