/**
 * "Run as CSV" and "Run as JSON" on a freshly loaded page, before any run: the figure is the one
 * built with the page, and the export computes that run in the worker first (seeded, so the very
 * result the build drew) and then saves it. One live and one training widget, the first of each
 * found in the built site; the files are checked against the table built into the page's HTML.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../lib/version.ts';
import { DEFINITIONS } from '../../components/widgets/definitions.ts';
import { watchedContext } from '../helpers/browser.ts';
import { pages, parsePage } from '../helpers/dist.ts';
import { servedSite } from '../helpers/site.ts';
import { parseCsv } from '../helpers/csv.ts';

/** A widget in the built HTML: where it is, the page's settings, and the figure and table built with it. */
type Built = { name: string; key: string; mode: string; path: string; props: Record<string, unknown>; plot: string; columns: string[]; rows: string[][] };
const BUILT: Built[] = pages().flatMap((page) =>
  [...parsePage(page.file).querySelectorAll('notebook-widget')].map((el) => ({
    name: el.getAttribute('data-widget')!,
    key: el.getAttribute('data-key')!,
    mode: el.getAttribute('data-mode')!,
    path: page.path,
    props: JSON.parse(el.getAttribute('data-props') ?? '{}'),
    plot: el.querySelector('[data-plot]')!.innerHTML,
    columns: [...el.querySelectorAll('[data-table-body] thead th')].map((th) => th.textContent ?? ''),
    rows: [...el.querySelectorAll('[data-table-body] tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
  })));

const site = servedSite();

async function download(page: Page, button: Locator): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), button.click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

describe('exports of a run on a fresh page', () => {
  for (const mode of ['live', 'train']) {
    const widget = BUILT.find((b) => b.mode === mode);
    it(`a ${mode} widget is in the built site`, () => {
      expect(widget).toBeDefined();
    });
    if (!widget) continue;

    it(`<${widget.name} id="${widget.key}"> on ${widget.path}: CSV and JSON of the run the page was built with`, async () => {
      const w = await watchedContext(site.browser, site.origin, { acceptDownloads: true });
      const page = await w.context.newPage();
      await page.goto(`${site.origin}${widget.path}`, { waitUntil: 'load' });
      const root = page.locator(`notebook-widget[data-key="${widget.key}"]`);
      await root.scrollIntoViewIfNeeded();
      await page.waitForFunction((k) => document.querySelector<HTMLElement>(`notebook-widget[data-key="${k}"]`)?.dataset.ready === 'full', widget.key, { timeout: 20_000 });
      const figure = await root.locator('[data-plot]').innerHTML();
      await root.locator('details.share > summary').click();

      const csv = await download(page, root.locator('[data-action="export-csv"]'));
      expect(csv.name).toBe(`${widget.key}-seed${widget.props.seed}.csv`);
      const [header, ...rows] = parseCsv(csv.text);
      expect(header).toEqual(widget.columns);
      // Where the table shows a curve at fewer points, the CSV has every point: the built table's rows among them.
      for (const row of widget.rows) expect(rows).toContainEqual(row);
      expect(await root.locator('[data-status]').textContent()).toBe('Saved the table as CSV.');
      expect(await root.locator('[data-plot]').innerHTML(), 'the figure computed for the export is the one built').toBe(figure);

      const json = await download(page, root.locator('[data-action="export-json"]'));
      expect(json.name).toBe(`${widget.key}-seed${widget.props.seed}.json`);
      const record = JSON.parse(json.text);
      expect(record).toMatchObject({ widget: widget.name, engineVersion: ENGINE_VERSION, seed: widget.props.seed, settings: widget.props });
      const def = await DEFINITIONS[widget.name]();
      const table = def.table(record.result, record.settings);
      expect({ columns: table.columns, rows: table.rows.map((r) => r.map(String)) }).toEqual({ columns: widget.columns, rows: widget.rows });
      expect(rows, 'the CSV is the widget’s CSV table of the run').toEqual((def.csv?.(record.result, record.settings) ?? table).rows.map((r) => r.map(String)));
      await w.context.close();
      expect(w.trouble.consoleErrors, 'console errors').toEqual([]);
      expect(w.trouble.pageErrors, 'uncaught errors').toEqual([]);
    }, 180_000);
  }
});
