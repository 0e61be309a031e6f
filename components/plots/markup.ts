/**
 * SVG markup for embedding in a page at build time. A small serializer rather than `outerHTML`:
 * linkedom's HTML serializer leaves `&` and `<` unescaped inside attribute values, so text from
 * data could be decoded differently by the browser; here attribute values escape & < > " and
 * text escapes & < >. Numbers in attribute values are rounded on the way out (Plot writes
 * 145.00000000000003), except in aria-* attributes and class, whose text is for people.
 */

const NUMBER = /#[0-9a-f]+|-?\d*\.?\d+(?:e[-+]?\d+)?/gi; // hex colours matched whole, kept as they are
const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

const escapeText = (s: string) => s.replace(/[&<>]/g, (c) => TEXT_ESCAPES[c]);
const escapeAttribute = (s: string) => s.replace(/[&<>"]/g, (c) => TEXT_ESCAPES[c]);

/** Every number in `value` rounded to `decimals` places, trailing zeros dropped, −0 as 0. */
export function roundNumbers(value: string, decimals = 2): string {
  return value.replace(NUMBER, (t) => {
    if (t.startsWith('#')) return t;
    const v = Number(t);
    if (!Number.isFinite(v)) return t;
    const r = Number(v.toFixed(decimals));
    return Object.is(r, -0) ? '0' : String(r);
  });
}

function write(node: Node, decimals: number, out: string[]): void {
  if (node.nodeType === 3) {
    out.push(escapeText(node.nodeValue ?? ''));
    return;
  }
  if (node.nodeType !== 1) return; // comments and the like carry nothing a figure needs
  const el = node as Element;
  const tag = el.localName;
  out.push('<', tag);
  // getAttributeNames and firstChild/nextSibling rather than `attributes` and `childNodes`: the
  // same in a browser, and in linkedom (the worker's and the build's DOM) they build no
  // intermediate lists, which made this serializer a third of a figure's cost there.
  for (const name of el.getAttributeNames()) {
    const value = el.getAttribute(name) ?? '';
    const keep = name.startsWith('aria-') || name === 'class';
    out.push(' ', name, '="', escapeAttribute(keep ? value : roundNumbers(value, decimals)), '"');
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

/** The element's markup, numbers in attributes rounded to `decimals` places (default 2). */
export function svgMarkup(el: Element, decimals = 2): string {
  const out: string[] = [];
  write(el, decimals, out);
  return out.join('');
}
