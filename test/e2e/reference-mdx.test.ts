/**
 * "Copy as MDX" on the widget reference page gives a line an instructor can paste into a chapter:
 * it carries no id of the reference page's own (an anchor and address key that mean nothing in a
 * chapter), and pasted at the end of any chapter it passes the build's rule that ids differ on a
 * page (src/plugins/remark-jsx-where.mjs, run here through MDX as the build runs it). The widgets
 * come from the built /widgets/ page, the chapters from content/chapters.
 */
import { compile } from '@mdx-js/mdx';
import remarkMath from 'remark-math';
import { describe, expect, it } from 'vitest';
import { parseProps } from '../../components/runtime/params.ts';
import { SPECS } from '../../components/widgets/specs.ts';
import remarkJsxWhere from '../../src/plugins/remark-jsx-where.mjs';
import { watchedContext } from '../helpers/browser.ts';
import { fileForPath, parsePage } from '../helpers/dist.ts';
import { attributes, chapters, CHAPTERS_DIR } from '../helpers/mdx-tags.ts';
import { servedSite } from '../helpers/site.ts';

const PATH = '/widgets/';
const reference = parsePage(fileForPath(PATH)!);
const WIDGETS = [...reference.querySelectorAll('notebook-widget')].map((el) => ({
  name: el.getAttribute('data-widget')!,
  key: el.getAttribute('data-key')!,
  props: JSON.parse(el.getAttribute('data-props') ?? '{}') as Record<string, unknown>,
}));
/** Every id on the reference page: its own anchors, which a chapter's line must not carry. */
const REFERENCE_IDS = new Set([...reference.querySelectorAll('[id]')].map((el) => el.getAttribute('id')));
const site = servedSite();

/** `line` pasted at the end of a chapter, through MDX with the build's id rule; the error's text, or '' when it passes. */
async function pasted(file: string, mdx: string, line: string): Promise<string> {
  const options = { remarkPlugins: [remarkMath, [remarkJsxWhere, { widgets: Object.keys(SPECS) }]] as never };
  try {
    await compile({ value: `${mdx}\n\n${line}\n`, path: `${CHAPTERS_DIR}/${file}` }, options);
    return '';
  } catch (error) {
    return String(error);
  }
}

describe(`"Copy as MDX" on ${PATH}`, () => {
  it('the reference page has every widget, and there are chapters', () => {
    expect(WIDGETS.map((w) => w.name).sort()).toEqual(Object.keys(SPECS).sort());
    expect(chapters().length).toBeGreaterThan(0);
  });

  it('each chapter passes the id rule as it is (so a failure below is the pasted line’s)', async () => {
    for (const { file, mdx } of chapters()) expect(await pasted(file, mdx, ''), file).toBe('');
  });

  it('gives, for each example, a line without an id of the reference page that pastes into every chapter', async () => {
    const w = await watchedContext(site.browser, site.origin);
    await w.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    const page = await w.context.newPage();
    await page.goto(`${site.origin}${PATH}`, { waitUntil: 'load' });
    for (const widget of WIDGETS) {
      const root = page.locator(`notebook-widget[data-key="${widget.key}"]`);
      await root.scrollIntoViewIfNeeded();
      await page.waitForFunction((k) => document.querySelector<HTMLElement>(`notebook-widget[data-key="${k}"]`)?.dataset.ready === 'full', widget.key, { timeout: 20_000 });
      await root.locator('details.share > summary').click();
      await root.locator('[data-action="export-mdx"]').click();
      const output = root.locator('[data-share-output]');
      await expect.poll(() => output.textContent()).toMatch(new RegExp(`^<${widget.name}\\b`));
      const line = (await output.textContent())!;
      const props = attributes(line);
      // The line gives the example's settings…
      expect(parseProps(SPECS[widget.name], props, PATH)).toEqual(parseProps(SPECS[widget.name], widget.props, PATH));
      // …under no id of the reference page's own…
      if ('id' in props) expect(REFERENCE_IDS.has(String(props.id)), `${line}: id of ${PATH}`).toBe(false);
      // …and the build takes it at the end of every chapter.
      for (const { file, mdx } of chapters()) expect(await pasted(file, mdx, line), `${line} in ${file}`).toBe('');
    }
    await w.context.close();
    expect(w.trouble.consoleErrors, 'console errors').toEqual([]);
    expect(w.trouble.pageErrors, 'uncaught errors').toEqual([]);
  }, 120_000);
});
