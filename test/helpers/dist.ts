/**
 * The built site in `dist/`, as the build-output and browser tests see it. Pages are enumerated
 * from the build (every *.html file), never from a hand-written list (issue 2, item 10).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';

/** Absolute path of the project root and of `dist/`. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = join(ROOT, 'dist');

/**
 * Throws (never skips) when there is no built site: these tests are meaningless without one.
 * `npm test` builds first; running Vitest by hand needs `npm run build` before.
 */
export function requireDist(): string {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(`No built site at ${DIST} (dist/index.html is missing). Run \`npm run build\` first — \`npm test\` does it for you.`);
  }
  return DIST;
}

/** Every file under `dir` (recursive), as absolute paths, sorted for stable test order. */
export function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else out.push(full);
  }
  return out.sort();
}

/** Files of `dist/` whose name ends with one of `exts` (e.g. '.css'). */
export function distFiles(...exts: string[]): string[] {
  return walk(requireDist()).filter((f) => exts.some((e) => f.endsWith(e)));
}

/** One built HTML page. */
export type Page = {
  /** Absolute path of the file. */
  file: string;
  /** URL path the page is served at: `/`, `/chapters/x/`, `/404.html`. */
  path: string;
  /** Short name for reports and screenshot files: `index`, `chapters-x`, `404`. */
  name: string;
};

/** Maps a file in dist/ to the URL path a static server (directory format) serves it at. */
export function urlPathOf(file: string): string {
  const rel = relative(DIST, file).split(sep).join('/');
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return `/${rel.slice(0, -'index.html'.length)}`;
  return `/${rel}`;
}

function nameOf(path: string): string {
  const trimmed = path.replace(/^\/|\/$/g, '').replace(/\.html$/, '');
  return trimmed === '' ? 'index' : trimmed.replace(/[^A-Za-z0-9_-]+/g, '-');
}

/** Every *.html page in dist/, with its URL path and a short name. */
export function pages(): Page[] {
  return distFiles('.html').map((file) => {
    const path = urlPathOf(file);
    return { file, path, name: nameOf(path) };
  });
}

/** Parses an HTML file with linkedom; returns its document. */
export function parsePage(file: string): Document {
  return parseHTML(readFileSync(file, 'utf8')).document as unknown as Document;
}

/** A widget as the built HTML places it: its name, key, mode, the page's props and the page it is on. */
export type FoundWidget = { name: string; key: string; mode: string; path: string; props: Record<string, unknown> };

/** The first page each widget appears on, read from the built HTML (never from a hand list). */
export function firstOfEachWidget(): FoundWidget[] {
  const found = new Map<string, FoundWidget>();
  for (const page of pages()) {
    for (const el of parsePage(page.file).querySelectorAll('notebook-widget')) {
      const name = el.getAttribute('data-widget')!;
      if (found.has(name)) continue;
      const props = JSON.parse(el.getAttribute('data-props') ?? '{}') as Record<string, unknown>;
      found.set(name, { name, key: el.getAttribute('data-key')!, mode: el.getAttribute('data-mode')!, path: page.path, props });
    }
  }
  return [...found.values()];
}

/**
 * The dist/ file a same-origin URL path resolves to on a directory-format static host, or
 * `undefined`: `/a/` → a/index.html, `/a.css` → a.css, `/a` → a/index.html if it is a directory.
 */
export function fileForPath(pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const target = join(DIST, decoded);
  if (!target.startsWith(DIST)) return undefined;
  const candidates = decoded.endsWith('/') ? [join(target, 'index.html')] : [target, join(target, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

/** One page as Pagefind indexed it: its URL, the text it stored and the title it shows. */
export type IndexedPage = { url: string; content: string; meta: { title?: string } };

/** Pagefind's stored text of every indexed page (fragments are gzipped "pagefind_dcd" + JSON). */
export function indexedPages(): IndexedPage[] {
  return distFiles('.pf_fragment').map((file) => {
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    return JSON.parse(text.slice(text.indexOf('{')));
  });
}
