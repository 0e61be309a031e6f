/**
 * Text the reader must be able to read, measured as Chromium renders it: figure labels on a
 * phone, in widgets and in code cells (a figure scrolls sideways rather than shrink its text
 * below 9 px), and the option labels of every select at a laptop width (never cut off). Pages
 * come from the build, never from a list.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scrollThrough, watchedContext, type WatchedContext } from '../helpers/browser.ts';
import { runCell, setCode } from '../helpers/codecell.ts';
import { pages } from '../helpers/dist.ts';
import { servedSite } from '../helpers/site.ts';

const ALL = pages();
const withFigures = ALL.filter((p) => readFileSync(p.file, 'utf8').includes('class="nb-plot"'));
const withSelects = ALL.filter((p) => readFileSync(p.file, 'utf8').includes('<select'));
const withCells = ALL.filter((p) => readFileSync(p.file, 'utf8').includes('data-widget="CodeCell"'));
const PHONE = { width: 375, height: 800 };
const LAPTOP = { width: 1100, height: 900 };
/** The smallest figure text, in CSS px on the screen, that counts as legible. */
const MIN_TEXT_PX = 9;

const site = servedSite();

it('the built site has figures, selects and code cells to check', () => {
  expect(withFigures.length).toBeGreaterThan(0);
  expect(withSelects.length).toBeGreaterThan(0);
  expect(withCells.length).toBeGreaterThan(0);
});

describe(`figures at ${PHONE.width} px wide`, () => {
  let w: WatchedContext;
  beforeAll(async () => { w = await watchedContext(site.browser, site.origin, { viewport: PHONE }); });
  afterAll(async () => { await w?.context.close(); });

  it.each(withFigures.map((p) => [p.path] as const))('%s: figure text stays legible; figures scroll, the page does not', async (path) => {
    const page = await w.context.newPage();
    await page.goto(site.origin + path, { waitUntil: 'load' });
    await scrollThrough(page);
    const report = await page.evaluate((minPx) => {
      const small: string[] = [];
      const scrollers: number[] = [];
      const unreachable: string[] = [];
      const svgs = [...document.querySelectorAll<SVGSVGElement>('svg.nb-plot')];
      svgs.forEach((svg, i) => {
        const name = `figure ${i + 1} (“${svg.getAttribute('aria-label')}”)`;
        // On-screen size of each text: its font size times the scale from SVG units to pixels.
        let smallest = Infinity;
        for (const t of svg.querySelectorAll('text')) {
          const m = t.getScreenCTM();
          if (!m || !t.textContent!.trim()) continue;
          smallest = Math.min(smallest, parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b));
        }
        if (smallest < minPx) small.push(`${name}: ${smallest.toFixed(1)} px`);
        // What does not fit must sit in a sideways scroller that the keyboard reaches, with a name.
        let box = svg.parentElement;
        while (box && !/auto|scroll/.test(getComputedStyle(box).overflowX)) box = box.parentElement;
        if (!box || box === document.body || box === document.documentElement) {
          if (svg.getBoundingClientRect().right > innerWidth) unreachable.push(`${name}: no scroll container`);
          return;
        }
        const labelled = (box.getAttribute('aria-label') ?? '').trim() !== '' || box.hasAttribute('aria-labelledby');
        if (box.scrollWidth <= box.clientWidth) return;
        if (box.tabIndex < 0 || !labelled) unreachable.push(`${name}: its scroll container is ${box.tabIndex < 0 ? 'not focusable' : 'unnamed'}`);
        else scrollers.push(i);
      });
      return { count: svgs.length, small, scrollers, unreachable, pageWidth: document.scrollingElement!.scrollWidth };
    }, MIN_TEXT_PX);
    expect(report.count, `${path} has figures in its HTML`).toBeGreaterThan(0);
    expect.soft(report.small, `figure text under ${MIN_TEXT_PX} px on ${path}`).toEqual([]);
    expect.soft(report.unreachable, `figures on ${path} that cannot be scrolled into view`).toEqual([]);
    expect.soft(report.pageWidth, `${path} itself scrolls sideways`).toBeLessThanOrEqual(PHONE.width + 1);
    // The arrow keys scroll a focused figure. (The scroller is found again each time: a widget
    // may redraw its figure in the meantime.)
    const scroller = (i: number) => page.locator('svg.nb-plot').nth(i).locator('xpath=ancestor::*[@tabindex="0"][1]');
    for (const i of report.scrollers) {
      await scroller(i).focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => scroller(i).evaluate((el) => el.scrollLeft), { message: `figure ${i + 1} on ${path} scrolls with →` }).toBeGreaterThan(0);
    }
    await page.close();
  });

  it('a code cell’s chart stays legible too, in a named sideways scroller', async () => {
    const path = withCells[0].path;
    const page = await w.context.newPage();
    await page.goto(site.origin + path, { waitUntil: 'load' });
    const cell = page.locator('[data-widget="CodeCell"]').first();
    await cell.locator('[data-toolbar]:not([hidden])').waitFor();
    await setCode(page, cell, "export default { series: [{ name: 'loss', y: [1, 0.5, 0.25, 0.125] }], xLabel: 'step' };");
    expect((await runCell(page, cell)).status).toMatch(/^Done/);
    const figure = cell.locator('[data-output] figure');
    await figure.locator('svg.nb-plot').waitFor();
    const { smallest, overflowX, tabIndex, name } = await figure.evaluate((fig) => ({
      smallest: Math.min(...[...fig.querySelectorAll('text')].map((t) => {
        const m = t.getScreenCTM()!;
        return parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
      })),
      overflowX: getComputedStyle(fig).overflowX,
      tabIndex: fig.tabIndex,
      name: fig.getAttribute('aria-label') ?? '',
    }));
    expect(smallest).toBeGreaterThanOrEqual(MIN_TEXT_PX);
    expect({ overflowX, focusable: tabIndex >= 0, named: name.includes('loss') }).toEqual({ overflowX: 'auto', focusable: true, named: true });
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(PHONE.width + 1);
    await page.close();
  });
});

describe(`figures at ${LAPTOP.width} px wide`, () => {
  let w: WatchedContext;
  beforeAll(async () => { w = await watchedContext(site.browser, site.origin, { viewport: LAPTOP }); });
  afterAll(async () => { await w?.context.close(); });

  it.each(withFigures.map((p) => [p.path] as const))('%s: a figure that fits is not a tab stop; one that scrolls is', async (path) => {
    const page = await w.context.newPage();
    await page.goto(site.origin + path, { waitUntil: 'load' });
    await scrollThrough(page);
    const boxes = () => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-plot]')].map((box) => ({ scrolls: box.scrollWidth > box.clientWidth, stop: box.tabIndex >= 0 })));
    const fitting = await boxes();
    expect(fitting.length, `${path} has widget figures`).toBeGreaterThan(0);
    await expect.poll(async () => (await boxes()).filter((b) => b.stop !== b.scrolls), { message: `figures on ${path} whose tab stop does not match whether they scroll` }).toEqual([]);
    // Narrow the window: every figure now scrolls, and each becomes a stop again.
    await page.setViewportSize(PHONE);
    await expect.poll(async () => (await boxes()).filter((b) => !(b.scrolls && b.stop)).length, { message: `figures on ${path} that scroll at ${PHONE.width} px without a tab stop` }).toBe(0);
    await page.close();
  });
});

describe(`selects at ${LAPTOP.width} px wide`, () => {
  let w: WatchedContext;
  beforeAll(async () => { w = await watchedContext(site.browser, site.origin, { viewport: LAPTOP }); });
  afterAll(async () => { await w?.context.close(); });

  it.each(withSelects.map((p) => [p.path] as const))('%s: every option label fits its select', async (path) => {
    const page = await w.context.newPage();
    await page.goto(site.origin + path, { waitUntil: 'load' });
    await scrollThrough(page);
    const cut = await page.evaluate(() => {
      const out: string[] = [];
      for (const select of document.querySelectorAll<HTMLSelectElement>('main select')) {
        if (!select.checkVisibility()) continue;
        // A copy with its natural width, next to it (same styles): as wide as its longest option.
        const natural = select.cloneNode(true) as HTMLSelectElement;
        natural.removeAttribute('id');
        natural.removeAttribute('name');
        Object.assign(natural.style, { position: 'absolute', visibility: 'hidden', width: 'auto', minWidth: '0', maxWidth: 'none' });
        select.after(natural);
        const need = natural.getBoundingClientRect().width;
        natural.remove();
        const have = select.getBoundingClientRect().width;
        if (need > have + 0.5) {
          const longest = [...select.options].map((o) => o.text).sort((a, b) => b.length - a.length)[0];
          out.push(`select[name=${select.name}] is ${Math.round(have)} px wide, its options need ${Math.round(need)} px (“${longest}”)`);
        }
      }
      return out;
    });
    await page.close();
    expect(cut, `selects on ${path} that cut their option labels`).toEqual([]);
  });
});
