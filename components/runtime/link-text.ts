/**
 * Settings in words, for a widget's status line: those a link gives it (until the widget has
 * computed them, the figure on screen is the one built with the page, and the reader must be told
 * so), and those on which the figure on screen and the controls disagree.
 */
import { sameValue } from './params-state.ts';
import { shortLabel, showValue } from './params-text.ts';
import type { ParamSpec, Params, StateOf, WidgetSpec } from './params-types.ts';

/** Beyond this many changed settings, the sentence counts them instead of naming each. */
const NAMED = 3;

/** A control's label as a short noun ("Seed (data, …)" → "seed"). */
function noun(p: ParamSpec): string {
  const short = shortLabel(p.label);
  // "Hidden layers" → "hidden layers"; an initialism ("XOR data") keeps its capitals.
  return /^[A-Z][a-z]/.test(short) ? short[0].toLowerCase() + short.slice(1) : short;
}

/**
 * One setting with its value, as a reader would write it: the parameter's phrase ("129 units per
 * layer", "1 hidden layer", "the He normal initializer"), or its label's noun and the value ("seed 3").
 */
export function settingInWords(p: ParamSpec, value: unknown): string {
  const shown = showValue(p, value);
  if (p.phrase === undefined) return `${noun(p)} ${shown}`;
  const count = Array.isArray(value) ? value.length : value;
  const phrase = typeof p.phrase === 'string' ? p.phrase : p.phrase[count === 1 ? 0 : 1];
  return phrase.replace('#', shown);
}

/** The settings `names` of `state`, in words, joined with "and" ("gain 0.5 and seed 3"). */
function listed(spec: WidgetSpec<Params>, state: StateOf<Params>, names: string[]): string {
  const parts = names.map((name) => settingInWords(spec.params[name], state[name]));
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/**
 * What `state` changes from the page's settings (`pageSpec`'s defaults), in words —
 * "20 hidden layers", "the XOR data and seed 2", "5 settings" — or '' when it changes nothing.
 */
export function linkedChanges(pageSpec: WidgetSpec<Params>, state: StateOf<Params>): string {
  const changed = Object.entries(pageSpec.params).filter(([name, p]) => !sameValue(state[name], p.default)).map(([name]) => name);
  if (changed.length === 0) return '';
  return changed.length > NAMED ? `${changed.length} settings` : listed(pageSpec, state, changed);
}

/**
 * Where the settings of the figure on screen (`shown`) and those in the controls (`chosen`)
 * disagree, each side in words, or null where they agree. The sentence names the `first` side in
 * full; when one setting differs, the other side is its value alone, since the reader has just
 * heard what it is a value of: { shown: "100 units per layer", chosen: "129" }. Two or three
 * settings are named on both sides ("100 units per layer and seed 3"); beyond three, counted.
 */
export function differingSettings(
  spec: WidgetSpec<Params>, shown: StateOf<Params>, chosen: StateOf<Params>, first: 'shown' | 'chosen' = 'shown',
): { shown: string; chosen: string } | null {
  const differ = Object.keys(spec.params).filter((name) => !sameValue(shown[name], chosen[name]));
  if (differ.length === 0) return null;
  if (differ.length > NAMED) return { shown: 'earlier settings', chosen: `${differ.length} changed settings` };
  const words = { shown: listed(spec, shown, differ), chosen: listed(spec, chosen, differ) };
  if (differ.length === 1) {
    const second = first === 'shown' ? 'chosen' : 'shown';
    const p = spec.params[differ[0]];
    words[second] = showValue(p, (second === 'shown' ? shown : chosen)[differ[0]]);
  }
  return words;
}
