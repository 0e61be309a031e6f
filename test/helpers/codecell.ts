/** Driving a code cell in the browser tests: replace its code through the editor, run it, wait for the end. */
import type { Locator, Page } from 'playwright-core';

/** Replaces the cell's code through its editor (opening it first). */
export async function setCode(page: Page, cell: Locator, code: string): Promise<void> {
  if (!(await cell.locator('.cm-content').count())) await cell.locator('[data-action="edit"]').click();
  await cell.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(code);
}

/** Starts a run (button or keyboard) and waits for it to end; returns the status and the time taken. */
export async function runCell(page: Page, cell: Locator, how: 'click' | 'keys' = 'click'): Promise<{ status: string; ms: number }> {
  const t0 = Date.now();
  if (how === 'click') await cell.locator('[data-action="run"]').click();
  else await page.keyboard.press('ControlOrMeta+Enter');
  const id = await cell.getAttribute('id');
  await page.waitForFunction((id) => {
    const el = document.getElementById(id!)!;
    return !el.hasAttribute('data-running') && el.querySelector('[data-status]')!.textContent !== 'Running…';
  }, id, { timeout: 20_000 });
  return { status: await cell.locator('[data-status]').innerText(), ms: Date.now() - t0 };
}
