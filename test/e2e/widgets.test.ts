/**
 * Every widget on the built site, found in dist/ (not from a hand list), in a real Chromium:
 * it hydrates, runs in its worker, streams progress, stops, resets, round-trips its state through
 * the URL, shows a notice for hostile URL state, and passes axe in its initial, running and
 * finished states — with no console error, CSP violation or request to another origin.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from '../helpers/axe.ts';
import { TIMED, watchedContext, type WatchedContext } from '../helpers/browser.ts';
import { firstOfEachWidget, pages, parsePage, type FoundWidget } from '../helpers/dist.ts';
import { servedSite } from '../helpers/site.ts';

type Found = FoundWidget;
const WIDGETS = firstOfEachWidget();

const site = servedSite();

async function open(w: WatchedContext, widget: Found, query = ''): Promise<{ page: Page; root: Locator }> {
  const page = await w.context.newPage();
  await page.goto(`${site.origin}${widget.path}${query}`, { waitUntil: 'load' });
  const root = page.locator(`notebook-widget[data-key="${widget.key}"]`);
  await root.scrollIntoViewIfNeeded();
  await page.waitForFunction((key) => document.querySelector<HTMLElement>(`notebook-widget[data-key="${key}"]`)?.dataset.ready === 'full', widget.key, { timeout: 20_000 });
  return { page, root };
}

const status = (root: Locator) => root.locator('[data-status]').textContent();
const figure = (root: Locator) => root.locator('[data-plot]').innerHTML();
const ownParams = (page: Page, key: string) => [...new URL(page.url()).searchParams.keys()].filter((k) => k.startsWith(`${key}.`));

/** Changes the first select of the widget to another option; returns [name, new value]. */
async function changeASelect(root: Locator): Promise<[string, string]> {
  const select = root.locator('[data-controls] select').first();
  const name = (await select.getAttribute('name'))!;
  const current = await select.inputValue();
  const options = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  const next = options.find((o) => o !== current)!;
  await select.selectOption(next);
  return [name, next];
}

type WorkerMessage = { type: string; id?: number; quiet: boolean; state?: unknown };

/**
 * From now on, every message the page sends a worker and every 'done' a worker sends back, in
 * order; returns a function reading the list.
 */
async function logWorkerMessages(page: Page): Promise<() => Promise<WorkerMessage[]>> {
  await page.evaluate(() => {
    const log: WorkerMessage[] = ((window as unknown as { __log: unknown }).__log = []);
    const seen = new WeakSet<Worker>();
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, message: { type: string; id?: number; quiet?: boolean; state?: unknown }, ...rest: unknown[]) {
      if (!seen.has(this)) {
        seen.add(this);
        this.addEventListener('message', (e) => e.data?.type === 'done' && log.push({ type: 'done', id: e.data.id, quiet: false }));
      }
      log.push({ type: message.type, id: message.id, quiet: !!message.quiet, state: message.state });
      return (post as (...a: unknown[]) => void).call(this, message, ...rest);
    } as typeof Worker.prototype.postMessage;
  });
  return () => page.evaluate(() => (window as unknown as { __log: WorkerMessage[] }).__log);
}

/** The state in `page`'s address, opened on a fresh page, draws exactly `drawn`. */
async function expectFreshPageDraws(w: WatchedContext, widget: Found, page: Page, drawn: string): Promise<void> {
  const fresh = await open(w, widget, new URL(page.url()).search);
  await fresh.page.waitForFunction((key) => !document.querySelector(`notebook-widget[data-key="${key}"]`)!.hasAttribute('data-busy') && document.querySelector(`notebook-widget[data-key="${key}"] [data-status]`)!.textContent !== '', widget.key);
  await expect.poll(() => figure(fresh.root), { timeout: 30_000 }).toBe(drawn);
}

function expectNoTrouble(w: WatchedContext): void {
  expect(w.trouble.consoleErrors, 'console errors').toEqual([]);
  expect(w.trouble.pageErrors, 'uncaught errors').toEqual([]);
  expect(w.trouble.cspViolations, 'CSP violations').toEqual([]);
  expect(w.trouble.otherOrigins, 'requests to other origins').toEqual([]);
}

describe('widgets found in the built site', () => {
  it('there are widgets to test', () => {
    expect(WIDGETS.length).toBeGreaterThan(0);
  });

  for (const widget of WIDGETS) {
    describe(`<${widget.name}> on ${widget.path}`, () => {
      it('runs in its worker with progress, stops, and resets to the page settings', TIMED, async () => {
        const w = await watchedContext(site.browser, site.origin);
        const { page, root } = await open(w, widget);
        const original = await figure(root);
        expect(await seriousAxeViolations(page), 'axe, initial state').toEqual([]);

        await changeASelect(root);
        // Long main-thread tasks while the experiment runs: the worker must keep the page responsive.
        await page.evaluate(() => {
          (window as unknown as { __long: number[] }).__long = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) (window as unknown as { __long: number[] }).__long.push(e.duration);
          }).observe({ type: 'longtask' });
        });
        await root.locator('[data-action="run"]').click();
        await page.waitForFunction((key) => {
          const el = document.querySelector(`notebook-widget[data-key="${key}"]`)!;
          return (el.querySelector('[data-progress]') as HTMLProgressElement).value > 0;
        }, widget.key, { timeout: 20_000 });
        if (widget.mode === 'train') {
          expect(await seriousAxeViolations(page), 'axe, running (or just finished)').toEqual([]);
          // Stop from inside the page, in the same task that sees the run busy, so a fast run cannot
          // finish between "it is running" and the click; then measure how long Stop takes.
          await page.waitForFunction((key) => !document.querySelector(`notebook-widget[data-key="${key}"]`)!.hasAttribute('data-busy'), widget.key, { timeout: 60_000 });
          await root.locator('[data-action="run"]').click();
          const stopMs = await page.evaluate((key) => new Promise<number>((resolve) => {
            const el = document.querySelector(`notebook-widget[data-key="${key}"]`)!;
            const poll = () => {
              if (!el.hasAttribute('data-busy') || (el.querySelector('[data-progress]') as HTMLProgressElement).value === 0) return requestAnimationFrame(poll);
              const t0 = performance.now();
              (el.querySelector('[data-action="stop"]') as HTMLButtonElement).click();
              const wait = () => (el.hasAttribute('data-busy') ? requestAnimationFrame(wait) : resolve(performance.now() - t0));
              wait();
            };
            poll();
          }), widget.key);
          expect(stopMs, 'Stop is answered within 100 ms').toBeLessThan(100);
          expect(await status(root)).toMatch(/^Stopped/);
          await page.evaluate(() => { (window as unknown as { __long: number[] }).__long = []; });
          await root.locator('[data-action="run"]').click();
        }
        await page.waitForFunction((key) => !document.querySelector(`notebook-widget[data-key="${key}"]`)!.hasAttribute('data-busy'), widget.key, { timeout: 60_000 });
        // Read before axe runs: axe itself is a long main-thread task.
        const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
        expect(long.filter((d) => d > 200), 'main-thread tasks over 200 ms during the run').toEqual([]);
        expect(await figure(root), 'the figure was redrawn for the new settings').not.toBe(original);
        expect(await seriousAxeViolations(page), 'axe, finished').toEqual([]);

        await root.locator('[data-action="reset"]').click();
        expect(await figure(root), 'Reset restores the page figure').toBe(original);
        expect(ownParams(page, widget.key), 'Reset clears the widget from the URL').toEqual([]);
        await w.context.close();
        expectNoTrouble(w);
      });

      it('starts its worker when the pointer comes over it, without running anything', async () => {
        const w = await watchedContext(site.browser, site.origin);
        const { page, root } = await open(w, widget);
        const [original, said] = [await figure(root), await status(root)];
        expect(page.workers(), 'no worker before the reader comes near').toHaveLength(0);
        const started = page.waitForEvent('worker', { timeout: 10_000 });
        await root.locator('[data-controls]').hover();
        expect((await started).url()).toMatch(/experiment\.worker/);
        await page.waitForTimeout(500); // long enough for a run, had one started, to redraw
        expect(await root.getAttribute('data-busy')).toBeNull();
        expect(await figure(root)).toBe(original);
        expect(await status(root)).toBe(said);
        await w.context.close();
        expectNoTrouble(w);
      });

      // Live widgets only (training widgets run on Run alone): registered only for them, never skipped.
      if (widget.mode === 'live') it('computes the next slider value ahead: the key press shows it without a run, as a fresh page would draw it', async () => {
        const w = await watchedContext(site.browser, site.origin);
        const { page, root } = await open(w, widget);
        const log = await logWorkerMessages(page);
        const slider = root.locator('[data-controls] input[type="range"]').first();
        const name = (await slider.getAttribute('name'))!;
        await slider.focus();
        // Step down until, idle, the widget has computed the next value down ahead, quietly (the
        // first runs of a fresh worker are its slowest, and states over 300 ms are not computed
        // ahead, so on a slow machine this takes a few presses).
        const aheadDone = async () => {
          const l = await log();
          return l.some(({ type, id, quiet }) => type === 'run' && quiet && l.some((m) => m.type === 'done' && m.id === id));
        };
        for (let press = 0; press < 8 && !(await aheadDone()); press++) {
          await page.keyboard.press('ArrowLeft');
          await page.waitForFunction((key) => !document.querySelector(`notebook-widget[data-key="${key}"]`)!.hasAttribute('data-busy'), widget.key, { timeout: 60_000 });
          await page.waitForTimeout(1000); // computing ahead starts 80 ms after a figure is shown
        }
        expect(await aheadDone(), 'a state computed ahead').toBe(true);
        const before = (await log()).length;
        const shown = await figure(root);
        await page.keyboard.press('ArrowLeft');
        await expect.poll(() => figure(root), { timeout: 2000 }).not.toBe(shown);
        expect((await log()).slice(before).filter(({ type, quiet }) => type === 'run' && !quiet), 'no run for a value computed ahead').toEqual([]);
        const drawn = await figure(root);
        // The same state from scratch on a fresh page: the same figure.
        const value = await slider.inputValue();
        await expect.poll(() => new URL(page.url()).searchParams.get(`${widget.key}.${name}`), { timeout: 2000 }).toBe(value);
        await expectFreshPageDraws(w, widget, page, drawn);
        await w.context.close();
        expectNoTrouble(w);
      });

      if (widget.mode === 'live') it('answers a key press made while its worker warms up with that state’s figure', async () => {
        const w = await watchedContext(site.browser, site.origin);
        const { page, root } = await open(w, widget);
        const log = await logWorkerMessages(page);
        const slider = root.locator('[data-controls] input[type="range"]').first();
        const name = (await slider.getAttribute('name'))!;
        await slider.focus(); // starts the worker and, for a widget with a warm-up state, its warm-up
        await page.keyboard.press('ArrowLeft'); // at once, during the warm-up
        const sent = await log();
        expect(sent[0]?.type, 'the first message to the worker').toBe('warm');
        expect(sent[0]?.state, 'the warm message carries the state on screen').toBeTypeOf('object');
        await page.waitForFunction((key) => !document.querySelector(`notebook-widget[data-key="${key}"]`)!.hasAttribute('data-busy'), widget.key, { timeout: 60_000 });
        const value = await slider.inputValue();
        await expect.poll(() => new URL(page.url()).searchParams.get(`${widget.key}.${name}`), { timeout: 2000 }).toBe(value);
        const drawn = await figure(root);
        await expectFreshPageDraws(w, widget, page, drawn);
        await w.context.close();
        expectNoTrouble(w);
      });

      it('round-trips its state through the URL', async () => {
        const w = await watchedContext(site.browser, site.origin);
        const { page, root } = await open(w, widget);
        const [name, value] = await changeASelect(root);
        // The address follows once the reader pauses (URL_PAUSE_MS), not on the key press itself.
        await expect.poll(() => new URL(page.url()).searchParams.get(`${widget.key}.${name}`), { timeout: 2000 }).toBe(value);
        const url = page.url();
        const again = await open(w, widget, new URL(url).search);
        expect(await again.root.locator(`[data-controls] select[name="${name}"]`).inputValue()).toBe(value);
        expect(await again.root.locator('[data-notice]').isHidden()).toBe(true);
        await page.close();
        await w.context.close();
        expectNoTrouble(w);
      });

      it('falls back to the defaults with a visible plain-text notice for hostile URL state', async () => {
        const w = await watchedContext(site.browser, site.origin);
        const hostile = new URLSearchParams();
        const select = parsePage(pages().find((p) => p.path === widget.path)!.file)
          .querySelector(`notebook-widget[data-key="${widget.key}"] [data-controls] select`)!;
        const name = select.getAttribute('name')!;
        const defaultValue = select.querySelector('option[selected]')?.getAttribute('value') ?? select.querySelector('option')!.getAttribute('value');
        hostile.append(`${widget.key}.${name}`, '<script>alert(1)</script>');
        hostile.append(`${widget.key}.__proto__`, 'javascript:alert(1)');
        hostile.append(`${widget.key}.seed`, '1e309');
        const { page, root } = await open(w, widget, `?${hostile}`);
        const notice = root.locator('[data-notice]');
        expect(await notice.isVisible()).toBe(true);
        expect(await notice.locator('script').count()).toBe(0);
        expect((await notice.textContent())!.length).toBeGreaterThan(10);
        expect(await root.locator(`[data-controls] select[name="${name}"]`).inputValue()).toBe(defaultValue);
        expect(await page.evaluate(() => ({} as Record<string, unknown>).polluted === undefined && !('javascript' in Object.prototype))).toBe(true);
        expect(await seriousAxeViolations(page), 'axe, with a notice').toEqual([]);
        await w.context.close();
        expectNoTrouble(w);
      });
    });
  }
});

describe('Reset in the middle of a training run', () => {
  const training = WIDGETS.filter((w) => w.mode === 'train');
  it('there are training widgets', () => {
    expect(training.length).toBeGreaterThan(0);
  });

  for (const widget of training) {
    it(`<${widget.name}>: stops the run, restores the page figure and says so`, async () => {
      const w = await watchedContext(site.browser, site.origin);
      const { page, root } = await open(w, widget);
      const original = await figure(root);
      await root.locator('[data-action="run"]').click();
      // Reset from inside the page in the task that sees the run going with a figure drawn from
      // it, so the run cannot end first.
      const reset = await page.evaluate((key) => new Promise<boolean>((resolve) => {
        const el = document.querySelector(`notebook-widget[data-key="${key}"]`)!;
        const plot = el.querySelector('[data-plot]')!;
        const first = plot.innerHTML;
        const poll = () => {
          if (!el.hasAttribute('data-busy')) return resolve(false); // ended before a snapshot: nothing to test
          if (plot.innerHTML === first) return requestAnimationFrame(poll);
          (el.querySelector('[data-action="reset"]') as HTMLButtonElement).click();
          resolve(true);
        };
        poll();
      }), widget.key);
      expect(reset, 'a snapshot figure was drawn while the run was going').toBe(true);
      await page.waitForTimeout(600); // time for a late snapshot or the stopped run to draw, were they allowed to
      expect(await root.getAttribute('data-busy')).toBeNull();
      expect(await figure(root)).toBe(original);
      expect(await status(root)).toMatch(/^Reset to this page's settings/);
      await w.context.close();
      expectNoTrouble(w);
    });
  }
});
