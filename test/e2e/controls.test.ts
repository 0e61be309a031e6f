/**
 * The controls of every widget on the built site, found in dist/ (not from a hand list), in a real
 * Chromium: log-scale sliders step back to where they were, seed fields correct bad input visibly
 * and say so, checkbox lists keep their order when an option goes off and on again, and a slider
 * pushed past the work cap goes as far as the cap allows, says why, and claims no change it did
 * not make. The field, the widget's state and the address always agree.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { watchedContext, type WatchedContext } from '../helpers/browser.ts';
import { pages, parsePage } from '../helpers/dist.ts';
import { openWidget, servedSite } from '../helpers/site.ts';

/** Each widget instance on the site with the names of its controls of each sort, read from the built HTML. */
type Found = { name: string; key: string; mode: string; path: string; log: string[]; seeds: string[]; lists: string[]; sliders: string[] };
const FOUND: Found[] = [];
for (const page of pages()) {
  for (const el of parsePage(page.file).querySelectorAll('notebook-widget')) {
    const names = (selector: string) => [...new Set([...el.querySelectorAll(`[data-controls] ${selector}`)].map((i) => i.getAttribute('name')!))];
    FOUND.push({
      name: el.getAttribute('data-widget')!, key: el.getAttribute('data-key')!, mode: el.getAttribute('data-mode')!, path: page.path,
      log: names('input[type="range"][data-scale="log"]'),
      seeds: names('input[type="number"]'),
      lists: names('fieldset input[type="checkbox"]'),
      sliders: names('input[type="range"]:not([data-scale])'),
    });
  }
}
/** The first instance of each widget that has controls of a sort (log sliders and lists: every instance, as each page's own values matter). */
const firstWith = (sort: 'log' | 'seeds' | 'lists') =>
  FOUND.filter((w, i, all) => w[sort].length > 0 && all.findIndex((x) => x.name === w.name && x[sort].length > 0) === i);
/** Sliders the work cap held back, over all training widgets (checked after them). */
let capped = 0;

const site = servedSite();

/** Types `text` into a field as a reader would, key by key, after clearing it. */
async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await field.focus();
  await field.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  if (text) await page.keyboard.type(text);
}

const open = (w: WatchedContext, widget: Found) => openWidget(w.context, site.origin, widget);

/** The widget's state as its element holds it (what Run sends to the worker). */
const stateOf = (page: Page, key: string, name: string) =>
  page.evaluate(([k, n]) => (document.querySelector(`notebook-widget[data-key="${k}"]`) as unknown as { state: Record<string, unknown> }).state[n], [key, name] as const);
/** The widget's value of `name` in the address, once it has had time to follow (URL_PAUSE_MS is 400 ms). */
async function inAddress(page: Page, key: string, name: string): Promise<string | null> {
  await page.waitForTimeout(700);
  return new URL(page.url()).searchParams.get(`${key}.${name}`);
}
const notice = (root: Locator) => root.locator('[data-notice]');
const status = (root: Locator) => root.locator('[data-status]').textContent();

function expectNoTrouble(w: WatchedContext): void {
  expect(w.trouble.consoleErrors, 'console errors').toEqual([]);
  expect(w.trouble.pageErrors, 'uncaught errors').toEqual([]);
  expect(w.trouble.cspViolations, 'CSP violations').toEqual([]);
}

describe('widget controls on the built site', () => {
  it('there are log sliders, seed fields and checkbox lists to test', () => {
    expect([firstWith('log').length, firstWith('seeds').length, firstWith('lists').length].every((n) => n > 0)).toBe(true);
  });

  for (const widget of FOUND.filter((w) => w.log.length > 0)) {
    it(`<${widget.name} id="${widget.key}"> on ${widget.path}: a log slider stepped up and down is back at the page's value, tidy, and the address stays clean`, async () => {
      const w = await watchedContext(site.browser, site.origin);
      const { page, root } = await open(w, widget);
      for (const name of widget.log) {
        const slider = root.locator(`input[name="${name}"]`);
        const start = await stateOf(page, widget.key, name) as number;
        await slider.focus();
        for (const [first, back] of [['ArrowRight', 'ArrowLeft'], ['ArrowLeft', 'ArrowRight']]) {
          await page.keyboard.press(first);
          const moved = await stateOf(page, widget.key, name) as number;
          expect(moved, `${name} after ${first}`).not.toBe(start);
          expect(Number(moved.toPrecision(2)), `${name} after ${first} is tidy`).toBe(moved);
          expect(await root.locator(`[data-value-for="${name}"]`).textContent()).toBe(String(moved));
          expect(await slider.getAttribute('aria-valuetext')).toBe(String(moved));
          await page.keyboard.press(back);
          expect(await stateOf(page, widget.key, name), `${name} after ${first} and ${back}`).toBe(start);
          expect(await root.locator(`[data-value-for="${name}"]`).textContent()).toBe(String(start));
        }
        expect(await inAddress(page, widget.key, name), 'the page value is not written to the address').toBeNull();
      }
      await w.context.close();
      expectNoTrouble(w);
    });
  }

  for (const widget of firstWith('seeds')) {
    it(`<${widget.name}> on ${widget.path}: a seed field corrects bad input where the reader sees it, says so, and runs what it shows`, async () => {
      const w = await watchedContext(site.browser, site.origin);
      const { page, root } = await open(w, widget);
      for (const name of widget.seeds) {
        const field = root.locator(`input[name="${name}"]`);
        const label = (await root.locator(`label[for="${await field.getAttribute('id')}"]`).textContent())!.trim();
        const before = await stateOf(page, widget.key, name);
        await typeInto(page, field, '-');
        expect(await stateOf(page, widget.key, name), 'half-typed text changes nothing').toBe(before);
        for (const [typed, shown, says] of [['-5', '0', 'became 0'], ['1.5', '2', 'became 2'], ['', '2', 'the field was empty, so it is back at 2']]) {
          await typeInto(page, field, typed);
          await field.press('Tab');
          expect(await field.inputValue(), `the field after "${typed}"`).toBe(shown);
          expect(await stateOf(page, widget.key, name), `the state after "${typed}"`).toBe(Number(shown));
          await expect.poll(() => notice(root).isVisible()).toBe(true);
          expect(await notice(root).textContent()).toContain(`${label} must be an integer from 0 to`);
          expect(await notice(root).textContent()).toContain(says);
          expect(await inAddress(page, widget.key, name), `the address after "${typed}"`).toBe(shown);
        }
        await typeInto(page, field, '7');
        await field.press('Tab');
        expect(await stateOf(page, widget.key, name)).toBe(7);
        expect(await notice(root).isHidden(), 'a good value clears the notice').toBe(true);
      }
      await w.context.close();
      expectNoTrouble(w);
    });
  }

  for (const widget of FOUND.filter((w) => w.lists.length > 0)) {
    it(`<${widget.name} id="${widget.key}"> on ${widget.path}: ticking an option off and on again (or on and off) changes nothing`, async () => {
      const w = await watchedContext(site.browser, site.origin);
      const { page, root } = await open(w, widget);
      for (const name of widget.lists) {
        const start = await stateOf(page, widget.key, name) as string[];
        const boxes = root.locator(`fieldset input[name="${name}"]`);
        for (let i = 0; i < await boxes.count(); i++) {
          const box = boxes.nth(i);
          // Off and on where the list may lose one, on and off where it may gain one; a list at both limits is tested below.
          const on = await box.isChecked();
          await box.press('Space');
          const changed = await stateOf(page, widget.key, name) as string[];
          await box.press('Space');
          if (changed.length !== start.length) expect(changed.length).toBe(start.length + (on ? -1 : 1));
          expect(await stateOf(page, widget.key, name), `${name}: ${await box.getAttribute('value')} ${on ? 'off and on' : 'on and off'}`).toEqual(start);
          expect(await box.isChecked()).toBe(on);
        }
        expect(await inAddress(page, widget.key, name), 'the page list is not written to the address').toBeNull();
      }
      await w.context.close();
      expectNoTrouble(w);
    });
  }

  // Training widgets only: End on a live widget's slider would start a run at the largest settings.
  for (const widget of FOUND.filter((f) => f.mode === 'train' && f.sliders.length > 0)) {
    it(`<${widget.name} id="${widget.key}"> on ${widget.path}: End on each slider goes as far as the work cap allows and says so`, async () => {
      const w = await watchedContext(site.browser, site.origin);
      const { page, root } = await open(w, widget);
      for (const name of widget.sliders) {
        const slider = root.locator(`input[name="${name}"]`);
        const start = await stateOf(page, widget.key, name) as number;
        const max = Number(await slider.getAttribute('max'));
        await slider.focus();
        const said = await status(root);
        await page.keyboard.press('End');
        await page.waitForTimeout(100); // the controller loads on the first change
        const value = await stateOf(page, widget.key, name) as number;
        expect(Number(await slider.inputValue()), `${name}: the slider shows the state`).toBe(value);
        if (value === max) {
          expect(await notice(root).isHidden(), `${name}: no notice at the slider's end`).toBe(true);
        } else {
          capped++;
          const text = (await notice(root).textContent())!;
          expect(text).toMatch(value === start ? / stays at \d+: at \d+, this configuration needs [\d.]+ (million|billion) / : / is set to \d+, the most the work limit allows/);
          expect(text).toMatch(/the limit is [\d.]+ (million|billion)\. To go higher, reduce "/);
          if (value === start) expect(await status(root), `${name}: the status claims no change`).toBe(said);
          else expect(await status(root)).toBe('Settings changed. Press Run to train with them.');
        }
        expect(await inAddress(page, widget.key, name), `${name}: the address`).toBe(value === start ? null : String(value));
        await root.locator('[data-action="reset"]').click();
      }
      await w.context.close();
      expectNoTrouble(w);
    });
  }

  it('the work cap held back at least one slider (the chapters have a race at its limit)', () => {
    expect(capped).toBeGreaterThan(0);
  });
});
