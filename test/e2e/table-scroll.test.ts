/**
 * Boxes that scroll. "Show as table" keeps a long table in a box of its own height that scrolls:
 * with every table open, each box that scrolls is a named tab stop (axe's
 * scrollable-region-focusable, and a keyboard user's only way to read the rows below), and a box
 * whose table fits adds no tab stop. On every page, at a phone's width and a laptop's, the same
 * holds for everything that scrolls sideways — display formulas, tables in the text, figures,
 * code — and a formula or table that fits is neither a tab stop nor a landmark. A formula in a
 * table cell is never broken across lines: the table scrolls instead of squeezing its columns.
 * A table's box is named so a listener can tell it from the others: briefly, by its caption or
 * the section it is in, never by its header row run together. Pages and tables come from dist/.
 */
import type { Locator, Page as PwPage } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from '../helpers/axe.ts';
import { contrast, type Rgba } from '../helpers/contrast.ts';
import { roleAndName } from '../helpers/aria-name.ts';
import { scrollThrough, watchedContext } from '../helpers/browser.ts';
import { pages, parsePage } from '../helpers/dist.ts';
import { servedSite } from '../helpers/site.ts';

const WITH_TABLES = pages().filter((p) => parsePage(p.file).querySelector('details[data-table]'));
const site = servedSite();
/** Over the whole site: how many boxes scrolled and how many fitted, so both cases were seen. */
const seen = { scrolling: 0, fitting: 0 };

/** Whether the box's content is larger than the box, either way. */
const scrolls = (box: Locator) => box.evaluate((el) => el.scrollHeight > el.clientHeight || el.scrollWidth > el.clientWidth);

describe('tables that scroll', () => {
  it('the build has pages with tables', () => {
    expect(WITH_TABLES.length).toBeGreaterThan(0);
  });

  it.each(WITH_TABLES.map((p) => [p.path] as const))('%s: with every table open, axe passes, and a box is a named tab stop exactly when it scrolls', async (path) => {
    const w = await watchedContext(site.browser, site.origin, { viewport: { width: 1280, height: 800 } });
    const page = await w.context.newPage();
    await page.goto(site.origin + path, { waitUntil: 'load' });
    const tables = await page.locator('details[data-table]').all();
    for (const details of tables) await details.locator('> summary').click();
    // The boxes' sizes are seen by a ResizeObserver: give it two frames.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await seriousAxeViolations(page), `axe with every table open on ${path}`).toEqual([]);

    for (const details of tables) {
      const where = `${path} ${await details.evaluate((d) => d.closest('[data-key]')?.getAttribute('data-key'))}`;
      const box = details.locator('[data-table-body]');
      // The keyboard's way: from "Show as table", Tab goes into the box only if it is a stop.
      await details.locator('> summary').focus();
      await page.keyboard.press('Tab');
      const focused = await box.evaluate((el) => document.activeElement === el);
      if (await scrolls(box)) {
        seen.scrolling++;
        expect(focused, `${where}: Tab after "Show as table" reaches the scrolling box`).toBe(true);
        const named = await roleAndName(box);
        expect(named?.name, `${where}: the scrolling box has a name`).toMatch(/\S/);
        // Arrow keys then scroll it: the reader can get to the last rows.
        await page.keyboard.press('End');
        await expect.poll(() => box.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 1 || el.scrollHeight <= el.clientHeight)).toBe(true);
      } else {
        seen.fitting++;
        expect(focused, `${where}: a box whose table fits is no tab stop`).toBe(false);
        expect(await box.evaluate((el) => el.tabIndex), `${where}: tabIndex`).toBeLessThan(0);
      }
    }
    await w.context.close();
    expect(w.trouble.pageErrors).toEqual([]);
  });

  it('saw tables that scroll and tables that fit', () => {
    expect(seen.scrolling, 'scrolling tables').toBeGreaterThan(0);
    expect(seen.fitting, 'fitting tables').toBeGreaterThan(0);
  });
});

/** A phone in both schemes (axe's colour checks differ), and a laptop, where most boxes fit. */
const VIEWS = [
  { width: 375, scheme: 'light' },
  { width: 375, scheme: 'dark' },
  { width: 1280, scheme: 'light' },
] as const;
/** Over every page and view: boxes seen scrolling sideways, and formula or table boxes seen fitting. */
const sideways = { scrolling: 0, fitting: 0 };

/**
 * Marks the visible elements that scroll sideways (`data-test-scrolls`) and the formula and table
 * boxes that fit (`data-test-fits`): a table's box is the nearest scroll container around it
 * (the table itself when it has none). Returns how many of each.
 */
function markBoxes(): { scrolling: number; fitting: number } {
  const scrollsX = (el: Element) => /auto|scroll/.test(getComputedStyle(el).overflowX);
  const scrolling = [...document.querySelectorAll('body *')].filter((el) => scrollsX(el) && el.scrollWidth > el.clientWidth && el.checkVisibility());
  scrolling.forEach((el, i) => el.setAttribute('data-test-scrolls', String(i)));
  const tableBox = (table: Element) => {
    for (let el: Element | null = table; el && el !== document.body; el = el.parentElement) if (scrollsX(el)) return el;
    return table;
  };
  const boxes = new Set([...document.querySelectorAll('.katex-display'), ...[...document.querySelectorAll('main table')].map(tableBox)]);
  const fitting = [...boxes].filter((el) => el.checkVisibility() && !scrolling.includes(el));
  fitting.forEach((el, i) => el.setAttribute('data-test-fits', String(i)));
  return { scrolling: scrolling.length, fitting: fitting.length };
}

/**
 * The median colour of a 2-pixel-wide strip of the page at x (viewport pixels), top to bottom of
 * `box`: read from a screenshot, decoded by the page's own canvas. Median, so a glyph's few pixels
 * crossing the strip do not count.
 */
async function stripColour(page: PwPage, box: Locator, x: number): Promise<Rgba> {
  const r = (await box.boundingBox())!;
  const bottom = Math.min(r.y + r.height, page.viewportSize()!.height);
  const png = await page.screenshot({ clip: { x, y: Math.max(0, r.y), width: 2, height: Math.max(2, Math.floor(bottom - Math.max(0, r.y))) } });
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(image.width, image.height);
    const g = canvas.getContext('2d')!;
    g.drawImage(image, 0, 0);
    const px = g.getImageData(0, 0, image.width, image.height).data;
    const rows: number[][] = [];
    for (let i = 0; i < px.length; i += 4) rows.push([px[i], px[i + 1], px[i + 2], px[i + 3]]);
    const lum = (c: number[]) => 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    rows.sort((a, b) => lum(a) - lum(b));
    return rows[rows.length >> 1] as [number, number, number, number];
  }, png.toString('base64'));
}

describe.each(VIEWS)('at $width px, $scheme scheme: everything that scrolls sideways', ({ width, scheme }) => {
  it.each(pages().map((p) => [p.path] as const))('%s: axe passes; a box that scrolls is a named tab stop the arrow keys scroll, a formula or table that fits is no stop and no region', async (path) => {
    const w = await watchedContext(site.browser, site.origin, { viewport: { width, height: 800 }, colorScheme: scheme });
    const page = await w.context.newPage();
    await page.goto(site.origin + path, { waitUntil: 'load' });
    await scrollThrough(page);
    // The boxes' sizes are seen by a ResizeObserver once the fonts are in: give it two frames.
    await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
    expect.soft(await seriousAxeViolations(page), `axe on ${path} at ${width} px (${scheme})`).toEqual([]);

    const count = await page.evaluate(markBoxes);
    sideways.scrolling += count.scrolling;
    sideways.fitting += count.fitting;
    for (let i = 0; i < count.scrolling; i++) {
      const box = page.locator(`[data-test-scrolls="${i}"]`);
      const what = await box.evaluate((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} “${(el.textContent ?? '').trim().slice(0, 40)}…”`);
      expect.soft(await box.evaluate((el) => el.tabIndex), `${path}: ${what} scrolls sideways, so it is a tab stop`).toBeGreaterThanOrEqual(0);
      // Named itself, or a code listing named by the figure it is the body of.
      const figure = box.locator('xpath=ancestor::figure[1]');
      const name = (await roleAndName(box))?.name || ((await figure.count()) > 0 ? (await roleAndName(figure))?.name : '');
      expect.soft(name, `${path}: ${what} scrolls sideways, so it has a name`).toMatch(/\S/);
      // A formula or table with more to its right shows a shadow at its right edge, against the
      // page just beyond it (in either scheme: a dark shadow vanished on the dark page).
      if (await box.evaluate((el) => el.matches('.scroll-box, .katex-display') && el.scrollLeft === 0)) {
        await box.scrollIntoViewIfNeeded();
        const r = (await box.boundingBox())!;
        if (r.x + r.width + 4 <= width) {
          const edge = await stripColour(page, box, Math.floor(r.x + r.width) - 3);
          const beyond = await stripColour(page, box, Math.ceil(r.x + r.width) + 1);
          expect.soft(contrast(edge, beyond), `${path}: the shadow at the right edge of ${what} (${edge} against ${beyond})`).toBeGreaterThanOrEqual(1.25);
        }
      }
      await box.focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => box.evaluate((el) => el.scrollLeft), { message: `${path}: → scrolls ${what}` }).toBeGreaterThan(0);
    }
    for (let i = 0; i < count.fitting; i++) {
      const box = page.locator(`[data-test-fits="${i}"]`);
      const what = await box.evaluate((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} “${(el.textContent ?? '').trim().slice(0, 40)}…”`);
      expect.soft(await box.evaluate((el) => el.tabIndex), `${path}: ${what} fits, so it is no tab stop`).toBeLessThan(0);
      expect.soft((await roleAndName(box))?.role, `${path}: ${what} fits, so it is no region`).not.toBe('region');
    }
    await w.context.close();
    expect(w.trouble.pageErrors).toEqual([]);
  });
});

it('saw boxes that scroll sideways and formulas or tables that fit', () => {
  expect(sideways.scrolling, 'boxes that scroll sideways').toBeGreaterThan(0);
  expect(sideways.fitting, 'formula and table boxes that fit').toBeGreaterThan(0);
});

/** Widths at which a table squeezed its columns and broke its formulas: a phone, a tablet, a laptop. */
const TABLE_WIDTHS = [375, 768, 1280];
const WITH_ANY_TABLE = pages().filter((p) => parsePage(p.file).querySelector('main table'));
/** Over every page and width: formulas seen in table cells. */
let formulasInCells = 0;

describe.each(TABLE_WIDTHS)('at %i px: formulas in tables', (width) => {
  it.each(WITH_ANY_TABLE.map((p) => [p.path] as const))('%s: every formula in a table cell is on one line', async (path) => {
    const w = await watchedContext(site.browser, site.origin, { viewport: { width, height: 800 } });
    const page = await w.context.newPage();
    await page.goto(site.origin + path, { waitUntil: 'load' });
    for (const details of await page.locator('details[data-table]').all()) await details.locator('> summary').click();
    await page.evaluate(() => document.fonts.ready);
    const { count, broken } = await page.evaluate(() => {
      const formulas = [...document.querySelectorAll('main :is(td, th) .katex')].filter((k) => k.checkVisibility());
      // An inline box has one client rectangle per line it lies on; rectangles whose tops are
      // more than half a rectangle apart are on different lines.
      const lines = (k: Element) => {
        const tops: number[] = [];
        for (const r of [...k.getClientRects()].filter((r) => r.width > 0 && r.height > 0)) {
          if (!tops.some((t) => Math.abs(t - r.top) < r.height / 2)) tops.push(r.top);
        }
        return tops.length;
      };
      return {
        count: formulas.length,
        broken: formulas.filter((k) => lines(k) > 1).map((k) => `“${k.querySelector('annotation')?.textContent ?? k.textContent}” on ${lines(k)} lines`),
      };
    });
    formulasInCells += count;
    // On a laptop's screen a table in the text fits the column (its headers wrap) rather than hide
    // its last columns behind a scroll: only a phone's or tablet's width may make it scroll.
    const wide = width >= 1024 ? await page.evaluate(() => [...document.querySelectorAll('.prose .scroll-box > table')]
      .filter((t) => t.parentElement!.scrollWidth > t.parentElement!.clientWidth + 1)
      .map((t) => `“${(t.querySelector('tr')?.textContent ?? '').trim().slice(0, 50)}…”: ${t.parentElement!.scrollWidth} px in ${t.parentElement!.clientWidth}`)) : [];
    await w.context.close();
    expect(broken, `formulas broken across lines in tables on ${path} at ${width} px`).toEqual([]);
    expect(wide, `tables in the text that scroll on ${path} at ${width} px`).toEqual([]);
  });
});

it('saw formulas in table cells', () => {
  expect(formulasInCells).toBeGreaterThan(0);
});

/** Every page with a table in a box that scrolls, and how many such tables it has. */
const WITH_TABLE_BOXES = pages()
  .map((p) => ({ path: p.path, count: parsePage(p.file).querySelectorAll('.scroll-box table').length }))
  .filter((p) => p.count > 0);
/** Longest name a listener is made to hear before the table itself. */
const NAME_CHARS = 80;
/** Over every page: the tables in the text (not named by their author) seen named by caption or section. */
let placed = 0;

describe('the names of tables that scroll', () => {
  it('the build has tables in boxes', () => {
    expect(WITH_TABLE_BOXES.length).toBeGreaterThan(0);
  });

  // Scripts off: the box keeps the role and name its markup gives it, which the page's script
  // takes away only while the table fits and gives back when it scrolls.
  it.each(WITH_TABLE_BOXES.map((p) => [p.path, p.count] as const))('%s: each of its %i table boxes has a short name that says which table it is', async (path) => {
    const w = await watchedContext(site.browser, site.origin, { javaScriptEnabled: false });
    const page = await w.context.newPage();
    await page.goto(site.origin + path, { waitUntil: 'load' });
    const boxes = await page.locator('.scroll-box:has(table)').all();
    for (const box of boxes) {
      const facts = await box.evaluate((el) => {
        const clean = (t: string | null | undefined) => (t ?? '').replace(/\s+/g, ' ').trim();
        const table = el.querySelector('table')!;
        // The section the table is in: the last heading of the main text before it.
        const headings = [...document.querySelectorAll('main :is(h1, h2, h3, h4, h5, h6)')].filter((h) => h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
        return {
          id: el.id,
          caption: clean(table.querySelector('caption')?.textContent),
          heading: clean(headings.at(-1)?.textContent),
          columns: [...table.querySelectorAll('thead th')].slice(0, 2).map((th) => clean(th.textContent)),
        };
      });
      const named = await roleAndName(box);
      const where = `${path}: table box ${facts.id || `“${named?.name}”`}`;
      expect(named?.role, where).toBe('region');
      const name = named!.name;
      expect(name, where).toMatch(/^Table\b/);
      expect(name.length, `${where}: “${name}” is short`).toBeLessThanOrEqual(NAME_CHARS);
      if (facts.columns.length === 2) expect(name, `${where}: not its header row`).not.toContain(facts.columns.join(' '));
      // A table of the text (a Markdown table, named by the build rather than by its author) says
      // where it is: its caption, or the heading of its section.
      if (facts.id.startsWith('md-table-')) {
        placed++;
        if (facts.caption) expect(name, where).toBe(`Table: ${facts.caption}`);
        else expect(name, where).toBe(`Table in “${facts.heading}”`);
      }
    }
    await w.context.close();
    expect(w.trouble.pageErrors).toEqual([]);
  });

  it('saw tables of the text named by where they are', () => {
    expect(placed).toBeGreaterThan(0);
  });
});
