/**
 * Between a widget's state and its form controls. Every value read from a control goes through
 * the same per-parameter rules as props and URL state (clamped, snapped, checked), so no control
 * can produce a state the spec forbids.
 */
import { listFromChecks, numberFromText, tickCount, withinCap } from './control-values.ts';
import { gridText, logGrid, readGrid } from './log-grid.ts';
import { checkValue, clampParam, formatNumber } from './params-check.ts';
import { sameValue, workProblem } from './params-state.ts';
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
 * Reads every control into a state; a value the spec refuses keeps the previous one. `committed`:
 * the reader has finished with the control (a change event), so a number field's text that is not
 * an allowed value is corrected now, not while it is being typed. A change over the work cap goes
 * as far as the cap allows, or not at all. `notice` says what was corrected or refused, for the
 * widget to show; the controls then need writing back from `state`.
 */
export function readControls(root: HTMLElement, spec: WidgetSpec<Params>, previous: State, committed = true): { state: State; notice: string | null } {
  const next: State = { ...previous };
  const notes: string[] = [];
  for (const [name, p] of Object.entries(spec.params)) {
    const els = inputs(root, name);
    const [el] = els;
    if (!el) continue;
    let value: unknown;
    if (p.kind === 'enum') value = el.value;
    else if (p.kind === 'bool') value = (el as HTMLInputElement).checked;
    else if (p.kind === 'enumList') value = listFromChecks(p, previous[name] as string[], new Set(els.filter((i) => (i as HTMLInputElement).checked).map((i) => i.value)));
    else if (el.type === 'number') {
      const typed = numberFromText(p, el.value, previous[name] as number, committed);
      value = typed.value;
      if (typed.note) notes.push(typed.note);
    } else value = numberIn(p, el as HTMLInputElement);
    if (checkValue(p, value).ok) next[name] = value as State[string];
    else if (p.kind === 'enumList') notes.push(tickCount(p, previous[name] as string[]));
  }
  const changed = Object.keys(spec.params).filter((name) => !sameValue(next[name], previous[name]));
  const name = changed.length === 1 ? changed[0] : null;
  const capped = withinCap(spec, previous, next, name, name === null ? [] : positionsBetween(root, spec, name, previous[name]));
  if (capped) notes.push(capped.notice);
  return { state: capped ? capped.state : next, notice: notes.length ? notes.join(' ') : null };
}

/** The values of slider `name` from where it is now back towards `to` (not included), nearest first. */
function positionsBetween(root: HTMLElement, spec: WidgetSpec<Params>, name: string, to: unknown): number[] {
  const p = spec.params[name];
  const [el] = inputs(root, name);
  if (!(el instanceof HTMLInputElement) || el.type !== 'range' || typeof to !== 'number' || (p.kind !== 'int' && p.kind !== 'number')) return [];
  const copy = el.cloneNode() as HTMLInputElement;
  copy.value = el.value;
  const out: number[] = [];
  for (let value = numberIn(p, copy); value !== to && out.length < 10_000; ) {
    out.push(value);
    const before = copy.value;
    try {
      if (value > to) copy.stepDown();
      else copy.stepUp();
    } catch {
      break; // step="any": no positions to list
    }
    if (copy.value === before) break; // at the end of the slider
    value = numberIn(p, copy);
  }
  return out;
}

/** A slider's value as the spec reads it: a position on its log grid if it has one, else clamped and snapped. */
function numberIn(p: ParamSpec & { kind: 'int' | 'number' | 'seed' }, el: HTMLInputElement): number {
  if (el.dataset.scale === 'log') {
    const grid = readGrid(el.dataset.grid);
    return clampParam(p, grid[Math.round(Number(el.value))] ?? Number.NaN);
  }
  return clampParam(p, Number(el.value));
}

/** The position of `value` on a log slider's grid, adding it (and lengthening the slider) if it is not there yet. */
function logPosition(p: ParamSpec, el: HTMLInputElement, value: number): number {
  let grid = readGrid(el.dataset.grid);
  if (!grid.includes(value) && p.kind === 'number') {
    grid = logGrid(p.min, p.max, [...grid, value]);
    el.dataset.grid = gridText(grid);
    el.max = String(grid.length - 1);
  }
  return grid.indexOf(value);
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
    // A slider says its value as its read-out shows it (the read-out itself is hidden from screen readers).
    if (els[0]?.type === 'range' && els[0].getAttribute('aria-valuetext') !== text) els[0].setAttribute('aria-valuetext', text);
    if (outputsOnly) {
      if (p.kind === 'enumList') for (const el of els) setChecked(el, (value as string[]).includes(el.value));
      continue;
    }
    for (const el of els) {
      if (p.kind === 'bool') setChecked(el, value === true);
      else if (p.kind === 'enumList') setChecked(el, (value as string[]).includes(el.value));
      else if (el.dataset.scale === 'log') setValue(el, String(logPosition(p, el as HTMLInputElement, value as number)));
      else setValue(el, text);
    }
  }
}
