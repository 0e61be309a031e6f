/**
 * Reads drawn charts back from their markup, as a reader sees them: the y axis (tick labels and
 * grid lines), the numbers printed on bars, and the legend's entries.
 */
import { parseHTML } from 'linkedom';
import { VALUE_CLASS } from '../../components/plots/bar-chart.ts';
import { FONT_SIZE } from '../../components/plots/theme.ts';

const parse = (markup: string) => parseHTML(`<!doctype html><html><body>${markup}</body></html>`).document;

export type YAxis = { labels: { y: number; text: string }[]; grid: number[] };

const translateY = (el: Element): number => Number(/translate\([^,]+,([^)]+)\)/.exec(el.getAttribute('transform') ?? '')?.[1]);

/** The y axis of every chart in `markup` (an SVG or HTML holding several), in document order. */
export function yAxes(markup: string): YAxis[] {
  return [...parse(markup).querySelectorAll('svg')].map((svg) => {
    // Plot's left axis: labels anchored at their end, in tabular figures; grid: faint lines.
    const labels = [...svg.querySelectorAll('g[text-anchor="end"][font-variant="tabular-nums"] text')]
      .map((t) => ({ y: translateY(t), text: t.textContent ?? '' }));
    const grid = [...svg.querySelectorAll('g[stroke-opacity="0.1"] line')]
      .filter((l) => l.getAttribute('y1') === l.getAttribute('y2'))
      .map((l) => Number(l.getAttribute('y1')));
    return { labels, grid };
  });
}

/** The value labels of every bar chart in `markup`. */
export function valueLabels(markup: string): string[] {
  return [...parse(markup).querySelectorAll(`g.${VALUE_CLASS} text`)].map((t) => t.textContent ?? '');
}

/** Significant digits written in a label: "1.00" → 3, "0.0333" → 3, "1.67×10⁻⁴" → 3. */
export function significantDigits(label: string): number {
  const mantissa = label.split('×')[0].replace('−', '').replace('.', '');
  return mantissa.replace(/^0+/, '').length;
}

/** A run of a legend entry's text: how far above the baseline (px) and whether it is smaller. */
export type Run = { text: string; raise: number; smaller: boolean };

/** The legend's entries: whole text, and its runs as drawn (one run when there are no tspans). */
export function legendEntries(markup: string): { text: string; runs: Run[] }[] {
  const texts = [...parse(markup).querySelectorAll('g.nb-plot-legend text')].filter((t) => !t.textContent?.startsWith('↑'));
  return texts.map((t) => {
    const spans = [...t.querySelectorAll('tspan')];
    let raise = 0;
    const runs = spans.length
      ? spans.map((s) => {
          raise -= Number(s.getAttribute('dy') ?? 0);
          return { text: s.textContent ?? '', raise, smaller: Number(s.getAttribute('font-size') ?? FONT_SIZE) < FONT_SIZE };
        })
      : [{ text: t.textContent ?? '', raise: 0, smaller: false }];
    return { text: t.textContent ?? '', runs };
  });
}
