/** Picks a search word from a built chapter the way a reader might: long, and rare elsewhere. */
import { parsePage, type Page } from './dist.ts';

/** Parts of a page that are not its main prose (chrome, code, math, figures). */
const NOT_PROSE = 'script, style, noscript, template, nav, header, footer, pre, code, .katex, svg, figure, [data-pagefind-ignore], form, button';

/** The prose of a page: its Pagefind body, else main, else body; without chrome, code and math. */
export function proseOf(doc: Document): string {
  const root = doc.querySelector('[data-pagefind-body]') ?? doc.querySelector('main') ?? doc.body;
  if (!root) return '';
  for (const el of [...root.querySelectorAll(NOT_PROSE)]) el.remove();
  return root.textContent ?? '';
}

/** Lower-cased words of at least `min` ASCII letters. */
export function longWords(text: string, min = 8): string[] {
  return (text.match(new RegExp(`\\b[A-Za-z]{${min},}\\b`, 'g')) ?? []).map((w) => w.toLowerCase());
}

/**
 * The words of ≥ 8 letters in `target`'s prose, those found on the fewest other pages first; ties
 * go to the word used most on the target, then alphabetical order (deterministic).
 */
export function distinctiveWords(target: Page, all: Page[]): string[] {
  const counts = new Map<string, number>();
  for (const w of longWords(proseOf(parsePage(target.file)))) counts.set(w, (counts.get(w) ?? 0) + 1);
  if (counts.size === 0) throw new Error(`${target.path} has no word of 8 or more letters in its prose`);
  const others = all.filter((p) => p.file !== target.file).map((p) => new Set(longWords(proseOf(parsePage(p.file)))));
  const elsewhere = (w: string) => others.filter((s) => s.has(w)).length;
  return [...counts.entries()]
    .map(([w, n]) => ({ w, n, df: elsewhere(w) }))
    .sort((a, b) => a.df - b.df || b.n - a.n || a.w.localeCompare(b.w))
    .map((x) => x.w);
}

/** The first of `distinctiveWords`: the word a reader would search for to find `target`. */
export function distinctiveWord(target: Page, all: Page[]): string {
  return distinctiveWords(target, all)[0];
}
