/**
 * “Show as table” is built when it is opened: while it is closed, a new figure leaves the table's
 * DOM alone (a training widget redraws every ~200 ms, and rebuilding a closed table of its curves
 * each time put the page's rendering over 50 ms), and opening it then shows the table of the
 * figure on screen — the same table as in a page where it was open all along.
 * One widget of each kind, on the first page it appears on (found in dist/).
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchedContext, type WatchedContext } from '../helpers/browser.ts';
import { firstOfEachWidget } from '../helpers/dist.ts';
import { openWidget, servedSite } from '../helpers/site.ts';

const WIDGETS = firstOfEachWidget();
const site = servedSite();

type Table = { columns: string[]; rows: string[][] };

const readTable = (root: Locator): Promise<Table> => root.locator('[data-table-body]').evaluate((box) => ({
  columns: [...box.querySelectorAll('thead th')].map((th) => th.textContent ?? ''),
  rows: [...box.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
}));

/** A new page at the widget, ready to run; `openTable` first opens “Show as table”. */
async function open(w: WatchedContext, widget: { path: string; key: string }, openTable: boolean): Promise<{ page: Page; root: Locator }> {
  const opened = await openWidget(w.context, site.origin, widget);
  if (openTable) await opened.root.locator('details[data-table] > summary').click();
  return opened;
}

/**
 * A new figure: the widget's first select moves to its next option; a live widget recomputes at
 * once, a training widget trains it to the end (Run), redrawing as it goes. Resolves once the run
 * is over and its figure in place (the progress bar full: both are shown at once).
 */
async function newFigure(page: Page, root: Locator, key: string, mode: string): Promise<void> {
  const status = await root.locator('[data-status]').textContent();
  const select = root.locator('[data-controls] select').first();
  const current = await select.inputValue();
  const options = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  await select.selectOption(options.find((o) => o !== current)!);
  if (mode === 'train') await root.locator('[data-action="run"]').click();
  await page.waitForFunction(([k, before]) => {
    const el = document.querySelector(`notebook-widget[data-key="${k}"]`)!;
    return !el.hasAttribute('data-busy') && el.querySelector<HTMLProgressElement>('[data-progress]')!.value === 1
      && el.querySelector('[data-status]')!.textContent !== before;
  }, [key, status] as const, { timeout: 90_000 });
}

describe('“Show as table” is built when opened', () => {
  let w: WatchedContext;
  beforeAll(async () => {
    w = await watchedContext(site.browser, site.origin);
  });
  afterAll(async () => {
    await w?.context.close();
  });

  it('there are widgets to test', () => {
    expect(WIDGETS.length).toBeGreaterThan(0);
  });

  for (const widget of WIDGETS) {
    it(`<${widget.name}> on ${widget.path}: a closed table is left alone, and opened shows the figure's table`, { timeout: 240_000 }, async () => {
      const { page, root } = await open(w, widget, false);
      const built = await readTable(root);
      await root.locator('[data-table-body]').evaluate((box) => {
        const counter = { changes: 0 };
        (window as unknown as { tableChanges: typeof counter }).tableChanges = counter;
        new MutationObserver((records) => (counter.changes += records.length)).observe(box, { childList: true, subtree: true, characterData: true, attributes: true });
      });
      await newFigure(page, root, widget.key, widget.mode);
      expect(await page.evaluate(() => (window as unknown as { tableChanges: { changes: number } }).tableChanges.changes), 'changes to the closed table').toBe(0);
      expect(await readTable(root), 'the closed table is still the built one').toEqual(built);
      await root.locator('details[data-table] > summary').click();
      const opened = await readTable(root);

      // The same change in a page whose table was open all along.
      const { page: other, root: otherRoot } = await open(w, widget, true);
      await newFigure(other, otherRoot, widget.key, widget.mode);
      const always = await readTable(otherRoot);
      expect(always.rows.length).toBeGreaterThan(0);
      expect(always, 'the open table changed with the figure').not.toEqual(built);
      expect(opened).toEqual(always);
      await page.close();
      await other.close();
      expect(w.trouble.consoleErrors, 'console errors').toEqual([]);
      expect(w.trouble.pageErrors, 'uncaught errors').toEqual([]);
    });
  }
});
