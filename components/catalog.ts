/**
 * The page components an author can use in a chapter, with their props, for the widget reference
 * page. Widgets document themselves through their parameter specs (components/widgets/specs.ts);
 * these have no spec, so their props are described here, next to the files that check them.
 */
/**
 * A purpose written with Markdown-style inline code (`// #region`) as runs of text and code, for
 * the page to render as <code>. Throws on an unpaired backtick, which would show as a stray mark.
 */
export function inlineCode(text: string): { code: boolean; text: string }[] {
  const parts = text.split('`');
  if (parts.length % 2 === 0) throw new Error(`components/catalog.ts: unpaired backtick in ${JSON.stringify(text)}.`);
  return parts.map((part, i) => ({ code: i % 2 === 1, text: part })).filter((part) => part.text !== '');
}

/**
 * Allowed values as the build's messages word them (`one of "tanh", "relu"`), with each quoted
 * value a run of code: what an author types, straight quotes and all, set apart from the prose.
 */
export function quotedAsCode(text: string): { code: boolean; text: string }[] {
  return text.split(/("[^"]*")/).map((part) => ({ code: /^"[^"]*"$/.test(part), text: part })).filter((part) => part.text !== '');
}

import { CHECKS } from './codecell/checks.ts';
import { NUMBERS } from './numbers.ts';

export type PropDoc = { name: string; allowed: string; default: string; required?: boolean };
/** A prop whose allowed values are names, each with what it stands for (listed under the props). */
export type NamedValues = { prop: string; names: { name: string; describe: string }[] };
/** An exercise check of `<CodeCell check>`: the export the reader writes and what is compared. */
export type CheckDoc = { name: string; title: string; signature: string; compares: string };
export type ComponentDoc = { name: string; file: string; purpose: string; props: PropDoc[]; values?: NamedValues; checks?: CheckDoc[] };

/** "a", "b" or "c", each in straight quotes (quotedAsCode sets them as code). */
const quotedList = (names: string[]) => names.map((n) => `"${n}"`).join(', ').replace(/, ([^,]*)$/, ' or $1');

export const PAGE_COMPONENTS: ComponentDoc[] = [
  {
    name: 'Source',
    file: 'components/Source.astro',
    purpose: 'Shows an engine file, or one `// #region` of it, exactly as it runs. A missing region fails the tests.',
    props: [
      { name: 'path', allowed: 'a file under lib/, e.g. "lib/dense.ts"', default: '—', required: true },
      { name: 'region', allowed: 'a region name in that file', default: 'the whole file' },
      { name: 'title', allowed: 'any text', default: 'the path and region' },
    ],
  },
  {
    name: 'Figure',
    file: 'components/Figure.astro',
    purpose: 'Wraps any figure with a caption saying what to notice.',
    props: [
      { name: 'caption', allowed: 'text, at least 10 characters', default: '—', required: true },
      { name: 'id', allowed: 'an anchor name', default: 'none' },
    ],
  },
  {
    name: 'Aside',
    file: 'components/Aside.astro',
    purpose: 'A box beside the main line: a note, a warning, what a paper says, or where the source post differs.',
    props: [
      { name: 'kind', allowed: '"note", "warning", "paper" or "post"', default: '"note"' },
      { name: 'title', allowed: 'any text', default: 'a heading for the kind' },
    ],
  },
  {
    name: 'Exercise',
    file: 'components/Exercise.astro',
    purpose: 'Predict, then check: a question, optional choices, and an answer (the slot) revealed on request.',
    props: [
      { name: 'question', allowed: 'text, at least 10 characters', default: '—', required: true },
      { name: 'choices', allowed: 'a list of at least 2 strings', default: 'none: the reader writes a prediction' },
      { name: 'answer', allowed: 'index of the right choice, from 0', default: '— (required with choices)' },
      { name: 'id', allowed: 'an anchor name', default: 'derived from the question' },
    ],
  },
  {
    name: 'Cite',
    file: 'components/Cite.astro',
    purpose: 'An in-text citation linking to an entry of the chapter’s `references` frontmatter.',
    props: [{ name: 'id', allowed: 'a reference id, e.g. "glorot-2010"', default: '—', required: true }],
  },
  {
    name: 'CodeCell',
    file: 'components/CodeCell.astro',
    purpose: 'Editable TypeScript that runs in a sandboxed worker with the engine importable as `lib`; only on a click.',
    props: [
      { name: 'code', allowed: 'a string, usually a .ts file imported with ?raw', default: '—', required: true },
      { name: 'timeoutMs', allowed: 'an integer from 100 to 30000', default: '5000' },
      { name: 'check', allowed: `${quotedList(Object.keys(CHECKS))}: calls the function the reader’s code exports and compares it with the engine’s (each check below)`, default: 'none' },
      { name: 'title', allowed: 'any text', default: 'none' },
      { name: 'id', allowed: 'an anchor name', default: 'derived from the code' },
    ],
    // From the registry itself, so a new check is listed the moment `check` accepts it.
    checks: Object.entries(CHECKS).map(([name, c]) => ({ name, title: c.title, signature: c.signature, compares: c.compares })),
  },
  {
    name: 'Num',
    file: 'components/Num.astro',
    purpose: 'A number in the prose computed by the engine when the site is built (`components/numbers.ts`), so the text cannot contradict the engine; hovering over it says what it is. A name not in the list stops the build.',
    props: [
      { name: 'of', allowed: 'the name of a number, from the list below', default: '—', required: true },
      { name: 'digits', allowed: 'a whole number of significant digits, at least 1; values under 0.001 are written as powers of ten', default: '2' },
    ],
    values: { prop: 'of', names: Object.entries(NUMBERS).map(([name, n]) => ({ name, describe: n.describe })) },
  },
  {
    name: 'SeedDraws',
    file: 'components/SeedDraws.astro',
    purpose: 'A table of the first draws of the engine’s generator for a few seeds, computed when the site is built: the same seed gives the same row on every machine.',
    props: [
      { name: 'seeds', allowed: 'a list of integer seeds, one row each', default: '[1, 1, 2]' },
      { name: 'count', allowed: 'an integer from 1 to 8: draws per seed', default: '5' },
    ],
  },
];
