/**
 * Every built page (enumerated from dist/, never a hand list), in a real Chromium, in the light
 * and the dark theme: no console errors, no uncaught errors, no CSP violations, no requests to
 * other origins, KaTeX fonts loaded where there is math, axe (WCAG 2.x A/AA) without serious or
 * critical violations, and a full-page screenshot kept in test-artifacts/ (issue 2, item 10).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page as PwPage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from '../helpers/axe.ts';
import { scrollThrough, watchedContext, type WatchedContext } from '../helpers/browser.ts';
import { ROOT, pages } from '../helpers/dist.ts';
import { servedSite } from '../helpers/site.ts';

const ALL = pages(); // throws when dist/ is missing: the file fails, it is not skipped
const SHOTS = join(ROOT, 'test-artifacts', 'screenshots');
const THEMES = ['light', 'dark'] as const;

const site = servedSite();

beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
});

/** '' when KaTeX_Main has loaded (or the page has no math), else the state of every KaTeX face. */
async function katexFontProblem(page: PwPage): Promise<string> {
  if ((await page.locator('.katex').count()) === 0) return '';
  await page.evaluate(() => document.fonts.ready);
  await page
    .waitForFunction(() => [...document.fonts].some((f) => f.family.replace(/["']/g, '') === 'KaTeX_Main' && f.status === 'loaded'), undefined, { timeout: 10_000 })
    .catch(() => undefined); // reported below with the state of every face
  return page.evaluate(() => {
    const faces = [...document.fonts].filter((f) => f.family.includes('KaTeX'));
    if (faces.some((f) => f.family.replace(/["']/g, '') === 'KaTeX_Main' && f.status === 'loaded')) return '';
    return `KaTeX_Main not loaded; KaTeX faces: ${faces.map((f) => `${f.family} ${f.weight} ${f.style}=${f.status}`).join(', ') || 'none registered'}`;
  });
}

describe.each(THEMES)('every page in the %s theme', (theme) => {
  let w: WatchedContext;
  beforeAll(async () => {
    w = await watchedContext(site.browser, site.origin, { colorScheme: theme, viewport: { width: 1280, height: 800 } });
  });
  afterAll(async () => { await w?.context.close(); });

  it.each(ALL.map((p) => [p.path, p] as const))('%s', async (path, p) => {
    w.reset();
    const page = await w.context.newPage();
    const response = await page.goto(site.origin + path, { waitUntil: 'load' });
    await scrollThrough(page);
    await page.waitForLoadState('networkidle');
    const dataTheme = await page.evaluate(() => document.documentElement.getAttribute('data-theme'));
    const fonts = await katexFontProblem(page);
    const axe = await seriousAxeViolations(page);
    await page.screenshot({ path: join(SHOTS, `${p.name}-${theme}.png`), fullPage: true });
    await page.close();

    const at = `${path} (${theme})`;
    expect.soft(response?.status(), `HTTP status of ${at}`).toBe(200);
    expect.soft(w.trouble.consoleErrors, `console errors on ${at}`).toEqual([]);
    expect.soft(w.trouble.pageErrors, `uncaught errors on ${at}`).toEqual([]);
    expect.soft(w.trouble.cspViolations, `CSP violations on ${at}`).toEqual([]);
    expect.soft(w.trouble.otherOrigins, `requests to other origins from ${at}`).toEqual([]);
    expect.soft(w.trouble.failedRequests, `failed requests from ${at}`).toEqual([]);
    expect.soft(dataTheme, `<html data-theme> on ${at} should follow prefers-color-scheme`).toBe(theme);
    expect.soft(fonts, `KaTeX fonts on ${at}`).toBe('');
    expect.soft(axe.length, `axe serious/critical violations on ${at}:\n${axe.join('\n')}\n`).toBe(0);
  });
});

describe('a missing page', () => {
  it('answers 404 with the site\'s 404 page, and nothing else goes wrong', async () => {
    const w = await watchedContext(site.browser, site.origin);
    const page = await w.context.newPage();
    const url = `${site.origin}/no-such-page/here/`;
    const response = await page.goto(url, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    const text = await page.locator('body').innerText();
    await w.context.close();

    expect(response?.status()).toBe(404);
    expect(text).toMatch(/404|not found/i);
    // The document's own 404 is expected (Chromium logs it as a console error); nothing else is.
    expect.soft(w.trouble.failedRequests).toEqual([`404 ${url}`]);
    expect.soft(w.trouble.consoleErrors.filter((e) => !(e.includes('404') && e.includes(url)))).toEqual([]);
    expect.soft(w.trouble.pageErrors).toEqual([]);
    expect.soft(w.trouble.cspViolations).toEqual([]);
    expect.soft(w.trouble.otherOrigins).toEqual([]);
  });
});
