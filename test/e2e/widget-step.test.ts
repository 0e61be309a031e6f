/**
 * Step, Stop as a pause, and Run going on from a pause, on every training widget of the built site
 * (the first page each appears on, found in dist/): Step trains one epoch at a time and says which;
 * Run after a Step goes on with that run and ends where an uninterrupted run ends (runs are seeded);
 * Stop answers within 100 ms and keeps a figure at least as far as the progress shown before it;
 * Step goes on from a Stop; a worker that does not answer Stop is still ended in time.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from '../helpers/axe.ts';
import { TIMED, watchedContext, type WatchedContext } from '../helpers/browser.ts';
import { firstOfEachWidget, type FoundWidget } from '../helpers/dist.ts';
import { openWidget, servedSite } from '../helpers/site.ts';

const TRAINING = firstOfEachWidget().filter((w) => w.mode === 'train');
const site = servedSite();

const open = (w: WatchedContext, widget: FoundWidget) => openWidget(w.context, site.origin, widget);

const status = (root: Locator) => root.locator('[data-status]').textContent().then((t) => t ?? '');
const progress = (root: Locator) => root.locator('[data-progress]').evaluate((bar) => (bar as HTMLProgressElement).value);
const idle = (page: Page, key: string, timeout = 120_000) =>
  page.waitForFunction((k) => !document.querySelector(`notebook-widget[data-key="${k}"]`)!.hasAttribute('data-busy'), key, { timeout });

/** Presses a widget button and waits for the run it starts to pause or end. */
async function press(page: Page, root: Locator, key: string, action: 'run' | 'step'): Promise<void> {
  await root.locator(`[data-action="${action}"]`).click();
  await idle(page, key);
}

type RunFile = { settings: { epochs: number }; result: { epochsDone: number } & Record<string, unknown> };

/** The run on screen, as "Run as JSON" saves it. */
async function exported(page: Page, root: Locator): Promise<RunFile> {
  const button = root.locator('[data-action="export-json"]');
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.evaluate((b) => (b as HTMLButtonElement).click())]);
  return JSON.parse(readFileSync((await file.path())!, 'utf8')) as RunFile;
}

/** "Paused after epoch 2 of 100." (or Stopped) → [2, 100]; null when the status does not start so. */
function epochSaid(text: string, verb: 'Paused' | 'Stopped'): [number, number] | null {
  const m = new RegExp(`^${verb} after epoch (\\d+) of (\\d+)\\.`).exec(text);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/**
 * Presses Run, and Stop from inside the page once the run has shown some progress (in the same
 * task that sees it going, so it cannot end first). Returns the progress shown just before Stop
 * and how long the page took to be idle again; null if the run ended before any progress.
 */
function runThenStop(page: Page, key: string): Promise<{ before: number; ms: number } | null> {
  return page.evaluate((k) => new Promise<{ before: number; ms: number } | null>((resolve) => {
    const el = document.querySelector(`notebook-widget[data-key="${k}"]`)!;
    const bar = el.querySelector('[data-progress]') as HTMLProgressElement;
    (el.querySelector('[data-action="run"]') as HTMLButtonElement).click();
    let seenBusy = false;
    const poll = () => {
      const busy = el.hasAttribute('data-busy');
      seenBusy ||= busy;
      if (seenBusy && !busy) return resolve(null);
      if (!busy || bar.value < 0.1) return requestAnimationFrame(poll);
      const before = bar.value;
      const t0 = performance.now();
      (el.querySelector('[data-action="stop"]') as HTMLButtonElement).click();
      const wait = () => (el.hasAttribute('data-busy') ? requestAnimationFrame(wait) : resolve({ before, ms: performance.now() - t0 }));
      wait();
    };
    poll();
  }), key);
}

function expectNoTrouble(w: WatchedContext): void {
  expect(w.trouble.consoleErrors, 'console errors').toEqual([]);
  expect(w.trouble.pageErrors, 'uncaught errors').toEqual([]);
}

describe('Step, Stop and going on, on the training widgets', () => {
  it('there are training widgets in the built site', () => {
    expect(TRAINING.length).toBeGreaterThan(0);
  });

  for (const widget of TRAINING) {
    describe(`<${widget.name}> on ${widget.path}`, () => {
      it('Step twice shows epochs 1 and 2 and says so; Run then goes on to the result of an uninterrupted run', async () => {
        const w = await watchedContext(site.browser, site.origin);
        const { page, root } = await open(w, widget);
        const built = await root.locator('[data-plot]').innerHTML();
        const sent: string[] = await page.evaluate(() => ((window as unknown as { __sent: string[] }).__sent = []));
        await page.evaluate(() => {
          const post = Worker.prototype.postMessage;
          Worker.prototype.postMessage = function (this: Worker, message: { type: string }, ...rest: unknown[]) {
            (window as unknown as { __sent: string[] }).__sent.push(message.type);
            return (post as (...a: unknown[]) => void).call(this, message, ...rest);
          } as typeof Worker.prototype.postMessage;
        });
        expect(sent).toEqual([]);

        // By keyboard: Enter on Step, and the focus is on Step again once the epoch is done.
        await root.locator('[data-action="step"]').focus();
        await page.keyboard.press('Enter');
        await idle(page, widget.key);
        expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action), 'the focus is back on Step').toBe('step');
        const first = epochSaid(await status(root), 'Paused');
        expect(first, await status(root)).not.toBeNull();
        const epochs = first![1];
        expect(first).toEqual([1, epochs]);
        const one = await exported(page, root);
        expect(one.settings.epochs).toBe(epochs);
        expect(one.result.epochsDone, 'the run shown is at epoch 1').toBe(1);
        expect(await progress(root)).toBeCloseTo(1 / epochs, 6);
        const figureOne = await root.locator('[data-plot]').innerHTML();
        expect(figureOne).not.toBe(built);

        await press(page, root, widget.key, 'step');
        expect(epochSaid(await status(root), 'Paused')).toEqual([2, epochs]);
        expect((await exported(page, root)).result.epochsDone, 'the run shown is at epoch 2').toBe(2);
        expect(await progress(root)).toBeCloseTo(2 / epochs, 6);
        expect(await root.locator('[data-plot]').innerHTML()).not.toBe(figureOne);
        expect(await seriousAxeViolations(page), 'axe, paused after a step').toEqual([]);

        const before = (await page.evaluate(() => (window as unknown as { __sent: string[] }).__sent)).length;
        await press(page, root, widget.key, 'run');
        const afterSteps = await exported(page, root);
        expect(afterSteps.result.epochsDone).toBe(epochs);
        expect(await status(root)).not.toMatch(/^(Paused|Stopped|Training)/);
        const sentByRun = (await page.evaluate(() => (window as unknown as { __sent: string[] }).__sent)).slice(before);
        expect(sentByRun, 'Run went on with the paused run instead of starting a new one').toEqual(['resume']);

        // The same settings run without a pause, on a fresh page: the same result.
        const fresh = await open(w, widget);
        await press(fresh.page, fresh.root, widget.key, 'run');
        const uninterrupted = await exported(fresh.page, fresh.root);
        expect(afterSteps.result).toEqual(uninterrupted.result);
        await w.context.close();
        expectNoTrouble(w);
      }, 300_000);

      it('Stop answers within 100 ms with a figure as far as the progress shown, says which epoch, and Step goes on from there', { ...TIMED, timeout: 300_000 }, async () => {
        const w = await watchedContext(site.browser, site.origin);
        const { page, root } = await open(w, widget);
        const stopped = await runThenStop(page, widget.key);
        expect(stopped, 'the run showed progress before it ended').not.toBeNull();
        expect(stopped!.ms, 'Stop is answered within 100 ms').toBeLessThan(100);
        const said = epochSaid(await status(root), 'Stopped');
        expect(said, await status(root)).not.toBeNull();
        const [epoch, epochs] = said!;
        expect(epoch / epochs, 'the figure kept is at least as far as the progress shown before Stop').toBeGreaterThanOrEqual(stopped!.before - 1e-9);
        expect(await progress(root)).toBeCloseTo(epoch / epochs, 6);
        expect((await exported(page, root)).result.epochsDone, 'the run shown is the epoch the status names').toBe(epoch);
        expect(await seriousAxeViolations(page), 'axe, stopped').toEqual([]);

        await press(page, root, widget.key, 'step');
        expect(epochSaid(await status(root), 'Paused')).toEqual([epoch + 1, epochs]);
        expect((await exported(page, root)).result.epochsDone).toBe(epoch + 1);
        await w.context.close();
        expectNoTrouble(w);
      });

      it('a worker that does not answer Stop is terminated within 100 ms, and the status says the figure is the last one drawn', { ...TIMED, timeout: 300_000 }, async () => {
        const w = await watchedContext(site.browser, site.origin);
        const { page, root } = await open(w, widget);
        // The worker never reads this Stop, as a run stuck in a long loop would not.
        await page.evaluate(() => {
          const post = Worker.prototype.postMessage;
          Worker.prototype.postMessage = function (this: Worker, message: { type: string }, ...rest: unknown[]) {
            if (message?.type === 'stop') return;
            return (post as (...a: unknown[]) => void).call(this, message, ...rest);
          } as typeof Worker.prototype.postMessage;
        });
        const stopped = await runThenStop(page, widget.key);
        expect(stopped, 'the run showed progress before it ended').not.toBeNull();
        expect(stopped!.ms, 'Stop is answered within 100 ms').toBeLessThan(100);
        expect(await status(root)).toMatch(/^Stopped(\. The run| before the first figure; the run) did not pause in time and was ended/);
        // A fresh worker trains the next run to the end.
        await press(page, root, widget.key, 'run');
        expect(await status(root)).not.toMatch(/^(Paused|Stopped|Training)/);
        expect(await progress(root)).toBe(1);
        await w.context.close();
        expectNoTrouble(w);
      });
    });
  }
});
