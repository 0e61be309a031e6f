/**
 * What every plot function promises (issue 4, item 1): an SVG named and described as one image,
 * no inline <style> (CSP), no aria-label on inner groups (axe, observablehq/plot#944), a
 * viewBox that scales down, deterministic markup, checked options, escaped text.
 */
import { describe, expect, it } from 'vitest';
import { barChart, heatmapWithPoints, histogramGrid, lineChart, pointsChart, svgMarkup } from '../../../components/plots/index.ts';
import { renderSvgString } from '../../../components/plots/server.ts';
import { A, barData, doc, heatmapData, histogramData, lineData, pointsData } from './fixtures.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyPlot = (data: any, options: any) => SVGSVGElement;
const PLOTS: [string, AnyPlot, () => unknown][] = [
  ['lineChart', lineChart, lineData],
  ['histogramGrid', histogramGrid, () => histogramData()],
  ['heatmapWithPoints', heatmapWithPoints, () => heatmapData()],
  ['pointsChart', pointsChart, pointsData],
  ['barChart', barChart, barData],
];

describe.each(PLOTS)('%s', (name, plot, data) => {
  const svg = plot(data(), { ...A, document: doc() });

  it('is one SVG image with the given name and description', () => {
    expect(svg.tagName.toLowerCase()).toBe('svg');
    expect(svg.getAttribute('class')).toBe('nb-plot');
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe(A.ariaLabel);
    expect(svg.getAttribute('aria-description')?.startsWith(A.ariaDescription)).toBe(true);
  });

  it('has no <style> element and no aria-label or aria-description inside', () => {
    expect(svg.querySelectorAll('style').length).toBe(0);
    expect(svg.outerHTML).not.toMatch(/<style/i);
    expect(svg.querySelectorAll('[aria-label]').length).toBe(0);
    expect(svg.querySelectorAll('[aria-description]').length).toBe(0);
  });

  it('is 640 wide by default, scales down by viewBox, and takes a width', () => {
    expect(svg.getAttribute('width')).toBe('640');
    expect(svg.getAttribute('viewBox')).toBe(`0 0 640 ${svg.getAttribute('height')}`);
    expect(svg.getAttribute('style')).toBe('max-width:100%;height:auto');
    const narrow = plot(data(), { ...A, width: 320, document: doc() });
    expect(narrow.getAttribute('viewBox')).toMatch(/^0 0 320 \d+(\.\d+)?$/);
  });

  it('renders the same markup every time (no random ids)', () => {
    const again = plot(data(), { ...A, document: doc() });
    expect(again.outerHTML).toBe(svg.outerHTML);
    expect(svg.outerHTML).not.toMatch(/\bid="/);
  });

  it('renders at build time to the same markup, numbers rounded', () => {
    const markup = renderSvgString(plot, data(), A);
    expect(markup).toBe(svgMarkup(svg));
    expect(markup).not.toMatch(/="[^"]*\d\.\d{3,}[^"]*"/);
  });

  it.each([
    ['ariaLabel', { ariaDescription: 'd' }],
    ['ariaLabel', { ariaLabel: '  ', ariaDescription: 'd' }],
    ['ariaDescription', { ariaLabel: 'l' }],
    ['ariaDescription', { ariaLabel: 'l', ariaDescription: 3 }],
  ])('refuses options without %s', (key, options) => {
    expect(() => plot(data(), { ...options, document: doc() })).toThrow(new RegExp(`${name}: options.${key} is required`));
  });

  it('asks for a document outside the browser', () => {
    expect(() => plot(data(), A)).toThrow(/no document/);
  });
});

describe('text from data', () => {
  it('is escaped, never markup', () => {
    const evil = '<script>alert("x")</script>&';
    const markup = [
      renderSvgString(lineChart, [{ name: evil, x: [0, 1], y: [0, 1] }, { name: 'b', x: [0], y: [1] }], { ...A, yLabel: evil }),
      renderSvgString(barChart, [{ label: evil, value: 1 }], A),
      renderSvgString(histogramGrid, [{ label: evil, values: [1, 2] }], A),
      renderSvgString(lineChart, [], { ariaLabel: evil, ariaDescription: `"${evil}` }),
    ].join('');
    expect(markup).not.toMatch(/<script/i);
    expect(markup).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;');
    expect(markup).toContain('aria-label="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;"');
  });
});
