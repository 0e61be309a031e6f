/**
 * A decision boundary: a grid of a model's outputs (e.g. predicted probability of class 1) as
 * filled contour bands on a diverging scale symmetric about a pivot (0.5), the pivot's contour
 * drawn as the boundary (a grey with ≥ 3:1 contrast on the ramp's white middle and on both page
 * backgrounds, where the legend shows it), and the data points on top, one colour and symbol
 * per class. Contours rather than one rect per cell: ~10 paths instead of 3,600 rects for a
 * 60×60 grid (smaller pages, faster redraws); Plot's raster mark needs a canvas, which the
 * drawing document (svg-document.ts) has not.
 */
import * as Plot from '@observablehq/plot';
import { baseOptions, renderPlot, type BaseOptions } from './base.ts';
import { Extent, formatNumber, plottable } from './finite.ts';
import { appendLegend, layoutLegend, marginTopFor, type LegendEntry } from './legend.ts';
import { clipField, prepareField, type Grid } from './grid.ts';
import { CLASS_COLORS, heatColor, seriesColor, seriesSymbol } from './theme.ts';

export type { Grid } from './grid.ts';

const FIELD = 'nb-plot-field';

/** Data points, columnar; `label` is the class index 0, 1, … */
export type ClassPoints = { x: ArrayLike<number>; y: ArrayLike<number>; label: ArrayLike<number> };

export type HeatmapData = { grid: Grid; points?: ClassPoints };

export type HeatmapOptions = BaseOptions & {
  xLabel?: string;
  yLabel?: string;
  /** Middle of the diverging scale and the level of the boundary line (default 0.5). */
  pivot?: number;
  /** Colour domain (default: symmetric about the pivot, as wide as the data needs). */
  domain?: [number, number];
  /** Number of contour bands (default 10). */
  levels?: number;
  /** Legend names of the classes (default "class 0", "class 1", …). */
  classNames?: string[];
};

/** `heightRatio`: height as a share of the width when `height` isn't given. */
export const heatmapDefaults = { width: 640, heightRatio: 0.8, xLabel: 'x₁', yLabel: 'x₂', pivot: 0.5, levels: 10, boundaryColor: '#6b6b6b', marginLeft: 44, marginRight: 16 };

function normalize(options: HeatmapOptions) {
  const d = heatmapDefaults;
  const width = typeof options?.width === 'number' && Number.isFinite(options.width) ? options.width : d.width;
  const base = baseOptions('heatmapWithPoints', options, { width: d.width, height: Math.round(d.heightRatio * width) });
  const dom = options.domain;
  return {
    base,
    xLabel: typeof options.xLabel === 'string' ? options.xLabel : d.xLabel,
    yLabel: typeof options.yLabel === 'string' ? options.yLabel : d.yLabel,
    pivot: plottable(options.pivot as number) ? (options.pivot as number) : d.pivot,
    domain: Array.isArray(dom) && plottable(dom[0]) && plottable(dom[1]) && dom[0] < dom[1] ? ([dom[0], dom[1]] as [number, number]) : null,
    levels: typeof options.levels === 'number' && options.levels >= 2 ? Math.min(40, Math.round(options.levels)) : d.levels,
    classNames: Array.isArray(options.classNames) ? options.classNames.map(String) : [],
  };
}

/** The decision-boundary figure; see {@link HeatmapData} and {@link HeatmapOptions}. */
export function heatmapWithPoints(data: HeatmapData, options: HeatmapOptions): SVGSVGElement {
  const o = normalize(options);
  const g = data?.grid;
  if (!g || !Number.isInteger(g.nx) || !Number.isInteger(g.ny) || g.nx < 2 || g.ny < 2 || g.nx * g.ny > 1e6 || !(g.values?.length >= g.nx * g.ny)) {
    throw new TypeError('heatmapWithPoints: data.grid needs integers nx, ny ≥ 2 (nx·ny ≤ 1,000,000) and values of length nx·ny');
  }
  const f = prepareField(g, o.pivot, o.domain);
  // Bands split the colour domain evenly on each side of the pivot, so the pivot is a threshold
  // and the boundary is that band's outline (one contour mark: each costs a pass over the grid).
  const inside = o.pivot > f.lo && o.pivot < f.hi;
  const split = (a: number, b: number, n: number) => Array.from({ length: n }, (_, k) => a + (k * (b - a)) / n);
  const half = Math.max(1, Math.round(o.levels / 2));
  const thresholds = inside ? [...split(f.lo, o.pivot, half), ...split(o.pivot, f.hi, half)] : split(f.lo, f.hi, o.levels);
  const upper = (v: number) => thresholds[thresholds.indexOf(v) + 1] ?? f.hi;
  // Piecewise linear about the pivot, so the pivot is the ramp's neutral middle.
  const t = (v: number) => (v < o.pivot ? (0.5 * (v - f.lo)) / (o.pivot - f.lo || 1) : 0.5 + (0.5 * (v - o.pivot)) / (f.hi - o.pivot || 1));
  const marks: Plot.Markish[] = [
    Plot.contour(f.values, {
      value: (v: number) => v, x1: f.padX[0], x2: f.padX[1], y1: f.padY[0], y2: f.padY[1], width: f.width, height: f.height, interpolate: 'none', className: FIELD, thresholds,
      fill: (c: { value: number }) => heatColor(t((c.value + upper(c.value)) / 2)),
      stroke: (c: { value: number }) => (inside && c.value === o.pivot ? heatmapDefaults.boundaryColor : 'none'),
      strokeWidth: 2,
    }),
  ];
  const [gx, gy] = [f.x, f.y];
  const px = new Extent();
  const py = new Extent();
  px.addAll(gx), py.addAll(gy);
  let dropped = 0;
  const byClass = new Map<number, { x: number[]; y: number[] }>();
  const p = data.points;
  for (let k = 0; p && k < Math.min(p.x.length, p.y.length, p.label.length); k++) {
    const [x, y, c] = [+p.x[k], +p.y[k], +p.label[k]];
    if (!plottable(x) || !plottable(y) || !Number.isInteger(c) || c < 0 || c > 64) { dropped++; continue; }
    px.add(x), py.add(y);
    if (!byClass.has(c)) byClass.set(c, { x: [], y: [] });
    byClass.get(c)!.x.push(x), byClass.get(c)!.y.push(y);
  }
  const classes = [...byClass.keys()].sort((a, b) => a - b);
  const colorOf = (c: number) => (classes.length <= 2 && c < 2 ? CLASS_COLORS[c] : seriesColor(c));
  for (const c of classes) {
    const { x, y } = byClass.get(c)!;
    marks.push(Plot.dot({ length: x.length }, { x: Float64Array.from(x), y: Float64Array.from(y), r: 3.5, fill: colorOf(c), stroke: 'white', strokeWidth: 0.8, symbol: seriesSymbol(c) }));
  }
  const entries: LegendEntry[] = classes.map((c) => ({ name: o.classNames[c] ?? `class ${c}`, color: colorOf(c), kind: 'point', symbol: seriesSymbol(c) }));
  entries.push({ name: `boundary (${formatNumber(o.pivot)})`, color: heatmapDefaults.boundaryColor, kind: 'line' });
  const legend = layoutLegend(entries, heatmapDefaults.marginLeft, o.base.width - heatmapDefaults.marginRight);
  const notes = [
    f.blank ? `${f.blank} of ${g.nx * g.ny} grid cells are not finite and are left blank.` : '',
    dropped ? `${dropped} points with non-finite coordinates or no class are not drawn.` : '',
  ].filter(Boolean);
  const svg = renderPlot(
    o.base,
    {
      height: o.base.height + legend.height,
      marginTop: marginTopFor(legend), marginLeft: heatmapDefaults.marginLeft, marginRight: heatmapDefaults.marginRight,
      x: { type: 'linear', domain: [px.min, px.max], label: o.xLabel, labelAnchor: 'right' },
      y: { type: 'linear', domain: [py.min, py.max], label: null },
      color: { type: 'identity' },
      marks,
    },
    notes,
  );
  clipField(svg, o.base.document, FIELD, f);
  appendLegend(svg, o.base.document, legend, o.yLabel);
  return svg;
}
