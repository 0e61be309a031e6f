/**
 * A figure exported in the dark theme is readable on its own: "Figure as SVG" has an opaque
 * background under its text with at least 4.5:1 contrast (WCAG 1.4.3), and "Figure as PNG" has no
 * transparent pixel, so a viewer's white (or any) background never shows through a light-text
 * figure. Every widget found in the built site, with the OS preferring the dark scheme.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchedContext, type WatchedContext } from '../helpers/browser.ts';
import { contrast, type Rgba } from '../helpers/contrast.ts';
import { firstOfEachWidget } from '../helpers/dist.ts';
import { servedSite } from '../helpers/site.ts';

const WIDGETS = firstOfEachWidget();
const site = servedSite();

async function download(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), button.click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

describe('figures exported in the dark theme', () => {
  let w: WatchedContext;
  beforeAll(async () => {
    w = await watchedContext(site.browser, site.origin, { acceptDownloads: true, colorScheme: 'dark' });
  });
  afterAll(async () => {
    await w?.context.close();
  });

  it('there are widgets to test', () => {
    expect(WIDGETS.length).toBeGreaterThan(0);
  });

  for (const widget of WIDGETS) {
    it(`<${widget.name}> on ${widget.path}: SVG on an opaque background with readable text, PNG without a transparent pixel`, async () => {
      w.reset();
      const page = await w.context.newPage();
      await page.goto(`${site.origin}${widget.path}`, { waitUntil: 'load' });
      expect(await page.evaluate(() => document.documentElement.dataset.theme), 'the page follows the OS into the dark theme').toBe('dark');
      const root = page.locator(`notebook-widget[data-key="${widget.key}"]`);
      await root.scrollIntoViewIfNeeded();
      await page.waitForFunction((k) => document.querySelector<HTMLElement>(`notebook-widget[data-key="${k}"]`)?.dataset.ready === 'full', widget.key, { timeout: 20_000 });
      await root.locator('details.share > summary').click();

      const svg = await download(page, root.locator('[data-action="export-svg"]'));
      // The root's colours as the file states them, read by the browser's CSS parser and turned
      // into RGBA by a canvas (which understands any CSS colour syntax).
      const colours = await page.evaluate((file) => {
        const doc = new DOMParser().parseFromString(file, 'image/svg+xml');
        const probe = document.createElement('div');
        probe.style.cssText = doc.documentElement.getAttribute('style') ?? '';
        const context = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
        const rgba = (colour: string) => {
          context.clearRect(0, 0, 1, 1);
          context.fillStyle = 'rgba(0, 0, 0, 0)';
          context.fillStyle = colour;
          context.fillRect(0, 0, 1, 1);
          const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
          return [r, g, b, a];
        };
        // The text and axes are in currentColor: the root's `color`, which the style sets.
        const text = probe.style.color;
        return { background: probe.style.backgroundColor, text, rgbaBackground: rgba(probe.style.backgroundColor || 'transparent'), rgbaText: rgba(text || 'transparent') };
      }, svg.bytes.toString('utf8'));
      const background = colours.rgbaBackground as Rgba;
      expect(background[3], `the SVG's background (${colours.background}) is opaque`).toBe(255);
      expect(contrast(background, colours.rgbaText as Rgba), `text ${colours.text} on ${colours.background}`).toBeGreaterThanOrEqual(4.5);

      const png = await download(page, root.locator('[data-action="export-png"]'));
      const pixels = await page.evaluate(async (base64) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = document.createElement('canvas');
        canvas.width = bitmap.width;
        canvas.height = bitmap.height;
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
        let transparent = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] < 255) transparent++;
        return { width: bitmap.width, height: bitmap.height, transparent };
      }, png.bytes.toString('base64'));
      expect(pixels.width * pixels.height).toBeGreaterThan(0);
      expect(pixels.transparent, `of ${pixels.width} × ${pixels.height} pixels, not fully opaque`).toBe(0);
      await page.close();
      expect(w.trouble.consoleErrors, 'console errors').toEqual([]);
      expect(w.trouble.pageErrors, 'uncaught errors').toEqual([]);
      expect(w.trouble.cspViolations, 'CSP violations').toEqual([]);
    }, 60_000);
  }
});
