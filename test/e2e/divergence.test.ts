/**
 * A diverging run in the browser: DecisionBoundary with ReLU started ten times too large and a high
 * learning rate (the RELU_TOO_LARGE setting its experiment test pins) overflows within a few steps.
 * The widget must stop there, say in words which quantity in which layer at which step, keep the
 * page accessible, and come back with Reset.
 */
import { describe, expect, it } from 'vitest';
import { RELU_TOO_LARGE } from '../../components/widgets/decision-boundary/spec.ts';
import { seriousAxeViolations } from '../helpers/axe.ts';
import { watchedContext } from '../helpers/browser.ts';
import { pages, parsePage } from '../helpers/dist.ts';
import { servedSite } from '../helpers/site.ts';

// The first DecisionBoundary in the built site, wherever a chapter or the reference page put it.
const host = pages()
  .flatMap((p) => [...parsePage(p.file).querySelectorAll('notebook-widget[data-widget="DecisionBoundary"]')].map((el) => ({ path: p.path, key: el.getAttribute('data-key')! })))[0];

const site = servedSite();

describe('a diverging training run', () => {
  it('is found in the built site', () => {
    expect(host, 'a page with a DecisionBoundary widget').toBeDefined();
  });

  it('stops at the step it happens, says where in words, passes axe, and Reset recovers', async () => {
    const w = await watchedContext(site.browser, site.origin);
    const page = await w.context.newPage();
    const query = new URLSearchParams(Object.entries(RELU_TOO_LARGE).map(([k, v]) => [`${host.key}.${k}`, String(v)]));
    await page.goto(`${site.origin}${host.path}?${query}`, { waitUntil: 'load' });
    const root = page.locator(`notebook-widget[data-key="${host.key}"]`);
    await root.scrollIntoViewIfNeeded();
    await page.waitForFunction((key) => document.querySelector<HTMLElement>(`notebook-widget[data-key="${key}"]`)?.dataset.ready === 'full', host.key);
    expect(await root.locator('[data-notice]').isHidden(), 'the URL state was accepted').toBe(true);
    // The figure built with the page (read from dist/: a link's settings start training as soon as
    // the widget hydrates, so the page may already show a snapshot), as the browser parses it.
    const built = parsePage(pages().find((p) => p.path === host.path)!.file).querySelector(`notebook-widget[data-key="${host.key}"] [data-plot]`)!.innerHTML;
    const original = await page.evaluate((markup) => {
      const t = document.createElement('template');
      t.innerHTML = markup;
      return t.innerHTML;
    }, built);

    await root.locator('[data-action="run"]').click();
    await page.waitForFunction((key) => {
      const el = document.querySelector(`notebook-widget[data-key="${key}"]`)!;
      return !el.hasAttribute('data-busy') && /became|overflowed/.test(el.querySelector('[data-status]')!.textContent ?? '');
    }, host.key, { timeout: 60_000 });
    const status = (await root.locator('[data-status]').textContent())!;
    expect(status).toMatch(/Layer \d+'s [a-z-]+ (became NaN \(not a number\)|overflowed to [+−]∞) at step \d+/);
    const svg = await root.locator('[data-plot]').innerHTML();
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect(await seriousAxeViolations(page), 'axe, diverged').toEqual([]);

    await root.locator('[data-action="reset"]').click();
    expect(await root.locator('[data-plot]').innerHTML()).toBe(original);
    expect(await root.locator('[data-status]').textContent()).toMatch(/^Reset/);
    expect(new URL(page.url()).search).toBe('');
    await w.context.close();
    expect(w.trouble.consoleErrors).toEqual([]);
    expect(w.trouble.pageErrors).toEqual([]);
    expect(w.trouble.cspViolations).toEqual([]);
    expect(w.trouble.otherOrigins).toEqual([]);
  });
});
