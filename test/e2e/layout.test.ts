/**
 * Reading comforts that only a browser can check (issue 2, item 6): every page is usable at
 * 320 and 360 px wide without horizontal scrolling (what is wider scrolls in its own box, which
 * the keyboard reaches), and prints math and figures but not controls, and
 * all of every code box and table: paper cannot scroll. Print is always the light scheme:
 * black-on-dark or grey-on-white text from the dark theme would be unreadable with background
 * graphics on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scrollThrough, watchedContext, type WatchedContext } from '../helpers/browser.ts';
import { contrast, type Rgba } from '../helpers/contrast.ts';
import { pages, parsePage } from '../helpers/dist.ts';
import { servedSite } from '../helpers/site.ts';

const ALL = pages();
/** Controls the print stylesheet promises to hide. */
const CONTROLS = 'button, input:not([type="hidden"]), select, textarea, form[role="search"], [data-theme-toggle], [data-print-hidden]';
/** Content that must still print. */
const PRINTED = '.katex, figure, figure svg';

const site = servedSite();

/** 320 px is a 1280 px window at 400 % zoom (WCAG 1.4.10, reflow); 360 px a small phone. */
const PHONES = [320, 360];

describe.each(PHONES)('at %i px wide', (width) => {
  let w: WatchedContext;
  beforeAll(async () => { w = await watchedContext(site.browser, site.origin, { viewport: { width, height: 780 }, isMobile: false }); });
  afterAll(async () => { await w?.context.close(); });

  it.each(ALL.map((p) => [p.path] as const))('%s has no horizontal scrolling, and what is wider than the screen scrolls in a box the keyboard reaches', async (path) => {
    const page = await w.context.newPage();
    await page.goto(site.origin + path, { waitUntil: 'load' });
    await scrollThrough(page);
    // A formula takes its width when its font arrives; the boxes see it a frame later.
    await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
    const { scrollWidth, culprits, unreachable } = await page.evaluate((limit) => {
      const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}`;
      const edge = (el: Element) => `right edge ${Math.round(el.getBoundingClientRect().right)} px`;
      const innermost = (els: Element[]) => els.filter((el) => !els.some((o) => o !== el && el.contains(o)));
      const wide = [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > limit + 1 && el.checkVisibility());
      // What keeps an element past the edge off the page: the nearest box around it that is
      // inside the screen and does not let it overflow (a scroller, or a box that cuts it off).
      const keeper = (el: Element) => {
        for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
          if (getComputedStyle(box).overflowX !== 'visible' && box.getBoundingClientRect().right <= limit + 1) return box;
        }
        return null;
      };
      // Never drawn, wherever it lies: an SVG's drawing past its viewport, and what sits in a
      // 1-pixel box for screen readers only (KaTeX's MathML, visually hidden text).
      const neverShown = (el: Element) => {
        if (el instanceof SVGElement && el.ownerSVGElement) return true;
        for (let box = el.parentElement; box; box = box.parentElement) {
          const r = box.getBoundingClientRect();
          if (r.width <= 1 && r.height <= 1 && getComputedStyle(box).overflowX !== 'visible') return true;
        }
        return false;
      };
      // In the main column, whatever lies past the edge must be in a box that lets the reader
      // scroll to it, with the keyboard too: not cut off, and not sticking out of the page.
      const shown = wide.filter((el) => el.closest('main') && !neverShown(el));
      const cutOff = [...new Set(shown.map(keeper))].filter((box) => box && (!/auto|scroll/.test(getComputedStyle(box).overflowX) || (box as HTMLElement).tabIndex < 0)) as HTMLElement[];
      return {
        scrollWidth: document.scrollingElement!.scrollWidth,
        // The innermost elements that stick out of the page are the ones to fix.
        culprits: innermost(wide.filter((el) => !keeper(el))).slice(0, 8).map((el) => `${describe(el)} (${edge(el)})`),
        unreachable: [
          ...innermost(shown.filter((el) => !keeper(el))).map((el) => `${describe(el)} sticks out of the page (${edge(el)})`),
          ...cutOff.map((box) => `${describe(box)} “${(box.textContent ?? '').trim().slice(0, 40)}…” cuts off what lies past the edge (overflow-x ${getComputedStyle(box).overflowX}, tabindex ${box.tabIndex})`),
        ],
      };
    }, width);
    await page.close();
    expect.soft(scrollWidth, `${path} scrolls sideways at ${width} px; elements past the edge: ${culprits.join(', ')}`).toBeLessThanOrEqual(width + 1);
    expect.soft(unreachable, `what lies past the right edge on ${path} at ${width} px, out of the keyboard’s reach`).toEqual([]);
  });
});

describe('in print', () => {
  let w: WatchedContext;
  beforeAll(async () => { w = await watchedContext(site.browser, site.origin); });
  afterAll(async () => { await w?.context.close(); });

  it.each(ALL.map((p) => [p.path] as const))('%s hides controls and keeps math and figures', async (path) => {
    const page = await w.context.newPage();
    await page.goto(site.origin + path, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const result = await page.evaluate(([controls, printed]) => {
      const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}${el.getAttribute('name') ? `[name=${el.getAttribute('name')}]` : ''}`;
      return {
        shownControls: [...document.querySelectorAll(controls)].filter((el) => el.checkVisibility()).map(describe),
        hiddenContent: [...document.querySelectorAll(printed)].filter((el) => !el.checkVisibility()).map(describe),
      };
    }, [CONTROLS, PRINTED] as const);
    await page.close();
    expect.soft(result.shownControls, `controls that would print on ${path}`).toEqual([]);
    expect.soft(result.hiddenContent, `math/figures missing from print on ${path}`).toEqual([]);
  });
});

/** WCAG 1.4.3 (AA) for body text: every printed text is held to it, headings included. */
const MIN_CONTRAST = 4.5;

/**
 * Every printed text on the page with its colour and the colour under it, as RGBA read back from
 * a canvas (which understands any CSS colour syntax). The colour under a text is its ancestors'
 * background colours laid over white paper, outermost first; an SVG text is painted with `fill`.
 */
function printedColours(): { text: string; colour: number[]; under: number[] }[] {
  const context = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
  const rgba = (colour: string) => {
    context.clearRect(0, 0, 1, 1);
    context.fillStyle = 'rgba(0, 0, 0, 0)';
    context.fillStyle = colour;
    context.fillRect(0, 0, 1, 1);
    return [...context.getImageData(0, 0, 1, 1).data];
  };
  const over = (top: number[], below: number[]) => {
    const a = top[3] / 255;
    return [0, 1, 2].map((i) => Math.round(top[i] * a + below[i] * (1 - a))).concat(255);
  };
  const elements = new Set<Element>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.textContent!.trim() && node.parentElement?.checkVisibility({ visibilityProperty: true })) elements.add(node.parentElement);
  }
  return [...elements].map((el) => {
    const chain: Element[] = [];
    for (let a: Element | null = el; a; a = a.parentElement) chain.unshift(a);
    const under = chain.reduce((below, a) => over(rgba(getComputedStyle(a).backgroundColor), below), [255, 255, 255, 255]);
    const style = getComputedStyle(el);
    const paint = el instanceof SVGElement ? style.fill : style.color;
    return { text: `${el.tagName.toLowerCase()} “${el.textContent!.trim().slice(0, 40)}”`, colour: over(rgba(paint), under), under };
  });
}

/** The texts on `page` that print with less than MIN_CONTRAST, with their colours and ratio. */
async function faintPrintedText(page: import('playwright-core').Page): Promise<string[]> {
  const texts = await page.evaluate(printedColours);
  return texts
    .map((t) => ({ ...t, ratio: contrast(t.colour as Rgba, t.under as Rgba) }))
    .filter((t) => t.ratio < MIN_CONTRAST)
    .map((t) => `${t.text}: rgb(${t.colour.slice(0, 3)}) on rgb(${t.under.slice(0, 3)}), ${t.ratio.toFixed(2)}:1`);
}

describe('in print from the dark theme', () => {
  it.each(ALL.map((p) => [p.path] as const))('%s prints every text with enough contrast, whether the OS or the toggle chose dark', async (path) => {
    for (const how of ['the OS prefers dark', 'the toggle chose dark'] as const) {
      const w = await watchedContext(site.browser, site.origin, { colorScheme: how === 'the OS prefers dark' ? 'dark' : 'light' });
      const page = await w.context.newPage();
      await page.goto(site.origin + path, { waitUntil: 'load' });
      await scrollThrough(page);
      if (how === 'the toggle chose dark') await page.locator('[data-theme-toggle]').click();
      expect(await page.evaluate(() => document.documentElement.dataset.theme), `${path}: ${how}`).toBe('dark');
      await page.emulateMedia({ media: 'print' });
      const faint = await faintPrintedText(page);
      await w.context.close();
      expect.soft(faint, `text printed under ${MIN_CONTRAST}:1 on ${path} when ${how}`).toEqual([]);
    }
  });
});

/** Printed page widths to try: a portrait sheet, and wider than the on-screen two-column layout. */
const PRINT_WIDTHS = [800, 1400];

describe.each(PRINT_WIDTHS)('in print on a page %i px wide', (width) => {
  let w: WatchedContext;
  beforeAll(async () => { w = await watchedContext(site.browser, site.origin, { viewport: { width, height: 1000 } }); });
  afterAll(async () => { await w?.context.close(); });

  it.each(ALL.map((p) => [p.path] as const))('%s uses most of the width and breaks no heading word', async (path) => {
    const page = await w.context.newPage();
    await page.goto(site.origin + path, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const { text, broken } = await page.evaluate(() => {
      // The text column: as wide as its widest printed paragraph.
      const text = Math.max(0, ...[...document.querySelectorAll('main p')].filter((p) => p.checkVisibility()).map((p) => p.getBoundingClientRect().width));
      // A word is broken when its letters land on more than one line.
      const broken: string[] = [];
      for (const h of document.querySelectorAll('main :is(h1, h2, h3, h4)')) {
        if (!h.checkVisibility()) continue;
        const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const m of node.textContent!.matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            const rects = [...range.getClientRects()].filter((r) => r.width > 0);
            const tops = rects.map((r) => r.top);
            if (rects.length > 1 && Math.max(...tops) - Math.min(...tops) > rects[0].height / 2) broken.push(`${h.tagName.toLowerCase()} “${h.textContent!.trim()}”: “${m[0]}”`);
          }
        }
      }
      return { text, broken };
    });
    await page.close();
    expect.soft(text, `widest paragraph on ${path} printed ${width} px wide`).toBeGreaterThanOrEqual(0.85 * width);
    expect.soft(broken, `heading words split across lines on ${path}`).toEqual([]);
  });
});

/** An A4 sheet in CSS pixels (210 mm at 96 px to the inch), and its width inside 2 cm margins. */
const A4_WIDTHS = [794, 643];
/** Pages with code listings, code cells or tables in their built HTML. */
const WITH_CODE = ALL.filter((p) => parsePage(p.file).querySelector('main :is(pre, table)'));

describe.each(A4_WIDTHS)('in print on A4, %i px wide', (width) => {
  let w: WatchedContext;
  beforeAll(async () => { w = await watchedContext(site.browser, site.origin, { viewport: { width, height: 1123 } }); });
  afterAll(async () => { await w?.context.close(); });

  it('the build has pages with code', () => {
    expect(WITH_CODE.length).toBeGreaterThan(0);
  });

  it.each(WITH_CODE.map((p) => [p.path] as const))('%s prints all of every code box and table', async (path) => {
    const page = await w.context.newPage();
    await page.goto(site.origin + path, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const { boxes, cut } = await page.evaluate((sheet) => {
      const describe = (el: Element) => `${el.tagName.toLowerCase()}${[...el.classList].map((c) => `.${c}`).join('')}`;
      // Every printed <pre> and table, and every box between it and the text column: any of them could clip it.
      const boxes = new Set<Element>();
      for (const pre of document.querySelectorAll('main :is(pre, table)')) {
        if (!pre.checkVisibility()) continue;
        for (let el: Element | null = pre; el && el.tagName !== 'MAIN'; el = el.parentElement) boxes.add(el);
      }
      const cut: string[] = [];
      for (const el of boxes) {
        const where = `${describe(el)} “${(el.textContent ?? '').trim().slice(0, 40)}…”`;
        if (el.scrollWidth > el.clientWidth + 1) cut.push(`${where}: ${el.scrollWidth} px of content in ${el.clientWidth} px`);
        if (el.scrollHeight > el.clientHeight + 1) cut.push(`${where}: ${el.scrollHeight} px tall content in ${el.clientHeight} px`);
        if (el.getBoundingClientRect().right > sheet + 1) cut.push(`${where}: right edge ${Math.round(el.getBoundingClientRect().right)} px, past the ${sheet} px sheet`);
      }
      return { boxes: boxes.size, cut };
    }, width);
    await page.close();
    expect(boxes, `printed code boxes and tables on ${path}`).toBeGreaterThan(0);
    expect(cut, `code or tables that would be cut off on paper on ${path}`).toEqual([]);
  });
});
