/**
 * The names src/plugins/rehype-scroll-boxes.mjs gives the box around a table, case by case (the
 * built pages, test/e2e/table-scroll.test.ts, have only some of the cases): by its caption, else
 * by the heading before it, short, never by its header row.
 */
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import rehypeScrollBoxes from '../../src/plugins/rehype-scroll-boxes.mjs';

/** The box attributes the plugin gives each table of `html`, in order, and the HTML it makes. */
function made(html: string): { boxes: Record<string, string>[]; html: string } {
  const tree = fromHtml(html, { fragment: true });
  (rehypeScrollBoxes() as (t: unknown) => void)(tree);
  const boxes: Record<string, string>[] = [];
  const visit = (node: { type: string; properties?: Record<string, unknown>; children?: unknown[] }) => {
    if (node.type === 'element' && (node.properties?.className as string[] | undefined)?.includes('scroll-box')) {
      boxes.push(Object.fromEntries(Object.entries(node.properties!).map(([k, v]) => [k, Array.isArray(v) ? v.join(' ') : String(v)])));
    }
    for (const child of node.children ?? []) visit(child as never);
  };
  visit(tree as never);
  return { boxes, html: toHtml(tree) };
}
const boxes = (html: string) => made(html).boxes;

const TABLE = '<table><thead><tr><th>name in the engine</th><th>the post calls it</th></tr></thead><tbody><tr><td>a</td><td>b</td></tr></tbody></table>';

describe('a table’s scroll box is named', () => {
  it('by the heading of its section, in quotes, not by its header row', () => {
    const [box] = boxes(`<h2>The variance argument</h2><p>Text.</p>${TABLE}`);
    expect(box.ariaLabel).toBe('Table in “The variance argument”');
    expect(box.ariaLabelledBy).toBeUndefined();
  });

  it('by the nearest heading before it, whatever its level or nesting, and each table by its own', () => {
    const named = boxes(`<h2>Recipes</h2><section><h3>The post’s “He”</h3><div>${TABLE}</div></section><h2>Depth</h2>${TABLE}`).map((b) => b.ariaLabel);
    expect(named).toEqual(['Table in “The post’s ‘He’”', 'Table in “Depth”']);
  });

  it('by its caption when it has one, read from the caption itself', () => {
    const { boxes: [box], html } = made(`<h2>Recipes</h2><table><caption>Variances of the recipes</caption>${TABLE.slice('<table>'.length)}`);
    expect(box.ariaLabel).toBe('Table:');
    const [self, caption] = box.ariaLabelledBy.split(' ');
    expect(self).toBe(box.id);
    expect(html).toContain(`<caption id="${caption}">Variances of the recipes</caption>`);
  });

  it('by what a listener hears of a heading: a formula once, without its TeX; a long heading cut at a word', () => {
    const math = '<span class="katex"><span class="katex-mathml"><math><semantics><mrow><mi>n</mi></mrow><annotation encoding="application/x-tex">n</annotation></semantics></math></span><span class="katex-html" aria-hidden="true">n</span></span>';
    expect(boxes(`<h2>Width ${math} and depth</h2>${TABLE}`)[0].ariaLabel).toBe('Table in “Width n and depth”');
    const long = 'A heading that goes on and on about initialization, variance, depth and the rest';
    const name = boxes(`<h2>${long}</h2>${TABLE}`)[0].ariaLabel;
    expect(name.length).toBeLessThan(80);
    expect(name).toMatch(/^Table in “A heading that goes on [^”]*\w…”$/);
    const kept = name.slice('Table in “'.length, -'…”'.length);
    expect(long.startsWith(kept)).toBe(true);
    expect(long[kept.length], 'cut between words').toMatch(/[^\p{L}]/u);
  });

  it('“Table” alone when nothing comes before it', () => {
    expect(boxes(TABLE)[0].ariaLabel).toBe('Table');
  });
});
