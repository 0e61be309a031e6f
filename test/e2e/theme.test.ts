/**
 * The theme toggle: with no stored choice the theme follows the OS (prefers-color-scheme); the
 * toggle flips `<html data-theme>`, visibly changes the colours, and the choice survives a
 * reload and a move to another page (issue 2, item 6).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { watchedContext } from '../helpers/browser.ts';
import { pages } from '../helpers/dist.ts';
import { servedSite } from '../helpers/site.ts';

const ALL = pages();
const other = ALL.find((p) => p.path !== '/' && !p.path.endsWith('404.html')) ?? ALL[0];
const site = servedSite();

const theme = (page: Page) => page.evaluate(() => document.documentElement.getAttribute('data-theme'));
const colours = (page: Page) => page.evaluate(() => {
  const c = (el: Element) => `${getComputedStyle(el).backgroundColor}/${getComputedStyle(el).color}`;
  return `${c(document.documentElement)} ${c(document.body)}`;
});

describe.each([['light', 'dark'], ['dark', 'light']] as const)('starting from the OS preference %s', (os, flipped) => {
  it(`the toggle switches to ${flipped}, and the choice persists across reloads and pages`, async () => {
    const w = await watchedContext(site.browser, site.origin, { colorScheme: os });
    const page = await w.context.newPage();
    await page.goto(`${site.origin}/`, { waitUntil: 'load' });
    expect(await theme(page)).toBe(os);
    const before = await colours(page);

    await page.locator('[data-theme-toggle]').first().click();
    expect(await theme(page)).toBe(flipped);
    expect(await colours(page), 'page colours should change with the theme').not.toBe(before);

    await page.reload({ waitUntil: 'load' });
    expect(await theme(page), 'after reload').toBe(flipped);
    await page.goto(site.origin + other.path, { waitUntil: 'load' });
    expect(await theme(page), `on ${other.path}`).toBe(flipped);

    await page.locator('[data-theme-toggle]').first().click();
    expect(await theme(page), 'toggled back').toBe(os);
    await page.reload({ waitUntil: 'load' });
    expect(await theme(page), 'toggled back, after reload').toBe(os);
    await w.context.close();

    expect.soft(w.trouble.consoleErrors).toEqual([]);
    expect.soft(w.trouble.pageErrors).toEqual([]);
    expect.soft(w.trouble.cspViolations).toEqual([]);
  });
});
