/**
 * The files "Run as CSV" and "Run as JSON" save, for every widget, from a run computed here in Node
 * with the widget's own experiment (the browser's worker computes the same, seeded), and the link
 * "Copy link" gives.
 */
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../../lib/version.ts';
import { EXPERIMENTS } from '../../../components/experiments/registry.ts';
import { runToEnd } from '../../../components/runtime/experiment.ts';
import { withDefaults } from '../../../components/runtime/controls.ts';
import { fileBase, linkTo, MAX_FILE_BASE, runFile } from '../../../components/runtime/export.ts';
import { defaultState, validateState } from '../../../components/runtime/params.ts';
import type { ParamSpec, Params, StateOf, WidgetSpec } from '../../../components/runtime/params-types.ts';
import { DEFINITIONS } from '../../../components/widgets/definitions.ts';
import { parseCsv } from '../../helpers/csv.ts';

describe('runFile', () => {
  for (const [name, load] of Object.entries(DEFINITIONS)) {
    it(`${name}: the CSV is the run's table (every point); the JSON holds the widget, engine version, seed, settings and result`, async () => {
      const def = await load();
      const state = defaultState(def.spec);
      const result = runToEnd(await EXPERIMENTS[def.experiment](), state);
      // The CSV is the widget's CSV table where it has one (every point of a thinned table), else its table.
      const table = def.csv?.(result, state) ?? def.table(result, state);
      const view = { table: def.table(result, state), csv: def.csv?.(result, state), result };

      const csv = runFile('csv', name, def.spec, 'my-key', state, view);
      expect(csv.name).toBe(`my-key-seed${state.seed}.csv`);
      expect(csv.type).toBe('text/csv');
      const [header, ...rows] = parseCsv(csv.text);
      expect(header).toEqual(table.columns);
      expect(rows).toEqual(table.rows.map((r) => r.map(String)));

      const json = runFile('json', name, def.spec, 'my-key', state, view);
      expect(json.name).toBe(`my-key-seed${state.seed}.json`);
      const record = JSON.parse(json.text);
      expect(record).toEqual({ widget: name, engineVersion: ENGINE_VERSION, seed: state.seed, settings: state, result: JSON.parse(JSON.stringify(result)) });
      // The saved result is enough to rebuild the table.
      expect(def.table(record.result, record.settings)).toEqual(view.table);
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

/** Values of `p` other than `now`: the ends of a range, the other options, the other truth value, other lists. */
function otherValues(p: ParamSpec, now: unknown): StateOf<Params>[string][] {
  const all = (() => {
    switch (p.kind) {
      case 'int': case 'number': return [p.min, p.max];
      case 'seed': return [(now as number) + 1];
      case 'bool': return [!now];
      case 'enum': return [...p.options];
      case 'enumList': {
        const fewest = p.minItems ?? 1;
        const most = p.maxItems ?? p.options.length;
        return [p.options.slice(0, fewest), p.options.slice(-most).reverse(), [...(now as string[])].reverse()];
      }
    }
  })();
  return all.filter((v) => JSON.stringify(v) !== JSON.stringify(now));
}

const SAFE = /^[A-Za-z0-9._+-]+$/;

describe('fileBase: exported files are named after the settings that differ from the page’s', () => {
  // The longest key a widget may have, so the names here are as long as they get.
  const KEY = 'k'.repeat(32);
  for (const [name, load] of Object.entries(DEFINITIONS)) {
    it(`${name}: one name per setting changed, each safe and bounded; the page’s own settings give key and seed`, async () => {
      const spec = (await load()).spec as WidgetSpec<Params>;
      const page = defaultState(spec) as StateOf<Params>;
      const base = fileBase(spec, KEY, page);
      expect(base).toBe(`${KEY}-seed${String(page.seed)}`);

      // Every valid change of one setting, and then all of them at once.
      const names = new Map<string, string>([[base, 'the page’s settings']]);
      let everything = { ...page };
      for (const [param, p] of Object.entries(spec.params)) {
        const changes = otherValues(p, page[param]).map((v) => ({ ...page, [param]: v })).filter((st) => validateState(spec, st).length === 0);
        expect(changes.length, `${param} can be changed`).toBeGreaterThan(0);
        for (const changed of changes) {
          const file = fileBase(spec, KEY, changed);
          const what = `${param} = ${JSON.stringify(changed[param])}`;
          expect(file, what).toMatch(SAFE);
          expect(file.length, what).toBeLessThanOrEqual(MAX_FILE_BASE);
          expect(file.startsWith(`${KEY}-`), what).toBe(true);
          if (p.kind !== 'seed') expect(file, what).toContain(param);
          expect(file, what).toMatch(new RegExp(`-seed${String(changed.seed)}$`));
          expect(names.get(file), `${what} is named like ${names.get(file)}`).toBeUndefined();
          names.set(file, what);
          // On a page whose own settings these are, the name is key and seed again.
          expect(fileBase(withDefaults(spec, changed), KEY, changed)).toBe(`${KEY}-seed${String(changed.seed)}`);
        }
        const more = { ...everything, [param]: changes.at(-1)![param] };
        if (validateState(spec, more).length === 0) everything = more;
      }
      const all = fileBase(spec, KEY, everything);
      expect(all).toMatch(SAFE);
      expect(all.length).toBeLessThanOrEqual(MAX_FILE_BASE);
      expect(names.has(all)).toBe(false);
    });
  }

  it('names a DepthSignal at depth 12 on a page drawn at depth 10 after its depth', async () => {
    const spec = (await DEFINITIONS.DepthSignal()).spec as WidgetSpec<Params>;
    const page = { ...defaultState(spec), depth: 10, seed: 1 } as StateOf<Params>;
    const onPage = withDefaults(spec, page);
    expect(fileBase(onPage, 'scale', page)).toBe('scale-seed1');
    expect(fileBase(onPage, 'scale', { ...page, depth: 12 })).toBe('scale-depth12-seed1');
  });

  it('cuts a name too long and ends it in a checksum of the settings and the seed, so cut names stay apart', () => {
    const options = Array.from({ length: 30 }, (_, i) => `option${i}`);
    const spec = {
      name: 'Long',
      params: {
        list: { kind: 'enumList', label: 'List', options, default: [options[0]] },
        last: { kind: 'int', label: 'Last', min: 0, max: 9, default: 0 },
        seed: { kind: 'seed', label: 'Seed', default: 1 },
      },
    } as unknown as WidgetSpec<Params>;
    const a = fileBase(spec, 'long', { list: options, last: 1, seed: 1 });
    const b = fileBase(spec, 'long', { list: options, last: 2, seed: 1 });
    for (const name of [a, b]) {
      expect(name.length).toBeLessThanOrEqual(MAX_FILE_BASE);
      expect(name).toMatch(SAFE);
      expect(name).toMatch(/^long-list_option0\+option1\+.*-seed1$/);
    }
    expect(a).not.toBe(b);
  });
});
