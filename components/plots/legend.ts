/**
 * A legend drawn inside the SVG, above the frame. Plot's own colour legend is HTML beside the
 * SVG (it turns the output into a `<figure>` and brings another `<style>`), would be lost on SVG
 * export, and shows colour only; this one also shows each series' dash or symbol.
 */
import { svgEl } from './base.ts';
import { labelText, labelWidth } from './label-text.ts';
import { FONT_SIZE } from './theme.ts';

export type LegendEntry = {
  /** The entry's text; `^{…}` marks an exponent, drawn raised and smaller (label-text.ts). */
  name: string;
  color: string;
  kind: 'line' | 'point' | 'bar';
  dash?: string;
  /** For points: 'circle', 'square', 'triangle' or 'diamond' (others draw as a circle). */
  symbol?: string;
};

export type LegendLayout = { entries: LegendEntry[]; at: { x: number; y: number }[]; height: number };

const SWATCH = 18;
const GAP = 5;
const SPACING = 14;
const ROW = 15;
const TOP = 4;

/** Places entries left to right from `left`, wrapping before `right`; `height` is the band it needs. */
export function layoutLegend(entries: LegendEntry[], left: number, right: number): LegendLayout {
  const at: { x: number; y: number }[] = [];
  let x = left;
  let y = TOP + ROW / 2;
  for (const e of entries) {
    const w = SWATCH + GAP + labelWidth(e.name);
    if (x > left && x + w > right) {
      x = left;
      y += ROW;
    }
    at.push({ x, y });
    x += w + SPACING;
  }
  return { entries, at, height: entries.length ? y + ROW / 2 + TOP : 0 };
}

function swatch(doc: Document, e: LegendEntry, x: number, y: number): SVGElement {
  const cx = x + SWATCH / 2;
  if (e.kind === 'line') {
    return svgEl(doc, 'line', { x1: x, x2: x + SWATCH, y1: y, y2: y, stroke: e.color, 'stroke-width': 2, 'stroke-dasharray': e.dash });
  }
  if (e.kind === 'bar') return svgEl(doc, 'rect', { x: cx - 5, y: y - 5, width: 10, height: 10, fill: e.color });
  const r = 4;
  const paths: Record<string, string> = {
    square: `M${cx - r},${y - r}h${2 * r}v${2 * r}h${-2 * r}Z`,
    triangle: `M${cx},${y - r - 1}L${cx + r + 0.5},${y + r - 1}L${cx - r - 0.5},${y + r - 1}Z`,
    diamond: `M${cx},${y - r - 1}L${cx + r},${y}L${cx},${y + r + 1}L${cx - r},${y}Z`,
  };
  const d = e.symbol ? paths[e.symbol] : undefined;
  const paint = { fill: e.color, stroke: e.color, 'fill-opacity': 0.85 };
  return d ? svgEl(doc, 'path', { d, ...paint }) : svgEl(doc, 'circle', { cx, cy: y, r, ...paint });
}

/** Room between the legend and the frame: a line for the y label. */
export const FRAME_GAP = 24;

/** The top margin for a chart with this legend: the legend, then a line for the y label. */
export const marginTopFor = (layout: LegendLayout): number => layout.height + FRAME_GAP;

/**
 * Appends the laid-out legend to `svg` (text in currentColor, inherited from the SVG) and, below
 * it, the y-axis label as Plot writes it ("↑ label"); give Plot `y.label: null`, since Plot
 * pins its own label to the SVG's top edge, where the legend is.
 */
export function appendLegend(svg: SVGSVGElement, doc: Document, layout: LegendLayout, yLabel = ''): void {
  const g = svgEl(doc, 'g', { class: 'nb-plot-legend', 'aria-hidden': 'true', 'text-anchor': 'start', 'font-size': FONT_SIZE });
  if (yLabel) g.append(svgEl(doc, 'text', { x: 3, y: layout.height + 3, dy: '0.71em' }, `↑ ${yLabel}`));
  layout.entries.forEach((e, i) => {
    const { x, y } = layout.at[i];
    g.append(swatch(doc, e, x, y), labelText(doc, { x: x + SWATCH + GAP, y, dy: '0.32em' }, e.name));
  });
  svg.append(g);
}
