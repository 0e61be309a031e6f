/**
 * SVG markup of a drawn figure, for the page (at build time and from the worker) and for export.
 * It works over any DOM (the drawing document, a browser's) and escapes what HTML parsing would
 * misread: & < > " in attribute values, & < > in text. Numbers in attribute values are rounded on the way out (Plot writes
 * 145.00000000000003), except in aria-* attributes and class, whose text is for people.
 */

const NUMBER = /#[0-9a-f]+|-?\d*\.?\d+(?:e[-+]?\d+)?/gi; // hex colours matched whole, kept as they are
/** A value that is one number and nothing else (most attributes: x="44", y1="73.59"). */
const ONE_NUMBER = /^-?\d*\.?\d+(?:e[-+]?\d+)?$/i;
const DIGIT = /\d/;
const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

const escapeText = (s: string) => s.replace(/[&<>]/g, (c) => TEXT_ESCAPES[c]);
const escapeAttribute = (s: string) => s.replace(/[&<>"]/g, (c) => TEXT_ESCAPES[c]);

/**
 * `v` rounded to `decimals` places, the value `Number(v.toFixed(decimals))` gives and −0 as 0,
 * in a fraction of its time (a figure has thousands of numbers): scaled, rounded to an integer
 * and divided back — exact, since both are exact and division rounds correctly — except within
 * a millionth of a tie or for large values, where the product's rounding could decide it.
 */
export function roundTo(v: number, decimals: number): number {
  const scale = 10 ** decimals;
  const a = Math.abs(v) * scale;
  const r = a < 1e9 && Math.abs(a - Math.floor(a) - 0.5) > 1e-6 ? Math.round(a) / scale : Number(Math.abs(v).toFixed(decimals));
  return r === 0 ? 0 : v < 0 ? -r : r;
}

/** Every number in `value` rounded to `decimals` places, trailing zeros dropped, −0 as 0. */
export function roundNumbers(value: string, decimals = 2): string {
  // The common cases first, without a replacement callback: about half the time per figure.
  if (ONE_NUMBER.test(value)) {
    const v = Number(value);
    return Number.isFinite(v) ? String(roundTo(v, decimals)) : value;
  }
  if (!DIGIT.test(value)) return value;
  return value.replace(NUMBER, (t) => {
    if (t.charCodeAt(0) === 35) return t; // '#': a colour
    const v = Number(t);
    return Number.isFinite(v) ? String(roundTo(v, decimals)) : t;
  });
}

function write(node: Node, decimals: number | null, out: string[]): void {
  if (node.nodeType === 3) {
    out.push(escapeText(node.nodeValue ?? ''));
    return;
  }
  if (node.nodeType !== 1) return; // comments and the like carry nothing a figure needs
  const el = node as Element;
  const tag = el.localName;
  out.push('<', tag);
  // getAttributeNames and firstChild/nextSibling rather than `attributes` and `childNodes`: the
  // same in a browser and in the drawing document (svg-document.ts), where they build no lists.
  for (const name of el.getAttributeNames()) {
    const value = el.getAttribute(name) ?? '';
    const keep = decimals === null || name.startsWith('aria-') || name === 'class';
    out.push(' ', name, '="', escapeAttribute(keep ? value : roundNumbers(value, decimals!)), '"');
  }
  let child = el.firstChild;
  if (!child) {
    out.push('/>');
    return;
  }
  out.push('>');
  for (; child; child = child.nextSibling) write(child, decimals, out);
  out.push('</', tag, '>');
}

/** The element's markup, numbers in attributes rounded to `decimals` places (default 2; null: as written). */
export function svgMarkup(el: Element, decimals: number | null = 2): string {
  const out: string[] = [];
  write(el, decimals, out);
  return out.join('');
}
