/**
 * Static search finds a chapter by a word from its text (issue 2, items 7 and 10). The word is
 * chosen from the built chapter, not written here, so the test follows the content.
 */
import { describe, expect, it } from 'vitest';
import { watchedContext } from '../helpers/browser.ts';
import { pages } from '../helpers/dist.ts';
import { servedSite } from '../helpers/site.ts';
import { distinctiveWord } from '../helpers/words.ts';

const ALL = pages();
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
    expect.soft(w.trouble.consoleErrors).toEqual([]);
    expect.soft(w.trouble.pageErrors).toEqual([]);
    expect.soft(w.trouble.cspViolations).toEqual([]);
    expect.soft(w.trouble.otherOrigins).toEqual([]);
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
