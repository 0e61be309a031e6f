/**
 * Build time: turns a widget's MDX props into everything its markup needs — the validated state,
 * the default figure computed by the engine and rendered to SVG with a server-side document, the
 * table alternative and the summary sentence. A bad prop fails the build naming the chapter file.
 */
import { serverDocument } from '../plots/server.ts';
import { svgMarkup } from '../plots/markup.ts';
import { EXPERIMENTS } from '../experiments/registry.ts';
import type { WidgetDefinition, Table } from './definition.ts';
import { runToEnd } from './experiment.ts';
import { defaultWidgetKey, parseProps, WIDGET_KEY } from './params.ts';

export type PreparedWidget = {
  spec: WidgetDefinition<unknown, unknown>['spec'];
  state: Record<string, unknown>;
  widgetKey: string;
  mode: 'live' | 'train';
  svg: string;
  label: string;
  summary: string;
  table: Table;
  caption?: string;
};

/** Props every widget takes besides its parameters. */
const SHELL_PROPS = ['class', 'id', 'caption', '__where'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function prepareWidget(def: WidgetDefinition<any, any>, props: Record<string, unknown>): Promise<PreparedWidget> {
  const where = typeof props.__where === 'string' ? props.__where : 'a page';
  // Astro adds data-astro-* attributes (scoped styles) to components on pages that have a <style>.
  const own = Object.fromEntries(Object.entries(props).filter(([k]) => !k.startsWith('data-astro-')));
  const state = parseProps(def.spec, own, where, SHELL_PROPS) as Record<string, unknown>;
  const widgetKey = typeof props.id === 'string' ? props.id : defaultWidgetKey(def.spec.name);
  if (!WIDGET_KEY.test(widgetKey)) {
    throw new Error(`${where}: <${def.spec.name} id="${widgetKey}">: id must start with a letter and use letters, digits, - or _ (at most 32).`);
  }
  const load = EXPERIMENTS[def.experiment];
  if (!load) throw new Error(`<${def.spec.name}>: its experiment "${def.experiment}" is not in components/experiments/registry.ts.`);
  const result = runToEnd(await load(), state);
  const figure = def.draw(result, state, serverDocument());
  return {
    spec: def.spec,
    state,
    widgetKey,
    mode: def.mode,
    svg: svgMarkup(figure),
    label: def.label(state),
    summary: def.summary(result, state),
    table: def.table(result, state),
    caption: typeof props.caption === 'string' ? props.caption : undefined,
  };
}
