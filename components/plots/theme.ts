/**
 * One theme for the light and the dark page. Text, axes and grid lines use `currentColor`, so
 * they follow the page's `color`. Series colours are fixed hex values (they must survive SVG/PNG
 * export, where the page's CSS is gone), chosen so that each has at least 3:1 contrast — the
 * WCAG 2.2 minimum for graphical objects (SC 1.4.11) — against both page backgrounds of
 * src/styles/global.css (#fdfcf9 / #f3f1ea light, #15171b / #1e2127 dark): equal OKLCH
 * lightness ≈ 0.6, relative luminance 0.18–0.24, hues spread around the circle.
 */

/** The class Plot gives each SVG; its rules live in plots.css, never in an inline `<style>`. */
export const CLASS_NAME = 'nb-plot';

/** Series colours, in order (blue, orange, green, magenta, purple, teal, olive, grey). */
export const PALETTE: readonly string[] = [
  '#077ef0', '#cf630d', '#019a46', '#d719ad', '#9b48fb', '#0d9298', '#918112', '#808080',
];

/**
 * Dash patterns cycled alongside the colours, so series stay distinguishable in greyscale print
 * and for readers who don't tell the hues apart (colour is never the only cue, WCAG SC 1.4.1).
 */
export const DASHES: readonly (string | undefined)[] = [undefined, '6 3', '2 2.5', '9 3 2 3'];

/**
 * Each of DASHES in words, for a description that points at a line ("ln 2, the dotted line"):
 * taken from here, the words change with the patterns, never one without the other.
 */
export const DASH_WORDS: readonly string[] = ['solid', 'dashed', 'dotted', 'dash-dotted'];

/** Point symbols, cycled likewise (Plot symbol names). */
export const SYMBOLS: readonly string[] = ['circle', 'square', 'triangle', 'diamond', 'cross', 'star', 'wye', 'times'];

export const seriesColor = (i: number): string => PALETTE[i % PALETTE.length];
export const seriesDash = (i: number): string | undefined => DASHES[i % DASHES.length];
/** How series i's line is drawn, in one word (DASH_WORDS). */
export const seriesDashWord = (i: number): string => DASH_WORDS[i % DASHES.length];
export const seriesSymbol = (i: number): string => SYMBOLS[i % SYMBOLS.length];

/**
 * The decision-boundary colours: a diverging ramp (red → near-white → blue) that stops short
 * of ColorBrewer RdBu's darkest ends, so the field never melts into a dark page; class points
 * use the darker ends with a white outline and distinct symbols.
 */
export const HEAT = { low: '#d6604d', mid: '#f7f7f7', high: '#4393c3' } as const;
export const CLASS_COLORS: readonly string[] = ['#a3122a', '#1b5aa6'];

/** Colour for the ramp at t ∈ [0, 1] (linear in sRGB between the three stops; cheap and stable). */
export function heatColor(t: number): string {
  const u = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0.5));
  const [a, b, s] = u < 0.5 ? [HEAT.low, HEAT.mid, u * 2] : [HEAT.mid, HEAT.high, u * 2 - 1];
  let out = '#';
  for (let k = 1; k < 7; k += 2) {
    const ca = parseInt(a.slice(k, k + 2), 16);
    const cb = parseInt(b.slice(k, k + 2), 16);
    out += Math.round(ca + (cb - ca) * s).toString(16).padStart(2, '0');
  }
  return out;
}

/** Text size Plot uses (px) and an average glyph width for laying out legends without measuring. */
export const FONT_SIZE = 10;
export const CHAR_WIDTH = 6;
