/**
 * The decision-boundary field, made ready for Plot's contour mark: cleaned, clamped to the
 * colour domain, padded, and later clipped to its rectangle.
 */
import { Extent, domainOf, plottable } from './finite.ts';
import { svgEl } from './base.ts';

/**
 * Values on a regular grid over x × y: `values[j * nx + i]` is the value of the cell
 * i = 0…nx−1 (left to right) and j = 0…ny−1 (bottom to top).
 */
export type Grid = { x: [number, number]; y: [number, number]; nx: number; ny: number; values: ArrayLike<number> };

export type Field = {
  /**
   * (nx + 2) × (ny + 2) values: the grid with a one-cell ring copied from its edge. A plain
   * array: Plot maps channels with Array.from when given a typed array, which is several times
   * slower in V8 than Array.prototype.map (~15% of a redraw in a Chromium profile).
   */
  values: number[];
  width: number;
  height: number;
  /** The grid's rectangle, and the padded one the values span. */
  x: [number, number];
  y: [number, number];
  padX: [number, number];
  padY: [number, number];
  /** Colour domain. */
  lo: number;
  hi: number;
  /** Cells that were not finite (left blank). */
  blank: number;
};

/**
 * Non-finite cells become NaN, which d3-contour treats as below every threshold: a blank hole.
 * Others are clamped into the colour domain [lo, hi] (by default symmetric about the pivot and
 * just wide enough). The ring of padding moves the corners d3-contour's marching squares cut
 * off (half a cell, as it closes contours against "below" outside the grid) out of the grid's
 * rectangle, where clipField hides them.
 */
export function prepareField(g: Grid, pivot: number, domain: [number, number] | null): Field {
  const { nx, ny } = g;
  const x = domainOf(extentOf(g.x));
  const y = domainOf(extentOf(g.y));
  let blank = 0;
  let radius = 0;
  for (let k = 0; k < nx * ny; k++) {
    const v = g.values[k];
    if (plottable(v)) radius = Math.max(radius, Math.abs(v - pivot));
    else blank++;
  }
  const [lo, hi] = domain ?? (radius > 0 ? [pivot - radius, pivot + radius] : [pivot - 1, pivot + 1]);
  const [w, h] = [nx + 2, ny + 2];
  const values = new Array<number>(w * h);
  for (let j = 0; j < h; j++) {
    const sj = Math.min(ny - 1, Math.max(0, j - 1));
    for (let i = 0; i < w; i++) {
      const v = g.values[sj * nx + Math.min(nx - 1, Math.max(0, i - 1))];
      values[j * w + i] = plottable(v) ? Math.min(hi, Math.max(lo, v)) : NaN;
    }
  }
  const [dx, dy] = [(x[1] - x[0]) / nx, (y[1] - y[0]) / ny];
  return { values, width: w, height: h, x, y, padX: [x[0] - dx, x[1] + dx], padY: [y[0] - dy, y[1] + dy], lo, hi, blank };
}

function extentOf(pair: ArrayLike<number> | undefined): Extent {
  const e = new Extent();
  if (pair) e.addAll(pair);
  return e;
}

type Scale = { apply(v: number): number };

/**
 * Moves the `<g class=…>` groups of the field into a nested `<svg>` whose viewport is the grid's
 * rectangle: a nested SVG viewport clips its content with no clipPath, hence no id (Plot's
 * `clip` option numbers its ids from a global counter, which would break deterministic output
 * and could collide between figures on one page).
 */
export function clipField(svg: SVGSVGElement, doc: Document, className: string, field: Field): void {
  const scales = svg as unknown as { scale(name: string): Scale };
  const [x0, x1] = field.x.map((v) => scales.scale('x').apply(v));
  const [y0, y1] = field.y.map((v) => scales.scale('y').apply(v));
  const [left, top, width, height] = [Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0)];
  const groups = Array.from(svg.querySelectorAll(`g.${className}`));
  if (!groups.length || !(width > 0 && height > 0)) return;
  const view = `${left} ${top} ${width} ${height}`;
  const port = svgEl(doc, 'svg', { x: left, y: top, width, height, viewBox: view, overflow: 'hidden', 'aria-hidden': 'true' });
  groups[0].before(port);
  port.append(...groups);
}
