/**
 * Figures as the page shows them after a redraw in the worker, for every widget in the built
 * site: y ticks all labelled in one notation per axis, bar values to one number of significant
 * digits, and legends with exponents raised rather than written in ASCII.
 */
import { describe, expect, it } from 'vitest';
import { watchedContext } from '../helpers/browser.ts';
import { firstOfEachWidget } from '../helpers/dist.ts';
import { legendEntries, significantDigits, valueLabels, yAxes } from '../helpers/read-svg.ts';
import { servedSite } from '../helpers/site.ts';

const WIDGETS = firstOfEachWidget();

const site = servedSite();

const notation = (label: string) => (/10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(label) ? 'power' : /\de[-−+]?\d/i.test(label) ? 'e' : 'plain');

describe('figures redrawn in the page', () => {
  it('there are widgets to test', () => {
    expect(WIDGETS.length).toBeGreaterThan(0);
  });

  for (const widget of WIDGETS) {
    it(`<${widget.name}> on ${widget.path}: axes, bar values and legends read well after a redraw`, async () => {
      const w = await watchedContext(site.browser, site.origin);
      const page = await w.context.newPage();
      await page.goto(`${site.origin}${widget.path}`, { waitUntil: 'load' });
      const root = page.locator(`notebook-widget[data-key="${widget.key}"]`);
      await root.scrollIntoViewIfNeeded();
      await page.waitForFunction((key) => document.querySelector<HTMLElement>(`notebook-widget[data-key="${key}"]`)?.dataset.ready === 'full', widget.key, { timeout: 20_000 });
      const before = await root.locator('[data-plot]').innerHTML();

      const select = root.locator('[data-controls] select').first();
      const options = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      const current = await select.inputValue();
      await select.selectOption(options.find((o) => o !== current)!);
      await root.locator('[data-action="run"]').click();
      await page.waitForFunction((key) => !document.querySelector(`notebook-widget[data-key="${key}"]`)!.hasAttribute('data-busy'), widget.key, { timeout: 60_000 });
      await expect.poll(() => root.locator('[data-plot]').innerHTML(), { timeout: 30_000 }).not.toBe(before);

      const figures = await root.locator('[data-plot] svg.nb-plot').evaluateAll((svgs) => svgs.map((s) => s.outerHTML));
      expect(figures.length).toBeGreaterThan(0);
      for (const markup of figures) {
        const [axis] = yAxes(markup);
        expect(axis.labels.filter((l) => l.text.trim() === ''), 'unlabelled y ticks').toEqual([]);
        const notations = new Set(axis.labels.map((l) => notation(l.text)));
        expect(notations.has('e') || notations.size > 1, `y labels ${axis.labels.map((l) => l.text).join(' ')}`).toBe(false);
        expect(new Set(valueLabels(markup).filter((l) => l !== '0').map(significantDigits)).size).toBeLessThanOrEqual(1);
        for (const entry of legendEntries(markup)) expect(entry.text).not.toContain('^');
      }
      expect(w.trouble.pageErrors).toEqual([]);
      await w.context.close();
    });
  }
});
