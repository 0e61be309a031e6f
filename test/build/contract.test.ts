/**
 * What every built page promises the reader and the browser tests (issue 2, items 6 and 7):
 * a language, a favicon, the theme toggle, the header search form that reaches /search/, and
 * KaTeX's stylesheet and fonts served from the site itself.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { distFiles, fileForPath, pages, parsePage } from '../helpers/dist.ts';

const SITE = 'http://site.test';

describe.each(pages().map((p) => [p.path, p] as const))('page %s', (path, page) => {
  const doc = parsePage(page.file);

  it('declares its language and a favicon that exists', () => {
    expect(doc.documentElement.getAttribute('lang')).toMatch(/^[a-z]{2}/);
    const icon = [...doc.querySelectorAll('link[rel][href]')].find((l) => l.getAttribute('rel')!.toLowerCase().split(/\s+/).includes('icon'));
    expect(icon, '<link rel="icon">').toBeDefined();
    expect(fileForPath(new URL(icon!.getAttribute('href')!, SITE + path).pathname), `favicon ${icon!.getAttribute('href')}`).toBeDefined();
  });

  it('has the theme toggle, a button', () => {
    const toggles = [...doc.querySelectorAll('[data-theme-toggle]')];
    expect(toggles.length).toBeGreaterThan(0);
    expect(toggles.every((t) => t.tagName.toLowerCase() === 'button')).toBe(true);
  });

  it('has a search form that sends q to /search/ with GET', () => {
    const form = doc.querySelector('form[role="search"]');
    expect(form, 'form[role="search"]').not.toBeNull();
    expect(new URL(form!.getAttribute('action') ?? path, SITE + path).pathname).toBe('/search/');
    expect((form!.getAttribute('method') ?? 'get').toLowerCase()).toBe('get');
    expect(form!.querySelector('input[name="q"]'), 'input[name="q"]').not.toBeNull();
  });
});

describe('math', () => {
  it('pages with KaTeX get its stylesheet and woff2 fonts from dist/ itself', () => {
    const mathPages = pages().filter((p) => parsePage(p.file).querySelector('.katex'));
    expect(mathPages.length, 'pages with .katex').toBeGreaterThan(0);
    const fonts = distFiles('.woff2').filter((f) => /KaTeX_Main-Regular[^/]*\.woff2$/.test(f));
    expect(fonts.length, 'KaTeX_Main-Regular*.woff2 in dist/').toBeGreaterThan(0);
    const css = distFiles('.css').filter((f) => readFileSync(f, 'utf8').includes('KaTeX_Main'));
    expect(css.length, 'a stylesheet in dist/ declaring KaTeX_Main').toBeGreaterThan(0);
  });
});
