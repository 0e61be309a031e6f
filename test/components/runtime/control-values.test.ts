/**
 * What a reader's input to a control means: checkbox lists keep the page's order (unticking and
 * ticking again changes nothing), number fields are corrected with a note only once committed,
 * and a change over the work cap goes as far as the cap allows, saying so in words. Parameters
 * are those of every widget spec.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listFromChecks, numberFromText, tickCount, withinCap } from '../../../components/runtime/control-values.ts';
import { withDefaults } from '../../../components/runtime/controls.ts';
import { checkValue } from '../../../components/runtime/params-check.ts';
import { workProblem } from '../../../components/runtime/params-state.ts';
import type { EnumListParam, Params, SeedParam, StateOf, WidgetSpec } from '../../../components/runtime/params-types.ts';
import { SPECS } from '../../../components/widgets/specs.ts';
import { HE_FIGURE3_PRESET, trainingRaceSpec } from '../../../components/widgets/training-race/spec.ts';
import { codeNamedOptions, codeNamesIn, shownName } from '../../helpers/option-names.ts';

type State = StateOf<Params>;
const paramsOf = <K extends string>(kind: K) =>
  Object.entries(SPECS).flatMap(([widget, spec]) => Object.entries(spec.params).filter(([, p]) => p.kind === kind).map(([name, p]) => ({ where: `${widget}.${name}`, p })));
const LISTS = paramsOf('enumList') as { where: string; p: EnumListParam }[];
const SEEDS = paramsOf('seed') as { where: string; p: SeedParam }[];

describe('checkbox lists keep the page\'s order', () => {
  it('the widgets have list parameters', () => expect(LISTS.length).toBeGreaterThan(0));

  for (const { where, p } of LISTS) {
    /** A page's list (any valid one, as MDX props may give) and a list in that page's order. */
    const pageAndList = fc.uniqueArray(fc.constantFrom(...p.options), { minLength: p.minItems, maxLength: p.maxItems }).chain((page) => {
      const order = [...page, ...p.options.filter((o) => !page.includes(o))];
      return fc.tuple(fc.constant(page), fc.array(fc.boolean(), { minLength: order.length, maxLength: order.length }).map((keep) => order.filter((_, i) => keep[i])));
    });

    it(`${where}: unticking then ticking an option, or ticking then unticking, gives back the list (2,000 lists)`, () => {
      fc.assert(fc.property(pageAndList, fc.constantFrom(...p.options), ([page, list], option) => {
        const onPage = { ...p, default: page };
        const without = new Set(list.filter((o) => o !== option));
        const withIt = new Set([...list, option]);
        const ticks = new Set(list);
        if (list.includes(option)) expect(listFromChecks(onPage, listFromChecks(onPage, list, without), ticks)).toEqual(list);
        else expect(listFromChecks(onPage, listFromChecks(onPage, list, withIt), ticks)).toEqual(list);
      }), { numRuns: 2_000 });
    });

    it(`${where}: a list in any order (from a link) keeps it when another option is ticked or unticked`, () => {
      fc.assert(fc.property(fc.uniqueArray(fc.constantFrom(...p.options), { maxLength: p.options.length }), fc.constantFrom(...p.options), (list, option) => {
        const withIt = listFromChecks(p, list, new Set([...list, option]));
        expect(withIt.filter((o) => o !== option)).toEqual(list.filter((o) => o !== option));
        expect(listFromChecks(p, list, new Set(list.filter((o) => o !== option)))).toEqual(list.filter((o) => o !== option));
      }), { numRuns: 1_000 });
    });
  }

  it('says how many to tick when a list would be too short or too long', () => {
    const p = trainingRaceSpec.params.initializers as EnumListParam;
    expect(tickCount(p, ['heNormal', 'glorotNormal'])).toBe('Initializers: tick 2 to 4; kept He normal + Glorot normal.');
  });

  for (const { where, p } of LISTS.filter(({ p }) => codeNamedOptions(p).length > 0)) {
    it(`${where}: the kept list is named as its checkboxes name it, not by code names`, () => {
      const kept = codeNamedOptions(p).slice(0, Math.max(1, p.minItems));
      const notice = tickCount(p, kept);
      for (const option of kept) expect(notice).toContain(shownName(p, option));
      expect(codeNamesIn(notice, p)).toEqual([]);
    });
  }

  it('TrainingRace on /widgets/: heNormal off and on again is the default list', () => {
    const p = trainingRaceSpec.params.initializers as EnumListParam;
    const page = [...p.default];
    const off = listFromChecks(p, page, new Set(page.filter((o) => o !== 'heNormal')));
    expect(listFromChecks(p, off, new Set(page))).toEqual(page);
  });
});

describe('number fields', () => {
  it('the widgets have seed fields', () => expect(SEEDS.length).toBeGreaterThan(0));

  for (const { where, p } of SEEDS) {
    it(`${where}: bad text changes nothing while typed; once committed it is corrected, with a note (3,000 texts)`, () => {
      const text = fc.oneof(fc.string(), fc.integer().map(String), fc.double().map(String), fc.constantFrom('', '-5', '1.5', '2147483648', '1e3', ' 7 '));
      fc.assert(fc.property(text, fc.integer({ min: 0, max: 2 ** 31 - 1 }), (t, previous) => {
        const typing = numberFromText(p, t, previous, false);
        const done = numberFromText(p, t, previous, true);
        expect(typing.note).toBeNull();
        expect(checkValue(p, done.value).ok).toBe(true);
        // A number as HTML's number field reports one (a valid floating-point number), in range and whole.
        if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(t.trim()) && checkValue(p, Number(t.trim())).ok) {
          const typed = Number(t.trim()) || 0; // '-0' is 0
          expect(done).toEqual({ value: typed, note: null });
          expect(typing.value).toBe(typed);
        } else {
          expect(typing.value).toBe(previous);
          expect(done.note).toContain(`${p.label} must be an integer from 0 to`);
          expect(done.note).toContain(String(done.value));
        }
      }), { numRuns: 3_000 });
    });
  }

  it('says what became of the reviewer\'s inputs', () => {
    const p = SEEDS[0].p;
    expect(numberFromText(p, '-5', 1, true)).toEqual({ value: 0, note: `${p.label} must be an integer from 0 to 2,147,483,647, so "-5" became 0.` });
    expect(numberFromText(p, '1.5', 1, true)).toEqual({ value: 2, note: `${p.label} must be an integer from 0 to 2,147,483,647, so "1.5" became 2.` });
    expect(numberFromText(p, '', 1, true)).toEqual({ value: 1, note: `${p.label} must be an integer from 0 to 2,147,483,647; the field was empty, so it is back at 1.` });
  });
});

describe('the work cap on controls', () => {
  // The chapter's He et al. (2015) Figure 3 race: already near the cap.
  const spec = withDefaults(trainingRaceSpec as unknown as WidgetSpec<Params>, HE_FIGURE3_PRESET as unknown as State);
  const page = { ...HE_FIGURE3_PRESET } as unknown as State;
  /** A slider's positions from `from` back towards `to`, nearest first, as controls.ts lists them. */
  const back = (from: number, to: number) => Array.from({ length: Math.abs(from - to) }, (_, i) => (from > to ? from - i : from + i));

  it('a change within the cap passes', () => {
    expect(withinCap(spec, page, { ...page, epochs: 20 }, 'epochs', back(20, 30))).toBeNull();
  });

  it('keeps the value where no step towards the request fits, and says why with readable amounts and what to reduce', () => {
    const result = withinCap(spec, page, { ...page, width: 64 }, 'width', back(64, 24))!;
    expect(result.state).toEqual(page);
    expect(result.notice).toBe(
      'Units per layer stays at 24: at 64, this configuration needs 35.8 billion multiply-add equivalents; the limit is 7 billion. ' +
      'To go higher, reduce "Hidden layers", "Epochs" or "Seeds per initializer".');
  });

  it('goes as far as the cap allows, in either direction', () => {
    const deeper = withinCap(spec, page, { ...page, depth: 40 }, 'depth', back(40, 30))!;
    expect(deeper.state.depth).toBe(31);
    expect(workProblem(spec, deeper.state)).toBeNull();
    expect(workProblem(spec, { ...deeper.state, depth: 32 })).not.toBeNull();
    expect(deeper.notice).toMatch(/^Hidden layers is set to 31, the most the work limit allows with the other settings: at 40, .* 8\.77 billion .*To go higher, reduce/);
    const smaller = withinCap(spec, page, { ...page, batchSize: 1 }, 'batchSize', back(1, 10))!;
    expect(workProblem(spec, smaller.state)).toBeNull();
    expect(smaller.notice).toMatch(/^Batch size is set to \d+, the least the work limit allows/);
  });

  it('refuses a list that is over the cap, and a change of several settings at once', () => {
    const more = withinCap(spec, page, { ...page, initializers: ['heNormal', 'glorotNormal', 'zeros'] }, 'initializers')!;
    expect(more.state).toEqual(page);
    expect(more.notice).toMatch(/^Initializers stays at He normal \+ Glorot normal: with He normal \+ Glorot normal \+ zeros, .*To allow it, reduce/);
    expect(codeNamesIn(more.notice, spec.params.initializers)).toEqual([]);
    expect(withinCap(spec, page, { ...page, width: 64, depth: 40 }, null)!.state).toEqual(page);
  });
});
