/**
 * Whole-state helpers shared by the build-time and browser parsers: defaults, the work cap, and a
 * validity check for states produced by code (controls), which must never reach a URL or MDX if bad.
 */
import { checkValue, describeKind } from './params-check.ts';
import { amounts, showProp } from './params-text.ts';
import type { Params, StateOf, WidgetSpec } from './params-types.ts';

/**
 * Parameter names of a spec, in declaration order. Own keys only: a name like `__proto__` in a
 * URL can never reach `Object.prototype` through a lookup on `params`.
 */
export function paramNames(spec: WidgetSpec<Params>): string[] {
  return Object.keys(spec.params);
}

/** Whether `name` is a declared parameter of `spec` (own property; never inherited). */
export function hasParam(spec: WidgetSpec<Params>, name: string): boolean {
  return Object.hasOwn(spec.params, name);
}

/** A fresh state with every parameter at its default (lists copied). */
export function defaultState<P extends Params>(spec: WidgetSpec<P>): StateOf<P> {
  const state: Record<string, unknown> = {};
  for (const name of paramNames(spec)) {
    const p = spec.params[name];
    state[name] = p.kind === 'enumList' ? [...p.default] : p.default;
  }
  return state as StateOf<P>;
}

/** Whether two valid values of one parameter are equal (lists: same names in the same order). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/**
 * Why `state` is over the spec's work cap, in words, or `null` if it is within it (or there is no
 * cap). An estimate that throws or is not a finite number counts as over.
 */
export function workProblem<P extends Params>(spec: WidgetSpec<P>, state: StateOf<P>): string | null {
  if (!spec.work) return null;
  const { max, unit } = spec.work;
  let work: number;
  try {
    work = spec.work.estimate(state);
  } catch (error) {
    return `its work could not be estimated (${error instanceof Error ? error.message : 'unknown error'})`;
  }
  if (typeof work === 'number' && Number.isFinite(work) && work <= max) return null;
  const [needs, limit] = amounts(work, max);
  return `this configuration needs ${needs} ${unit}; the limit is ${limit}`;
}

/**
 * Problems with a state built by code, one sentence each; `[]` means valid. Checks every
 * parameter (present, allowed) and the work cap.
 */
export function validateState(spec: WidgetSpec<Params>, state: unknown): string[] {
  if (typeof state !== 'object' || state === null) return ['the state is not an object'];
  const values = state as Record<string, unknown>;
  const problems: string[] = [];
  for (const name of paramNames(spec)) {
    const p = spec.params[name];
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (!checkValue(p, value).ok) problems.push(`${name} must be ${describeKind(p)}; got ${showProp(value)}`);
  }
  for (const name of Object.keys(values)) if (!hasParam(spec, name)) problems.push(`${name} is not a parameter`);
  if (problems.length === 0) {
    const work = workProblem(spec, values as StateOf<Params>);
    if (work) problems.push(work);
  }
  return problems;
}

/** Throws, naming the widget and the problems, unless `state` is valid (for serializers). */
export function assertValidState(spec: WidgetSpec<Params>, state: unknown, doing: string): void {
  const problems = validateState(spec, state);
  if (problems.length > 0) throw new Error(`${doing} <${spec.name}>: invalid state: ${problems.join('; ')}.`);
}
