/**
 * What the reader's input to a control means for the state, as pure functions (the DOM side is
 * controls.ts): a list from its checkboxes, the text of a number field, and a change the work cap
 * refuses. Every correction comes with a sentence for the widget's notice, so the field, the
 * state, the address and the run never disagree silently.
 */
import { checkValue, clampParam, describeKind, formatNumber, fromText } from './params-check.ts';
import { workProblem } from './params-state.ts';
import { excerpt, showValue } from './params-text.ts';
import type { EnumListParam, IntParam, NumberParam, ParamSpec, Params, SeedParam, StateOf, WidgetSpec } from './params-types.ts';

type State = StateOf<Params>;

/**
 * A list from its ticked checkboxes. The names already in `previous` keep their order; a newly
 * ticked one goes where it stands in the page's order (the page's list, then the other options in
 * the spec's order). So unticking and ticking an option again gives back the same list, whenever
 * that list is in the page's order: the page's own, and every list reached from it by ticking.
 */
export function listFromChecks(p: EnumListParam, previous: readonly string[], ticked: ReadonlySet<string>): string[] {
  const order = [...p.default, ...p.options.filter((o) => !p.default.includes(o))];
  const rank = (o: string) => order.indexOf(o);
  const list = previous.filter((o) => ticked.has(o));
  for (const o of order) {
    if (!ticked.has(o) || list.includes(o)) continue;
    const at = list.findIndex((x) => rank(x) > rank(o));
    list.splice(at < 0 ? list.length : at, 0, o);
  }
  return list;
}

/** Why a list's checkboxes were put back: too few or too many ticked. */
export function tickCount(p: EnumListParam, kept: readonly string[]): string {
  const count = p.minItems === p.maxItems ? `${p.minItems}` : `${p.minItems} to ${p.maxItems}`;
  return `${p.label}: tick ${count}; kept ${showValue(p, kept)}.`;
}

type Numeric = IntParam | NumberParam | SeedParam;

/**
 * The value of a number field whose text is `text` (what the browser reports: '' for text that is
 * not a number). An allowed value is taken as typed. Anything else changes nothing while the reader
 * is typing (a '-' on the way to '-5' is not a value yet); once they commit it (leave the field or
 * press Enter), it becomes the nearest allowed value, or the previous one if there is no number,
 * with a note saying which.
 */
export function numberFromText(p: Numeric, text: string, previous: number, committed: boolean): { value: number; note: string | null } {
  const typed = fromText(p, text.trim());
  const checked = checkValue(p, typed);
  if (checked.ok) return { value: checked.value as number, note: null };
  if (!committed) return { value: previous, note: null };
  const allowed = `${p.label} must be ${describeKind(p)}`;
  if (typeof typed !== 'number') {
    return { value: previous, note: `${allowed}; the field ${text.trim() ? `held ${excerpt(text)}` : 'was empty'}, so it is back at ${formatNumber(previous)}.` };
  }
  const value = clampParam(p, typed);
  return { value, note: `${allowed}, so ${excerpt(text.trim())} became ${formatNumber(value)}.` };
}

const quote = (label: string) => `"${label}"`;

/** 'a', 'a or b', 'a, b or c'. */
const either = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`);

/** What else the reader can reduce to bring `state` under the cap: the other settings whose minimum means less work. */
export function whatToLower(spec: WidgetSpec<Params>, state: State, except: string): string {
  const estimate = (s: State): number => {
    try {
      const work = spec.work!.estimate(s);
      return Number.isFinite(work) ? work : Infinity;
    } catch {
      return Infinity;
    }
  };
  const now = estimate(state);
  const lower: string[] = [];
  const fewer: string[] = [];
  for (const [name, p] of Object.entries(spec.params)) {
    if (name === except) continue;
    if ((p.kind === 'int' || p.kind === 'number') && estimate({ ...state, [name]: p.min }) < now) lower.push(quote(p.label));
    if (p.kind === 'enumList' && estimate({ ...state, [name]: (state[name] as string[]).slice(0, p.minItems) }) < now) fewer.push(quote(p.label));
  }
  const parts = [lower.length ? `reduce ${either(lower)}` : '', fewer.length ? `choose fewer ${either(fewer)}` : ''].filter(Boolean);
  return parts.join(', or ');
}

/**
 * A change to control `name` (from `previous` to `next`) that takes `next` over the work cap: the
 * allowed value nearest to the one asked for, from `candidates` (the control's positions from the
 * requested value back towards the previous one), or the previous state; and the notice saying
 * what happened, the amounts, and what to reduce to go further. `null` if `next` is within the cap.
 */
export function withinCap(
  spec: WidgetSpec<Params>, previous: State, next: State, name: string | null, candidates: readonly unknown[] = [],
): { state: State; notice: string } | null {
  const problem = workProblem(spec, next);
  if (!problem) return null;
  if (name === null) return { state: previous, notice: `Not applied: ${problem}.` };
  const p: ParamSpec = spec.params[name];
  const asked = next[name];
  const numeric = typeof asked === 'number';
  const fit = candidates.find((c) => c !== previous[name] && checkValue(p, c).ok && !workProblem(spec, { ...next, [name]: c } as State));
  const state = fit === undefined ? previous : ({ ...next, [name]: fit } as State);
  const up = numeric && typeof previous[name] === 'number' ? asked > previous[name] : null;
  const at = numeric ? `at ${showValue(p, asked)}` : `with ${showValue(p, asked)}`;
  const kept = fit === undefined
    ? `${p.label} stays at ${showValue(p, previous[name])}`
    : `${p.label} is set to ${showValue(p, fit)}, the ${up === false ? 'least' : 'most'} the work limit allows with the other settings`;
  const lower = spec.work ? whatToLower(spec, next, name) : '';
  const further = up === null ? 'To allow it' : `To go ${up ? 'higher' : 'lower'}`;
  return { state, notice: `${kept}: ${at}, ${problem}.${lower ? ` ${further}, ${lower}.` : ''}` };
}
