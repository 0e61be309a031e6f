/**
 * Reads a drawn chart's y axis back from its SVG, as a reader sees it: the tick labels (text and
 * height) and the heights of the horizontal grid lines.
 */
import { parseHTML } from 'linkedom';

export type YAxis = { labels: { y: number; text: string }[]; grid: number[] };

const translateY = (el: Element): number => Number(/translate\([^,]+,([^)]+)\)/.exec(el.getAttribute('transform') ?? '')?.[1]);

/** The y axis of every chart in `markup` (an SVG or HTML holding several), in document order. */
export function yAxes(markup: string): YAxis[] {
  const { document } = parseHTML(`<!doctype html><html><body>${markup}</body></html>`);
  return [...document.querySelectorAll('svg')].map((svg) => {
    // Plot's left axis: labels anchored at their end, in tabular figures; grid: faint lines.
    const labels = [...svg.querySelectorAll('g[text-anchor="end"][font-variant="tabular-nums"] text')]
      .map((t) => ({ y: translateY(t), text: t.textContent ?? '' }));
    const grid = [...svg.querySelectorAll('g[stroke-opacity="0.1"] line')]
      .filter((l) => l.getAttribute('y1') === l.getAttribute('y2'))
      .map((l) => Number(l.getAttribute('y1')));
    return { labels, grid };
  });
}
