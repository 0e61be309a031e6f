/**
 * Reading comforts that only a browser can check (issue 2, item 6): every page is usable at
 * 360 px wide without horizontal scrolling, and prints math and figures but not controls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scrollThrough, watchedContext, type WatchedContext } from '../helpers/browser.ts';
import { pages } from '../helpers/dist.ts';
import { servedSite } from '../helpers/site.ts';

const ALL = pages();
const PHONE = 360;
/** Controls the print stylesheet promises to hide. */
const CONTROLS = 'button, input:not([type="hidden"]), select, textarea, form[role="search"], [data-theme-toggle], [data-print-hidden]';
/** Content that must still print. */
const PRINTED = '.katex, figure, figure svg';

const site = servedSite();

describe(`at ${PHONE} px wide`, () => {
  let w: WatchedContext;
  beforeAll(async () => { w = await watchedContext(site.browser, site.origin, { viewport: { width: PHONE, height: 780 }, isMobile: false }); });
  afterAll(async () => { await w?.context.close(); });

  it.each(ALL.map((p) => [p.path] as const))('%s has no horizontal scrolling', async (path) => {
    const page = await w.context.newPage();
    await page.goto(site.origin + path, { waitUntil: 'load' });
    await scrollThrough(page);
    const { scrollWidth, culprits } = await page.evaluate((limit) => {
      const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}`;
      // The innermost elements that stick out past the right edge are the ones to fix.
      const wide = [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > limit + 1);
      const innermost = wide.filter((el) => !wide.some((o) => o !== el && el.contains(o)));
      return {
        scrollWidth: document.scrollingElement!.scrollWidth,
        culprits: innermost.slice(0, 8).map((el) => `${describe(el)} (right edge ${Math.round(el.getBoundingClientRect().right)} px)`),
      };
    }, PHONE);
    await page.close();
    expect(scrollWidth, `${path} scrolls sideways at ${PHONE} px; elements past the edge: ${culprits.join(', ')}`).toBeLessThanOrEqual(PHONE + 1);
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
