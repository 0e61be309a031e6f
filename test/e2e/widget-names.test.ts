/**
 * A screen reader lists a page's groups, progress bars and landmarks by name: every widget's
 * settings and progress bar must say which figure they belong to, differ from the other widgets'
 * on the page, and never read as a component's code name ("DepthSignal settings" three times on a
 * chapter). Pages and widgets come from dist/; names from Chromium's accessibility tree.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { watchedContext } from '../helpers/browser.ts';
import { roleAndName } from '../helpers/aria-name.ts';
import { pages, parsePage } from '../helpers/dist.ts';
import { servedSite } from '../helpers/site.ts';

const ALL = pages();
const WITH_WIDGETS = ALL.filter((p) => parsePage(p.file).querySelector('notebook-widget'));
/** Every widget's tag name in the build (DepthSignal, CodeCell…): none may appear in a name. */
const COMPONENTS = [...new Set(WITH_WIDGETS.flatMap((p) => [...parsePage(p.file).querySelectorAll('[data-widget]')].map((el) => el.getAttribute('data-widget')!)))];

const site = servedSite();

describe('widget names', () => {
  it('the build has pages with widgets', () => {
    expect(WITH_WIDGETS.length).toBeGreaterThan(0);
    expect(COMPONENTS.length).toBeGreaterThan(0);
  });

  it.each(WITH_WIDGETS.map((p) => [p.path, p] as const))('%s: settings and progress bars are named after their figures, each name once', async (path) => {
    const w = await watchedContext(site.browser, site.origin);
    const page = await w.context.newPage();
    await page.goto(site.origin + path, { waitUntil: 'load' });
    const found: { what: string; role: string; name: string; figure: string }[] = [];
    for (const root of await page.locator('notebook-widget').all()) {
      const key = await root.getAttribute('data-key');
      const figure = (await roleAndName(root.locator('[data-plot]')))?.name ?? '';
      for (const [what, selector, role] of [['settings', '[data-controls]', 'group'], ['progress bar', '[data-progress]', 'progressbar']] as const) {
        const named = await roleAndName(root.locator(selector));
        expect(named?.role, `${key}: ${what}`).toBe(role);
        found.push({ what: `${key}: ${what}`, role, name: named?.name ?? '', figure });
      }
    }
    await w.context.close();

    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.figure, `${f.what}: the figure has a name`).not.toBe('');
      expect(f.name, `${f.what} is named after its figure`).toContain(f.figure);
      for (const component of COMPONENTS) expect(f.name, `${f.what} reads as code`).not.toContain(component);
    }
    for (const role of new Set(found.map((f) => f.role))) {
      const names = found.filter((f) => f.role === role).map((f) => f.name);
      const repeated = names.filter((n, i) => names.indexOf(n) !== i);
      expect(repeated, `${role} names used more than once on ${path}`).toEqual([]);
    }
  });

  // A best-practice rule, outside the WCAG tags the other axe runs use: run here on its own.
  it.each(ALL.map((p) => [p.path] as const))('%s: landmarks of one kind have different names (axe landmark-unique)', async (path) => {
    const w = await watchedContext(site.browser, site.origin);
    const page = await w.context.newPage();
    await page.goto(site.origin + path, { waitUntil: 'load' });
    // Open every table: each is a named region while it shows.
    for (const summary of await page.locator('details[data-table] > summary').all()) await summary.click();
    const result = await new AxeBuilder({ page }).withRules(['landmark-unique']).analyze();
    await w.context.close();
    expect(result.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`))).toEqual([]);
  });
});
