/**
 * Lines for several series, each with an optional band (min–max or a quantile range over seeds,
 * see summarize.ts): e.g. the training loss of each initializer, median over seeds with the
 * spread around it. Series that diverge are cut and marked.
 */
import * as Plot from '@observablehq/plot';
import { baseOptions, renderPlot, type BaseOptions } from './base.ts';
import { domainOf } from './finite.ts';
import { appendLegend, layoutLegend, marginTopFor } from './legend.ts';
import { cutMarks, extents, prepareSeries, type Series } from './series.ts';
import { LOG_FORMAT, seriesColor, seriesDash } from './theme.ts';

export type { Series } from './series.ts';

export type LineChartOptions = BaseOptions & {
  xLabel?: string;
  yLabel?: string;
  /** Log scale on y (for losses spanning decades); values ≤ 0 cut the series there. */
  logY?: boolean;
  /** Legend above the frame; by default when there is more than one series. */
  legend?: boolean;
  /** The word next to the × where a series stops (default "diverged"). */
  cutLabel?: string;
};

export const lineChartDefaults = {
  width: 640,
  height: 320,
  xLabel: 'step',
  yLabel: 'value',
  logY: false,
  cutLabel: 'diverged',
  bandOpacity: 0.18,
  strokeWidth: 1.75,
  marginLeft: 56,
  marginRight: 24,
};

function normalize(options: LineChartOptions, count: number) {
  const d = lineChartDefaults;
  const text = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);
  return {
    base: baseOptions('lineChart', options, d),
    xLabel: text(options.xLabel, d.xLabel),
    yLabel: text(options.yLabel, d.yLabel),
    logY: options.logY === true,
    legend: typeof options.legend === 'boolean' ? options.legend : count > 1,
    cutLabel: text(options.cutLabel, d.cutLabel),
  };
}

/** Several series as lines (with bands), in one SVG; see {@link LineChartOptions}. */
export function lineChart(data: Series[], options: LineChartOptions): SVGSVGElement {
  if (!Array.isArray(data)) throw new TypeError('lineChart: data must be an array of series { name, x, y, lo?, hi? }');
  const o = normalize(options, data.length);
  const d = lineChartDefaults;
  const series = data.map((s, i) => prepareSeries('lineChart', s, i, o.logY));
  const ext = extents(series);
  const xDomain = domainOf(ext.x);
  const yDomain = domainOf(ext.y, o.logY);
  const legend = layoutLegend(
    o.legend ? series.map((s, i) => ({ name: s.x.length ? s.name : `${s.name} (not drawn)`, color: seriesColor(i), dash: seriesDash(i), kind: 'line' as const })) : [],
    d.marginLeft,
    o.base.width - d.marginRight,
  );
  const marks: Plot.Markish[] = [];
  series.forEach((s, i) => {
    if (s.lo.length) {
      marks.push(Plot.areaY({ length: s.lo.length }, { x: s.x.slice(0, s.lo.length), y1: s.lo, y2: s.hi, fill: seriesColor(i), fillOpacity: d.bandOpacity }));
    }
  });
  series.forEach((s, i) => {
    if (s.x.length > 1) {
      marks.push(Plot.line({ length: s.x.length }, { x: s.x, y: s.y, stroke: seriesColor(i), strokeWidth: d.strokeWidth, strokeDasharray: seriesDash(i) }));
    } else if (s.x.length === 1) {
      marks.push(Plot.dot({ length: 1 }, { x: s.x, y: s.y, fill: seriesColor(i), r: 3 })); // a line of one point draws nothing
    }
  });
  marks.push(...cutMarks(series, seriesColor, xDomain, o.cutLabel));
  const svg = renderPlot(
    o.base,
    {
      marginTop: marginTopFor(legend),
      marginLeft: d.marginLeft,
      marginRight: d.marginRight,
      height: o.base.height + legend.height,
      x: { type: 'linear', domain: xDomain, label: o.xLabel, labelAnchor: 'right' },
      y: { type: o.logY ? 'log' : 'linear', domain: yDomain, nice: true, label: null, grid: true, tickFormat: o.logY ? LOG_FORMAT : undefined },
      marks,
    },
    series.flatMap((s) => (s.note ? [s.note] : [])),
  );
  appendLegend(svg, o.base.document, legend, o.yLabel);
  return svg;
}
