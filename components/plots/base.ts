/**
 * What every plot shares: the options it must be given (an accessible name and description),
 * normalised once at the boundary, and the finishing of Plot's output into a self-contained,
 * CSP-safe, accessible SVG.
 */
import * as Plot from '@observablehq/plot';
import { CLASS_NAME } from './theme.ts';

/** Options every plot takes. `ariaLabel` and `ariaDescription` are required. */
export type BaseOptions = {
  /** Short title, read as the figure's accessible name. */
  ariaLabel: string;
  /** What the figure shows and what to notice; notes on cut or dropped data are appended. */
  ariaDescription: string;
  /** Width in px (viewBox units); the SVG scales down to its container. */
  width?: number;
  height?: number;
  /** The document to build in: the page's in the browser, the drawing document (svg-document.ts) elsewhere. */
  document?: Document;
};

export type Base = { ariaLabel: string; ariaDescription: string; width: number; height: number; document: Document };

const clamp = (v: unknown, lo: number, hi: number, fallback: number): number =>
  typeof v === 'number' && Number.isFinite(v) ? Math.min(hi, Math.max(lo, Math.round(v))) : fallback;

/** Checks and normalises the shared options; errors name the plot and the option. */
export function baseOptions(plot: string, o: BaseOptions, defaults: { width: number; height: number }): Base {
  if (o === null || typeof o !== 'object') throw new TypeError(`${plot}: options must be an object with ariaLabel and ariaDescription`);
  for (const key of ['ariaLabel', 'ariaDescription'] as const) {
    if (typeof o[key] !== 'string' || o[key].trim() === '') {
      throw new TypeError(`${plot}: options.${key} is required — a non-empty string (${key === 'ariaLabel' ? 'the figure’s title' : 'what it shows and what to notice'})`);
    }
  }
  const document = o.document ?? (globalThis as { document?: Document }).document;
  if (!document) throw new TypeError(`${plot}: no document — outside a browser pass options.document (createSvgDocument() from svg-document.ts)`);
  return {
    ariaLabel: o.ariaLabel.trim(),
    ariaDescription: o.ariaDescription.trim(),
    width: clamp(o.width, 240, 2400, defaults.width),
    height: clamp(o.height, 120, 4000, defaults.height),
    document,
  };
}

/**
 * Renders with Plot and finishes the SVG:
 * - Plot's `<style>` element is removed (the site's CSP refuses inline style elements); the same
 *   rules ship in plots.css under the fixed class name.
 * - The SVG is one image (`role="img"`) named and described; Plot's `aria-label`s on `<g>`
 *   elements, which axe flags as prohibited on role-less groups (observablehq/plot#944), are
 *   removed, so the internals stay out of the accessibility tree.
 * - Inline `max-width:100%;height:auto` (style attributes are allowed by the CSP) so the figure
 *   scales down even where plots.css is missing, e.g. an exported file.
 */
export function renderPlot(base: Base, options: Plot.PlotOptions, notes: string[] = []): SVGSVGElement {
  const node = Plot.plot({
    ...options,
    document: base.document,
    className: CLASS_NAME,
    width: base.width,
    height: options.height ?? base.height,
  }) as Element;
  if (node.tagName.toLowerCase() !== 'svg') throw new Error('plots: Plot returned a figure; legends are drawn inside the SVG (legend.ts)');
  const svg = node as SVGSVGElement;
  for (const style of Array.from(svg.querySelectorAll('style'))) style.remove();
  for (const el of Array.from(svg.querySelectorAll('[aria-label],[aria-description]'))) {
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-description');
  }
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', base.ariaLabel);
  svg.setAttribute('aria-description', [base.ariaDescription, ...notes].join(' '));
  svg.setAttribute('style', 'max-width:100%;height:auto');
  return svg;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes (numbers are written as given; callers pass finite ones). */
export function svgEl(doc: Document, tag: string, attrs: Record<string, string | number | undefined>, text?: string): SVGElement {
  const el = doc.createElementNS(SVG_NS, tag) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}
