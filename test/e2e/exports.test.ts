/**
 * The export and share actions of every widget found in the built site (issue 4, item 3), in a
 * real Chromium, after one run with a changed setting: SVG and PNG of the figure, CSV and JSON of
 * the run, the link and the MDX line for the current state, and "show as table". Each file is
 * checked against an independent reading: the browser's XML parser, the PNG header, the table on
 * the page, the parameter schema. No console error or CSP violation on the way.
 */
import { readFileSync } from 'node:fs';
import { chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../lib/version.ts';
import { withDefaults } from '../../components/runtime/controls.ts';
import { defaultWidgetKey, parseProps, parseQuery } from '../../components/runtime/params.ts';
import type { Params, StateOf } from '../../components/runtime/params-types.ts';
import { DEFINITIONS } from '../../components/widgets/definitions.ts';
import { SPECS } from '../../components/widgets/specs.ts';
import { findChromium } from '../../scripts/find-chromium.mjs';
import { CHROME_ARGS, watchedContext, type WatchedContext } from '../helpers/browser.ts';
import { firstOfEachWidget, type FoundWidget } from '../helpers/dist.ts';
import { parseCsv } from '../helpers/csv.ts';
import { servedSite } from '../helpers/site.ts';

type Found = FoundWidget;
const WIDGETS = firstOfEachWidget();

/** `<Name a="x" b={3} c={["p", "q"]} />` → { a: 'x', b: 3, c: ['p', 'q'] }; braces hold JSON here. */
function mdxProps(line: string, name: string): Record<string, unknown> {
  const match = new RegExp(`^<${name}((?:\\s+[A-Za-z][A-Za-z0-9]*=(?:"[^"]*"|\\{[^}]*\\}))*)\\s*/>$`).exec(line.trim());
  if (!match) throw new Error(`not a self-closing <${name} …/> line: ${line}`);
  const props: Record<string, unknown> = {};
  for (const [, key, text, expr] of match[1].matchAll(/([A-Za-z][A-Za-z0-9]*)=(?:"([^"]*)"|\{([^}]*)\})/g)) {
    props[key] = text !== undefined ? text : JSON.parse(expr);
  }
  return props;
}

const site = servedSite();

const busy = (page: Page, key: string) => page.waitForFunction((k) => {
  const el = document.querySelector(`notebook-widget[data-key="${k}"]`)!;
  return !el.hasAttribute('data-busy') && (el.querySelector('[data-progress]') as HTMLProgressElement).value === 1;
}, key, { timeout: 60_000 });

async function download(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), button.click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

describe('exports of every widget found in the built site', () => {
  it('there are widgets to test', () => {
    expect(WIDGETS.length).toBeGreaterThan(0);
  });

  for (const widget of WIDGETS) {
    describe(`<${widget.name}> on ${widget.path}`, () => {
      let w: WatchedContext;
      let page: Page;
      let root: Locator;
      let state: Record<string, unknown>;
      const action = (name: string) => root.locator(`[data-action="export-${name}"]`);
      const shownTable = async () => ({
        columns: await root.locator('[data-table-body] thead th').allTextContents(),
        rows: await root.locator('[data-table-body] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''))),
      });

      beforeAll(async () => {
        w = await watchedContext(site.browser, site.origin, { acceptDownloads: true });
        await w.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
        page = await w.context.newPage();
        await page.goto(`${site.origin}${widget.path}`, { waitUntil: 'load' });
        root = page.locator(`notebook-widget[data-key="${widget.key}"]`);
        await root.scrollIntoViewIfNeeded();
        await page.waitForFunction((k) => document.querySelector<HTMLElement>(`notebook-widget[data-key="${k}"]`)?.dataset.ready === 'full', widget.key, { timeout: 20_000 });
        // A non-default state, so the MDX line and the link carry something: the first select's next option.
        const select = root.locator('[data-controls] select').first();
        const current = await select.inputValue();
        const options = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
        await select.selectOption(options.find((o) => o !== current)!);
        if (widget.mode === 'train') await root.locator('[data-action="run"]').click();
        await busy(page, widget.key);
        state = await root.evaluate((el) => (el as unknown as { state: Record<string, unknown> }).state);
        await root.locator('details.share > summary').click();
      });
      afterAll(async () => {
        await w?.context.close();
      });

      it('"Show as table" opens a table with at least one row', async () => {
        await root.locator('details[data-table] > summary').click();
        expect(await root.locator('details[data-table]').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
        const rows = root.locator('[data-table-body] tbody tr');
        expect(await rows.count()).toBeGreaterThanOrEqual(1);
        expect(await rows.first().isVisible()).toBe(true);
      });

      it('"Figure as SVG" downloads an SVG image with role="img" and no NaN or Infinity', async () => {
        const { name, bytes } = await download(page, action('svg'));
        expect(name).toMatch(/\.svg$/);
        // The browser's own XML parser: a <parsererror> means the file is not well-formed.
        const parsed = await page.evaluate((text) => {
          const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
          const svg = doc.documentElement;
          const values = [...doc.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => !a.name.startsWith('aria-')).map((a) => `${el.tagName} ${a.name}="${a.value}"`));
          const texts = [...doc.querySelectorAll('text, tspan')].map((t) => t.textContent ?? '');
          return { error: doc.querySelector('parsererror')?.textContent ?? null, tag: svg.localName, ns: svg.namespaceURI, role: svg.getAttribute('role'), label: svg.getAttribute('aria-label'), bad: [...values, ...texts].filter((v) => /NaN|Infinity/.test(v)) };
        }, bytes.toString('utf8'));
        expect(parsed.error).toBeNull();
        expect(parsed).toMatchObject({ tag: 'svg', ns: 'http://www.w3.org/2000/svg', role: 'img' });
        expect(parsed.label?.length).toBeGreaterThan(0);
        expect(parsed.bad).toEqual([]);
      });

      it('"Figure as SVG" holds every chart the figure shows', async () => {
        const { bytes } = await download(page, action('svg'));
        const onPage = await root.locator('[data-plot] svg[role="img"]').evaluateAll((svgs) => svgs.map((s) => s.getAttribute('aria-label')));
        const exported = await page.evaluate((text) => {
          const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
          const root = doc.documentElement;
          const charts = [...root.querySelectorAll('svg[role="img"]')].map((s) => s.getAttribute('aria-label'));
          return { root: [root.getAttribute('role'), root.getAttribute('aria-label')], charts };
        }, bytes.toString('utf8'));
        // One image for the whole figure, named like the figure on the page, holding every chart.
        expect(exported.root).toEqual(['img', await root.locator('[data-plot]').getAttribute('aria-label')]);
        expect(exported.charts).toEqual(onPage);
      });

      it('"Figure as PNG" downloads a PNG with non-zero dimensions', async () => {
        const { name, bytes } = await download(page, action('png'));
        expect(name).toMatch(/\.png$/);
        expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR'); // the first chunk (PNG spec, 5.6)
        expect(bytes.readUInt32BE(16)).toBeGreaterThan(0);
        expect(bytes.readUInt32BE(20)).toBeGreaterThan(0);
      });

      it('"Run as CSV" downloads the table shown by "Show as table", or every point of it where the table is thinned', async () => {
        const { name, bytes } = await download(page, action('csv'));
        expect(name).toMatch(/\.csv$/);
        const [header, ...rows] = parseCsv(bytes.toString('utf8'));
        const table = await shownTable();
        expect(header).toEqual(table.columns);
        // The run shown (its JSON), through the widget's own CSV table where it has one.
        const run = JSON.parse((await download(page, action('json'))).bytes.toString('utf8'));
        const def = await DEFINITIONS[widget.name]();
        const full = def.csv?.(run.result, run.settings) ?? def.table(run.result, run.settings);
        expect(rows).toEqual(full.rows.map((r) => r.map(String)));
        for (const row of table.rows) expect(rows, 'a row of the table shown').toContainEqual(row);
      });

      it('"Run as JSON" downloads the widget, engine version, seed, settings and the result shown', async () => {
        const { name, bytes } = await download(page, action('json'));
        expect(name).toMatch(/\.json$/);
        const run = JSON.parse(bytes.toString('utf8'));
        expect(run).toMatchObject({ widget: widget.name, engineVersion: ENGINE_VERSION, seed: state.seed ?? null, settings: state });
        expect(typeof run.result).toBe('object');
        expect(run.result).not.toBeNull();
        // The result is the one on the page: the widget's own table of it is the table shown.
        const table = (await DEFINITIONS[widget.name]()).table(run.result, run.settings);
        expect({ columns: table.columns, rows: table.rows.map((r) => r.map(String)) }).toEqual(await shownTable());
      });

      it('"Copy as MDX" gives the <Widget …/> line whose props parse back to the current state', async () => {
        await action('mdx').click();
        const output = root.locator('[data-share-output]');
        await expect.poll(() => output.textContent()).toMatch(new RegExp(`^<${widget.name}\\b`));
        const line = (await output.textContent())!;
        expect(await output.isVisible()).toBe(true);
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(line);
        const props = mdxProps(line, widget.name);
        expect(parseProps(SPECS[widget.name], props, 'exports.test.ts')).toEqual(state);
        // The line keeps the widget's key (its links and URL state go by it): as its id, or by its name.
        expect(props.id ?? defaultWidgetKey(widget.name), line).toBe(widget.key);
      });

      it('"Copy link" gives the current URL, which carries the current state, ending in the widget\'s id', async () => {
        await action('link').click();
        const output = root.locator('[data-share-output]');
        await expect.poll(() => output.textContent()).toMatch(/^http/);
        const link = (await output.textContent())!;
        expect(link).toBe(`${page.url().replace(/#.*$/, '')}#${widget.key}`);
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
        const pageSpec = withDefaults(SPECS[widget.name], widget.props as StateOf<Params>);
        const parsed = parseQuery(pageSpec, new URL(link).search, widget.key);
        expect(parsed.notices).toEqual([]);
        expect(parsed.state).toEqual(state);
      });

      it('no console error, uncaught error, CSP violation or request to another origin', () => {
        expect(w.trouble.consoleErrors, 'console errors').toEqual([]);
        expect(w.trouble.pageErrors, 'uncaught errors').toEqual([]);
        expect(w.trouble.cspViolations, 'CSP violations').toEqual([]);
        expect(w.trouble.otherOrigins, 'requests to other origins').toEqual([]);
      });
    });
  }

  // Playwright starts Chromium with --disable-ipc-flooding-protection; a reader's Chrome keeps the
  // protection, which ignores history.replaceState beyond 200 calls in 10 s (crbug.com/1038223).
  // A long slider drag must not leave "Copy link" pointing at an older state.
  const live = WIDGETS.find((x) => x.mode === 'live');
  it(`"Copy link" after a long slider drag carries the current state (${live?.name}, browser's history throttle on)`, async () => {
    expect(live, 'a live widget on the site').toBeDefined();
    const widget = live!;
    const guarded = await chromium.launch({ executablePath: process.env.CHROME_PATH || findChromium(), args: CHROME_ARGS, ignoreDefaultArgs: ['--disable-ipc-flooding-protection'] });
    try {
      const context = await guarded.newContext();
      const page = await context.newPage();
      await page.goto(`${site.origin}${widget.path}`, { waitUntil: 'load' });
      const root = page.locator(`notebook-widget[data-key="${widget.key}"]`);
      await root.scrollIntoViewIfNeeded();
      await page.waitForFunction((k) => document.querySelector<HTMLElement>(`notebook-widget[data-key="${k}"]`)?.dataset.ready === 'full', widget.key, { timeout: 20_000 });
      // A drag of the slider with the most room: 250 input events (about 4 s of dragging at 60 Hz)
      // and one change at the release, dispatched in one go so the count inside 10 s is certain.
      const sliders = await root.locator('[data-controls] input[type="range"]:not([data-scale])').evaluateAll((els) =>
        els.map((e) => ({ name: (e as HTMLInputElement).name, room: (Number((e as HTMLInputElement).max) - Number((e as HTMLInputElement).value)) / Number((e as HTMLInputElement).step || 1) })));
      const slider = sliders.sort((a, b) => b.room - a.room)[0];
      expect(slider.room, `room to drag ${slider.name} 250 steps up`).toBeGreaterThanOrEqual(250);
      await root.locator(`[data-controls] [name="${slider.name}"]`).evaluate((el) => {
        const input = el as HTMLInputElement;
        for (let i = 0; i < 250; i++) {
          input.stepUp();
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await busy(page, widget.key);
      const state = await root.evaluate((el) => (el as unknown as { state: Record<string, unknown> }).state);
      await root.locator('details.share > summary').click();
      await root.locator('[data-action="export-link"]').click();
      const output = root.locator('[data-share-output]');
      await expect.poll(() => output.textContent()).toMatch(/^http/);
      const parsed = parseQuery(withDefaults(SPECS[widget.name], widget.props as StateOf<Params>), new URL((await output.textContent())!).search, widget.key);
      expect(parsed.state).toEqual(state);
    } finally {
      await guarded.close();
    }
  });
});
