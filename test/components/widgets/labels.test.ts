/**
 * One name per initializer and per data set across every widget's controls: the same words, the
 * same typographic quotes, from the one map in components/widgets/labels.ts. Widgets come from
 * the registry, so a new widget is checked too.
 */
import { describe, expect, it } from 'vitest';
import { INITIALIZERS } from '../../../lib/index.ts';
import { SPECS } from '../../../components/widgets/specs.ts';
import { DEFINITIONS } from '../../../components/widgets/definitions.ts';
import { defaultState } from '../../../components/runtime/params.ts';
import { codeNamedOptions, codeNamesIn } from '../../helpers/option-names.ts';
import { DATASET_LABELS, INITIALIZER_LABELS, INITIALIZER_NAMES, INITIALIZER_NAMES_SHORT } from '../../../components/widgets/labels.ts';

/** Every enum or enum-list parameter of every widget, with its options and labels. */
const choices = Object.values(SPECS).flatMap((spec) =>
  Object.entries(spec.params)
    .filter(([, p]) => p.kind === 'enum' || p.kind === 'enumList')
    .map(([name, p]) => ({ where: `${spec.name}.${name}`, options: (p as { options: readonly string[] }).options, labels: (p as { labels?: Record<string, string> }).labels ?? {} })),
);

describe('widget labels', () => {
  it('the shared map names every engine initializer, in the engine’s order', () => {
    expect([...INITIALIZER_NAMES]).toEqual(Object.keys(INITIALIZERS));
  });

  it.each(choices.map((c) => [c.where, c] as const))('%s labels initializers and data sets with the shared names', (_where, c) => {
    for (const option of c.options) {
      if (option in INITIALIZER_LABELS) expect(c.labels[option], option).toBe(INITIALIZER_LABELS[option as keyof typeof INITIALIZER_LABELS]);
      if (option in DATASET_LABELS) expect(c.labels[option], option).toBe(DATASET_LABELS[option as keyof typeof DATASET_LABELS]);
    }
  });

  it.each(choices.map((c) => [c.where, c] as const))('%s uses typographic quotes and apostrophes', (_where, c) => {
    for (const label of Object.values(c.labels)) expect(label).not.toMatch(/["']/);
  });

  it('the short names are the control labels’ names', () => {
    for (const name of INITIALIZER_NAMES) {
      expect(INITIALIZER_NAMES_SHORT[name]).not.toMatch(/["']/);
      const short = INITIALIZER_NAMES_SHORT[name].split(' ')[0];
      expect(INITIALIZER_LABELS[name].startsWith(short), `${INITIALIZER_LABELS[name]} / ${INITIALIZER_NAMES_SHORT[name]}`).toBe(true);
    }
  });
});

describe('figure names', () => {
  // Each option of each widget in turn (with the page's other defaults): the figure's accessible
  // name, which the status line and the widget's controls are named after, never reads as code.
  const cases = Object.entries(SPECS).flatMap(([widget, spec]) =>
    Object.entries(spec.params).flatMap(([name, p]) => codeNamedOptions(p).map((option) => ({ widget, spec, name, p, option }))));

  it.each(cases.map((c) => [`${c.widget}.${c.name}=${c.option}`, c] as const))('%s: the label names no option by its code name', async (_what, c) => {
    const definition = await DEFINITIONS[c.widget]();
    const base = defaultState(c.spec) as Record<string, unknown>;
    const value = c.p.kind === 'enumList' ? [c.option, ...(base[c.name] as string[]).filter((o) => o !== c.option)].slice(0, c.p.maxItems) : c.option;
    const label = definition.label({ ...base, [c.name]: value });
    for (const [name, p] of Object.entries(c.spec.params)) expect(codeNamesIn(label, p), `${label} (${name})`).toEqual([]);
  });
});
