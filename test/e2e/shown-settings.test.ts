/**
 * The figure on screen, its files and the status line agree about which settings made it:
 * - a training widget whose controls changed without Run exports the figure shown, named by the
 *   seed it was made with (as its CSV and JSON are), and says the controls differ;
 * - a live widget stopped before its first update keeps the reader's choice in the controls and
 *   the address, and says, naming the control, that the figure still shows the earlier value and
 *   how to draw the new one; a link copied then says the same, and Recompute brings them together.
 * Widgets come from the built site.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { withDefaults } from '../../components/runtime/controls.ts';
import { parseQuery } from '../../components/runtime/params.ts';
import type { Params, StateOf } from '../../components/runtime/params-types.ts';
import { DEFINITIONS } from '../../components/widgets/definitions.ts';
import { SPECS } from '../../components/widgets/specs.ts';
import { watchedContext, type WatchedContext } from '../helpers/browser.ts';
import { firstOfEachWidget, type FoundWidget } from '../helpers/dist.ts';
import { servedSite } from '../helpers/site.ts';

const WIDGETS = firstOfEachWidget();
const site = servedSite();

type State = Record<string, unknown>;
const status = (root: Locator) => root.locator('[data-status]').textContent().then((t) => t ?? '');
const stateOf = (root: Locator) => root.evaluate((el) => ({ ...(el as unknown as { state: Record<string, unknown> }).state }));
const idle = (page: Page, key: string) => page.waitForFunction((k) => {
  const el = document.querySelector(`notebook-widget[data-key="${k}"]`)!;
  return !el.hasAttribute('data-busy') && (el.querySelector('[data-progress]') as HTMLProgressElement).value === 1;
}, key, { timeout: 180_000 });

async function open(w: WatchedContext, widget: FoundWidget, query = ''): Promise<{ page: Page; root: Locator }> {
  const page = await w.context.newPage();
  await page.goto(`${site.origin}${widget.path}${query}#${widget.key}`, { waitUntil: 'load' });
  const root = page.locator(`notebook-widget[data-key="${widget.key}"]`);
  await root.scrollIntoViewIfNeeded();
  await page.waitForFunction((k) => document.querySelector<HTMLElement>(`notebook-widget[data-key="${k}"]`)?.dataset.ready === 'full', widget.key, { timeout: 20_000 });
  return { page, root };
}

async function downloadName(page: Page, button: Locator): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), button.click()]);
  return file.suggestedFilename();
}

function expectNoTrouble(w: WatchedContext): void {
  expect(w.trouble.consoleErrors, 'console errors').toEqual([]);
  expect(w.trouble.pageErrors, 'uncaught errors').toEqual([]);
  expect(w.trouble.cspViolations, 'CSP violations').toEqual([]);
}

describe('a training widget whose seed changed without Run', () => {
  const training = WIDGETS.filter((w) => w.mode === 'train' && 'seed' in SPECS[w.name].params);
  it('there are training widgets with a seed', () => {
    expect(training.length).toBeGreaterThan(0);
  });

  for (const widget of training) {
    it(`<${widget.name}> on ${widget.path}: the figure's files are named by the seed of the figure shown until Run`, async () => {
      const w = await watchedContext(site.browser, site.origin, { acceptDownloads: true });
      const { page, root } = await open(w, widget);
      const shownSeed = widget.props.seed as number;
      const chosenSeed = shownSeed + 6;
      const seed = root.locator('[data-controls] [name="seed"]');
      await seed.fill(String(chosenSeed));
      await seed.press('Enter');
      await expect.poll(() => stateOf(root).then((s) => s.seed)).toBe(chosenSeed);
      await root.locator('details.share > summary').click();

      for (const kind of ['svg', 'png']) {
        expect(await downloadName(page, root.locator(`[data-action="export-${kind}"]`)), `${kind} of the figure shown`).toBe(`${widget.key}-seed${shownSeed}.${kind}`);
        // The status says the file is not of the controls' settings, naming both seeds.
        const said = await status(root);
        expect(said).toContain(`made with seed ${shownSeed}; the controls say ${chosenSeed}.`);
        expect(said).toContain('Run');
      }

      await root.locator('[data-action="run"]').click();
      await idle(page, widget.key);
      expect(await downloadName(page, root.locator('[data-action="export-svg"]')), 'after Run').toBe(`${widget.key}-seed${chosenSeed}.svg`);
      expect(await status(root)).toBe('Saved the figure as SVG.');
      await w.context.close();
      expectNoTrouble(w);
    }, 240_000);
  }
});

describe('a live widget stopped before its first update', () => {
  // The depth-signal widget's heaviest state: the most examples, and the widest layers the work
  // cap allows at that depth, so that its run is long enough to stop.
  const widget = WIDGETS.find((w) => w.name === 'DepthSignal' && w.mode === 'live');
  it('the built site has a live DepthSignal', () => {
    expect(widget).toBeDefined();
  });

  it.runIf(widget)('keeps the controls and the address, and says the figure shows the earlier width until Recompute', async () => {
    const { key, name } = widget!;
    const definition = await DEFINITIONS[name]();
    const pageSpec = withDefaults(SPECS[name], widget!.props as StateOf<Params>);
    const w = await watchedContext(site.browser, site.origin);
    await w.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    const samples = pageSpec.params.samples as { max: number };
    const { page, root } = await open(w, widget!, `?${key}.samples=${samples.max}&${key}.depth=12`);
    await idle(page, key);
    const shown: State = await stateOf(root);
    const plot = root.locator('[data-plot]');
    expect(await plot.getAttribute('aria-label')).toBe(definition.label(shown as never));

    const width = root.locator('[data-controls] input[type="range"][name="width"]');
    await width.focus();
    await width.press('End');
    // Stop is enabled once the run has gone on for a moment; a run that ends first can't be stopped.
    await page.waitForFunction((k) => {
      const el = document.querySelector(`notebook-widget[data-key="${k}"]`)!;
      return !el.querySelector<HTMLButtonElement>('[data-action="stop"]')!.disabled || !el.hasAttribute('data-busy');
    }, key);
    await root.locator('[data-action="stop"]').click({ timeout: 1000 });
    await page.waitForFunction((k) => !document.querySelector(`notebook-widget[data-key="${k}"]`)!.hasAttribute('data-busy'), key);
    const chosen: State = await stateOf(root);
    expect(chosen.width, 'End moved the width').not.toBe(shown.width);
    expect(Number(await width.inputValue())).toBe(chosen.width);

    // The figure is the earlier one, and the status line says so, with the control's name.
    expect(await plot.getAttribute('aria-label'), 'the figure is still the earlier one').toBe(definition.label(shown as never));
    const said = await status(root);
    const label = (pageSpec.params.width.label as string).toLowerCase();
    expect(said).toMatch(/^Stopped/);
    expect(said).toContain(`The figure still shows ${shown.width} ${label}; the controls say ${chosen.width}.`);
    expect(said).toContain('Recompute');

    // The address and a copied link keep the reader's choice, and the status says the figure differs.
    await expect.poll(() => page.evaluate(() => location.search)).toContain(`${key}.width=${chosen.width}`);
    await root.locator('details.share > summary').click();
    await root.locator('[data-action="export-link"]').click();
    const output = root.locator('[data-share-output]');
    await expect.poll(() => output.textContent()).toMatch(/^http/);
    expect(parseQuery(pageSpec, new URL((await output.textContent())!).search, key).state).toEqual(chosen);
    const copied = await status(root);
    expect(copied).toContain(`It gives ${chosen.width} ${label}, as the controls say; the figure shown was made with ${shown.width}.`);

    // Recompute draws the controls' settings, and the status no longer speaks of the earlier ones.
    await root.locator('[data-action="run"]').click();
    await idle(page, key);
    expect(await plot.getAttribute('aria-label')).toBe(definition.label(chosen as never));
    expect(await status(root)).not.toContain(`${shown.width} ${label}`);
    await w.context.close();
    expectNoTrouble(w);
  }, 120_000);
});
