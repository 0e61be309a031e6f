/**
 * Links to a widget's settings, in a real Chromium, for every widget found in the built site:
 * a training widget opened from a link says, until it has hydrated, that its figure is still the
 * page's; once hydrated it trains the link's settings by itself and shows exactly what the engine
 * computes for them, and Reset brings back the page's own. "Copy link" ends in the widget's id, and
 * the link opens the page at the widget.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { prepareWidget } from '../../components/runtime/prepare.ts';
import { DEFINITIONS } from '../../components/widgets/definitions.ts';
import { watchedContext, type WatchedContext } from '../helpers/browser.ts';
import { firstOfEachWidget, pages, parsePage, type FoundWidget } from '../helpers/dist.ts';
import { servedSite } from '../helpers/site.ts';

type Found = FoundWidget;
const WIDGETS = firstOfEachWidget();

const site = servedSite();

const figure = (root: Locator) => root.locator('[data-plot]').innerHTML();
const status = (root: Locator) => root.locator('[data-status]').textContent();
const idle = (page: Page, key: string) => page.waitForFunction((k) => {
  const el = document.querySelector(`notebook-widget[data-key="${k}"]`)!;
  return !el.hasAttribute('data-busy') && (el.querySelector('[data-progress]') as HTMLProgressElement).value === 1;
}, key, { timeout: 120_000 });

/** Markup as the page holds it once parsed (attribute quoting, entities), to compare with innerHTML. */
const parsed = (page: Page, markup: string) => page.evaluate((m) => {
  const t = document.createElement('template');
  t.innerHTML = m;
  return t.innerHTML;
}, markup);

function expectNoTrouble(w: WatchedContext): void {
  expect(w.trouble.consoleErrors, 'console errors').toEqual([]);
  expect(w.trouble.pageErrors, 'uncaught errors').toEqual([]);
  expect(w.trouble.cspViolations, 'CSP violations').toEqual([]);
  expect(w.trouble.otherOrigins, 'requests to other origins').toEqual([]);
}

describe('a link with a training widget’s settings', () => {
  const training = WIDGETS.filter((w) => w.mode === 'train');
  it('there are training widgets', () => {
    expect(training.length).toBeGreaterThan(0);
  });

  for (const widget of training) {
    it(`<${widget.name}> on ${widget.path}: marks the built figure as the page's, then trains the link's settings by itself`, async () => {
      const seed = (widget.props.seed as number) + 1;
      // What the engine computes for the link's settings, here in Node, as the build would draw it.
      const expected = await prepareWidget(await DEFINITIONS[widget.name](), { ...widget.props, seed, id: widget.key });

      const w = await watchedContext(site.browser, site.origin);
      const page = await w.context.newPage();
      // Hold the widget's controller back, so the page is seen as it is before the widget hydrates.
      let release = () => {};
      const held = new Promise<void>((resolve) => { release = resolve; });
      await page.route(/\/widget-controller[^/]*\.js$/, async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${site.origin}${widget.path}?${widget.key}.seed=${seed}`, { waitUntil: 'domcontentloaded' });
      const root = page.locator(`notebook-widget[data-key="${widget.key}"]`);
      await page.waitForFunction((k) => document.querySelector<HTMLElement>(`notebook-widget[data-key="${k}"]`)?.dataset.ready === 'controls', widget.key);
      const builtRoot = parsePage(pages().find((p) => p.path === widget.path)!.file).querySelector(`notebook-widget[data-key="${widget.key}"]`)!;
      const built = builtRoot.querySelector('[data-plot]')!.innerHTML;
      expect(await figure(root), 'before hydrating: the figure built with the page').toBe(await parsed(page, built));
      expect(await status(root)).toBe(`This link sets seed ${seed}. Until the widget has trained with it, the figure shows this page's own settings.`);
      expect(await root.locator('[data-controls] [name="seed"]').inputValue()).toBe(String(seed));

      release();
      await root.scrollIntoViewIfNeeded();
      await page.waitForFunction((k) => document.querySelector<HTMLElement>(`notebook-widget[data-key="${k}"]`)?.hasAttribute('data-busy'), widget.key, { timeout: 20_000 });
      expect(await status(root)).toMatch(new RegExp(`^(This link sets seed ${seed}; training it…|Training the linked settings… \\d0% done\\.)$`));
      await idle(page, widget.key);
      expect(await figure(root), 'the figure for the link’s settings').toBe(await parsed(page, expected.svg));
      expect(await status(root)).toBe(expected.summary);
      // Reset goes back to the page's own figure and sentence, not to the link's notice.
      await root.locator('[data-action="reset"]').click();
      expect(await figure(root)).toBe(await parsed(page, built));
      expect(await status(root)).toBe(`Reset to this page's settings. ${builtRoot.querySelector('[data-status]')!.textContent}`);
      await w.context.close();
      expectNoTrouble(w);
    }, 180_000);
  }
});

describe('"Copy link" opens the page at the widget', () => {
  for (const widget of WIDGETS) {
    it(`<${widget.name}> on ${widget.path}: the link ends in #${widget.key}, keeps the settings, and scrolls to the widget`, async () => {
      const w = await watchedContext(site.browser, site.origin);
      await w.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
      const page = await w.context.newPage();
      await page.goto(`${site.origin}${widget.path}`, { waitUntil: 'load' });
      const root = page.locator(`notebook-widget[data-key="${widget.key}"]`);
      await root.scrollIntoViewIfNeeded();
      await page.waitForFunction((k) => document.querySelector<HTMLElement>(`notebook-widget[data-key="${k}"]`)?.dataset.ready === 'full', widget.key, { timeout: 20_000 });
      const select = root.locator('[data-controls] select').first();
      const name = (await select.getAttribute('name'))!;
      const options = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      const value = options.find((o) => o !== widget.props[name])!;
      await select.selectOption(value);
      await root.locator('details.share > summary').click();
      await root.locator('[data-action="export-link"]').click();
      const output = root.locator('[data-share-output]');
      await expect.poll(() => output.textContent()).toMatch(/^http/);
      const link = new URL((await output.textContent())!);
      expect(link.hash).toBe(`#${widget.key}`);
      expect(link.searchParams.get(`${widget.key}.${name}`)).toBe(value);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link.href);

      const opened = await w.context.newPage();
      await opened.goto(link.href, { waitUntil: 'load' });
      const at = await opened.evaluate((id) => {
        const el = document.getElementById(id)!;
        const box = el.getBoundingClientRect();
        const end = scrollY + innerHeight >= document.documentElement.scrollHeight - 1;
        return { tag: el.localName, key: el.dataset.key, top: Math.round(box.top), viewport: innerHeight, end };
      }, widget.key);
      expect(at).toMatchObject({ tag: 'notebook-widget', key: widget.key });
      // At the top of the window (below its scroll margin), or as near as the end of the page allows.
      expect(at.top, 'the widget’s top is in view').toBeGreaterThanOrEqual(0);
      expect(at.top).toBeLessThan(at.viewport);
      if (!at.end) expect(at.top).toBeLessThanOrEqual(20);
      expect(await opened.locator(`#${widget.key} [data-controls] select[name="${name}"]`).inputValue()).toBe(value);
      await w.context.close();
      expectNoTrouble(w);
    });
  }
});

describe('a long parameter that is no widget’s', () => {
  // A tracking id appended by a social site (fbclid=…) can run to thousands of characters.
  const withWidgets = pages().filter((p) => parsePage(p.file).querySelector('notebook-widget'));
  it('there are pages with widgets', () => {
    expect(withWidgets.length).toBeGreaterThan(0);
  });

  for (const { path, file } of withWidgets) {
    it(`${path}: no widget shows a notice, and each keeps the page's settings`, async () => {
      const keys = [...parsePage(file).querySelectorAll('notebook-widget')].map((el) => el.getAttribute('data-key')!);
      const w = await watchedContext(site.browser, site.origin);
      const page = await w.context.newPage();
      await page.goto(`${site.origin}${path}?fbclid=${'A'.repeat(4200)}`, { waitUntil: 'load' });
      await page.waitForFunction((n) => document.querySelectorAll('notebook-widget[data-ready]').length === n, keys.length);
      const notices = await page.locator('notebook-widget [data-notice]:not([hidden])').allTextContents();
      expect(notices, 'notices shown').toEqual([]);
      for (const key of keys) {
        const shown = await page.locator(`notebook-widget[data-key="${key}"]`).evaluate((el) => JSON.stringify((el as unknown as { state: unknown }).state));
        const props = await page.locator(`notebook-widget[data-key="${key}"]`).evaluate((el) => (el as HTMLElement).dataset.props ?? '{}');
        expect(JSON.parse(shown), key).toEqual(JSON.parse(props));
      }
      await w.context.close();
      expectNoTrouble(w);
    });
  }
});
