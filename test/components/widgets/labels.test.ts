/**
 * One name per initializer and per data set across every widget's controls: the same words, the
 * same typographic quotes, from the one map in components/widgets/labels.ts. Widgets come from
 * the registry, so a new widget is checked too.
 */
import { describe, expect, it } from 'vitest';
import { INITIALIZERS } from '../../../lib/index.ts';
import { SPECS } from '../../../components/widgets/specs.ts';
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
