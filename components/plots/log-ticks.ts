/**
 * Ticks for a log axis, chosen here rather than by Plot: d3's log ticks put a grid line at every
 * 2…9 × 10^k but label only some of them (1, 2, 10, 20, … and no 5), and its "~g" format writes
 * 0.000001 next to 1e−7. Here every tick is labelled (so grid lines fall only at labels), the
 * ticks are 1, 2, 5 × 10^k where a decade has room for three labels, else powers of ten, and one
 * axis uses one notation: plain decimals, or powers of ten with superscripts throughout.
 */

/** The least vertical distance between two labels on a log axis, in px (10 px text and a gap). */
export const MIN_LABEL_GAP = 20;

/** Decimals stay plain between these (0.001 … 1000); beyond, the axis writes powers of ten. */
const PLAIN = { min: 1e-3, max: 1e3 };

/** Steps between labelled decades when not every decade has room for a label. */
const DECADE_STEPS = [1, 2, 3, 5, 10, 20, 25, 50, 100];

/** 10^k as the literal 1e{k} reads (10 ** 23 is 1.0000000000000001e23; the parsed literal is the closest double). */
const pow10 = (k: number): number => Number(`1e${k}`);

/** The domain widened to whole powers of ten (what Plot's `nice` does on a log scale). */
export function logDomain([lo, hi]: [number, number]): [number, number] {
  const a = Math.floor(Math.log10(lo) + 1e-9);
  const b = Math.ceil(Math.log10(hi) - 1e-9);
  return [pow10(a), pow10(Math.max(b, a + 1))];
}

/**
 * Ticks over a log domain of whole powers of ten ([0.01, 1] from {@link logDomain}) drawn over
 * `pixels`: 1, 2, 5 × 10^k when the narrowest step (×2, 0.3 of a decade) keeps labels
 * {@link MIN_LABEL_GAP} apart; else powers of ten, every 1st, 2nd, 3rd, 5th, 10th, … decade.
 */
export function logTicks([lo, hi]: [number, number], pixels: number): number[] {
  const a = Math.round(Math.log10(lo));
  const b = Math.round(Math.log10(hi));
  const decades = Math.max(1, b - a);
  const perDecade = pixels / decades;
  if (Math.log10(2) * perDecade >= MIN_LABEL_GAP) {
    const out: number[] = [];
    for (let k = a; k < b; k++) out.push(pow10(k), 2 * pow10(k), 5 * pow10(k));
    return [...out.map((v) => Number(v.toPrecision(12))), pow10(b)];
  }
  const step = DECADE_STEPS.find((s) => s * perDecade >= MIN_LABEL_GAP) ?? Math.ceil(MIN_LABEL_GAP / perDecade);
  const out: number[] = [];
  // Multiples of the step, so 1 (10⁰) is among the labels whenever it is in range.
  for (let k = Math.ceil(a / step) * step; k <= b; k += step) out.push(pow10(k));
  return out.length > 1 ? out : [lo, hi];
}

const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '-': '⁻',
};

/** 10^k written with a superscript exponent: 10⁻⁷, 10⁰, 10¹². */
export const powerOfTen = (k: number): string => `10${String(k).replace(/[-\d]/g, (c) => SUPERSCRIPT[c])}`;

/** `mantissa` × 10^k, the mantissa as given ("2", "1.67"); a mantissa of "1" is left out. */
export const scientific = (mantissa: string, k: number): string => (mantissa === '1' ? powerOfTen(k) : `${mantissa}×${powerOfTen(k)}`);

/**
 * One format for a whole log axis: plain decimals when every tick lies in 0.001 … 1000
 * (0.01, 0.02, 0.05, 0.1), else every tick as a power of ten (10⁻⁷, 2×10⁻⁷, 10⁰), so an axis
 * never mixes the two notations.
 */
export function logTickFormat(ticks: number[]): (v: number) => string {
  const plain = ticks.every((v) => v >= PLAIN.min && v <= PLAIN.max);
  if (plain) return (v) => String(Number(v.toPrecision(12)));
  return (v) => {
    const k = Math.floor(Math.log10(v) + 1e-9);
    return scientific(String(Number((v / pow10(k)).toPrecision(3))), k);
  };
}
