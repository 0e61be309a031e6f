/**
 * Hollow marks for the held-out test points, laid over a heatmapWithPoints figure (which draws
 * the training points filled): same colours and shapes per class — circle for class 0, square
 * for class 1 — outlined only, placed with the figure's own x and y scales.
 */
import { svgEl } from '../../plots/base.ts';
import { CLASS_COLORS } from '../../plots/theme.ts';
import type { Points } from '../../experiments/decision-boundary.ts';

type Scale = { apply(v: number): number };

/** Side of a square whose area matches a circle of radius 3.5 (the filled points' size). */
const R = 3.5;
const SIDE = R * Math.sqrt(Math.PI);
const round = (v: number) => Math.round(v * 100) / 100;

/** Appends one `<g>` of outlined marks to `svg`; points that do not map to finite pixels are skipped. */
export function appendTestPoints(svg: SVGSVGElement, doc: Document, points: Points): number {
  const scales = svg as unknown as { scale(name: string): Scale | undefined };
  const [sx, sy] = [scales.scale('x'), scales.scale('y')];
  if (!sx || !sy) return 0;
  const g = svgEl(doc, 'g', { class: 'decision-boundary-test', 'aria-hidden': 'true', fill: 'none', 'stroke-width': 1.6 });
  let drawn = 0;
  for (let k = 0; k < points.x.length; k++) {
    const [px, py, c] = [sx.apply(points.x[k]), sy.apply(points.y[k]), points.label[k]];
    if (!Number.isFinite(px) || !Number.isFinite(py) || (c !== 0 && c !== 1)) continue;
    const stroke = CLASS_COLORS[c];
    g.append(c === 0
      ? svgEl(doc, 'circle', { cx: round(px), cy: round(py), r: R, stroke })
      : svgEl(doc, 'rect', { x: round(px - SIDE / 2), y: round(py - SIDE / 2), width: round(SIDE), height: round(SIDE), stroke }));
    drawn++;
  }
  svg.append(g);
  return drawn;
}
