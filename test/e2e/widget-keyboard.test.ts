/**
 * Every training widget on the built site (each one on each page, found in dist/), driven by the
 * keyboard alone: Tab to Run and press Enter, Stop with Enter, Run again to the end, Tab past Step
 * to Reset (Step by keyboard: widget-step.test.ts).
 * Run and Stop disable each other while a run goes; the focus must never fall to <body> (a keyboard
 * or screen-reader user would start again from the top of the page) nor leave the widget.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { watchedContext } from '../helpers/browser.ts';
import { pages, parsePage } from '../helpers/dist.ts';
import { servedSite } from '../helpers/site.ts';

type Found = { name: string; key: string; path: string };
const TRAINING: Found[] = pages().flatMap((page) =>
  [...parsePage(page.file).querySelectorAll('notebook-widget[data-mode="train"]')].map((el) => ({
    name: el.getAttribute('data-widget')!,
    key: el.getAttribute('data-key')!,
    path: page.path,
  })));

const site = servedSite();

/** Where the focus is, as `data-action` of a button in the widget, another element in it, or where else. */
const focusIn = (page: Page, key: string) => page.evaluate((k) => {
  const el = document.activeElement;
  if (!el || el === document.body) return 'body';
  if (!document.querySelector(`notebook-widget[data-key="${k}"]`)!.contains(el)) return `outside: <${el.localName}>`;
  return (el as HTMLElement).dataset.action ?? `<${el.localName}>`;
}, key);

/**
 * From now on, samples the focus at every frame and where it goes at every focus change; returns
 * a function reading the places it was seen that are not inside the widget.
 */
async function watchFocus(page: Page, key: string): Promise<() => Promise<string[]>> {
  await page.evaluate((k) => {
    const root = document.querySelector(`notebook-widget[data-key="${k}"]`)!;
    const lost: string[] = ((window as unknown as { __lost: string[] }).__lost = []);
    const check = (el: Element | null, when: string) => {
      if (!el || el === document.body) lost.push(`body (${when})`);
      else if (!root.contains(el)) lost.push(`<${el.localName}> outside the widget (${when})`);
    };
    const frame = () => {
      check(document.activeElement, 'frame');
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    // Where the focus goes as it leaves an element (null: nowhere, that is <body>).
    document.addEventListener('focusout', (e) => check(e.relatedTarget as Element | null, `leaving ${(e.target as HTMLElement).dataset.action ?? (e.target as Element).localName}`), true);
  }, key);
  return () => page.evaluate(() => (window as unknown as { __lost: string[] }).__lost);
}

const isBusy = (root: Locator) => root.evaluate((el) => el.hasAttribute('data-busy'));
const status = (root: Locator) => root.locator('[data-status]').textContent();

describe('training widgets by keyboard alone', () => {
  it('there are training widgets in the built site', () => {
    expect(TRAINING.length).toBeGreaterThan(0);
  });

  for (const widget of TRAINING) {
    it(`<${widget.name} id="${widget.key}"> on ${widget.path}: Run, Stop, Run to the end, Reset; the focus stays in the widget`, async () => {
      const w = await watchedContext(site.browser, site.origin);
      const page = await w.context.newPage();
      await page.goto(`${site.origin}${widget.path}`, { waitUntil: 'load' });
      const root = page.locator(`notebook-widget[data-key="${widget.key}"]`);
      await root.scrollIntoViewIfNeeded();
      await page.waitForFunction((k) => document.querySelector<HTMLElement>(`notebook-widget[data-key="${k}"]`)?.dataset.ready === 'full', widget.key, { timeout: 20_000 });

      // Tab from the first control to Run.
      await root.locator('[data-controls] [name]').first().focus();
      for (let i = 0; i < 40 && (await focusIn(page, widget.key)) !== 'run'; i++) await page.keyboard.press('Tab');
      expect(await focusIn(page, widget.key), 'Tab reaches Run').toBe('run');
      const lost = await watchFocus(page, widget.key);

      await page.keyboard.press('Enter');
      await page.waitForFunction((k) => {
        const el = document.querySelector(`notebook-widget[data-key="${k}"]`)!;
        return el.hasAttribute('data-busy') && (el.querySelector('[data-progress]') as HTMLProgressElement).value > 0;
      }, widget.key, { timeout: 30_000 });
      expect(await focusIn(page, widget.key), 'while it runs, the focus is on Stop').toBe('stop');

      await page.keyboard.press('Enter');
      await expect.poll(() => isBusy(root), { timeout: 5000 }).toBe(false);
      expect(await status(root)).toMatch(/^Stopped/);
      expect(await focusIn(page, widget.key), 'once stopped, the focus is on Run').toBe('run');

      await page.keyboard.press('Enter');
      await expect.poll(() => isBusy(root), { timeout: 5000 }).toBe(true);
      await page.waitForFunction((k) => {
        const el = document.querySelector(`notebook-widget[data-key="${k}"]`)!;
        return !el.hasAttribute('data-busy') && (el.querySelector('[data-progress]') as HTMLProgressElement).value === 1;
      }, widget.key, { timeout: 120_000 });
      expect(await status(root)).not.toMatch(/^(Training|Stopped)/);
      expect(await focusIn(page, widget.key), 'once the run has finished, the focus is on Run').toBe('run');

      // Stop is disabled again, so Tab goes from Run to Step, then to Reset.
      await page.keyboard.press('Tab');
      expect(await focusIn(page, widget.key)).toBe('step');
      await page.keyboard.press('Tab');
      expect(await focusIn(page, widget.key)).toBe('reset');
      await page.keyboard.press('Enter');
      expect(await status(root)).toMatch(/^Reset to this page's settings/);
      expect(await focusIn(page, widget.key)).toBe('reset');

      await page.waitForTimeout(100); // a few more frames of watching
      expect(await lost(), 'moments the focus was not inside the widget').toEqual([]);
      await w.context.close();
      expect(w.trouble.consoleErrors, 'console errors').toEqual([]);
      expect(w.trouble.pageErrors, 'uncaught errors').toEqual([]);
    }, 180_000);
  }
});
