/**
 * Build time: MDX props in, state out, or an error that fails the build and tells the author
 * exactly what to change. And the way back: a state as the `<Widget … />` line an instructor
 * pastes into a chapter ("copy as MDX").
 */
import { checkValue, describeKind, fromText, toMdxValue } from './params-check.ts';
import { assertValidState, defaultState, hasParam, paramNames, sameValue, workProblem } from './params-state.ts';
import { showProp } from './params-text.ts';
import type { ParamSpec, Params, StateOf, WidgetSpec } from './params-types.ts';

/** Props a widget component receives that are not parameters (Astro's and the page shell's). */
export const NON_PARAM_PROPS: readonly string[] = ['class', 'id', 'caption'];

/** ` depth={20} activation="tanh"`: the non-default values of a valid state, in declaration order. */
function attributes(spec: WidgetSpec<Params>, state: Record<string, unknown>): string {
  return paramNames(spec)
    .filter((name) => !sameValue(state[name], spec.params[name].default))
    .map((name) => ` ${name}=${toMdxValue(spec.params[name], state[name])}`)
    .join('');
}

/** '80', '"80"', 'true', '["he"]': a prop value as the author wrote it, without MDX braces. */
const got = (value: unknown): string => showProp(value).replace(/^\{([^]*)\}$/, '$1');

/** For a quoted value that would be right unquoted (`depth="20"`), the spelling that works. */
function hint(p: ParamSpec, name: string, value: unknown): string {
  if (typeof value !== 'string' || value.length > 40 || p.kind === 'enum') return '';
  const typed = fromText(p, value);
  return typed === undefined ? '' : ` (a string; write ${name}=${toMdxValue(p, typed)})`;
}

/** An unknown prop that differs from a parameter only in case, e.g. `Depth` for `depth`. */
function nearName(spec: WidgetSpec<Params>, name: string): string {
  const near = paramNames(spec).find((n) => n.toLowerCase() === name.toLowerCase());
  return near ? ` Did you mean ${near}?` : '';
}

/**
 * Validates a widget's MDX props and returns its full state (defaults for props not given).
 * Throws one Error listing every problem, each naming `where` (the chapter file), the widget, the
 * prop, the value given and what is allowed, e.g.
 * `content/chapters/initialization.mdx: <DepthSignal depth={80}>: depth must be an integer from 1 to 50; got 80.`
 * Props named in `ignore` (default `NON_PARAM_PROPS`) are skipped unless they are parameters.
 */
export function parseProps<P extends Params>(
  spec: WidgetSpec<P>,
  props: Record<string, unknown>,
  where: string,
  ignore: readonly string[] = NON_PARAM_PROPS,
): StateOf<P> {
  const state: Record<string, unknown> = defaultState(spec);
  const problems: string[] = [];
  const at = (attrs: string): string => `${where}: <${spec.name}${attrs}>`;
  for (const name of Object.keys(props)) {
    const value = props[name];
    if (!hasParam(spec, name)) {
      if (!ignore.includes(name)) {
        problems.push(`${at(` ${name}=${showProp(value)}`)}: ${spec.name} has no prop "${name}".${nearName(spec, name)} Its props are: ${paramNames(spec).join(', ')}.`);
      }
      continue;
    }
    const p = spec.params[name];
    const checked = checkValue(p, value);
    if (checked.ok) state[name] = checked.value;
    else problems.push(`${at(` ${name}=${showProp(value)}`)}: ${name} must be ${describeKind(p)}; got ${got(value)}${hint(p, name, value)}.`);
  }
  if (problems.length === 0) {
    const work = workProblem(spec, state as StateOf<P>);
    if (work) problems.push(`${at(attributes(spec, state))}: ${work}; make the configuration smaller.`);
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return state as StateOf<P>;
}

/** The key of a widget given no `id` prop: its name in kebab case (DepthSignal → depth-signal). */
export function defaultWidgetKey(name: string): string {
  return name.replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase());
}

/**
 * The MDX line for a state, non-default values only, e.g.
 * `<DepthSignal depth={20} activation="tanh" />`; `parseProps` of its attributes gives the state
 * back. `key`, the widget's key on its page, is written as its `id` unless it is the name's own
 * (links to the widget and its URL state go by it). Throws on an invalid state (a bug in the caller).
 */
export function toMdx<P extends Params>(spec: WidgetSpec<P>, state: StateOf<P>, key?: string): string {
  assertValidState(spec, state, 'toMdx');
  const id = key !== undefined && key !== defaultWidgetKey(spec.name) ? ` id="${key}"` : '';
  return `<${spec.name}${id}${attributes(spec, state as Record<string, unknown>)} />`;
}
