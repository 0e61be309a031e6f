/**
 * Bars, one per category, with optional error bars: e.g. final test accuracy per initializer,
 * median over seeds with the min–max range. A category whose value is not finite gets no bar
 * but the word "diverged" on the baseline.
 */
import * as Plot from '@observablehq/plot';
import { baseOptions, renderPlot, type BaseOptions } from './base.ts';
import { Extent, formatNumber, formatSignificant, plottable } from './finite.ts';
import { seriesColor } from './theme.ts';

/** One bar; `lo`/`hi` (optional) draw an error bar. */
export type Bar = { label: string; value: number; lo?: number; hi?: number };

export type BarChartOptions = BaseOptions & {
  xLabel?: string;
  yLabel?: string;
  /** Fixed y range (e.g. [0, 1] for accuracy); values are clamped into it. */
  yDomain?: [number, number];
  /** Print each value above its bar (default true). */
  valueLabels?: boolean;
  cutLabel?: string;
};

/** The class of the group of value labels (a hook for tests and page styles). */
export const VALUE_CLASS = 'nb-plot-values';

export const barChartDefaults = { width: 640, height: 300, xLabel: '', yLabel: 'value', valueLabels: true, cutLabel: 'diverged', marginLeft: 56 };

function normalize(options: BarChartOptions) {
  const d = barChartDefaults;
  const text = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);
  const dom = options.yDomain;
  const validDomain = Array.isArray(dom) && dom.length === 2 && plottable(dom[0]) && plottable(dom[1]) && dom[0] < dom[1];
  return {
    base: baseOptions('barChart', options, d),
    xLabel: text(options.xLabel, d.xLabel),
    yLabel: text(options.yLabel, d.yLabel),
    yDomain: validDomain ? ([dom[0], dom[1]] as [number, number]) : null,
    valueLabels: options.valueLabels !== false,
    cutLabel: text(options.cutLabel, d.cutLabel),
  };
}

/** Labels made unique (a repeated label would merge two bars on the band scale). */
function uniqueLabels(bars: Bar[]): string[] {
  const seen = new Map<string, number>();
  return bars.map((b, i) => {
    const base = String(b?.label ?? `bar ${i + 1}`);
    const k = (seen.get(base) ?? 0) + 1;
    seen.set(base, k);
    return k === 1 ? base : `${base} (${k})`;
  });
}

/** One bar per category, in the given order; see {@link BarChartOptions}. */
export function barChart(data: Bar[], options: BarChartOptions): SVGSVGElement {
  if (!Array.isArray(data)) throw new TypeError('barChart: data must be an array of { label, value, lo?, hi? }');
  const o = normalize(options);
  const labels = uniqueLabels(data);
  const ext = new Extent();
  ext.add(0);
  const rows = data.map((b, i) => {
    const value = +b.value;
    const ok = plottable(value);
    const range = ok && plottable(+(b.lo ?? NaN)) && plottable(+(b.hi ?? NaN)) ? [+b.lo!, +b.hi!] : null;
    if (ok) ext.add(value);
    if (range) ext.add(range[0]), ext.add(range[1]);
    return { label: labels[i], value, ok, range, color: seriesColor(i) };
  });
  const [y0, y1] = o.yDomain ?? [ext.min, ext.max > ext.min ? ext.max : ext.min + 1];
  const clamp = (v: number) => Math.min(y1, Math.max(y0, v));
  const good = rows.filter((r) => r.ok);
  const ranged = good.filter((r) => r.range);
  const bad = rows.filter((r) => !r.ok);
  const top = (r: (typeof rows)[number]) => clamp(Math.max(r.value, r.range?.[1] ?? -Infinity));
  const marks: Plot.Markish[] = [
    Plot.barY(good, { x: 'label', y1: clamp(Math.max(0, y0)), y2: (r) => clamp(r.value), fill: 'color', insetLeft: 4, insetRight: 4 }),
    Plot.ruleX(ranged, { x: 'label', y1: (r) => clamp(r.range![0]), y2: (r) => clamp(r.range![1]), strokeWidth: 1.5 }),
    Plot.tickY(ranged, { x: 'label', y: (r) => clamp(r.range![0]), inset: 18 }),
    Plot.tickY(ranged, { x: 'label', y: (r) => clamp(r.range![1]), inset: 18 }),
    Plot.text(bad, { x: 'label', y: clamp(Math.max(0, y0)), text: () => o.cutLabel, dy: -8 }),
  ];
  // Every label to three significant digits, trailing zeros kept: "1.00" beside "0.992", not "1".
  if (o.valueLabels) marks.push(Plot.text(good, { x: 'label', y: top, text: (r) => formatSignificant(r.value), dy: -8, className: VALUE_CLASS }));
  return renderPlot(
    o.base,
    {
      marginTop: 30,
      marginLeft: barChartDefaults.marginLeft,
      x: { type: 'band', domain: labels, label: o.xLabel || null, padding: 0.2 },
      y: { type: 'linear', domain: [y0, y1], nice: !o.yDomain, label: o.yLabel, grid: true },
      color: { type: 'identity' },
      marks,
    },
    bad.map((r) => `${r.label} has no bar: its value is ${formatNumber(r.value)} (${o.cutLabel}).`),
  );
}
