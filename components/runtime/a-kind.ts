/**
 * What kind of value something is, with its article, for messages that say what was found instead
 * of what was wanted: "an object", "a function", "an array". `typeof` alone gives "a object".
 */
export function aKind(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  const kind = typeof value;
  // Every `typeof` word starts with its own sound: a vowel letter is a vowel sound here.
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}
