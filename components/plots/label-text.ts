/**
 * Series names with exponents: `^{…}` in a name marks a superscript, so a legend can write
 * (n·Var W)^{l/2} as mathematics — the exponent raised and smaller — rather than in ASCII.
 * Where a name is read rather than seen (descriptions, tables), the exponent is put in words.
 */
import { svgEl } from './base.ts';
import { CHAR_WIDTH, FONT_SIZE } from './theme.ts';

export type LabelPart = { text: string; sup: boolean };

const EXPONENT = /\^\{([^{}]*)\}/g;

/** Size of a superscript relative to the text, and how far it is raised (in px at FONT_SIZE). */
const SUP_SCALE = 0.75;
const SUP_RISE = 4;

/** The name's runs of ordinary text and superscripts, in order; empty runs are dropped. */
export function labelParts(name: string): LabelPart[] {
  const parts: LabelPart[] = [];
  let at = 0;
  for (const m of name.matchAll(EXPONENT)) {
    if (m.index > at) parts.push({ text: name.slice(at, m.index), sup: false });
    if (m[1]) parts.push({ text: m[1], sup: true });
    at = m.index + m[0].length;
  }
  if (at < name.length) parts.push({ text: name.slice(at), sup: false });
  return parts;
}

/** The name for reading aloud or a table: "(n·Var W)^{l/2}" → "(n·Var W) to the power l/2". */
export const plainLabel = (name: string): string => name.replace(EXPONENT, (_, e: string) => (e ? ` to the power ${e}` : ''));

/** The width the name takes in a legend, estimated from its characters (superscripts are smaller). */
export const labelWidth = (name: string): number =>
  labelParts(name).reduce((w, p) => w + p.text.length * CHAR_WIDTH * (p.sup ? SUP_SCALE : 1), 0);

/**
 * The name as an SVG `<text>` at (x, y): plain text when it has no exponent, else one `<tspan>`
 * per run, superscripts raised by `dy` (which every SVG renderer honours, unlike baseline-shift)
 * and the text after them lowered back.
 */
export function labelText(doc: Document, attrs: Record<string, string | number>, name: string): SVGElement {
  const parts = labelParts(name);
  if (parts.every((p) => !p.sup)) return svgEl(doc, 'text', attrs, name);
  const text = svgEl(doc, 'text', attrs);
  let raised = false;
  for (const p of parts) {
    const dy = p.sup === raised ? undefined : p.sup ? -SUP_RISE : SUP_RISE;
    text.append(svgEl(doc, 'tspan', { dy, 'font-size': p.sup ? FONT_SIZE * SUP_SCALE : undefined }, p.text));
    raised = p.sup;
  }
  return text;
}
