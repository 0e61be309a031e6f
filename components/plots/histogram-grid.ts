/**
 * Small multiples of histograms, one panel per facet (e.g. each layer's activations, over
 * depth), wrapping into rows; input is raw values or precomputed bins, with an optional Gaussian
 * each panel's theory predicts. Bars show the share of the panel's drawn values in each bin.
 * Speed (a slider redraws it): one Plot with fx/fy facets rather than one Plot per panel (~5×
 * faster in Chromium at 20 panels), and each histogram one stepped area rather than a rect per
 * bin (~2.5× fewer milliseconds, mostly the browser's style and layout of fewer elements).
 */
import * as Plot from '@observablehq/plot';
import { baseOptions, renderPlot, type BaseOptions } from './base.ts';
import { binValues, cleanBins, gaussianCurve, stepOutline, type Binned, type Bins } from './bins.ts';
import { domainOf, Extent, formatNumber, niceTicks, plottable } from './finite.ts';
import { appendLegend, layoutLegend, marginTopFor } from './legend.ts';
import { powerOfTen } from './log-ticks.ts';
import { seriesColor } from './theme.ts';

/** One panel: raw `values` or precomputed `bins`, and optionally the N(mean, std²) theory predicts. */
export type HistogramFacet = { label: string; values?: ArrayLike<number>; bins?: Bins; theory?: { mean?: number; std: number } };

export type HistogramGridOptions = BaseOptions & {
  /** Bins per panel for raw values (default 30). */
  bins?: number;
  /** One x range for all panels (default true); false gives each panel its own, labelled under it. */
  sharedX?: boolean;
  /** A fixed x range for all panels; values outside it are counted, not drawn. */
  xDomain?: [number, number];
  /** Panels per row (default: as many as fit at 110 px). */
  columns?: number;
  panelHeight?: number;
  xLabel?: string;
  yLabel?: string;
};

/** The figure's height follows from the rows of panels (`panelHeight` each). */
export const histogramGridDefaults = { width: 640, bins: 30, sharedX: true, minPanelWidth: 110, panelHeight: 76, xLabel: 'value', yLabel: 'share', marginLeft: 44, marginTop: 10, marginBottom: 34, marginRight: 12 };

function normalize(options: HistogramGridOptions, count: number) {
  const d = histogramGridDefaults;
  const base = baseOptions('histogramGrid', options, { width: d.width, height: 400 }); // height is set from the rows below
  const int = (v: unknown, lo: number, hi: number, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? Math.min(hi, Math.max(lo, Math.round(v))) : fallback);
  const dom = options.xDomain;
  const xDomain = Array.isArray(dom) && plottable(dom[0]) && plottable(dom[1]) && dom[0] < dom[1] ? ([dom[0], dom[1]] as [number, number]) : null;
  const fit = Math.floor((base.width - d.marginLeft - d.marginRight) / d.minPanelWidth);
  return {
    base, xDomain,
    bins: int(options.bins, 1, 200, d.bins),
    sharedX: xDomain !== null || options.sharedX !== false,
    columns: Math.min(Math.max(1, count), int(options.columns, 1, 50, Math.max(1, fit))),
    panelHeight: int(options.panelHeight, 40, 400, d.panelHeight),
    xLabel: typeof options.xLabel === 'string' ? options.xLabel : d.xLabel,
    yLabel: typeof options.yLabel === 'string' ? options.yLabel : d.yLabel,
  };
}

/** A grid of histograms, one per facet, in one SVG; see {@link HistogramGridOptions}. */
export function histogramGrid(data: HistogramFacet[], options: HistogramGridOptions): SVGSVGElement {
  if (!Array.isArray(data)) throw new TypeError('histogramGrid: data must be an array of { label, values | bins, theory? }');
  const o = normalize(options, data.length);
  const d = histogramGridDefaults;
  data.forEach((f, i) => {
    if (!f || (!f.values && !f.bins)) throw new TypeError(`histogramGrid: data[${i}] needs values (an array of numbers) or bins { edges, counts }`);
  });
  const shared = new Extent();
  if (o.sharedX && !o.xDomain) for (const f of data) f.bins ? shared.addAll(f.bins.edges) : shared.addAll(f.values!);
  const binned: Binned[] = data.map((f) => {
    if (f.bins) return cleanBins(f.bins);
    const [lo, hi] = o.xDomain ?? (o.sharedX ? domainOf(shared) : domainOf(perFacet(f.values!)));
    return binValues(f.values!, lo, hi, o.bins);
  });
  const cols = o.columns;
  const fx = (i: number) => i % cols;
  const fy = (i: number) => Math.floor(i / cols);
  const [X, Y, FX, FY] = [[], [], [], []] as number[][];
  const ranges: [number, number][] = [];
  // Panels with their own ranges are drawn in [0, 1] (Plot's facets share one x scale) and
  // labelled by panelTicks.
  const u = (i: number, v: number) => (o.sharedX ? v : (v - ranges[i][0]) / (ranges[i][1] - ranges[i][0]));
  let yTop = 0;
  binned.forEach((b, i) => {
    const e = new Extent();
    e.addAll(b.x1), e.addAll(b.x2);
    ranges.push(o.xDomain ?? (o.sharedX ? domainOf(shared) : domainOf(e)));
    const step = stepOutline(b);
    step.x.forEach((x, k) => (X.push(u(i, x)), Y.push(step.y[k]), FX.push(fx(i)), FY.push(fy(i))));
    yTop = Math.max(yTop, ...step.y);
  });
  if (yTop === 0) yTop = 1;
  const theory = { x: [] as number[], y: [] as number[], fx: [] as number[], fy: [] as number[] };
  data.forEach((f, i) => {
    if (!f.theory) return;
    const b = binned[i];
    const width = b.counts.length ? (b.x2[b.x2.length - 1] - b.x1[0]) / b.counts.length : 0;
    const c = gaussianCurve(f.theory.mean ?? 0, f.theory.std, ranges[i][0], ranges[i][1], width, yTop * 1.15);
    c.x.forEach((x, j) => (theory.x.push(u(i, x)), theory.y.push(c.y[j]), theory.fx.push(fx(i)), theory.fy.push(fy(i))));
  });
  const labels = data.map((f, i) => ({ label: String(f.label ?? `panel ${i + 1}`), fx: fx(i), fy: fy(i), note: noteOf(binned[i]) }));
  const legend = layoutLegend(theory.x.length ? [{ name: 'measured', color: seriesColor(0), kind: 'bar' }, { name: 'theory (Gaussian)', color: seriesColor(1), kind: 'line' }] : [], d.marginLeft, o.base.width - d.marginRight);
  const rows = Math.ceil(data.length / cols) || 1;
  const xDomain: [number, number] = o.sharedX ? ranges[0] ?? [0, 1] : [0, 1];
  const noted = labels.filter((l) => l.note);
  // Marks with nothing to draw still cost Plot a pass per panel: they are left out when empty.
  const marks: Plot.Markish[] = [
    Plot.areaY({ length: Y.length }, { x: Float64Array.from(X), y1: 0, y2: Float64Array.from(Y), fx: FX, fy: FY, curve: 'step-after', fill: seriesColor(0), fillOpacity: 0.85 }),
    Plot.ruleY([0], { strokeOpacity: 0.5 }),
    theory.x.length ? Plot.line({ length: theory.x.length }, { x: theory.x, y: theory.y, fx: theory.fx, fy: theory.fy, stroke: seriesColor(1), strokeWidth: 1.5 }) : null,
    Plot.text(labels, { fx: 'fx', fy: 'fy', text: 'label', frameAnchor: 'top-left', lineAnchor: 'bottom', textAnchor: 'start', dy: -3 }),
    noted.length ? Plot.text(noted, { fx: 'fx', fy: 'fy', text: 'note', frameAnchor: 'top-right', lineAnchor: 'bottom', textAnchor: 'end', dy: -3, fillOpacity: 0.8 }) : null,
  ];
  if (!o.sharedX) marks.push(...panelTicks(ranges, fx, fy));
  const svg = renderPlot(
    o.base,
    {
      height: marginTopFor(legend) + d.marginTop + rows * o.panelHeight + d.marginBottom,
      marginTop: marginTopFor(legend) + d.marginTop, marginLeft: d.marginLeft, marginRight: d.marginRight, marginBottom: d.marginBottom,
      fx: { axis: null, padding: 0.12 },
      fy: { axis: null, padding: o.sharedX ? 0.28 : 0.42 },
      x: { type: 'linear', domain: xDomain, axis: o.sharedX ? 'bottom' : null, ticks: 3, ...xTicksFor(xDomain, o.xLabel), labelAnchor: 'right' },
      y: { type: 'linear', domain: [0, yTop * 1.15], ticks: 2, label: null, grid: true },
      marks,
    },
    notesOf(labels),
  );
  appendLegend(svg, o.base.document, legend, o.yLabel);
  return svg;
}

/**
 * Ticks for a shared x axis under a row of panels: at most three, none in the outer fifth of a
 * panel, where a label would run into the neighbouring panel's ("1.0−1.0" at every joint with
 * Plot's own ticks). On tiny or huge ranges the labels are multiples of a power of ten that the
 * axis label states once: "−2 0 2" under "∂J/∂a (×10⁻⁴)".
 */
export function xTicksFor([lo, hi]: [number, number], label: string): { ticks?: number[]; tickFormat?: (v: number) => string; label: string } {
  const m = Math.max(Math.abs(lo), Math.abs(hi));
  if (m === 0 || !(hi > lo)) return { label };
  const margin = 0.2 * (hi - lo);
  const inside = (count: number) => niceTicks(lo, hi, count).filter((v) => v >= lo + margin && v <= hi - margin);
  // The coarsest round step that leaves two ticks in the middle three fifths.
  let ticks = [4, 6, 8, 12].map(inside).find((t) => t.length >= 2) ?? inside(4);
  while (ticks.length > 3) {
    const keep = Math.max(0, ticks.indexOf(0)) % 2; // every other tick, keeping 0 where it is one
    ticks = ticks.filter((_, i) => i % 2 === keep);
  }
  const plain = m >= 1e-2 && m < 1e4;
  const largest = Math.max(...ticks.map(Math.abs));
  const k = plain ? 0 : Math.floor(Math.log10(largest > 0 ? largest : m));
  const unit = Number(`1e${k}`);
  const tickFormat = (v: number) => String(Number((v / unit).toPrecision(3))).replace('-', '−');
  return { ticks, tickFormat, label: plain ? label : `${label} (×${powerOfTen(k)})` };
}

function perFacet(values: ArrayLike<number>): Extent {
  const e = new Extent();
  e.addAll(values);
  return e;
}

function noteOf(b: Binned): string {
  const parts = [b.nonFinite ? `${b.nonFinite} not finite` : '', b.outside ? `${b.outside} outside` : ''];
  return parts.filter(Boolean).join(', ');
}

function notesOf(labels: { label: string; note: string }[]): string[] {
  const noted = labels.filter((l) => l.note);
  if (!noted.length) return [];
  const list = noted.slice(0, 6).map((l) => `${l.label}: ${l.note}`).join('; ');
  return [`Some values are not drawn (${list}${noted.length > 6 ? `; and ${noted.length - 6} more panels` : ''}).`];
}

/** Tick labels under each panel, for panels with their own x range; those near an edge lean inward. */
function panelTicks(ranges: [number, number][], fx: (i: number) => number, fy: (i: number) => number): Plot.Markish[] {
  const ticks = ranges.flatMap(([lo, hi], i) => niceTicks(lo, hi, 3).map((v) => ({ u: (v - lo) / (hi - lo), text: formatNumber(v, 2), fx: fx(i), fy: fy(i) })));
  const side = (u: number) => (u < 0.12 ? 'start' : u > 0.88 ? 'end' : 'middle');
  return (['start', 'middle', 'end'] as const).map((anchor) =>
    Plot.text(ticks.filter((t) => side(t.u) === anchor), { x: 'u', fx: 'fx', fy: 'fy', text: 'text', frameAnchor: 'bottom', lineAnchor: 'top', textAnchor: anchor, dy: 4, fontVariant: 'tabular-nums' }),
  );
}
