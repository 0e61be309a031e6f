/**
 * "Show as table" keeps a long table in a box of its own height that scrolls: with every table
 * open, each box that scrolls is a named tab stop (axe's scrollable-region-focusable, and a
 * keyboard user's only way to read the rows below), and a box whose table fits adds no tab stop.
 * Pages and tables come from dist/.
 */
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from '../helpers/axe.ts';
import { watchedContext } from '../helpers/browser.ts';
import { roleAndName } from '../helpers/aria-name.ts';
import { pages, parsePage } from '../helpers/dist.ts';
import { servedSite } from '../helpers/site.ts';

const WITH_TABLES = pages().filter((p) => parsePage(p.file).querySelector('details[data-table]'));
const site = servedSite();
/** Over the whole site: how many boxes scrolled and how many fitted, so both cases were seen. */
const seen = { scrolling: 0, fitting: 0 };

/** Whether the box's content is larger than the box, either way. */
const scrolls = (box: Locator) => box.evaluate((el) => el.scrollHeight > el.clientHeight || el.scrollWidth > el.clientWidth);

describe('tables that scroll', () => {
  it('the build has pages with tables', () => {
    expect(WITH_TABLES.length).toBeGreaterThan(0);
  });

  it.each(WITH_TABLES.map((p) => [p.path] as const))('%s: with every table open, axe passes, and a box is a named tab stop exactly when it scrolls', async (path) => {
    const w = await watchedContext(site.browser, site.origin, { viewport: { width: 1280, height: 800 } });
    const page = await w.context.newPage();
    await page.goto(site.origin + path, { waitUntil: 'load' });
    const tables = await page.locator('details[data-table]').all();
    for (const details of tables) await details.locator('> summary').click();
    // The boxes' sizes are seen by a ResizeObserver: give it two frames.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await seriousAxeViolations(page), `axe with every table open on ${path}`).toEqual([]);

    for (const details of tables) {
      const where = `${path} ${await details.evaluate((d) => d.closest('[data-key]')?.getAttribute('data-key'))}`;
      const box = details.locator('[data-table-body]');
      // The keyboard's way: from "Show as table", Tab goes into the box only if it is a stop.
      await details.locator('> summary').focus();
      await page.keyboard.press('Tab');
      const focused = await box.evaluate((el) => document.activeElement === el);
      if (await scrolls(box)) {
        seen.scrolling++;
        expect(focused, `${where}: Tab after "Show as table" reaches the scrolling box`).toBe(true);
        const named = await roleAndName(box);
        expect(named?.name, `${where}: the scrolling box has a name`).toMatch(/\S/);
        // Arrow keys then scroll it: the reader can get to the last rows.
        await page.keyboard.press('End');
        await expect.poll(() => box.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 1 || el.scrollHeight <= el.clientHeight)).toBe(true);
      } else {
        seen.fitting++;
        expect(focused, `${where}: a box whose table fits is no tab stop`).toBe(false);
        expect(await box.evaluate((el) => el.tabIndex), `${where}: tabIndex`).toBeLessThan(0);
      }
    }
    await w.context.close();
    expect(w.trouble.pageErrors).toEqual([]);
  });

  it('saw tables that scroll and tables that fit', () => {
    expect(seen.scrolling, 'scrolling tables').toBeGreaterThan(0);
    expect(seen.fitting, 'fitting tables').toBeGreaterThan(0);
  });
});
