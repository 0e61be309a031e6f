/**
 * Build-time rendering (Astro runs in Node): the drawing document of svg-document.ts — the same
 * one the experiment worker draws in, so a figure prerendered in the page and the one a redraw
 * puts in its place are the same markup — and the SVG markup of a plot for embedding.
 */
import type { BaseOptions } from './base.ts';
import { svgMarkup } from './markup.ts';
import { createSvgDocument } from './svg-document.ts';

let shared: Document | null = null;

/** One drawing document, created on first use and reused. */
export function serverDocument(): Document {
  shared ??= createSvgDocument();
  return shared;
}

/**
 * The SVG markup of `fn(data, options)`, numbers rounded to 2 decimals, rendered in
 * `options.document` or else the shared server document. Example (Astro frontmatter):
 * `const svg = renderSvgString(lineChart, series, { ariaLabel, ariaDescription });` then
 * `<div data-plot set:html={svg} />`.
 */
export function renderSvgString<D, O extends BaseOptions>(fn: (data: D, options: O) => Element, data: D, options: O): string {
  const document = options.document ?? serverDocument();
  return svgMarkup(fn(data, { ...options, document }));
}
