/**
 * The settings a link gives a widget, in words, for its status line: until the widget has computed
 * them, the figure on screen is the one built with the page, and the reader must be told so.
 */
import { formatNumber } from './params-check.ts';
import { sameValue } from './params-state.ts';
import type { ParamSpec, Params, StateOf, WidgetSpec } from './params-types.ts';

/** Beyond this many changed settings, the sentence counts them instead of naming each. */
const NAMED = 3;

/** A label without its explanation: the words before a colon or parenthesis ("He normal (paper): Var 2/n_in" → "He normal"). */
const named = (label: string) => label.split(/\s*[(:]/)[0].trim() || label;

/** A control's label as a short noun ("Seed (data, …)" → "seed"). */
function noun(p: ParamSpec): string {
  const short = named(p.label);
  // "Hidden layers" → "hidden layers"; an initialism ("XOR data") keeps its capitals.
  return /^[A-Z][a-z]/.test(short) ? short[0].toLowerCase() + short.slice(1) : short;
}

/** A value as the controls name it, without the explanation; a number in its shortest form. */
function valueText(p: ParamSpec, value: unknown): string {
  const option = (o: string) => named(p.kind === 'enum' || p.kind === 'enumList' ? p.labels?.[o] ?? o : o);
  if (p.kind === 'enum') return option(value as string);
  if (p.kind === 'enumList') return (value as string[]).map(option).join(' + ');
  if (p.kind === 'bool') return value ? 'on' : 'off';
  return formatNumber(value as number);
}

/**
 * What `state` changes from the page's settings (`pageSpec`'s defaults), in words —
 * "hidden layers 20", "data XOR and seed 2", "5 settings" — or '' when it changes nothing.
 */
export function linkedChanges(pageSpec: WidgetSpec<Params>, state: StateOf<Params>): string {
  const changed = Object.entries(pageSpec.params).filter(([name, p]) => !sameValue(state[name], p.default));
  if (changed.length === 0) return '';
  if (changed.length > NAMED) return `${changed.length} settings`;
  const parts = changed.map(([name, p]) => `${noun(p)} ${valueText(p, state[name])}`);
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
