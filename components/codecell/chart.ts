/**
 * A cell's exported series as the site's line chart (components/plots), with the same numbers
 * in a table next to it (render.ts). Part of the renderer, so loaded only after a Run.
 * @module
 */
import type { SeriesData } from './protocol.ts';
import { focusableWhileScrolling } from '../runtime/scroll-focus.ts';

/**
 * Draws a series with the site's line chart (Observable Plot, loaded now: ~84 KB gzip, only for
 * cells that return a series). If that fails, the table is opened instead: the data is shown.
 * A reader's numbers are not a training run: a NaN among them does not end them, so the line is
 * broken there and drawn on after it (`gaps`), and the description says which values are not
 * finite and where.
 */
export async function drawChart(figure: HTMLElement, data: SeriesData, fallback: HTMLDetailsElement): Promise<void> {
  try {
    const { lineChart } = await import('../plots/line-chart.ts');
    const x = (n: number) => data.x ?? Array.from({ length: n }, (_, i) => i);
    const names = data.series.map((s) => s.name).join(', ');
    const points = Math.max(...data.series.map((s) => s.y.length));
    const omitted = data.omitted > 0 ? ` ${data.omitted} further points were left out.` : '';
    const svg = lineChart(data.series.map((s) => ({ name: s.name, x: x(s.y.length), y: s.y })), {
      ariaLabel: `Chart of the value the cell exported: ${names}`,
      ariaDescription: `${data.series.length} series of up to ${points} points, ${data.yLabel ?? 'value'} against ${data.xLabel ?? 'index'}. The same numbers are in the table below.${omitted}`,
      xLabel: data.xLabel ?? 'index',
      yLabel: data.yLabel ?? 'value',
      gaps: true,
      wholeX: !data.x, // indices
    });
    // On a narrow screen the chart keeps a legible size and scrolls sideways (plots.css), so
    // keyboard users must be able to focus it then; the name tells them what they are on.
    figure.tabIndex = 0;
    figure.setAttribute('aria-label', svg.getAttribute('aria-label')!);
    figure.append(svg);
    focusableWhileScrolling(figure);
  } catch {
    figure.remove();
    fallback.open = true;
  }
}
