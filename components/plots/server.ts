/**
 * Build-time rendering (Astro runs in Node): a server-side document from linkedom, and the SVG
 * markup of a plot for embedding in the page. Import this file only from build-time code
 * (Astro frontmatter, tests, benchmarks), so linkedom never reaches the browser bundle.
 */
import { parseHTML } from 'linkedom';
import type { BaseOptions } from './base.ts';
import { svgMarkup } from './markup.ts';

let shared: Document | null = null;

/** One linkedom document, created on first use and reused (creating one costs ~1 ms). */
export function serverDocument(): Document {
  shared ??= parseHTML('<!doctype html><html><head></head><body></body></html>').document as unknown as Document;
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
