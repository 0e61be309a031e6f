/**
 * Code cells from the reader's side, in Chromium: an error is said once (announced in the status
 * line, its line of code quoted under it); each listing is one tab stop; Reset can be undone, with
 * the Undo reset button or Ctrl/Cmd+Z in the editor. Cells come from the built pages.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchedContext, type WatchedContext } from '../helpers/browser.ts';
import { runCell, setCode } from '../helpers/codecell.ts';
import { pages } from '../helpers/dist.ts';
import { servedSite } from '../helpers/site.ts';

const withCells = pages().filter((p) => readFileSync(p.file, 'utf8').includes('data-widget="CodeCell"'));
const site = servedSite();
let w: WatchedContext;
beforeAll(async () => { w = await watchedContext(site.browser, site.origin); });
afterAll(async () => { await w?.context.close(); });

/** A fresh page at the first page with code cells, and its first cell. */
async function firstCell(): Promise<{ page: Page; cell: Locator }> {
  const page = await w.context.newPage();
  await page.goto(site.origin + withCells[0].path, { waitUntil: 'load' });
  const cell = page.locator('[data-widget="CodeCell"]').first();
  await cell.locator('[data-toolbar]:not([hidden])').waitFor();
  return { page, cell };
}

/** The cell's code as its editor holds it. */
const editorCode = async (cell: Locator) => (await cell.locator('.cm-line').allTextContents()).join('\n');

it('the built site has code cells', () => {
  expect(withCells.length).toBeGreaterThan(0);
});

describe('an error', () => {
  it.each([
    ['a thrown error', "const a = 1;\nconst b = 2;\nconst w = (null as unknown as number[]).length;", /^TypeError on line 3: /, 'const w = (null as unknown as number[]).length;'],
    ['a syntax error', 'const a = 1;\nconst b = ;', /^SyntaxError on line 2, column 11: /, 'const b = ;'],
  ])('is said once for %s: in the announced status line, with its line of code under it', async (_name, code, sentence, line) => {
    const { page, cell } = await firstCell();
    await setCode(page, cell, code);
    const { status } = await runCell(page, cell);
    expect(status).toMatch(sentence);
    const live = cell.locator('[data-status]');
    expect(await live.getAttribute('aria-live')).toBe('polite');
    const shown = `${status}\n${await cell.locator('[data-output]').innerText()}`;
    expect(shown.split(status).length - 1, `the error sentence appears once in what the cell shows:\n${shown}`).toBe(1);
    expect(await cell.locator('[data-output] [data-error]').innerText()).toContain(line);
    await page.close();
  });
});

describe('keyboard', () => {
  /** How many Tab presses after Reset stay inside the listing (or editor) of `cell`. */
  async function tabStopsInCode(page: Page, cell: Locator): Promise<number> {
    await cell.locator('[data-action="reset"]').focus();
    let stops = 0;
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      const inside = await cell.locator('[data-code]').evaluate((code) => code.contains(document.activeElement));
      if (!inside) break;
      stops++;
    }
    return stops;
  }

  it.each(withCells.map((p) => [p.path] as const))('%s: each code listing is one tab stop, before and after Edit', async (path) => {
    const page = await w.context.newPage();
    await page.goto(site.origin + path, { waitUntil: 'load' });
    const cells = await page.locator('[data-widget="CodeCell"]').all();
    expect(cells.length).toBeGreaterThan(0);
    for (const [i, cell] of cells.entries()) {
      await cell.locator('[data-toolbar]:not([hidden])').waitFor();
      expect(await tabStopsInCode(page, cell), `tab stops in the listing of cell ${i + 1}`).toBe(1);
    }
    const cell = cells[0];
    await cell.locator('[data-action="edit"]').click();
    await cell.locator('.cm-content').waitFor();
    expect(await tabStopsInCode(page, cell), 'tab stops in the editor').toBe(1);
    await page.close();
  });
});

describe('Reset', () => {
  it('can be undone with Undo reset, which says so and leaves the focus in the editor', async () => {
    const { page, cell } = await firstCell();
    const original = await cell.locator('[data-code] pre code').textContent();
    const mine = 'export default 6 * 7; // my version';
    await setCode(page, cell, mine);
    await cell.locator('[data-action="reset"]').click();
    expect(await editorCode(cell)).toBe(original);
    expect(await cell.locator('[data-status]').innerText()).toBe('Back to the original code. Undo reset brings your edits back.');
    const undo = cell.locator('[data-action="undo-reset"]');
    expect(await undo.isVisible()).toBe(true);
    await undo.focus();
    await page.keyboard.press('Enter');
    expect(await editorCode(cell)).toBe(mine);
    expect(await cell.locator('[data-status]').innerText()).toBe('Your edited code is back.');
    expect(await undo.isVisible()).toBe(false);
    expect(await cell.locator('.cm-content').evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await page.close();
  });

  it('can be undone with Ctrl/Cmd+Z in the editor, which also says so', async () => {
    const { page, cell } = await firstCell();
    const mine = 'export default 1 + 1; // typed just before Reset';
    await setCode(page, cell, mine);
    await cell.locator('[data-action="reset"]').click();
    await cell.locator('.cm-content').focus();
    await page.keyboard.press('ControlOrMeta+z');
    expect(await editorCode(cell)).toBe(mine);
    expect(await cell.locator('[data-status]').innerText()).toBe('Your edited code is back.');
    expect(await cell.locator('[data-action="undo-reset"]').isVisible()).toBe(false);
    await page.close();
  });

  it('offers no undo when there was nothing to lose, and none once the reader writes again', async () => {
    const { page, cell } = await firstCell();
    const undo = cell.locator('[data-action="undo-reset"]');
    await cell.locator('[data-action="reset"]').click();
    expect(await cell.locator('[data-status]').innerText()).toBe('Back to the original code.');
    expect(await undo.isVisible()).toBe(false);
    await setCode(page, cell, 'export default 2;');
    await cell.locator('[data-action="reset"]').click();
    expect(await undo.isVisible()).toBe(true);
    await cell.locator('.cm-content').click();
    await page.keyboard.insertText('// new work');
    expect(await undo.isVisible(), 'Undo reset would now throw the new work away').toBe(false);
    await page.close();
  });
});
