/**
 * Checks over the built site in dist/ (issue 2, items 5, 9, 10): no KaTeX errors; nothing loaded
 * from another origin; every internal link, #fragment and resource resolves; every page carries
 * a strict Content-Security-Policy meta tag ahead of anything it governs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cspProblems, inlineAllowed } from '../helpers/csp.ts';
import { distFiles, fileForPath, pages, parsePage, urlPathOf } from '../helpers/dist.ts';
import { cssUrls, htmlRefs, isOtherOrigin, jsRefs } from '../helpers/refs.ts';

const SITE = 'http://site.test'; // a stand-in origin: only "same or other" matters
const PAGES = pages(); // throws when dist/ is missing: the file fails, it is not skipped

const idsCache = new Map<string, Set<string>>();
/** Element ids (and legacy <a name>) of an HTML file: the valid #fragments on that page. */
function idsOf(file: string): Set<string> {
  if (!idsCache.has(file)) {
    const doc = parsePage(file);
    const ids = [...doc.querySelectorAll('[id]')].map((el) => el.getAttribute('id')!);
    const names = [...doc.querySelectorAll('a[name]')].map((el) => el.getAttribute('name')!);
    idsCache.set(file, new Set([...ids, ...names]));
  }
  return idsCache.get(file)!;
}

/** Why a same-origin URL does not resolve (missing file or fragment), or '' when it does. */
function unresolved(url: URL, checkFragment: boolean): string {
  const file = fileForPath(url.pathname);
  if (!file) return `no file in dist/ for ${url.pathname}`;
  if (!checkFragment || url.hash === '' || url.hash === '#' || !file.endsWith('.html')) return '';
  const id = decodeURIComponent(url.hash.slice(1));
  if (idsOf(file).has(id) || id.toLowerCase() === 'top') return ''; // #top scrolls to the top (HTML spec)
  return `no element with id="${id}" on ${url.pathname}`;
}

describe('dist/ has pages', () => {
  it('includes the home page, the search page, the 404 page and at least one chapter', () => {
    const paths = PAGES.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['/', '/search/', '/404.html']));
    expect(paths.some((p) => /^\/chapters\/[^/]+\/$/.test(p))).toBe(true);
  });
});

describe.each(PAGES.map((p) => [p.path, p] as const))('page %s', (path, page) => {
  const doc = parsePage(page.file);
  const base = new URL(doc.querySelector('base[href]')?.getAttribute('href') ?? path, SITE + path).href;

  it('has no KaTeX errors', () => {
    const errors = [...doc.querySelectorAll('.katex-error')].map((el) => `${el.textContent} — ${el.getAttribute('title') ?? ''}`);
    expect(errors).toEqual([]);
  });

  it('has a strict Content-Security-Policy meta tag before any script or style', () => {
    const metas = [...doc.querySelectorAll('meta[http-equiv]')].filter((m) => m.getAttribute('http-equiv')!.toLowerCase() === 'content-security-policy');
    expect(metas.length, 'number of CSP meta tags').toBe(1);
    const meta = metas[0];
    expect(cspProblems(meta.getAttribute('content') ?? '')).toEqual([]);
    expect(meta.closest('head'), 'the CSP meta is inside <head>').not.toBeNull();
    // A meta policy only governs what comes after it in the document.
    const all = [...doc.querySelectorAll('*')];
    const before = all.slice(0, all.indexOf(meta)).filter((el) => el.matches('script, style, link[rel~="stylesheet" i], link[rel~="modulepreload" i], link[rel~="preload" i]'));
    expect(before.map((el) => el.outerHTML.slice(0, 120)), 'scripts/styles ahead of the CSP meta escape the policy').toEqual([]);
  });

  it('has only inline scripts and styles that its CSP allows, and no inline event handlers', () => {
    const policy = [...doc.querySelectorAll('meta[http-equiv]')].find((m) => m.getAttribute('http-equiv')!.toLowerCase() === 'content-security-policy')?.getAttribute('content') ?? '';
    const blocked = [
      ...[...doc.querySelectorAll('script:not([src])')].filter((s) => !inlineAllowed(policy, 'script', s.textContent ?? '')),
      ...[...doc.querySelectorAll('style')].filter((s) => !inlineAllowed(policy, 'style', s.textContent ?? '')),
    ].map((el) => `<${el.tagName.toLowerCase()}> whose hash is not in the policy: ${(el.textContent ?? '').trim().slice(0, 80)}…`);
    const handlers = [...doc.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `<${el.tagName.toLowerCase()} ${a.name}="${a.value.slice(0, 40)}">`));
    expect([...blocked, ...handlers]).toEqual([]);
  });

  it('loads nothing from another origin, and every resource it loads exists', () => {
    const refs = htmlRefs(doc);
    expect(refs.filter((r) => isOtherOrigin(r.url, base)).map((r) => `${r.kind} ${r.url}`), 'resources from other origins').toEqual([]);
    const missing = refs
      .filter((r) => !isOtherOrigin(r.url, base) && !/^(data|blob):/i.test(r.url))
      .map((r) => [r, unresolved(new URL(r.url, base), false)] as const)
      .filter(([, why]) => why)
      .map(([r, why]) => `${r.kind} ${r.url}: ${why}`);
    expect(missing, 'resources that do not resolve').toEqual([]);
  });

  it('has internal links and #fragments that all resolve', () => {
    const broken: string[] = [];
    for (const a of doc.querySelectorAll('a[href], area[href]')) {
      const href = a.getAttribute('href')!;
      if (/^javascript:/i.test(href.trim())) { broken.push(`${href}: javascript: URL`); continue; }
      let url: URL;
      try { url = new URL(href, base); } catch { broken.push(`${href}: not a URL`); continue; }
      if (url.origin !== SITE) continue; // outbound reading links (citations) are fine
      const why = unresolved(url, true);
      if (why) broken.push(`${href}: ${why}`);
    }
    expect(broken).toEqual([]);
  });
});

describe('stylesheets in dist/', () => {
  it.each(distFiles('.css').map((f) => [urlPathOf(f), f] as const))('%s loads nothing from another origin and all its url()s exist', (path, file) => {
    const urls = cssUrls(readFileSync(file, 'utf8'));
    const base = SITE + path;
    expect(urls.filter((u) => isOtherOrigin(u, base)), 'url()/@import to other origins').toEqual([]);
    const missing = urls.filter((u) => !isOtherOrigin(u, base) && !/^data:/i.test(u) && unresolved(new URL(u, base), false));
    expect(missing, 'url()/@import targets missing from dist/').toEqual([]);
  });
});

describe('scripts in dist/', () => {
  it.each(distFiles('.js', '.mjs').map((f) => [urlPathOf(f), f] as const))('%s loads nothing from another origin', (path, file) => {
    const external = jsRefs(readFileSync(file, 'utf8')).filter((r) => isOtherOrigin(r.url, SITE + path));
    expect(external.map((r) => `${r.kind} ${r.url}`)).toEqual([]);
  });
});
