/**
 * For an end-to-end test file: the built site served on 127.0.0.1 and a Chromium, started before
 * the file's tests and closed after them. Inside tests, read `site.browser` and `site.origin`.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.ts';
import { DIST } from './dist.ts';
import { serveStatic, type StaticServer } from './server.ts';

export type ServedSite = { readonly browser: Browser; readonly origin: string };

export function servedSite(root = DIST): ServedSite {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serveStatic(root);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = (what: string) => new Error(`servedSite: ${what} is read before the file's beforeAll ran`);
  return {
    get browser() {
      if (!browser) throw started('browser');
      return browser;
    },
    get origin() {
      if (!server) throw started('origin');
      return server.origin;
    },
  };
}

/**
 * A new page of `context` at the widget's page, scrolled to the widget and waited for until its
 * script has hydrated it in full (`data-ready="full"`): ready for a reader's first change.
 */
export async function openWidget(context: BrowserContext, origin: string, widget: { path: string; key: string }): Promise<{ page: Page; root: Locator }> {
  const page = await context.newPage();
  await page.goto(`${origin}${widget.path}`, { waitUntil: 'load' });
  const root = page.locator(`notebook-widget[data-key="${widget.key}"]`);
  await root.scrollIntoViewIfNeeded();
  await page.waitForFunction((key) => document.querySelector<HTMLElement>(`notebook-widget[data-key="${key}"]`)?.dataset.ready === 'full', widget.key, { timeout: 20_000 });
  return { page, root };
}
