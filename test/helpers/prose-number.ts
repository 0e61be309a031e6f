/**
 * Reads back a number as the status sentences write it (`prose` in components/runtime/definition.ts):
 * "0.6312", "−0.5", "1.02 × 10⁻⁴", "3 × 10⁵". Tests use it to compare what a sentence says with
 * what the engine computed.
 */
const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A number in sentence notation, as a pattern (no groups). */
export const PROSE_NUMBER = '−?\\d+(?:\\.\\d+)?(?: × 10⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)?';

export function readProse(text: string): number {
  if (!new RegExp(`^${PROSE_NUMBER}$`).test(text)) throw new Error(`not a number in sentence notation: "${text}"`);
  const [mantissa, power] = text.split(' × 10');
  const exponent = power === undefined ? 0 : Number([...power].map((c) => (c === '⁻' ? '-' : String(SUPERSCRIPT_DIGITS.indexOf(c)))).join(''));
  const value = Number(`${mantissa.replace('−', '-')}e${exponent}`);
  return value;
}
