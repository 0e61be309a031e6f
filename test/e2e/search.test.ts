/**
 * Static search finds a chapter by a word from its text (issue 2, items 7 and 10). The word is
 * chosen from the built chapter, not written here, so the test follows the content.
 */
import { describe, expect, it } from 'vitest';
import { watchedContext } from '../helpers/browser.ts';
import { pages, parsePage, type Page } from '../helpers/dist.ts';
import { servedSite } from '../helpers/site.ts';
import { distinctiveWord, proseOf } from '../helpers/words.ts';

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
    await w.context.close();

    const paths = hrefs.map((h) => new URL(h).pathname);
    expect(paths, `results for "${word}" (status: "${status}") should link to ${path}`).toContain(path);
    expect(status).toBe(paths.length === 1 ? `1 chapter mentions “${word}”.` : `${paths.length} chapters mention “${word}”.`);
    expect.soft(w.trouble.consoleErrors).toEqual([]);
    expect.soft(w.trouble.pageErrors).toEqual([]);
    expect.soft(w.trouble.cspViolations).toEqual([]);
    expect.soft(w.trouble.otherOrigins).toEqual([]);
  });

  it.each(CHAPTERS.map((c) => [c.path, twoWords(c)] as const))('shows the excerpts for %s with the spaces around marked words (query "%s")', async (_path, query) => {
    const w = await watchedContext(site.browser, site.origin);
    const page = await w.context.newPage();
    await page.goto(`${site.origin}/search/?q=${encodeURIComponent(query)}`, { waitUntil: 'load' });
    await page.locator('[data-search-results] .excerpt').first().waitFor({ timeout: 20_000 });
    const shown = await page.locator('[data-search-results] .excerpt').allTextContents();
    // Pagefind's own excerpts, unmarked and decoded another way: a textarea holds text, not markup.
    // A string, not a function: Vitest would rewrite a function's import() into its own loader.
    const expected = (await page.evaluate(`(async (q) => {
      const pagefind = await import('/pagefind/pagefind.js');
      const found = await pagefind.search(q);
      const data = await Promise.all(found.results.slice(0, 20).map((r) => r.data()));
      return data.map((d) => {
        const box = document.createElement('textarea');
        box.innerHTML = d.excerpt.replace(/<\\/?mark>/g, '');
        return { raw: d.excerpt, text: box.value };
      });
    })(${JSON.stringify(query)})`)) as { raw: string; text: string }[];
    await w.context.close();
    expect(expected.some((e) => /<\/mark>\s/.test(e.raw)), `an excerpt with a space after a marked word: ${JSON.stringify(expected)}`).toBe(true);
    expect(shown).toEqual(expected.map((e) => e.text));
    expect.soft(w.trouble.consoleErrors).toEqual([]);
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
