/**
 * The files "Run as CSV" and "Run as JSON" save, for every widget, from a run computed here in Node
 * with the widget's own experiment (the browser's worker computes the same, seeded), and the link
 * "Copy link" gives.
 */
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../../lib/version.ts';
import { EXPERIMENTS } from '../../../components/experiments/registry.ts';
import { runToEnd } from '../../../components/runtime/experiment.ts';
import { linkTo, runFile } from '../../../components/runtime/export.ts';
import { defaultState } from '../../../components/runtime/params.ts';
import { DEFINITIONS } from '../../../components/widgets/definitions.ts';

/** CSV lines split at commas outside quotes, quotes undone (enough for these tables). */
const csvRows = (text: string) => text.trimEnd().split('\r\n').map((line) =>
  [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map(([, f]) => (f.startsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f)));

describe('runFile', () => {
  for (const [name, load] of Object.entries(DEFINITIONS)) {
    it(`${name}: the CSV is the run's table; the JSON holds the widget, engine version, seed, settings and result`, async () => {
      const def = await load();
      const state = defaultState(def.spec);
      const result = runToEnd(await EXPERIMENTS[def.experiment](), state);
      const table = def.table(result, state);
      const view = { table, result };

      const csv = runFile('csv', name, 'my-key', state, view);
      expect(csv.name).toBe(`my-key-seed${state.seed}.csv`);
      expect(csv.type).toBe('text/csv');
      const [header, ...rows] = csvRows(csv.text);
      expect(header).toEqual(table.columns);
      expect(rows).toEqual(table.rows.map((r) => r.map(String)));

      const json = runFile('json', name, 'my-key', state, view);
      expect(json.name).toBe(`my-key-seed${state.seed}.json`);
      const record = JSON.parse(json.text);
      expect(record).toEqual({ widget: name, engineVersion: ENGINE_VERSION, seed: state.seed, settings: state, result: JSON.parse(JSON.stringify(result)) });
      // The saved result is enough to rebuild the table.
      expect(def.table(record.result, record.settings)).toEqual(table);
    }, 60_000);
  }
});

describe('linkTo', () => {
  it('keeps the address and its settings and ends in the widget’s id', () => {
    expect(linkTo('http://127.0.0.1:4321/chapters/initialization/?he-figure-3.depth=20', 'he-figure-3'))
      .toBe('http://127.0.0.1:4321/chapters/initialization/?he-figure-3.depth=20#he-figure-3');
  });
  it('replaces the fragment the page was opened with', () => {
    expect(linkTo('http://127.0.0.1:4321/chapters/initialization/?scale.depth=4#references', 'scale'))
      .toBe('http://127.0.0.1:4321/chapters/initialization/?scale.depth=4#scale');
  });
});
