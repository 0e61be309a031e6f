/**
 * What the x–y charts (lineChart, pointsChart) share: their options, normalised once, and the
 * frame — a legend above, linear x, linear or log y with a grid — around the marks each draws.
 */
import * as Plot from '@observablehq/plot';
import { baseOptions, renderPlot, type Base, type BaseOptions } from './base.ts';
import { niceTicks } from './finite.ts';
import { appendLegend, FRAME_GAP, layoutLegend, marginTopFor, type LegendEntry } from './legend.ts';
import { logDomain, logTickFormat, logTicks } from './log-ticks.ts';

/** Options of the x–y charts (lines, points). */
export type XYOptions = BaseOptions & {
  xLabel?: string;
  yLabel?: string;
  /** Log scale on y; values ≤ 0 cut the series there. */
  logY?: boolean;
  /** Legend above the frame; by default when there is more than one series. */
  legend?: boolean;
  /** The word next to the × where a series stops. */
  cutLabel?: string;
  /** x takes whole values only (layers, epochs): ticks at whole numbers, written without decimals. */
  wholeX?: boolean;
};

type XYDefaults = { width: number; height: number; xLabel: string; yLabel: string; cutLabel: string };

/** Checks and normalises an x–y chart's options against its defaults; `count`: series in the legend. */
export function xyOptions(plot: string, options: XYOptions, d: XYDefaults, count: number) {
  const text = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);
  const base: Base = baseOptions(plot, options, d);
  return {
    base,
    xLabel: text(options.xLabel, d.xLabel),
    yLabel: text(options.yLabel, d.yLabel),
    logY: options.logY === true,
    legend: typeof options.legend === 'boolean' ? options.legend : count > 1,
    cutLabel: text(options.cutLabel, d.cutLabel),
    wholeX: options.wholeX === true,
  };
}

/** Whole-number ticks over `domain`, about one per 80 px as Plot places them. */
function wholeTicks([lo, hi]: [number, number], width: number): Plot.ScaleOptions {
  const ticks = niceTicks(lo, hi, Math.max(2, Math.round(width / 80))).filter(Number.isInteger);
  return { ticks, tickFormat: (v: number) => String(v).replace('-', '−') };
}

/** Room under the frame for the x axis and its label (Plot's default with an x axis). */
const MARGIN_BOTTOM = 30;

/**
 * A log y axis over `pixels`: the domain widened to powers of ten, every tick labelled in one
 * notation (log-ticks.ts). The labels are an explicit axis mark with a `text` channel, since
 * Plot hands a log scale's tick format to d3, which blanks all but the ticks it would label.
 */
function logAxis(domain: [number, number], pixels: number): { scale: Plot.ScaleOptions; axis: Plot.Markish } {
  const d = logDomain(domain);
  const ticks = logTicks(d, pixels);
  const format = logTickFormat(ticks);
  return { scale: { domain: d, nice: false, ticks }, axis: Plot.axisY(ticks, { text: (v: number) => format(v), label: null }) };
}

export type XY = ReturnType<typeof xyOptions>;

type Frame = {
  o: XY;
  /** Legend entries (drawn when the options ask for a legend) and the horizontal margins. */
  legend: LegendEntry[];
  margins: { marginLeft: number; marginRight: number };
  x: [number, number];
  y: [number, number];
  /** Extra x and y scale options (nice, inset). */
  scales?: { x?: Plot.ScaleOptions; y?: Plot.ScaleOptions };
  marks: Plot.Markish[];
  /** Sentences for the description (series cut and why). */
  notes: string[];
};

/** Renders an x–y chart: marks in a frame under the legend, y labelled above the legend's top. */
export function renderXY({ o, legend, margins, x, y, scales = {}, marks, notes }: Frame): SVGSVGElement {
  const layout = layoutLegend(o.legend ? legend : [], margins.marginLeft, o.base.width - margins.marginRight);
  const log = o.logY ? logAxis(y, o.base.height - FRAME_GAP - MARGIN_BOTTOM - 2 * (scales.y?.inset ?? 0)) : null;
  const svg = renderPlot(
    o.base,
    {
      ...margins,
      marginTop: marginTopFor(layout),
      marginBottom: MARGIN_BOTTOM,
      height: o.base.height + layout.height,
      x: { type: 'linear', domain: x, label: o.xLabel, labelAnchor: 'right', ...(o.wholeX ? wholeTicks(x, o.base.width) : {}), ...scales.x },
      y: { type: o.logY ? 'log' : 'linear', domain: y, nice: true, label: null, grid: true, ...log?.scale, ...scales.y },
      marks: log ? [log.axis, ...marks] : marks,
    },
    notes,
  );
  appendLegend(svg, o.base.document, layout, o.yLabel);
  return svg;
}
