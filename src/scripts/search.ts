/**
 * The search page: reads ?q=, asks the Pagefind index that `astro build` wrote into
 * /pagefind/, and lists matching chapters. Everything happens in the browser, offline.
 */
type PagefindResult = { data(): Promise<{ url: string; excerpt: string; meta: { title?: string } }> };
type Pagefind = { init(): Promise<void>; search(q: string): Promise<{ results: PagefindResult[] }> };

const INDEX_URL = '/pagefind/pagefind.js';

/** Rebuilds an excerpt from Pagefind's `<mark>`-highlighted string without trusting it as HTML. */
export function excerptNodes(doc: Document, excerpt: string): Node[] {
  const parts = excerpt.split(/<mark>|<\/mark>/);
  // Parsed as the body of an inert document: parsed on its own, a part's leading spaces would be
  // dropped (the parser skips whitespace before <html>), gluing it to the marked word before it.
  const decode = (s: string) => new DOMParser().parseFromString(`<!doctype html><body>${s}`, 'text/html').body.textContent ?? '';
  return parts.map((part, i) => {
    if (i % 2 === 0) return doc.createTextNode(decode(part));
    const mark = doc.createElement('mark');
    mark.textContent = decode(part);
    return mark;
  });
}

export async function runSearch(doc: Document): Promise<void> {
  const status = doc.querySelector<HTMLElement>('[data-search-status]')!;
  const list = doc.querySelector<HTMLOListElement>('[data-search-results]')!;
  const input = doc.querySelector<HTMLInputElement>('#search-q')!;
  const query = new URLSearchParams(location.search).get('q')?.trim() ?? '';
  input.value = query;
  if (!query) return;

  let pagefind: Pagefind;
  try {
    pagefind = await import(/* @vite-ignore */ INDEX_URL);
    await pagefind.init();
  } catch {
    status.textContent =
      'The search index is missing. It is written by "npm run build"; the development server (npm run dev) has none.';
    return;
  }
  status.textContent = `Searching for “${query}”…`;
  const found = await pagefind.search(query);
  const pages = await Promise.all(found.results.slice(0, 20).map((r) => r.data()));
  list.replaceChildren(
    ...pages.map((page) => {
      const item = doc.createElement('li');
      const link = doc.createElement('a');
      link.href = page.url;
      link.textContent = page.meta.title ?? page.url;
      const excerpt = doc.createElement('p');
      excerpt.className = 'excerpt';
      excerpt.append(...excerptNodes(doc, page.excerpt));
      item.append(link, excerpt);
      return item;
    }),
  );
  const n = found.results.length;
  status.textContent = n === 0
    ? `No chapter mentions “${query}”. Try a shorter or different word.`
    : `${n === 1 ? '1 chapter mentions' : `${n} chapters mention`} “${query}”${n > 20 ? ' (the first 20 are shown)' : ''}.`;
}
