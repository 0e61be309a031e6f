/** WCAG 2.2 relative luminance and contrast ratio, written from the definition. */

/** A colour as the canvas reads it back: red, green, blue, alpha, each 0–255. */
export type Rgba = [number, number, number, number];

const channel = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);

/** Relative luminance of an opaque colour (alpha is ignored). */
export const luminance = ([r, g, b]: Rgba) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);

/** Contrast ratio of two opaque colours, from 1 to 21, whichever is lighter. */
export const contrast = (a: Rgba, b: Rgba) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};
