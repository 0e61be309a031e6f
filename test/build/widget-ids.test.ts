/**
 * Every widget in the built site can be linked to: its root carries its key as its id ("Copy link"
 * ends in `#<key>`), and no other element on the page has that id, so the link lands on the widget.
 */
import { describe, expect, it } from 'vitest';
import { pages, parsePage } from '../helpers/dist.ts';

const WITH_WIDGETS = pages()
  .map((page) => ({ page, doc: parsePage(page.file) }))
  .filter(({ doc }) => doc.querySelector('notebook-widget'));

describe('widgets have ids to link to', () => {
  it('there are pages with widgets', () => {
    expect(WITH_WIDGETS.length).toBeGreaterThan(0);
  });

  for (const { page, doc } of WITH_WIDGETS) {
    it(`${page.path}: each widget's id is its key, and unique on the page`, () => {
      const ids = [...doc.querySelectorAll('[id]')].map((el) => el.getAttribute('id'));
      const problems = [...doc.querySelectorAll('notebook-widget')].flatMap((el) => {
        const key = el.getAttribute('data-key');
        if (el.getAttribute('id') !== key) return [`<${el.getAttribute('data-widget')} data-key="${key}"> has id="${el.getAttribute('id')}"`];
        const count = ids.filter((id) => id === key).length;
        return count === 1 ? [] : [`id="${key}" is on ${count} elements`];
      });
      expect(problems).toEqual([]);
    });
  }
});
