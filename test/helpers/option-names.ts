/**
 * Whether a sentence for readers names options the way the controls do: by the words a checkbox or
 * select shows ("He normal (the paper’s eq. 10): Var 2/n_in" is "He normal"), never by the code name a link or
 * MDX uses (heNormal).
 */
import type { ParamSpec } from '../../components/runtime/params-types.ts';

/** The words the control shows for `option`, before any explanation (a colon or a parenthesis). */
export function shownName(p: ParamSpec, option: string): string {
  const label = p.kind === 'enum' || p.kind === 'enumList' ? p.labels?.[option] : undefined;
  return label === undefined ? option : label.split(/\s*[:(]/)[0].trim();
}

/** The options of `p` whose code name differs from the name its control shows. */
export function codeNamedOptions(p: ParamSpec): string[] {
  return p.kind === 'enum' || p.kind === 'enumList' ? p.options.filter((o) => shownName(p, o) !== o) : [];
}

/** The code names of `p`'s options that `text` spells out as words (none for a sentence in readers' words). */
export function codeNamesIn(text: string, p: ParamSpec): string[] {
  // A shown name may contain a code name ("two moons", moons): take the shown names out first.
  const options = p.kind === 'enum' || p.kind === 'enumList' ? p.options : [];
  const rest = options.map((o) => shownName(p, o)).sort((a, b) => b.length - a.length).reduce((t, shown) => t.split(shown).join(' '), text);
  return codeNamedOptions(p).filter((o) => new RegExp(`(^|[^A-Za-z0-9])${o}($|[^A-Za-z0-9])`).test(rest));
}
