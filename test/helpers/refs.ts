/**
 * Every URL a built page makes the browser load (scripts, styles, fonts, images, frames, media,
 * workers), found in HTML, CSS and JavaScript. Navigation links (<a href>) are not resources.
 */

/** One reference: what kind of thing loads it, and the URL as written. */
export type Ref = { kind: string; url: string };

/** <link rel> values that only describe a navigation target; anything else may be fetched. */
const NAVIGATIONAL_RELS = new Set(['alternate', 'author', 'bookmark', 'canonical', 'external', 'help', 'license', 'me', 'next', 'prev', 'nofollow', 'noopener', 'noreferrer', 'tag']);

/** [selector, attribute] pairs whose value is a URL that the browser loads. */
const URL_ATTRS: [string, string][] = [
  ['script[src]', 'src'], ['img[src]', 'src'], ['source[src]', 'src'], ['iframe[src]', 'src'],
  ['frame[src]', 'src'], ['audio[src]', 'src'], ['video[src]', 'src'], ['video[poster]', 'poster'],
  ['track[src]', 'src'], ['object[data]', 'data'], ['embed[src]', 'src'], ['input[src]', 'src'],
  ['image[href]', 'href'], ['image[xlink\\:href]', 'xlink:href'], ['use[href]', 'href'], ['use[xlink\\:href]', 'xlink:href'],
];

/** The URLs of a srcset attribute ("a.png 1x, b.png 2x"). */
export function srcsetUrls(srcset: string): string[] {
  return srcset.split(',').map((c) => c.trim().split(/\s+/)[0]).filter(Boolean);
}

/** url(…) and @import targets in a stylesheet or style attribute; fragment-only refs excluded. */
export function cssUrls(css: string): string[] {
  const out: string[] = [];
  const noComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const m of noComments.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/gi)) out.push(m[1] ?? m[2] ?? m[3]);
  for (const m of noComments.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/gi)) out.push(m[1] ?? m[2]);
  return out.filter((u) => u !== '' && !u.startsWith('#'));
}

/** Resource references in a parsed HTML document (elements, inline styles, <style> blocks). */
export function htmlRefs(doc: Document): Ref[] {
  const refs: Ref[] = [];
  for (const link of doc.querySelectorAll('link[href]')) {
    const rels = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    if (rels.length === 0 || rels.some((r) => !NAVIGATIONAL_RELS.has(r))) refs.push({ kind: `link[rel=${rels.join(' ')}]`, url: link.getAttribute('href')! });
  }
  for (const [selector, attr] of URL_ATTRS) {
    for (const el of doc.querySelectorAll(selector)) refs.push({ kind: selector, url: el.getAttribute(attr)! });
  }
  for (const el of doc.querySelectorAll('img[srcset], source[srcset]')) {
    for (const url of srcsetUrls(el.getAttribute('srcset')!)) refs.push({ kind: `${el.tagName.toLowerCase()}[srcset]`, url });
  }
  for (const el of doc.querySelectorAll('[style]')) for (const url of cssUrls(el.getAttribute('style')!)) refs.push({ kind: 'style attribute', url });
  for (const el of doc.querySelectorAll('style')) for (const url of cssUrls(el.textContent ?? '')) refs.push({ kind: '<style>', url });
  return refs;
}

/**
 * URLs that built JavaScript loads: import()/static imports, workers, importScripts, fetch,
 * EventSource, WebSocket, service workers, and Vite's asset form `new URL('…', import.meta.url)`.
 * A bare `new URL('https://…')` only builds a URL object (Pagefind does that to parse paths),
 * so it is not a load. For template literals only the text before the first `${` is kept.
 */
export function jsRefs(js: string): Ref[] {
  const refs: Ref[] = [];
  const literal = String.raw`(?:"([^"\n]*)"|'([^'\n]*)'|\x60([^\x60$]*))`;
  const call = new RegExp(String.raw`\b(import|importScripts|fetch|Worker|SharedWorker|register|EventSource|WebSocket)\s*\(\s*(?:new\s+URL\s*\(\s*)?${literal}`, 'g');
  for (const m of js.matchAll(call)) refs.push({ kind: `${m[1]}()`, url: m[2] ?? m[3] ?? m[4] });
  const asset = new RegExp(String.raw`\bnew\s+URL\s*\(\s*${literal}\s*,\s*import\.meta\.url`, 'g');
  for (const m of js.matchAll(asset)) refs.push({ kind: 'new URL(…, import.meta.url)', url: m[1] ?? m[2] ?? m[3] });
  const stat = new RegExp(String.raw`(?:\bfrom|\bimport)\s*(?:"([^"\n]*)"|'([^'\n]*)')`, 'g');
  for (const m of js.matchAll(stat)) refs.push({ kind: 'import', url: m[1] ?? m[2] });
  return refs;
}

/** True when `url`, resolved against `base`, leaves `base`'s origin (data: and blob: stay). */
export function isOtherOrigin(url: string, base: string): boolean {
  let resolved: URL;
  try {
    resolved = new URL(url, base);
  } catch {
    return false; // not a URL at all (e.g. a bare module name inside a library's message)
  }
  if (resolved.protocol === 'data:' || resolved.protocol === 'blob:') return false;
  return resolved.origin !== new URL(base).origin;
}
