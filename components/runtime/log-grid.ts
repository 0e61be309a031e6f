/**
 * The positions of a log-scale slider (`scale: 'log'`): tidy values, ten a decade in nearly equal
 * ratios (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8), the range's ends, and any other values the widget
 * must be able to show (the page's setting, a link's). The slider moves by one position per key
 * press, so stepping up and back down always lands on the value it started from.
 */

/** Mantissas of the tidy values: ratios of 1.2 to 1.33 between neighbours. */
const MANTISSAS = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8];

/** The sorted positions for a slider from `min` to `max` (0 < min ≤ max), with `extra` values in range added. */
export function logGrid(min: number, max: number, extra: readonly number[] = []): number[] {
  const values = new Set<number>([min, max]);
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) {
    for (const m of MANTISSAS) {
      const v = Number(`${m}e${e}`); // the double nearest the decimal, as a typed or linked value reads
      if (v >= min && v <= max) values.add(v);
    }
  }
  for (const v of extra) if (Number.isFinite(v) && v >= min && v <= max) values.add(v === 0 ? 0 : v);
  return [...values].sort((a, b) => a - b);
}

/** A grid as the text of a `data-grid` attribute, and back. */
export const gridText = (grid: readonly number[]): string => grid.map((v) => String(v).replace('e+', 'e')).join(' ');
export const readGrid = (text: string | undefined): number[] => (text ? text.split(' ').map(Number) : []);
