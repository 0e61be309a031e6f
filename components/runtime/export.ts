/**
 * Exports of a widget: the figure (SVG, PNG), the run (CSV of its table; JSON with the settings,
 * the seed and the engine version), a link to this state and this widget, and the MDX line that
 * reproduces it.
 */
import { ENGINE_VERSION } from '../../lib/version.ts';
import { toMdx } from './params.ts';
import { toText } from './params-check.ts';
import { sameValue } from './params-state.ts';
import type { Params, StateOf, WidgetSpec } from './params-types.ts';
import type { View } from './protocol.ts';
import { toCsv } from './table.ts';
import type { NotebookWidget } from './widget-element.ts';

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const SVG_NS = 'http://www.w3.org/2000/svg';

type Rgba = [number, number, number, number];

/** Any CSS colour the browser can compute, as 8-bit RGBA (alpha 0–1), read back from a 1 × 1 canvas. */
function rgba(context: CanvasRenderingContext2D, colour: string): Rgba {
  context.clearRect(0, 0, 1, 1);
  context.fillStyle = 'transparent'; // a colour the canvas can't parse leaves the last one: read that as none
  context.fillStyle = colour;
  context.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
  return [r, g, b, a / 255];
}

/** WCAG relative luminance of an sRGB colour. */
const luminance = ([r, g, b]: Rgba) => {
  const lin = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};

/**
 * The opaque colour the page shows behind `el`: the backgrounds of `el` and its ancestors,
 * composited from the first opaque one (on this site <body>'s, in the current colour scheme) down.
 * A page with no opaque background at all gets black or white, whichever is further from `text`.
 *
 * Why the page's own background rather than re-colouring the figure for a light page: the
 * exported pair is then exactly the pair the reader sees, whose contrast the site already
 * guarantees (text in --fg on --bg; series colours chosen for both backgrounds, plots/theme.ts).
 * Re-colouring would have to find every colour the page's CSS gives the figure (text and axes in
 * currentColor, anything a stylesheet sets), and one missed would be light on light. An opaque
 * backdrop makes the file readable on any viewer's background, white or dark.
 */
function backdrop(el: Element, text: string): string {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  const layers: Rgba[] = [];
  for (let at: Element | null = el; at; at = at.parentElement) {
    const layer = rgba(context, getComputedStyle(at).backgroundColor);
    if (layer[3] > 0) layers.push(layer);
    if (layer[3] === 1) break;
  }
  if (layers.at(-1)?.[3] !== 1) layers.push(luminance(rgba(context, text)) > 0.18 ? [0, 0, 0, 1] : [255, 255, 255, 1]);
  // Each layer over the ones behind it ("source-over"), from the opaque one at the back.
  const [r, g, b] = layers.reduceRight((under, [r1, g1, b1, a]) => [
    r1 * a + under[0] * (1 - a), g1 * a + under[1] * (1 - a), b1 * a + under[2] * (1 - a), 1,
  ]).map(Math.round);
  return `rgb(${r}, ${g}, ${b})`;
}

/**
 * One standalone SVG holding every chart of the figure, stacked as on the page, with colours
 * resolved (the page's CSS does not travel with the file) on the page's background made opaque
 * (see backdrop), and the figure's name and description.
 */
function standaloneSvg(host: NotebookWidget): { svg: string; background: string } | null {
  const charts = [...host.querySelectorAll<SVGSVGElement>('[data-plot] svg[role="img"]')].filter((svg) => !svg.parentElement?.closest('svg'));
  if (charts.length === 0) return null;
  const style = getComputedStyle(host);
  const background = backdrop(host, style.color);
  const out = document.createElementNS(SVG_NS, 'svg');
  // A rect as well as the root's CSS background: some SVG editors and viewers ignore the latter.
  const paper = document.createElementNS(SVG_NS, 'rect');
  paper.setAttribute('width', '100%');
  paper.setAttribute('height', '100%');
  paper.setAttribute('fill', background);
  out.append(paper);
  let y = 0;
  let width = 0;
  for (const chart of charts) {
    const box = chart.viewBox.baseVal;
    const w = box && box.width ? box.width : chart.width.baseVal.value;
    const h = box && box.height ? box.height : chart.height.baseVal.value;
    const copy = chart.cloneNode(true) as SVGSVGElement;
    copy.setAttribute('x', '0');
    copy.setAttribute('y', String(y));
    copy.setAttribute('width', String(w));
    copy.setAttribute('height', String(h));
    copy.removeAttribute('style');
    out.append(copy);
    y += h;
    width = Math.max(width, w);
  }
  out.setAttribute('xmlns', SVG_NS);
  out.setAttribute('viewBox', `0 0 ${width} ${y}`);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(y));
  out.setAttribute('role', 'img');
  out.setAttribute('aria-label', host.querySelector('[data-plot]')?.getAttribute('aria-label') ?? host.dataset.widget ?? 'figure');
  out.setAttribute('color', style.color);
  out.setAttribute('style', `background:${background};color:${style.color};font-family:system-ui,sans-serif;font-size:10px`);
  return { svg: new XMLSerializer().serializeToString(out), background };
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** A file name is cut to this many characters before its extension (file systems allow 255 bytes). */
export const MAX_FILE_BASE = 100;

/** A value as file-name text: numbers as in the address, lists joined by "+", no other punctuation. */
function fileText(p: WidgetSpec<Params>['params'][string], value: unknown): string {
  const text = p.kind === 'enumList' ? (value as string[]).join('+') : toText(p, value);
  return text.replace(/[^A-Za-z0-9.+-]/g, '_');
}

/** A short checksum of `text` (FNV-1a, 32 bits, in base 36): long names cut alike stay apart. */
function checksum(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/**
 * The name of a file exported from widget `key` for `state`, without extension: the key, each
 * setting that differs from the page's own (`spec`: the page's spec, its props as defaults) in
 * the spec's order — numbers right after the name ("depth12"), other values after "_"
 * ("activation_relu", "initializers_he+xavier") — and the seed last, always: `scale-depth12-seed1`.
 * Past MAX_FILE_BASE characters the settings are cut and a checksum of them all ends the name.
 */
export function fileBase(spec: WidgetSpec<Params>, key: string, state: StateOf<Params>): string {
  const parts = Object.entries(spec.params)
    .filter(([name, p]) => p.kind !== 'seed' && !sameValue(state[name], p.default))
    .map(([name, p]) => `${name}${typeof state[name] === 'number' ? '' : '_'}${fileText(p, state[name])}`);
  const seed = 'seed' in state ? [`seed${String(state.seed)}`] : [];
  const whole = [key, ...parts, ...seed].join('-');
  if (whole.length <= MAX_FILE_BASE) return whole;
  const end = `-${checksum(whole)}-${seed.join('')}`.replace(/-$/, '');
  return `${whole.slice(0, MAX_FILE_BASE - end.length).replace(/-+$/, '')}${end}`;
}

/**
 * The file for a run (`kind` 'csv': its table, or its CSV table where the widget has one; 'json': the widget, the engine version, the seed,
 * the settings and the result) of widget `widget` with key `key` and page spec `spec`, computed for `state`.
 */
export function runFile(kind: 'csv' | 'json', widget: string, spec: WidgetSpec<Params>, key: string, state: StateOf<Params>, view: Pick<View, 'table' | 'csv' | 'result'>): { name: string; type: string; text: string } {
  const name = `${fileBase(spec, key, state)}.${kind}`;
  if (kind === 'csv') return { name, type: 'text/csv', text: toCsv(view.csv ?? view.table) };
  const record = { widget, engineVersion: ENGINE_VERSION, seed: state.seed ?? null, settings: state, result: view.result };
  return { name, type: 'application/json', text: JSON.stringify(record, null, 2) };
}

/** Downloads the run `view` of `state` as CSV or JSON; returns the sentence for the status line. */
export function exportRun(kind: string, host: NotebookWidget, state: StateOf<Params>, view: View): string {
  if (kind !== 'csv' && kind !== 'json') return `Unknown export "${kind}".`;
  const file = runFile(kind, host.dataset.widget ?? '', host.pageSpec, host.key, state, view);
  download(file.name, new Blob([file.text], { type: file.type }));
  return kind === 'csv' ? 'Saved the table as CSV.' : 'Saved the run as JSON (settings, seed, engine version and results).';
}

/**
 * The address of this page with every widget's settings, ending in `#<the widget's id>` so that
 * opening it scrolls to this widget.
 */
export function linkTo(href: string, id: string): string {
  const url = new URL(href);
  url.hash = id;
  return url.href;
}

/**
 * Performs export `kind` of the figure or the settings and returns the sentence for the status line
 * (runs: exportRun). `state`: for the figure ('svg', 'png'), the settings it was made with, which
 * name the file; for the settings ('link', 'mdx'), those to share.
 */
export async function exportFigure(kind: string, host: NotebookWidget, state: StateOf<Params>): Promise<string> {
  const base = fileBase(host.pageSpec, host.key, state);
  if (kind === 'svg' || kind === 'png') {
    const figure = standaloneSvg(host);
    if (!figure) return 'There is no figure to export yet.';
    const { svg, background } = figure;
    if (kind === 'svg') {
      download(`${base}.svg`, new Blob([svg], { type: 'image/svg+xml' }));
      return 'Saved the figure as SVG.';
    }
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    await image.decode();
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth * scale;
    canvas.height = image.naturalHeight * scale;
    const context = canvas.getContext('2d')!;
    context.fillStyle = background; // opaque to the edges, whatever the rasteriser does at the rect's
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!png) return 'The browser could not encode the PNG.';
    download(`${base}.png`, png);
    return 'Saved the figure as PNG.';
  }
  if (kind === 'mdx' || kind === 'link') {
    host.syncUrl();
    const text = kind === 'mdx' ? toMdx(host.spec, state, host.key) : linkTo(location.href, host.id || host.key);
    const output = host.querySelector<HTMLElement>('[data-share-output]')!;
    output.textContent = text;
    output.hidden = false;
    const copied = await copyText(text);
    const what = kind === 'mdx' ? 'MDX line' : 'link';
    return copied ? `Copied the ${what} to the clipboard.` : `Select and copy the ${what} shown below the figure.`;
  }
  return `Unknown export "${kind}".`;
}
