/**
 * Static search finds a chapter by a word from its text (issue 2, items 7 and 10), and lists only
 * chapters that really hold the query's words: Pagefind alone matches every word as a prefix and
 * falls back to shorter indexed words (“zzzzqqq” found “z”). Words are chosen from the built
 * chapters and what Pagefind indexed, not written here, so the tests follow the content.
 */
import type { Page as PwPage } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { watchedContext } from '../helpers/browser.ts';
import { indexedPages, pages, parsePage, type Page } from '../helpers/dist.ts';
import { formulasOf, symbols, type Formula } from '../helpers/formulas.ts';
import { servedSite } from '../helpers/site.ts';
import { distinctiveWord, distinctiveWords, proseOf } from '../helpers/words.ts';

const ALL = pages();

/** The chapter's distinctive word and the word after it in its prose: a query whose excerpts mark words inside sentences. */
function twoWords(chapter: Page): string {
  const word = distinctiveWord(chapter, ALL);
  const next = proseOf(parsePage(chapter.file)).match(new RegExp(`\\b(${word})\\s+([A-Za-z]{3,})\\b`, 'i'));
  if (!next) throw new Error(`${chapter.path}: "${word}" is never followed by a word in its prose`);
  return `${next[1]} ${next[2]}`;
}
const CHAPTERS = ALL.filter((p) => /^\/chapters\/[^/]+\/$/.test(p.path));
const site = servedSite();

/** `s` as a literal piece of a regular expression. */
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where a word may start and end: not inside a run of letters and digits, nor at a script that a
 * formula's plain text attaches with _ or ^ (the “in” of n_in is part of a symbol, not a word).
 */
const START = '(?<![\\p{L}\\p{N}]|[\\p{L}\\p{N}][_^])';
const END = '(?![\\p{L}\\p{N}]|[_^][\\p{L}\\p{N}])';

/** `word` stands in `text` as a word of its own (any case; punctuation around it is fine). */
function hasWord(text: string, word: string): boolean {
  return new RegExp(`${START}${literal(word)}${END}`, 'iu').test(text);
}
/**
 * The bases `w` may be an inflection of, by the rule the search page promises, written here on its
 * own (not imported) so the test checks the page against the rule: a possessive ('s, ’s, a trailing
 * apostrophe) removed, then at most one regular ending — -s; -es after s, x, z, ch, sh; -ies and
 * -ied for y; -ed and -ing, before which a doubled consonant is undone or a silent e restored —
 * and only bases of four letters or more.
 */
function basesOf(w: string): string[] {
  const word = w.toLowerCase().replace(/[’']s$|[’']$/, '');
  const found = [word];
  const cut = (ending: string) => (word.endsWith(ending) ? word.slice(0, -ending.length) : undefined);
  const ies = cut('ies') ?? cut('ied');
  if (ies) found.push(`${ies}y`);
  const es = cut('es');
  if (es && /(s|x|z|ch|sh)$/.test(es)) found.push(es);
  const s = cut('s');
  if (s && !/[s’']$/.test(s)) found.push(s);
  for (const stem of [cut('ed'), cut('ing')]) {
    if (!stem) continue;
    found.push(stem, `${stem}e`);
    if (stem.length > 1 && stem.at(-1) === stem.at(-2) && !/[aeiou]/.test(stem.at(-1)!)) found.push(stem.slice(0, -1));
  }
  return found.filter((b) => b.length >= 4);
}
/** Some word of `text` is another form of `word`: the two share a base (`basesOf`). */
function hasForm(text: string, word: string): boolean {
  const mine = new Set(basesOf(word));
  // Words as the page reads them: letters, digits, apostrophes and a number's punctuation, with a
  // formula's scripts attached (the “in” of n_in is no word).
  const words = text.match(/(?:[\p{L}\p{N}’']|(?<=\p{N})[.,/⁻](?=\p{N}))+(?:[_^][\p{L}\p{N}]+)*/gu) ?? [];
  return words.some((w) => basesOf(w.replace(/^[’']+/, '')).some((b) => mine.has(b)));
}
/** How `text` holds `word`, as the search page words it: “gradients”, a form of “gradients”, a word starting with “grad”. */
function held(text: string, word: string): string | undefined {
  if (hasWord(text, word)) return `“${word}”`;
  if (hasForm(text, word)) return `a form of “${word}”`;
  return startsWord(text, word) ? `a word starting with “${word}”` : undefined;
}
/** Some word of `text` starts with `start`. */
function startsWord(text: string, start: string): boolean {
  return new RegExp(`${START}${literal(start)}`, 'iu').test(text);
}
const chapters = (n: number) => (n === 1 ? '1 chapter' : `${n} chapters`);

/**
 * The status line for chapters listed for `words`, read from their texts: “mention” when every one
 * has every word itself, else “contain”, with each word as the weakest of the listed chapters holds it.
 */
function statusFor(words: string[], texts: string[]): string {
  const weakest = words.map((w) => texts.every((t) => hasWord(t, w)) ? `“${w}”` : texts.every((t) => hasWord(t, w) || hasForm(t, w)) ? `a form of “${w}”` : `a word starting with “${w}”`);
  const whole = weakest.every((h, i) => h === `“${words[i]}”`);
  // Whole words first, then forms, then starts, so each qualifier belongs to one word.
  const order = (h: string) => (h.startsWith('“') ? 0 : h.startsWith('a form') ? 1 : 2);
  weakest.sort((a, b) => order(a) - order(b));
  const n = texts.length;
  const list = weakest.length < 2 ? weakest[0] : `${weakest.slice(0, -1).join(', ')} and ${weakest[weakest.length - 1]}`;
  return `${chapters(n)} ${whole ? (n === 1 ? 'mentions' : 'mention') : (n === 1 ? 'contains' : 'contain')} ${list}.`;
}

/** What Pagefind indexed for each page (its text and title), by path: the oracle for what a page holds. */
async function indexedText(page: PwPage): Promise<Map<string, string>> {
  if (page.url() === 'about:blank') await page.goto(`${site.origin}/search/`, { waitUntil: 'load' });
  // A string, not a function: Vitest would rewrite a function's import() into its own loader.
  const all = (await page.evaluate(`(async () => {
    const pagefind = await import('/pagefind/pagefind.js');
    const found = await pagefind.search(null);
    return Promise.all(found.results.map(async (r) => { const d = await r.data(); return [d.url, d.content + ' ' + (d.meta.title ?? '')]; }));
  })()`)) as [string, string][];
  return new Map(all);
}

type Item = { path: string; excerpt: string; html: string; marks: string[]; note: string };

/** Runs the search page for `query` and reads its status line and listed chapters once it is done. */
async function searchFor(page: PwPage, query: string, expectResults = true): Promise<{ items: Item[]; status: string }> {
  await page.goto(`${site.origin}/search/?q=${encodeURIComponent(query)}`, { waitUntil: 'load' });
  const status = page.locator('[data-search-status]').first();
  await page.waitForFunction(() => {
    const s = document.querySelector('[data-search-status]')?.textContent ?? '';
    return !s.startsWith('Searching') && !s.startsWith('Type a word');
  }, undefined, { timeout: 20_000 }).catch(() => undefined); // reported by the caller's expectations
  if (expectResults) await page.locator('[data-search-results] li').first().waitFor({ timeout: 20_000 }).catch(() => undefined);
  const items = await page.locator('[data-search-results] li').evaluateAll((lis) => lis.map((li) => ({
    path: new URL((li.querySelector('a') as HTMLAnchorElement).href).pathname,
    excerpt: li.querySelector('.excerpt')?.textContent ?? '',
    html: li.querySelector('.excerpt')?.innerHTML ?? '',
    marks: [...li.querySelectorAll('.excerpt mark')].map((m) => m.textContent ?? ''),
    note: li.querySelector('.partial')?.textContent ?? '',
  })));
  return { items, status: await status.innerText() };
}

/**
 * A two-letter word that one page has as a word and another has only as the start of longer words
 * (“he” in “He et al.” and in “header”): the trap of matching every word as a prefix.
 */
function shortWordTrap(indexed: Map<string, string>): string {
  const texts = [...indexed.values()];
  const candidates = [...new Set(texts.flatMap((t) => (t.match(new RegExp(`${START}\\p{L}{2}${END}`, 'gu')) ?? []).map((x) => x.toLowerCase())))].sort();
  const word = candidates.find((c) => texts.some((t) => hasWord(t, c)) && texts.some((t) => !hasWord(t, c) && startsWord(t, c)));
  if (!word) throw new Error('no two-letter word is a whole word on one page and only the start of longer words on another');
  return word;
}

/**
 * Words of two chapters, each among its ten most distinctive, that no page holds together in any
 * form (neither the word, another form of it, nor the start of a longer word).
 */
function apartPair(indexed: Map<string, string>): [{ path: string; word: string }, { path: string; word: string }] {
  const picks = CHAPTERS.map((c) => ({ path: c.path, words: distinctiveWords(c, ALL).slice(0, 10) }));
  const texts = [...indexed.values()];
  for (const a of picks) {
    for (const b of picks) {
      if (a.path >= b.path) continue;
      for (const x of a.words) {
        const y = b.words.find((y) => texts.every((t) => !(held(t, x) && held(t, y))));
        if (y) return [{ path: a.path, word: x }, { path: b.path, word: y }];
      }
    }
  }
  throw new Error(`no two chapters have distinctive words that never meet on a page: ${JSON.stringify(picks)}`);
}

/**
 * Formulas of the chapters with a root, fraction or subscript, which their MathML text loses, and a
 * word of the page's text right beside them that no other word of the chapter's indexed text holds
 * (as itself, another form or the start of a longer word): the chapter's excerpt for that word can
 * only be the one around the formula. Read from the built pages and Pagefind's stored text.
 */
function formulaNeighbours(): { path: string; word: string; formula: Formula }[] {
  const indexed = indexedPages();
  return CHAPTERS.flatMap((chapter) => {
    const p = indexed.find((i) => i.url === chapter.path);
    const tokens = `${p?.content ?? ''} ${p?.meta.title ?? ''}`.split(/\s+/);
    const once = (word: string) => tokens.filter((t) => held(t, word)).length === 1;
    return formulasOf(parsePage(chapter.file))
      .filter((f) => f.roots + f.fractions + f.subscripts > 0)
      .flatMap((formula) => {
        const word = [formula.before, formula.after].find((w) => w.length >= 4 && once(w));
        return word ? [{ path: chapter.path, word, formula }] : [];
      });
  });
}

/** How many times `part` occurs in `text`. */
const occurrences = (text: string, part: string) => text.split(part).length - 1;

const NEIGHBOURS = formulaNeighbours();

describe('search', () => {
  it('the build has chapters to search', () => {
    expect(CHAPTERS.length, 'pages at /chapters/<id>/ in dist/').toBeGreaterThan(0);
  });

  it.each(CHAPTERS.map((c) => [c.path, distinctiveWord(c, ALL)] as const))('finds %s by the word "%s" from its text', async (path, word) => {
    const w = await watchedContext(site.browser, site.origin);
    const page = await w.context.newPage();
    await page.goto(`${site.origin}/search/?q=${encodeURIComponent(word)}`, { waitUntil: 'load' });
    const links = page.locator('[data-search-results] a[href]');
    await links.first().waitFor({ timeout: 20_000 }).catch(() => undefined); // reported below
    const hrefs = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    const status = await page.locator('[data-search-status]').first().innerText().catch(() => '(no [data-search-status])');
    const indexed = await indexedText(page);
    await w.context.close();

    const paths = hrefs.map((h) => new URL(h).pathname);
    expect(paths, `results for "${word}" (status: "${status}") should link to ${path}`).toContain(path);
    expect(status).toBe(statusFor([word], paths.map((p) => indexed.get(p) ?? '')));
    expect.soft(w.trouble.consoleErrors).toEqual([]);
    expect.soft(w.trouble.pageErrors).toEqual([]);
    expect.soft(w.trouble.cspViolations).toEqual([]);
    expect.soft(w.trouble.otherOrigins).toEqual([]);
  });

  it.each(CHAPTERS.map((c) => [c.path, twoWords(c)] as const))('lists %s for "%s", every listed chapter holding both words, excerpts marked inside its text', async (path, query) => {
    const w = await watchedContext(site.browser, site.origin);
    const page = await w.context.newPage();
    const { items, status } = await searchFor(page, query);
    const indexed = await indexedText(page);
    await w.context.close();

    const words = query.split(' ');
    expect(items.map((i) => i.path), `status: "${status}"`).toContain(path);
    expect(status).toBe(statusFor(words, items.map((i) => indexed.get(i.path) ?? '')));
    // The chapter the words were taken from has both as they are.
    expect(status, 'the words are from a chapter').toContain(`“${words[0]}”`);
    for (const item of items) {
      const text = indexed.get(item.path) ?? '';
      for (const word of words) expect(hasWord(text, word) || hasForm(text, word), `${item.path} lists for “${query}” but lacks the word “${word}” in any form`).toBe(true);
      // The excerpt is a run of the chapter's own words, with spaces kept around the marked ones.
      expect(` ${text.split(/\s+/).join(' ')} `, `${item.path}: excerpt not from its text`).toContain(` ${item.excerpt} `);
      expect(item.marks.length, `${item.path}: nothing marked in "${item.excerpt}"`).toBeGreaterThan(0);
      for (const mark of item.marks) expect(words.some((word) => hasWord(mark, word) || hasForm(mark, word)), `marked “${mark}” is no form of “${words[0]}” or “${words[1]}”`).toBe(true);
    }
    expect(items.some((i) => /<\/mark> /.test(i.html)), `an excerpt with a space after a marked word: ${JSON.stringify(items.map((i) => i.html))}`).toBe(true);
    expect.soft(w.trouble.consoleErrors).toEqual([]);
  });

  it('a word found in no chapter lists nothing and says so', async () => {
    const w = await watchedContext(site.browser, site.origin);
    const page = await w.context.newPage();
    const indexed = await indexedText(page);
    // Built from letters that never start a word of the site together: nothing can really match it.
    const nonsense = 'zzzzqqq';
    for (const [p, text] of indexed) expect(startsWord(text, nonsense), `${p} has a word starting with “${nonsense}”`).toBe(false);
    const { items, status } = await searchFor(page, nonsense, false);
    await w.context.close();
    expect(items.map((i) => `${i.path}: ${i.excerpt}`)).toEqual([]);
    expect(status).toBe(`No chapter mentions “${nonsense}”. Try a shorter or different word.`);
    expect.soft(w.trouble.consoleErrors).toEqual([]);
  });

  it('reads the words inside punctuation as the words themselves, and quotes them whole', async () => {
    const w = await watchedContext(site.browser, site.origin);
    const page = await w.context.newPage();
    const [chapter] = CHAPTERS;
    const word = distinctiveWord(chapter, ALL);
    const plain = await searchFor(page, word);
    for (const query of [`<${word}>`, `${word}(1)`, `"${word}",`]) {
      const { items, status } = await searchFor(page, query);
      expect(items.map((i) => i.path), `${query}: ${status}`).toEqual(plain.items.map((i) => i.path));
      expect(status).toContain(`“${word}”`);
      expect(status).not.toMatch(/[<>()]/);
    }
    await w.context.close();
  });

  it('a number with a point is one word: found whole, not as the digits either side', async () => {
    const w = await watchedContext(site.browser, site.origin);
    const page = await w.context.newPage();
    const indexed = await indexedText(page);
    // A decimal from the chapters' indexed text (a table cell or the prose).
    const texts = [...indexed.values()];
    const number = texts.flatMap((t) => t.split(/\s+/).map((x) => x.replace(/[.,;:)]+$/, ''))).find((x) => /^\d+\.\d+$/.test(x));
    if (!number) throw new Error('no decimal number in the indexed text');
    const { items, status } = await searchFor(page, number);
    await w.context.close();
    const expected = [...indexed].filter(([, text]) => held(text, number)).map(([p]) => p).sort();
    expect(items.map((i) => i.path).sort(), `status: "${status}"`).toEqual(expected);
    expect(status).toBe(statusFor([number], items.map((i) => indexed.get(i.path) ?? '')));
    for (const item of items) for (const mark of item.marks) expect(mark, `marked for “${number}”`).toContain(number);
  });

  it('a query of symbols only says it has no letters or digits to search for', async () => {
    const w = await watchedContext(site.browser, site.origin);
    const page = await w.context.newPage();
    for (const query of ['√', '±', '%', '...']) {
      const { items, status } = await searchFor(page, query, false);
      expect(items).toEqual([]);
      expect(status).toBe(`No letters or digits to search for in “${query}”.`);
    }
    await w.context.close();
  });

  it('does not claim a chapter mentions an accented spelling it does not have', async () => {
    const w = await watchedContext(site.browser, site.origin);
    const page = await w.context.newPage();
    const indexed = await indexedText(page);
    // A word of a chapter with one vowel given an umlaut: a spelling no page has.
    const word = distinctiveWord(CHAPTERS[0], ALL);
    const accented = word.replace(/[aeiou](?!.*[aeiou])/i, (v) => `${v}\u0308`).normalize('NFC');
    expect(accented).not.toBe(word);
    for (const [p, text] of indexed) expect(hasWord(text.normalize('NFC'), accented), `${p} has “${accented}”`).toBe(false);
    const { items, status } = await searchFor(page, accented, false);
    await w.context.close();
    expect(items).toEqual([]);
    expect(status).toBe(`No chapter mentions “${accented}”. Try a shorter or different word.`);
  });

  it('another form of a chapter’s word (a plural no page has) finds the chapter, said as “a form of”', async () => {
    const w = await watchedContext(site.browser, site.origin);
    const page = await w.context.newPage();
    const indexed = await indexedText(page);
    // A chapter's distinctive word made plural, where no page has that spelling at all.
    const [chapter] = CHAPTERS;
    const word = distinctiveWord(chapter, ALL);
    const plural = /[^aeiou]y$/i.test(word) ? `${word.slice(0, -1)}ies` : /(s|x|ch|sh)$/i.test(word) ? `${word}es` : `${word}s`;
    for (const [p, text] of indexed) expect(startsWord(text, plural), `${p} has a word starting with “${plural}”`).toBe(false);
    const { items, status } = await searchFor(page, plural);
    await w.context.close();
    expect(items.map((i) => i.path), `status: "${status}"`).toContain(chapter.path);
    expect(status).toBe(`${chapters(items.length)} contain${items.length === 1 ? 's' : ''} a form of “${plural}”.`);
    for (const item of items) expect(item.marks.some((m) => hasWord(m, word) || startsWord(m, word)), `${item.path}: marked ${JSON.stringify(item.marks)}`).toBe(true);
  });

  it('a two-letter word finds the chapters that have it as a word, not those with longer words starting with it', async () => {
    const w = await watchedContext(site.browser, site.origin);
    const page = await w.context.newPage();
    const indexed = await indexedText(page);
    const word = shortWordTrap(indexed);
    const expected = [...indexed].filter(([, text]) => hasWord(text, word)).map(([p]) => p).sort();
    const { items, status } = await searchFor(page, word, expected.length > 0);
    await w.context.close();
    expect(items.map((i) => i.path).sort(), `status: "${status}"`).toEqual(expected);
    for (const item of items) for (const mark of item.marks) expect(hasWord(mark, word), `marked “${mark}” for “${word}”`).toBe(true);
  });

  it('two words no chapter has together: the chapters with either, each saying which it has', async () => {
    const w = await watchedContext(site.browser, site.origin);
    const page = await w.context.newPage();
    const indexed = await indexedText(page);
    const [a, b] = apartPair(indexed);
    const { items, status } = await searchFor(page, `${a.word} ${b.word}`);
    await w.context.close();
    expect(status).toMatch(new RegExp(`^No chapter has both “${a.word}” and “${b.word}”; \\d+ chapters? ha(s|ve) one of them\\.$`));
    expect(items.map((i) => i.path)).toEqual(expect.arrayContaining([a.path, b.path]));
    for (const item of items) {
      const text = indexed.get(item.path) ?? '';
      // The chapter holds one word, itself or as the start of a longer word, and not the other.
      const has = [a.word, b.word].filter((x) => held(text, x));
      const lacks = [a.word, b.word].filter((x) => !held(text, x));
      expect(has.length, `${item.path} has neither word`).toBe(1);
      expect(item.note).toBe(`Has ${held(text, has[0])}; not “${lacks[0]}”.`);
    }
  });

  it('finds formulas with a word beside them, so the next test has excerpts to read', () => {
    expect(NEIGHBOURS.length, 'formulas with a root, fraction or subscript, beside a word found nowhere else').toBeGreaterThan(0);
  });

  it.each(NEIGHBOURS.map((n) => [n.word, n.formula.mathml, n.path, n.formula] as const))('a search for “%s” shows the formula beside it (MathML text “%s”) with its roots, fractions and subscripts', async (word, _mathml, path, formula) => {
    const w = await watchedContext(site.browser, site.origin);
    const page = await w.context.newPage();
    const { items, status } = await searchFor(page, word);
    await w.context.close();
    const item = items.find((i) => i.path === path);
    expect(item, `${path} listed for “${word}” (status: “${status}”)`).toBeDefined();
    expect(item!.marks.some((m) => hasWord(m, word)), `marked ${JSON.stringify(item!.marks)}`).toBe(true);
    // The formula as the excerpt shows it: from the word towards the formula, the words that hold
    // as many letters and digits as the formula has.
    const shown = item!.excerpt.split(' ');
    const step = word === formula.before ? 1 : -1;
    const taken: string[] = [];
    for (let i = shown.findIndex((t) => hasWord(t, word)) + step; i >= 0 && i < shown.length && symbols(taken.join('')).length < symbols(formula.mathml).length; i += step) {
      if (step > 0) taken.push(shown[i]);
      else taken.unshift(shown[i]);
    }
    const text = taken.join(' ');
    // Every letter and digit of the formula in order, a √ per root, a / per fraction, a _ per subscript.
    expect(symbols(text), `the formula shown as “${text}”`).toBe(symbols(formula.mathml));
    expect(occurrences(text, '√'), `roots in “${text}”`).toBe(formula.roots);
    expect(occurrences(text, '/'), `fractions in “${text}”`).toBe(occurrences(formula.mathml, '/') + formula.fractions);
    expect(occurrences(text, '_'), `subscripts in “${text}”`).toBeGreaterThanOrEqual(formula.subscripts);
  });

  it.each(CHAPTERS.map((c) => [c.path] as const))('%s shows each formula once: its plain text for the index has no box, so it is neither seen nor read out', async (path) => {
    const w = await watchedContext(site.browser, site.origin);
    const page = await w.context.newPage();
    await page.goto(`${site.origin}${path}`, { waitUntil: 'load' });
    const formulas = await page.locator('.katex').count();
    const shown = await page.locator('[data-math-text]').evaluateAll((els) => els.filter((el) => el.getClientRects().length > 0).map((el) => el.textContent));
    const plain = await page.locator('.katex [data-math-text]').count();
    await w.context.close();
    expect(plain, 'a plain-text form in every formula').toBe(formulas);
    expect(shown).toEqual([]);
  });

  it('the header search form on the home page leads to results', async () => {
    const w = await watchedContext(site.browser, site.origin);
    const page = await w.context.newPage();
    await page.goto(`${site.origin}/`, { waitUntil: 'load' });
    const word = distinctiveWord(CHAPTERS[0], ALL);
    const form = page.locator('form[role="search"]').first();
    await form.locator('input[name="q"]').fill(word);
    await form.locator('input[name="q"]').press('Enter');
    await page.waitForURL((u) => u.pathname === '/search/' && u.searchParams.get('q') === word);
    await page.locator('[data-search-results] a[href]').first().waitFor({ timeout: 20_000 });
    await w.context.close();
    expect.soft(w.trouble.consoleErrors).toEqual([]);
    expect.soft(w.trouble.cspViolations).toEqual([]);
  });
});
