/**
 * Widget parameters: declare once with `defineWidget`, then
 * - `parseProps` validates MDX props at build time (a bad prop fails the build, naming the file),
 * - `parseQuery` / `serializeQuery` carry state in the URL (never throws; hostile input → defaults),
 * - `toMdx` gives the `<Widget … />` line for a state, `describeParam` the allowed values in words,
 * - `clampParam`, `toSlider`, `fromSlider` help controls stay inside the allowed set.
 * Values off a parameter's `step` grid are rejected, never snapped (a build error, or a URL notice);
 * only the control helpers snap. This module checks specs and re-exports the rest; the rules per
 * kind live in params-check.ts, the URL encoding is documented in params-query.ts.
 */
import { checkValue, clampParam, describeKind, OPTION_NAME, onStep } from './params-check.ts';
import { defaultState, hasParam, workProblem } from './params-state.ts';
import { showProp } from './params-text.ts';
import type { ParamSpec, Params, StateOf, WidgetSpec } from './params-types.ts';

export type * from './params-types.ts';
export { SEED_MAX } from './params-types.ts';
export { clampParam, formatNumber } from './params-check.ts';
export { defaultState, validateState } from './params-state.ts';
export { defaultWidgetKey, NON_PARAM_PROPS, parseProps, toMdx } from './params-props.ts';
export { MAX_ADDRESS_CHARS, MAX_NOTICES, MAX_QUERY_CHARS, MAX_VALUE_CHARS, parseQuery, replaceInQuery, serializeQuery, WIDGET_KEY } from './params-query.ts';
export type { QueryResult } from './params-query.ts';
export { EXCERPT_CHARS, NOTICE_CHARS } from './params-text.ts';

/** MDX tag names are PascalCase; parameter names are camelCase identifiers (they are MDX props). */
const WIDGET_NAME = /^[A-Z][A-Za-z0-9]*$/;
const PARAM_NAME = /^[a-z][A-Za-z0-9]*$/;
const KINDS: readonly string[] = ['int', 'number', 'enum', 'bool', 'enumList', 'seed'];

/** What is wrong with one parameter's declaration (empty if nothing). */
function paramProblems(p: ParamSpec): string[] {
  if (typeof p !== 'object' || p === null || !KINDS.includes(p.kind)) return [`kind must be one of ${KINDS.join(', ')}`];
  const out: string[] = [];
  if (typeof p.label !== 'string' || p.label.trim() === '') out.push('needs a label');
  if (p.kind === 'int' || p.kind === 'number') {
    const int = p.kind === 'int';
    if (!Number.isFinite(p.min) || !Number.isFinite(p.max) || p.min > p.max) out.push('needs finite min ≤ max');
    else if (int && !(Number.isInteger(p.min) && Number.isInteger(p.max))) out.push('needs integer min and max');
    else if (p.step !== undefined) {
      if (!(Number.isFinite(p.step) && p.step > 0 && (!int || Number.isInteger(p.step)))) out.push(`step must be a positive ${int ? 'integer' : 'number'}`);
      else if (!onStep(p.max, p.min, p.step)) out.push('max must be min plus a whole number of steps');
    }
    if (p.kind === 'number' && p.scale === 'log' && !(p.min > 0 && p.step === undefined)) out.push('a log scale needs min > 0 and no step');
  }
  if (p.kind === 'enum' || p.kind === 'enumList') {
    if (p.options.length === 0) out.push('needs at least one option');
    const bad = p.options.filter((o, i) => !OPTION_NAME.test(o) || p.options.indexOf(o) !== i);
    if (bad.length) out.push(`options must be different names of letters, digits, _ and -: not ${bad.map(showProp).join(', ')}`);
    const extra = p.kind === 'enum' && p.labels ? Object.keys(p.labels).filter((k) => !p.options.includes(k)) : [];
    if (extra.length) out.push(`labels for unknown options: ${extra.join(', ')}`);
    if (p.kind === 'enumList' && !(Number.isInteger(p.minItems) && Number.isInteger(p.maxItems) && p.minItems >= 0 && p.minItems <= p.maxItems && p.maxItems <= p.options.length)) {
      out.push('needs integers 0 ≤ minItems ≤ maxItems ≤ the number of options');
    }
  }
  if (p.phrase !== undefined) {
    const forms = typeof p.phrase === 'string' ? [p.phrase] : p.phrase;
    if (forms.length !== (typeof p.phrase === 'string' ? 1 : 2) || !forms.every((f) => typeof f === 'string' && f.split('#').length === 2)) {
      out.push('phrase must be words with one # for the value, or [for one, for others]');
    }
  }
  if (out.length === 0 && !checkValue(p, p.default).ok) out.push(`default ${showProp(p.default)} is not ${describeKind(p)}`);
  return out;
}

/**
 * Declares a widget's parameters and returns the spec unchanged, typed so that states are
 * `{ depth: number; activation: 'relu' | 'tanh'; … }`. Throws, naming the widget and parameter,
 * if the declaration is inconsistent: bad names, min > max, a default outside its own range or
 * off its step, duplicate or unsafe option names, or a default state over the work cap.
 */
export function defineWidget<const P extends Params>(spec: WidgetSpec<P>): WidgetSpec<P> {
  const problems: string[] = [];
  if (typeof spec.name !== 'string' || !WIDGET_NAME.test(spec.name)) problems.push('name must be a PascalCase tag name');
  for (const [name, p] of Object.entries(spec.params)) {
    if (!PARAM_NAME.test(name) || name in Object.prototype || name === 'prototype') problems.push(`${name}: not a usable prop name`);
    for (const problem of paramProblems(p)) problems.push(`${name}: ${problem}`);
  }
  if (spec.work && !(typeof spec.work.estimate === 'function' && spec.work.max > 0 && Number.isFinite(spec.work.max))) {
    problems.push('work needs an estimate function and a finite max > 0');
  } else if (problems.length === 0) {
    const work = workProblem(spec, defaultState(spec));
    if (work) problems.push(`the defaults are over the work cap: ${work}`);
  }
  if (problems.length > 0) throw new Error(`defineWidget(${String(spec.name)}): ${problems.join('; ')}.`);
  return spec;
}

/**
 * The allowed values of parameter `name` in words, e.g. 'an integer from 1 to 50' (for the
 * widget reference page and error messages).
 */
export function describeParam<P extends Params>(spec: WidgetSpec<P>, name: keyof P & string): string {
  if (!hasParam(spec, name)) throw new Error(`<${spec.name}> has no parameter "${name}".`);
  return describeKind(spec.params[name]);
}

type Slidable = ParamSpec & { kind: 'int' | 'number' | 'seed' };
const range = (p: Slidable): [number, number] => (p.kind === 'seed' ? [0, 2 ** 31 - 1] : [p.min, p.max]);
const isLog = (p: Slidable): boolean => p.kind === 'number' && p.scale === 'log';

/** A value's position on its slider, 0…1: linear, or in equal ratios for `scale: 'log'`. */
export function toSlider(p: Slidable, value: number): number {
  const [min, max] = range(p);
  if (max === min) return 0;
  const t = isLog(p) ? Math.log(value / min) / Math.log(max / min) : (value - min) / (max - min);
  return Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
}

/** The allowed value at slider position `t` (0…1), snapped by `clampParam`. */
export function fromSlider(p: Slidable, t: number): number {
  const [min, max] = range(p);
  return clampParam(p, isLog(p) ? min * (max / min) ** t : min + t * (max - min));
}

/** A state's type, for code that holds one (`StateOf<typeof spec.params>` spelled shorter). */
export type StateOfWidget<W> = W extends WidgetSpec<infer P> ? StateOf<P> : never;
