/**
 * Lines for several series, each with an optional band (min–max or a quantile range over seeds,
 * see summarize.ts): e.g. the training loss of each initializer, median over seeds with the
 * spread around it. Series that diverge are cut and marked; with `gaps`, series that are not
 * training runs are broken at their non-finite values instead, and drawn on after them.
 */
import * as Plot from '@observablehq/plot';
import { domainOf } from './finite.ts';
import { cutMarks, extents, gapMarks, prepareGapped, prepareSeries, type Gapped, type Series } from './series.ts';
import { seriesColor, seriesDash } from './theme.ts';
import { renderXY, xyOptions, type XYOptions } from './xy.ts';

export type { Series } from './series.ts';

/** Axis labels, log y, legend and the word at a cut (see {@link XYOptions}; defaults below). */
export type LineChartOptions = XYOptions & {
  /**
   * Break each line where a value is not finite and draw on after it, marking every such value
   * (for numbers that are not a training run, e.g. a code cell's), rather than end it there as
   * a diverged run ends. The x axis then spans every x given.
   */
  gaps?: boolean;
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

/** Several series as lines (with bands), in one SVG; see {@link LineChartOptions}. */
export function lineChart(data: Series[], options: LineChartOptions): SVGSVGElement {
  if (!Array.isArray(data)) throw new TypeError('lineChart: data must be an array of series { name, x, y, lo?, hi? }');
  const o = xyOptions('lineChart', options, lineChartDefaults, data.length);
  const d = lineChartDefaults;
  const gapped = options.gaps === true;
  const series = data.map((s, i) => (gapped ? prepareGapped : prepareSeries)('lineChart', s, i, o.logY));
  const ext = extents(series);
  if (gapped) for (const s of series as Gapped[]) ext.x.addAll(s.gaps);
  const xDomain = domainOf(ext.x);
  const yDomain = domainOf(ext.y, o.logY);
  const legend = series.map((s, i) => ({ name: s.x.length ? s.name : `${s.name} (not drawn)`, color: seriesColor(i), dash: seriesDash(i), kind: 'line' as const }));
  const marks: Plot.Markish[] = [];
  series.forEach((s, i) => {
    if (s.lo.length) {
      marks.push(Plot.areaY({ length: s.lo.length }, { x: s.x.slice(0, s.lo.length), y1: s.lo, y2: s.hi, fill: seriesColor(i), fillOpacity: d.bandOpacity }));
    }
  });
  series.forEach((s, i) => {
    if (gapped) marks.push(...pieces(s as Gapped, i));
    else if (s.x.length > 1) {
      marks.push(Plot.line({ length: s.x.length }, { x: s.x, y: s.y, stroke: seriesColor(i), strokeWidth: d.strokeWidth, strokeDasharray: seriesDash(i) }));
    } else if (s.x.length === 1) {
      marks.push(Plot.dot({ length: 1 }, { x: s.x, y: s.y, fill: seriesColor(i), r: 3 })); // a line of one point draws nothing
    }
  });
  marks.push(...(gapped ? gapMarks(series as Gapped[], seriesColor, xDomain) : cutMarks(series, seriesColor, xDomain, o.cutLabel)));
  return renderXY({
    o, legend, margins: { marginLeft: d.marginLeft, marginRight: d.marginRight }, x: xDomain, y: yDomain, marks,
    notes: series.flatMap((s) => (s.note ? [s.note] : [])),
  });
}

/**
 * A gapped series: its pieces of two or more points as lines (one path per piece, by `z`), its
 * pieces of one point as dots (a line of one point draws nothing).
 */
function pieces(s: Gapped, i: number): Plot.Markish[] {
  const d = lineChartDefaults;
  const alone = (j: number) => s.piece[j - 1] !== s.piece[j] && s.piece[j + 1] !== s.piece[j];
  const lone: number[] = [];
  const joined: number[] = [];
  for (let j = 0; j < s.x.length; j++) (alone(j) ? lone : joined).push(j);
  const pick = (from: ArrayLike<number>, at: number[]) => Float64Array.from(at, (j) => from[j]);
  const marks: Plot.Markish[] = [];
  if (joined.length) {
    marks.push(Plot.line({ length: joined.length }, {
      x: pick(s.x, joined), y: pick(s.y, joined), z: pick(s.piece, joined),
      stroke: seriesColor(i), strokeWidth: d.strokeWidth, strokeDasharray: seriesDash(i),
    }));
  }
  if (lone.length) marks.push(Plot.dot({ length: lone.length }, { x: pick(s.x, lone), y: pick(s.y, lone), fill: seriesColor(i), r: 3 }));
  return marks;
}
