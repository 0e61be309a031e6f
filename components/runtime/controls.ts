/**
 * Between a widget's state and its form controls. Every value read from a control goes through
 * the same per-parameter rules as props and URL state (clamped, snapped, checked), so no control
 * can produce a state the spec forbids.
 */
import { checkValue, clampParam, formatNumber } from './params-check.ts';
import { workProblem } from './params-state.ts';
import type { ParamSpec, Params, StateOf, WidgetSpec } from './params-types.ts';

type State = StateOf<Params>;

/** The spec with its defaults replaced by `state` (the page's MDX props), so Reset and URLs are relative to the page. */
export function withDefaults(spec: WidgetSpec<Params>, state: State): WidgetSpec<Params> {
  const params: Params = {};
  for (const [name, p] of Object.entries(spec.params)) {
    params[name] = (checkValue(p, state[name]).ok ? { ...p, default: state[name] } : p) as ParamSpec;
  }
  return { ...spec, params };
}

const inputs = (root: HTMLElement, name: string) =>
  [...root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-controls] [name]')].filter((el) => el.name === name);

/**
 * Reads every control into a state; a value the spec refuses keeps the previous one. Over the
 * work cap the previous state stays and `refused` says why, for the widget to show.
 */
export function readControls(root: HTMLElement, spec: WidgetSpec<Params>, previous: State): { state: State; refused: string | null } {
  const next: State = { ...previous };
  for (const [name, p] of Object.entries(spec.params)) {
    const [el] = inputs(root, name);
    if (!el) continue;
    let value: unknown;
    if (p.kind === 'enum') value = el.value;
    else if (p.kind === 'bool') value = (el as HTMLInputElement).checked;
    else if (p.kind === 'enumList') value = p.options.filter((o) => inputs(root, name).some((i) => i.value === o && (i as HTMLInputElement).checked));
    else value = numberIn(p, el as HTMLInputElement);
    if (checkValue(p, value).ok) next[name] = value as State[string];
  }
  const refused = workProblem(spec, next);
  return refused ? { state: previous, refused: `Not applied: ${refused}.` } : { state: next, refused: null };
}

/** A slider's or number field's value as the spec reads it: from its log scale if it has one, clamped and snapped. */
function numberIn(p: ParamSpec & { kind: 'int' | 'number' | 'seed' }, el: HTMLInputElement): number {
  const raw = Number(el.value);
  let value = clampParam(p, el.dataset.scale === 'log' ? 10 ** raw : raw);
  if (p.kind === 'number' && el.dataset.scale === 'log') value = Number(value.toPrecision(3));
  return clampParam(p, value);
}

/**
 * The states one key press away on control `name` — an arrow key on its slider, number field or
 * select (the step the browser takes, found by stepping a detached copy), Space on a checkbox —
 * that the spec allows and the work cap admits, nearest first in the direction of `towards`
 * (the way the last change went: +1 up, −1 down). A live widget computes them ahead.
 */
export function neighbours(root: HTMLElement, spec: WidgetSpec<Params>, state: State, name: string, towards = 1): State[] {
  const p = spec.params[name];
  const [el] = inputs(root, name);
  if (!p || !el) return [];
  const values: unknown[] = [];
  const directions = towards < 0 ? [-1, 1] : [1, -1];
  if (el instanceof HTMLSelectElement && p.kind === 'enum') {
    for (const d of directions) if (el.options[el.selectedIndex + d]) values.push(el.options[el.selectedIndex + d].value);
  } else if (el instanceof HTMLInputElement && el.type === 'checkbox' && p.kind === 'bool') {
    values.push(!el.checked);
  } else if (el instanceof HTMLInputElement && (el.type === 'range' || el.type === 'number') && p.kind !== 'enum' && p.kind !== 'bool' && p.kind !== 'enumList') {
    for (const d of directions) {
      const copy = el.cloneNode() as HTMLInputElement;
      copy.value = el.value;
      try {
        if (d > 0) copy.stepUp();
        else copy.stepDown();
      } catch {
        continue; // step="any": no step to take
      }
      values.push(numberIn(p, copy));
    }
  }
  return values
    .map((value) => ({ ...state, [name]: value }) as State)
    .filter((next) => checkValue(p, next[name]).ok && next[name] !== state[name] && !workProblem(spec, next));
}

/**
 * Puts a state into the controls (and the value read-outs); `outputsOnly` leaves the inputs alone,
 * mid-drag. Only what differs is written: a key press changes one control, and every write to the
 * DOM is style and layout work for the browser while the worker computes.
 */
export function writeControls(root: HTMLElement, spec: WidgetSpec<Params>, state: State, outputsOnly = false): void {
  const setChecked = (el: HTMLInputElement | HTMLSelectElement, on: boolean) => {
    if ((el as HTMLInputElement).checked !== on) (el as HTMLInputElement).checked = on;
  };
  const setValue = (el: HTMLInputElement | HTMLSelectElement, v: string) => {
    if (el.value !== v) el.value = v;
  };
  for (const [name, p] of Object.entries(spec.params)) {
    const value = state[name];
    const text = typeof value === 'number' ? formatNumber(value) : String(value);
    const out = root.querySelector<HTMLOutputElement>(`[data-value-for="${name}"]`);
    if (out && out.textContent !== text) out.textContent = text;
    const els = inputs(root, name);
    if (p.kind === 'number' && els[0]?.dataset.scale === 'log' && els[0].getAttribute('aria-valuetext') !== text) els[0].setAttribute('aria-valuetext', text);
    if (outputsOnly) {
      if (p.kind === 'enumList') for (const el of els) setChecked(el, (value as string[]).includes(el.value));
      continue;
    }
    for (const el of els) {
      if (p.kind === 'bool') setChecked(el, value === true);
      else if (p.kind === 'enumList') setChecked(el, (value as string[]).includes(el.value));
      else if (el.dataset.scale === 'log') setValue(el, String(Math.log10(value as number)));
      else setValue(el, text);
    }
  }
}
