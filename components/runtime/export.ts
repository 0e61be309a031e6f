/**
 * Exports of a widget: the figure (SVG, PNG), the run (CSV of its table; JSON with the settings,
 * the seed and the engine version), a link to this state and this widget, and the MDX line that
 * reproduces it.
 */
import { ENGINE_VERSION } from '../../lib/version.ts';
import { toMdx } from './params.ts';
import type { Params, StateOf } from './params-types.ts';
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

/**
 * One standalone SVG holding every chart of the figure, stacked as on the page, with colours
 * resolved (the page's CSS does not travel with the file) and the figure's name and description.
 */
function standaloneSvg(host: NotebookWidget): string | null {
  const charts = [...host.querySelectorAll<SVGSVGElement>('[data-plot] svg[role="img"]')].filter((svg) => !svg.parentElement?.closest('svg'));
  if (charts.length === 0) return null;
  const style = getComputedStyle(host);
  const out = document.createElementNS(SVG_NS, 'svg');
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
  out.setAttribute('style', `background:${style.backgroundColor};color:${style.color};font-family:system-ui,sans-serif;font-size:10px`);
  return new XMLSerializer().serializeToString(out);
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

const fileBase = (key: string, state: StateOf<Params>) => `${key}-seed${String(state.seed ?? 'none')}`;

/**
 * The file for a run (`kind` 'csv': its table; 'json': the widget, the engine version, the seed,
 * the settings and the result) of widget `widget` with key `key`, computed for `state`.
 */
export function runFile(kind: 'csv' | 'json', widget: string, key: string, state: StateOf<Params>, view: Pick<View, 'table' | 'result'>): { name: string; type: string; text: string } {
  const name = `${fileBase(key, state)}.${kind}`;
  if (kind === 'csv') return { name, type: 'text/csv', text: toCsv(view.table) };
  const record = { widget, engineVersion: ENGINE_VERSION, seed: state.seed ?? null, settings: state, result: view.result };
  return { name, type: 'application/json', text: JSON.stringify(record, null, 2) };
}

/** Downloads the run `view` of `state` as CSV or JSON; returns the sentence for the status line. */
export function exportRun(kind: string, host: NotebookWidget, state: StateOf<Params>, view: View): string {
  if (kind !== 'csv' && kind !== 'json') return `Unknown export "${kind}".`;
  const file = runFile(kind, host.dataset.widget ?? '', host.key, state, view);
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

/** Performs export `kind` of the figure or the settings and returns the sentence for the status line (runs: exportRun). */
export async function exportFigure(kind: string, host: NotebookWidget, state: StateOf<Params>): Promise<string> {
  const base = fileBase(host.key, state);
  if (kind === 'svg' || kind === 'png') {
    const svg = standaloneSvg(host);
    if (!svg) return 'There is no figure to export yet.';
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
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!png) return 'The browser could not encode the PNG.';
    download(`${base}.png`, png);
    return 'Saved the figure as PNG.';
  }
  if (kind === 'mdx' || kind === 'link') {
    host.syncUrl();
    const text = kind === 'mdx' ? toMdx(host.spec, state) : linkTo(location.href, host.id || host.key);
    const output = host.querySelector<HTMLOutputElement>('[data-share-output]')!;
    output.textContent = text;
    output.hidden = false;
    const copied = await copyText(text);
    const what = kind === 'mdx' ? 'MDX line' : 'link';
    return copied ? `Copied the ${what} to the clipboard.` : `Select and copy the ${what} shown below the figure.`;
  }
  return `Unknown export "${kind}".`;
}
