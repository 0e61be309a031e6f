/**
 * Pages without JavaScript are honest: every code cell's Run/Edit/Reset toolbar stays hidden
 * (a CSS rule used to override its `hidden`) and a line says running needs JavaScript; every
 * widget keeps its settings in view but out of the pointer's reach, drops its Run/Reset and
 * export buttons, and says that the figure shows the page's settings. With JavaScript on — even
 * while the scripts have not run yet — none of that shows, and in print neither notice does.
 * Pages, widgets and cells are enumerated from the build.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { DIST, pages, parsePage, requireDist } from '../helpers/dist.ts';
import { serveStatic, type StaticServer } from '../helpers/server.ts';

requireDist();

/** The built pages that hold a widget or a code cell, with how many of each. */
const PAGES = pages()
  .map((p) => {
    const doc = parsePage(p.file);
    return { path: p.path, widgets: doc.querySelectorAll('notebook-widget').length, cells: doc.querySelectorAll('code-cell').length };
  })
  .filter((p) => p.widgets + p.cells > 0);

let server: StaticServer;
let browser: Browser;
let off: BrowserContext;
let on: BrowserContext;

beforeAll(async () => {
  server = await serveStatic(DIST);
  browser = await launchChromium();
  off = await browser.newContext({ javaScriptEnabled: false });
  on = await browser.newContext();
});
afterAll(async () => {
  await off?.close();
  await on?.close();
  await browser?.close();
  await server?.close();
});

/** Per element of `selector` on the page: whether each part (a selector inside it) is visible. */
function visibility(page: Page, selector: string, parts: Record<string, string>): Promise<Record<string, boolean>[]> {
  return page.locator(selector).evaluateAll((els, parts) => els.map((el) => Object.fromEntries(Object.entries(parts).map(([name, sel]) => {
    const found = [...el.querySelectorAll<HTMLElement>(sel)];
    return [name, found.length > 0 && found.every((e) => e.checkVisibility())];
  }))), parts);
}

const WIDGET_PARTS = { notice: '[data-no-script]', buttons: '[data-action="run"], [data-action="reset"], [data-action="export-svg"]', controls: '[data-controls]', figure: '[data-plot]' };
const CELL_PARTS = { notice: '[data-no-script]', toolbar: '[data-toolbar]', code: '[data-code]' };

describe('without JavaScript', () => {
  it('some built page has widgets and some has code cells', () => {
    expect(PAGES.some((p) => p.widgets > 0)).toBe(true);
    expect(PAGES.some((p) => p.cells > 0)).toBe(true);
  });

  it.each(PAGES)('$path: widgets say they need JavaScript and offer no dead buttons; code cells hide their toolbar', async ({ path, widgets, cells }) => {
    const page = await off.newPage();
    await page.goto(server.origin + path, { waitUntil: 'load' });
    const w = await visibility(page, 'notebook-widget', WIDGET_PARTS);
    expect(w).toHaveLength(widgets);
    expect(w).toEqual(w.map(() => ({ notice: true, buttons: false, controls: true, figure: true })));
    const pointer = await page.locator('notebook-widget [data-controls]').evaluateAll((els) => els.map((e) => getComputedStyle(e).pointerEvents));
    expect(pointer).toEqual(pointer.map(() => 'none'));
    const notices = await page.locator('notebook-widget [data-no-script]').allInnerTexts();
    for (const n of notices) expect(n).toMatch(/this page’s settings.*needs JavaScript/);
    const c = await visibility(page, 'code-cell', CELL_PARTS);
    expect(c).toHaveLength(cells);
    expect(c).toEqual(c.map(() => ({ notice: true, toolbar: false, code: true })));
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('[data-no-script]').evaluateAll((els) => els.filter((e) => e.checkVisibility()).length), 'printed').toBe(0);
    await page.close();
  });

  it.each(['light', 'dark'] as const)('the notices are legible in the %s theme', async (scheme) => {
    const path = PAGES.find((p) => p.widgets > 0 && p.cells > 0)?.path ?? PAGES[0].path;
    const page = await off.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(server.origin + path, { waitUntil: 'load' });
    const colors = await page.locator('[data-no-script]').evaluateAll((els) => els.map((e) => {
      let bg = 'rgba(0, 0, 0, 0)';
      for (let n: Element | null = e; n && /rgba\(0, 0, 0, 0\)|transparent/.test(bg); n = n.parentElement) bg = getComputedStyle(n).backgroundColor;
      return { fg: getComputedStyle(e).color, bg };
    }));
    expect(colors.length).toBeGreaterThan(0);
    for (const { fg, bg } of colors) expect(contrast(fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    await page.close();
  });
});

describe('with JavaScript', () => {
  it.each(PAGES)('$path: no notice shows, before or after the scripts run; the buttons are there', async ({ path }) => {
    const page = await on.newPage();
    // First the page as painted before any module script has run (they are held back here).
    await page.route('**/*.js', (route) => route.abort());
    await page.goto(server.origin + path, { waitUntil: 'load' });
    expect(await page.locator('[data-no-script]').evaluateAll((els) => els.filter((e) => e.checkVisibility()).length), 'before the scripts').toBe(0);
    const dimmed = await page.locator('notebook-widget [data-controls]').evaluateAll((els) => els.filter((e) => getComputedStyle(e).pointerEvents === 'none' || getComputedStyle(e).opacity !== '1').length);
    expect(dimmed, 'controls dimmed before the scripts').toBe(0);
    await page.unrouteAll();
    await page.goto(server.origin + path, { waitUntil: 'load' });
    await page.waitForFunction(() => customElements.get('notebook-widget') || customElements.get('code-cell'));
    expect(await page.locator('[data-no-script]').evaluateAll((els) => els.filter((e) => e.checkVisibility()).length), 'after').toBe(0);
    const w = await visibility(page, 'notebook-widget', WIDGET_PARTS);
    for (const v of w) expect(v).toMatchObject({ notice: false, controls: true });
    expect(await page.locator('notebook-widget [data-action="run"]').evaluateAll((els) => els.every((e) => e.checkVisibility()))).toBe(true);
    await expect.poll(() => visibility(page, 'code-cell', CELL_PARTS)).toEqual((await visibility(page, 'code-cell', CELL_PARTS)).map(() => ({ notice: false, toolbar: true, code: true })));
    await page.close();
  });
});

/** WCAG contrast ratio of two rgb()/rgba() colours (the background taken as opaque). */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
