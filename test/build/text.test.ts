/**
 * The words a reader sees on the built pages and in search results: no Markdown backticks left
 * unrendered, no TeX source in the search index, work caps written for people, and every factor
 * a widget's caption quotes ("a factor of 0.35") is one its status line shows. Pages come from dist/.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SPECS } from '../../components/widgets/specs.ts';
import { distFiles, fileForPath, pages, parsePage } from '../helpers/dist.ts';
import { PROSE_NUMBER } from '../helpers/prose-number.ts';

const PAGES = pages(); // throws when dist/ is missing: the file fails, it is not skipped
/** "a factor of 0.35", "a factor of 1.46 × 10⁻⁴" as status lines write them (not "a factor of 1/3"). */
const FACTOR = new RegExp(`a factor of (${PROSE_NUMBER})(?![\\d/])`, 'g');

/** Text of a page as read, without code (where a backtick is JavaScript), scripts and TeX source. */
function visibleText(doc: Document): string {
  const body = doc.body;
  for (const el of [...body.querySelectorAll('pre, code, script, style, template, textarea, annotation')]) el.remove();
  return body.textContent ?? '';
}

/** Pagefind's stored text of every indexed page (fragments are gzipped "pagefind_dcd" + JSON). */
function indexedPages(): { url: string; content: string }[] {
  return distFiles('.pf_fragment').map((file) => {
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    return JSON.parse(text.slice(text.indexOf('{')));
  });
}

describe.each(PAGES.map((p) => [p.path, p] as const))('page %s', (_path, page) => {
  it('shows no stray Markdown backtick outside code', () => {
    const text = visibleText(parsePage(page.file));
    const around = [...text.matchAll(/`/g)].map((m) => text.slice(Math.max(0, m.index - 40), m.index + 40).replace(/\s+/g, ' '));
    expect(around).toEqual([]);
  });

  it('quotes in widget captions only the factors the status line shows', () => {
    for (const widget of parsePage(page.file).querySelectorAll('[data-widget]')) {
      const caption = widget.querySelector('figcaption')?.textContent ?? '';
      const status = widget.querySelector('[data-status]')?.textContent ?? '';
      for (const [factor] of caption.matchAll(FACTOR)) {
        expect(status, `${widget.getAttribute('data-widget')}: caption quotes ${factor}`).toContain(factor);
      }
    }
  });
});

describe('the search index', () => {
  const indexed = indexedPages();

  it('holds the chapters', () => {
    expect(indexed.map((p) => p.url)).toEqual(expect.arrayContaining([expect.stringMatching(/^\/chapters\//)]));
  });

  it.each(indexed.map((p) => [p.url, p] as const))('%s holds no TeX source of its formulas', (url, p) => {
    const doc = parsePage(fileForPath(url)!);
    const tex = [...doc.querySelectorAll('annotation[encoding="application/x-tex"]')].map((a) => a.textContent!.trim()).filter((t) => t.includes('\\'));
    expect(tex.length, 'the page has formulas written with TeX commands').toBeGreaterThan(0);
    expect(tex.filter((t) => p.content.includes(t))).toEqual([]);
    expect(p.content).not.toMatch(/\\(frac|mathcal|operatorname|text|sqrt|big)\b/);
  });
});

describe('/widgets/', () => {
  const doc = parsePage(fileForPath('/widgets/')!);
  /** "3.3 billion" → 3.3e9, "400 million" → 4e8, "25,000" → 25000. */
  const amount = (text: string) => {
    const m = text.match(/at most ([\d.,]+)( million| billion)? /)!;
    return Number(m[1].replace(/,/g, '')) * (m[2] === ' billion' ? 1e9 : m[2] === ' million' ? 1e6 : 1);
  };

  it('says in the DepthSignal example’s caption how the spread changes, as its status line does', () => {
    const widget = doc.querySelector('[data-widget="DepthSignal"]')!;
    const status = widget.querySelector('[data-status]')!.textContent!;
    // The status line's first two factors: the activations a and the pre-activations z.
    const factors = [...status.matchAll(FACTOR)].map((m) => m[1]).slice(0, 2);
    expect(factors).toHaveLength(2);
    const caption = widget.querySelector('figcaption')!.textContent!;
    expect([...caption.matchAll(FACTOR)].map((m) => m[1])).toEqual(factors);
  });

  it.each(Object.entries(SPECS).filter(([, s]) => s.work))('writes the work cap of %s readably, and exactly', (name, spec) => {
    const cap = doc.querySelector(`section[aria-labelledby="${name.toLowerCase()}"] [data-work-cap]`)?.textContent?.replace(/\s+/g, ' ');
    expect(cap, `a work cap in the section on ${name}`).toBeDefined();
    expect(cap).toContain(spec.work!.unit);
    expect(cap).not.toMatch(/\d{5,}/);
    expect(amount(cap!)).toBe(spec.work!.max);
  });
});
