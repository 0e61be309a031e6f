/**
 * SVG markup with shorter numbers: every number inside an attribute value is rounded to
 * `decimals` places (Plot writes coordinates like 145.00000000000003). Text content and the
 * aria-* attributes (prose, where "0.0316" means something) are left as they are.
 */

const ATTRIBUTE = /(\s)([A-Za-z_:][-\w:.]*)="([^"]*)"/g;
// A hex colour is matched whole so that its digits are never taken for a number.
const NUMBER = /#[0-9a-f]+|-?\d*\.?\d+(?:e[-+]?\d+)?/gi;

/** Rounds a number's text to `decimals` places, dropping trailing zeros ("-0" becomes "0"). */
function roundText(text: string, decimals: number): string {
  if (text.startsWith('#')) return text;
  const v = Number(text);
  if (!Number.isFinite(v)) return text;
  const r = Number(v.toFixed(decimals));
  return Object.is(r, -0) ? '0' : String(r);
}

/** The markup with numbers in (non-aria) attribute values rounded to `decimals` places. */
export function roundSvgNumbers(markup: string, decimals = 2): string {
  return markup.replace(ATTRIBUTE, (whole, space: string, name: string, value: string) =>
    name.startsWith('aria-') || name === 'class' ? whole : `${space}${name}="${value.replace(NUMBER, (t) => roundText(t, decimals))}"`,
  );
}

/** The SVG's markup (outerHTML), numbers rounded: what the page embeds at build time. */
export function svgMarkup(svg: Element, decimals = 2): string {
  return roundSvgNumbers(svg.outerHTML, decimals);
}
