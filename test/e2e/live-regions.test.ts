/**
 * What a screen reader announces unasked: each widget has one live region, its status line. The
 * value read-outs beside the sliders and the box showing a copied link are not live (the slider
 * says its own value; the status line says what was copied), else each arrow-key step is read out
 * twice and Reset sets off a burst. The sliders' accessible values still match their read-outs.
 * Every widget on every built page; live regions and values from Chromium's accessibility tree.
 */
import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { watchedContext } from '../helpers/browser.ts';
import { pages, parsePage } from '../helpers/dist.ts';
import { servedSite } from '../helpers/site.ts';

const WITH_WIDGETS = pages().filter((p) => parsePage(p.file).querySelector('notebook-widget'));
/** Roles whose content a screen reader announces when it changes (WAI-ARIA 1.2, live region roles). */
const LIVE_ROLES = new Set(['status', 'alert', 'log', 'marquee', 'timer']);

const site = servedSite();

type AXValue = { value?: unknown };
type AXNode = { ignored: boolean; role?: AXValue; backendDOMNodeId?: number; value?: AXValue; properties?: { name: string; value: AXValue }[] };

/** Where an element of the page is: its widget's key (or '') and a short account of it. */
type Place = { key: string; what: string; readout: string | null };

async function placeOf(cdp: CDPSession, backendNodeId: number): Promise<Place> {
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId });
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId!,
    returnByValue: true,
    functionDeclaration: `function () {
      const el = this.nodeType === 1 ? this : this.parentElement;
      const key = el.closest('notebook-widget')?.dataset.key ?? '';
      const what = el.matches('[data-status]') ? 'status line' : el.outerHTML.slice(0, 120);
      const readout = el.closest('.control')?.querySelector('[data-value-for]')?.textContent ?? null;
      return { key, what, readout };
    }`,
  });
  return result.value as Place;
}

/** The nodes of the accessibility tree a screen reader treats as live regions, each with its place. */
async function liveRegions(page: Page, cdp: CDPSession): Promise<Place[]> {
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
  const live = nodes.filter((n) => {
    if (n.ignored || n.backendDOMNodeId === undefined) return false;
    const politeness = n.properties?.find((p) => p.name === 'live')?.value.value;
    return (politeness !== undefined && politeness !== 'off') || LIVE_ROLES.has(String(n.role?.value));
  });
  expect(page.isClosed()).toBe(false);
  return Promise.all(live.map((n) => placeOf(cdp, n.backendDOMNodeId!)));
}

/** Every slider: its accessible value, and the read-out shown beside it. */
async function sliders(cdp: CDPSession): Promise<{ key: string; value: string; readout: string | null }[]> {
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
  const found = nodes.filter((n) => !n.ignored && n.role?.value === 'slider' && n.backendDOMNodeId !== undefined);
  return Promise.all(found.map(async (n) => {
    const place = await placeOf(cdp, n.backendDOMNodeId!);
    // What a screen reader says: aria-valuetext where there is one (WAI-ARIA), else the number.
    const text = n.properties?.find((p) => p.name === 'valuetext')?.value.value;
    return { key: place.key, value: String(text ?? n.value?.value ?? ''), readout: place.readout };
  }));
}

describe('live regions of widgets', () => {
  it('the build has pages with widgets', () => {
    expect(WITH_WIDGETS.length).toBeGreaterThan(0);
  });

  it.each(WITH_WIDGETS.map((p) => [p.path] as const))('%s: each widget’s status line is its one live region; slider values match their read-outs', async (path) => {
    const w = await watchedContext(site.browser, site.origin);
    const page = await w.context.newPage();
    await page.goto(site.origin + path, { waitUntil: 'load' });
    await page.waitForFunction(() => customElements.get('notebook-widget') !== undefined);
    const cdp = await w.context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('Accessibility.enable');
    const keys = await page.locator('notebook-widget').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.key!));
    expect(keys.length).toBeGreaterThan(0);

    // Show each widget's copied-link box, as "Copy link to these settings" does.
    for (const key of keys) {
      const root = page.locator(`notebook-widget[data-key="${key}"]`);
      await root.locator('details.share > summary').click();
      await root.locator('[data-action="export-link"]').click();
      await expect.poll(() => root.locator('[data-share-output]').isVisible()).toBe(true);
    }
    const regions = await liveRegions(page, cdp);
    for (const key of keys) {
      expect(regions.filter((r) => r.key === key).map((r) => r.what), `live regions of #${key}`).toEqual(['status line']);
    }

    // Their values, before and after one step of each widget's first slider.
    const before = await sliders(cdp);
    expect(before.length).toBeGreaterThan(0);
    for (const s of before) expect(s.value, `a slider of #${s.key}`).toBe(s.readout);
    for (const key of new Set(before.map((s) => s.key))) {
      const slider = page.locator(`notebook-widget[data-key="${key}"] input[type="range"]`).first();
      await slider.focus();
      await slider.press('ArrowLeft');
    }
    for (const s of await sliders(cdp)) expect(s.value, `a slider of #${s.key}, stepped`).toBe(s.readout);
    expect((await liveRegions(page, cdp)).filter((r) => r.key !== '').map((r) => r.what).every((what) => what === 'status line')).toBe(true);
    await w.context.close();
  });
});
