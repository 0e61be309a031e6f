/**
 * The search page: reads ?q=, asks the Pagefind index that `astro build` wrote into /pagefind/
 * for candidate chapters, keeps those whose text really holds the query's words (search-match.ts
 * says why Pagefind's own list is not enough) and lists them with excerpts marked here.
 * Everything happens in the browser, offline.
 */
import { excerptRange, holdsAll, matchText, nothingToSearch, partialNote, queryWords, statusLine, wordsOf, type Match } from './search-match.ts';

type PageData = { url: string; content: string; meta: { title?: string } };
type PagefindResult = { data(): Promise<PageData> };
type Pagefind = { init(): Promise<void>; search(q: string): Promise<{ results: PagefindResult[] }> };

const INDEX_URL = '/pagefind/pagefind.js';
const SHOWN = 20;

/** A candidate chapter with its words and how they match the query. */
type Found = { page: PageData; words: string[]; match: Match };

/** Loads every candidate (the notebook has a handful of chapters, so all of them) and checks it. */
async function check(results: PagefindResult[], query: string[]): Promise<Found[]> {
  const pages = await Promise.all(results.map((r) => r.data()));
  return pages.map((page) => {
    const words = wordsOf(page.content);
    return { page, words, match: matchText(words, page.meta.title ?? '', query) };
  });
}

/**
 * Chapters for the query: those holding every word; failing that, for a query of several words,
 * those holding some, most first (`partial`).
 */
async function findChapters(pagefind: Pagefind, words: string[]): Promise<{ found: Found[]; partial: boolean }> {
  const all = (await check((await pagefind.search(words.join(' '))).results, words)).filter((f) => holdsAll(f.match));
  if (all.length > 0 || words.length < 2) return { found: all, partial: false };
  const byUrl = new Map<string, Found>();
  for (const word of words) {
    for (const f of await check((await pagefind.search(word)).results, words)) {
      if (f.match.hits.some(Boolean) && !byUrl.has(f.page.url)) byUrl.set(f.page.url, f);
    }
  }
  const held = (f: Found) => f.match.hits.filter(Boolean).length;
  return { found: [...byUrl.values()].sort((a, b) => held(b) - held(a)), partial: true };
}

/** The excerpt: about 30 words of the chapter around its matching words, those marked. */
export function excerptNodes(doc: Document, words: string[], positions: number[]): Node[] {
  const [start, end] = excerptRange(words.length, positions);
  const marked = new Set(positions);
  const nodes: Node[] = [];
  let plain = '';
  for (let i = start; i < end; i++) {
    const sep = i > start ? ' ' : '';
    if (!marked.has(i)) {
      plain += sep + words[i];
      continue;
    }
    nodes.push(doc.createTextNode(plain + sep));
    plain = '';
    const mark = doc.createElement('mark');
    mark.textContent = words[i];
    nodes.push(mark);
  }
  nodes.push(doc.createTextNode(plain));
  return nodes;
}

export async function runSearch(doc: Document): Promise<void> {
  const status = doc.querySelector<HTMLElement>('[data-search-status]')!;
  const list = doc.querySelector<HTMLOListElement>('[data-search-results]')!;
  const input = doc.querySelector<HTMLInputElement>('#search-q')!;
  const query = new URLSearchParams(location.search).get('q')?.trim() ?? '';
  input.value = query;
  const words = queryWords(query);
  if (words.length === 0) {
    // An empty box keeps the page's prompt; a query of symbols only (“√”, “±”) is answered.
    if (query) status.textContent = nothingToSearch(query);
    return;
  }

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
  const { found, partial } = await findChapters(pagefind, words);
  list.replaceChildren(
    ...found.slice(0, SHOWN).map(({ page, words: text, match }) => {
      const item = doc.createElement('li');
      const link = doc.createElement('a');
      link.href = page.url;
      link.textContent = page.meta.title ?? page.url;
      item.append(link);
      if (partial) {
        const note = doc.createElement('p');
        note.className = 'partial';
        note.textContent = partialNote(words, match);
        item.append(note);
      }
      const excerpt = doc.createElement('p');
      excerpt.className = 'excerpt';
      excerpt.append(...excerptNodes(doc, text, match.positions));
      item.append(excerpt);
      return item;
    }),
  );
  status.textContent = statusLine(words, found.map((f) => f.match), partial, SHOWN);
}
