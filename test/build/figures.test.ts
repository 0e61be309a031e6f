/**
 * Every figure the build prerendered, on every page in dist/: y-axis ticks all labelled (so no
 * grid line stands at an unlabelled tick) in one notation per axis, bar values printed to the
 * same number of significant digits, and legend text with no ASCII exponent (^).
 */
import { describe, expect, it } from 'vitest';
import { pages, parsePage } from '../helpers/dist.ts';
import { legendEntries, significantDigits, valueLabels, yAxes } from '../helpers/read-svg.ts';

const FIGURES = pages().flatMap((page) =>
  [...parsePage(page.file).querySelectorAll('svg.nb-plot')].map((svg, i) => ({
    name: `${page.path} figure ${i + 1} (${svg.getAttribute('aria-label')})`,
    markup: svg.outerHTML,
  })),
);

/** A label's notation: a power of ten (10⁻⁷, 2×10⁻⁷), e-notation (1e-7) or a plain number. */
const notation = (label: string) => (/10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(label) ? 'power' : /\de[-−+]?\d/i.test(label) ? 'e' : 'plain');

describe('figures in dist/', () => {
  it('are found on the pages', () => {
    expect(FIGURES.length).toBeGreaterThan(0);
  });

  it.each(FIGURES)('$name: every y tick labelled, in one notation', ({ markup }) => {
    const [axis] = yAxes(markup);
    expect(axis.labels.filter((l) => l.text.trim() === '')).toEqual([]);
    const notations = new Set(axis.labels.map((l) => notation(l.text)));
    expect(notations.has('e')).toBe(false);
    expect(notations.size).toBeLessThanOrEqual(1);
  });

  it.each(FIGURES)('$name: bar values to one number of significant digits, legend without ^', ({ markup }) => {
    const digits = new Set(valueLabels(markup).filter((l) => l !== '0').map(significantDigits));
    expect(digits.size).toBeLessThanOrEqual(1);
    for (const entry of legendEntries(markup)) expect(entry.text).not.toContain('^');
  });
});
