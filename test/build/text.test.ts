/**
 * The words a reader sees on the built pages and in search results: no Markdown backticks left
 * unrendered, no TeX source in the search index, work caps written for people, and every factor
 * a widget's caption quotes ("a factor of 0.35") is one its status line shows. Pages come from dist/.
 * The widget reference documents every component the chapters use, with all its props.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { NUMBERS } from '../../components/numbers.ts';
import { SPECS } from '../../components/widgets/specs.ts';
import { fileForPath, indexedPages, pages, parsePage, ROOT } from '../helpers/dist.ts';
import { formulasOf, symbols } from '../helpers/formulas.ts';
import { codeOf, importsOf } from '../helpers/imports.ts';
import { PROSE_NUMBER } from '../helpers/prose-number.ts';
import { NOT_INDEXED } from '../../src/plugins/pagefind-integration.mjs';

const PAGES = pages(); // throws when dist/ is missing: the file fails, it is not skipped
/** "a factor of 0.35", "a factor of 1.46 × 10⁻⁴" as status lines write them (not "a factor of 1/3"). */
const FACTOR = new RegExp(`a factor of (${PROSE_NUMBER})(?![\\d/])`, 'g');

/** Text of a page as read, without code (where a backtick is JavaScript), scripts and TeX source. */
function visibleText(doc: Document): string {
  const body = doc.body;
  for (const el of [...body.querySelectorAll('pre, code, script, style, template, textarea, annotation')]) el.remove();
  return body.textContent ?? '';
}


describe.each(PAGES.map((p) => [p.path, p] as const))('page %s', (_path, page) => {
  it('shows no stray Markdown backtick outside code', () => {
    const text = visibleText(parsePage(page.file));
    const around = [...text.matchAll(/`/g)].map((m) => text.slice(Math.max(0, m.index - 40), m.index + 40).replace(/\s+/g, ' '));
    expect(around).toEqual([]);
  });

  it('writes its prose with curly quotes and apostrophes, as the chapters’ bodies do (straight ones only in code and math)', () => {
    const doc = parsePage(page.file);
    for (const el of [...doc.body.querySelectorAll('svg, kbd, samp, .katex, math')]) el.remove();
    const text = visibleText(doc);
    const around = [...text.matchAll(/['"]/g)].map((m) => text.slice(Math.max(0, m.index - 40), m.index + 40).replace(/\s+/g, ' '));
    expect(around).toEqual([]);
  });

  it('writes the numbers the engine computes for the prose with a minus sign, not a hyphen', () => {
    for (const num of parsePage(page.file).querySelectorAll('.num')) expect(num.textContent).not.toContain('-');
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

  /**
   * Neighbouring cells of every indexed table, in reading order (across rows too), as [url, cell,
   * next cell] texts. Cells with formulas break the chain: the index holds a formula's plain text,
   * not its text content.
   */
  const neighbours = indexed.flatMap((p) => [...parsePage(fileForPath(p.url)!).querySelectorAll('[data-pagefind-body] table')].filter((t) => !t.closest(['[data-pagefind-ignore]', ...NOT_INDEXED].join(', '))).flatMap((table) => {
    const cells = [...table.querySelectorAll('th, td')].map((c) => (c.querySelector('.katex, [data-pagefind-ignore]') ? '' : c.textContent!.replace(/\s+/g, ' ').trim()));
    return cells.slice(1).flatMap((b, i) => (cells[i] && b ? [[p.url, cells[i], b] as const] : []));
  }));

  it('has tables with neighbouring cells to check', () => {
    expect(neighbours.length).toBeGreaterThan(0);
  });

  // Pagefind may end a cell with a full stop of its own (“0.5193. 1”); a space must follow either way.
  it.each(neighbours)('%s keeps the table cells “%s” and “%s” apart, as separate words', (url, a, b) => {
    const content = indexed.find((p) => p.url === url)!.content.replace(/\s+/g, ' ');
    const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(content).toMatch(new RegExp(`${literal(a)}\\.? ${literal(b)}`));
  });

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

  it('has formulas whose MathML text misreads them (roots dropped, subscripts run together)', () => {
    const misread = indexed.flatMap((p) => formulasOf(parsePage(fileForPath(p.url)!))).filter((f) => f.mathml !== f.linear);
    expect(misread.length).toBeGreaterThan(0);
  });

  it.each(indexed.map((p) => [p.url, p] as const))('%s holds every formula as plain text with its roots, fractions and subscripts, never as its MathML text', (url, p) => {
    const doc = parsePage(fileForPath(url)!);
    const formulas = formulasOf(doc);
    // Where a misreading may rightly stand: “1/√2” reads “1/2” in MathML, and 1/2 is also a formula of its own.
    const rightful = [textOutsideFormulas(doc.body), ...formulas.map((f) => f.linear)];
    for (const f of formulas) {
      const at = `the formula whose MathML reads “${f.mathml}”`;
      expect(f.linear, `${at} has a plain-text form`).not.toBe('');
      expect(symbols(f.linear), `${at}: its letters and digits, in order`).toBe(symbols(f.mathml));
      expect(occurrences(f.linear, '√'), `${at} as “${f.linear}”: a √ per root`).toBe(f.roots);
      expect(occurrences(f.linear, '/'), `${at} as “${f.linear}”: a / per fraction`).toBe(occurrences(f.mathml, '/') + f.fractions);
      expect(occurrences(f.linear, '_'), `${at} as “${f.linear}”: a _ per subscript`).toBeGreaterThanOrEqual(f.subscripts);
      expect(p.content, `${at} is indexed as “${f.linear}”`).toContain(f.linear);
      if (f.mathml === f.linear) continue;
      const allowed = rightful.reduce((n, text) => n + standing(text, f.mathml), 0);
      expect(standing(p.content, f.mathml), `${at} is indexed run together`).toBeLessThanOrEqual(allowed);
    }
  });
});

/** How many times `part` occurs in `text`. */
function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

/** How many times `part` occurs in `text` with no letter or digit joined to either end. */
function standing(text: string, part: string): number {
  const literal = part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.match(new RegExp(`(?<![\\p{L}\\p{N}])${literal}(?![\\p{L}\\p{N}])`, 'gu'))?.length ?? 0;
}

/** The text of `node` outside formulas, scripts and styles, its pieces set apart by spaces. */
function textOutsideFormulas(node: Node): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.nodeType === 1 && (node as Element).matches('.katex, script, style')) return '';
  return [...node.childNodes].map(textOutsideFormulas).join(' ');
}

/** Components the chapters import (`import X from '../../components/X.astro'`): name → the chapters using it. */
function chapterComponents(): Map<string, string[]> {
  const dir = join(ROOT, 'content/chapters');
  const used = new Map<string, string[]>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.mdx')).sort()) {
    for (const { specifier } of importsOf(readFileSync(join(dir, file), 'utf8'), file)) {
      const name = /^\.\.\/\.\.\/components\/(\w+)\.astro$/.exec(specifier)?.[1];
      if (name) used.set(name, [...(used.get(name) ?? []), file]);
    }
  }
  return used;
}

/** The props a component declares in its `Props` interface or type, read with the TypeScript parser; the MDX plugin's `__where` left out. */
function declaredProps(file: string): string[] {
  const source = ts.createSourceFile(file, codeOf(readFileSync(file, 'utf8'), file), ts.ScriptTarget.Latest, true);
  const names: string[] = [];
  const members = (node: ts.Node) => {
    if (ts.isPropertySignature(node) && ts.isIdentifier(node.name)) names.push(node.name.text);
    else if (ts.isTypeLiteralNode(node) || ts.isIntersectionTypeNode(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) ts.forEachChild(node, members);
  };
  ts.forEachChild(source, (node) => {
    if ((ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) && node.name.text === 'Props') members(node);
  });
  return names.filter((n) => !n.startsWith('__'));
}

describe('/widgets/', () => {
  const doc = parsePage(fileForPath('/widgets/')!);
  const USED = chapterComponents();
  /** The names in the first column of a section's first table: the props it documents. */
  const documentedProps = (section: Element) => [...(section.querySelector('table')?.querySelectorAll('tbody tr td:first-child code') ?? [])].map((c) => c.textContent!.trim());

  it('the chapters use components', () => {
    expect(USED.size).toBeGreaterThan(0);
  });

  it.each([...USED].map(([name, files]) => [name, files.join(', ')] as const))('documents <%s> (used in %s) with all its props and a live example', (name) => {
    const section = doc.querySelector(`section[aria-labelledby="${name.toLowerCase()}"]`);
    expect(section, `a section on ${name} on /widgets/`).not.toBeNull();
    expect(section!.querySelector('h3')?.textContent?.trim()).toBe(name);
    const spec = SPECS[name as keyof typeof SPECS];
    if (spec) {
      // A widget: its props are its spec's parameters; its example is the widget itself.
      expect(documentedProps(section!)).toEqual(Object.keys(spec.params));
      expect(section!.querySelector(`[data-widget="${name}"]`), `a live ${name} in its section`).not.toBeNull();
      return;
    }
    const declared = declaredProps(join(ROOT, 'components', `${name}.astro`));
    expect(declared.length, `components/${name}.astro declares its Props`).toBeGreaterThan(0);
    expect(documentedProps(section!).sort()).toEqual([...declared].sort());
    const example = doc.querySelector(`[data-example-of="${name}"]`);
    expect(example?.children.length ?? 0, `a live example of ${name}`).toBeGreaterThan(0);
  });

  it('lists every name <Num of> accepts, each with what it is', () => {
    const rows = [...doc.querySelectorAll('section[aria-labelledby="num"] [data-values-of="of"] tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()));
    const listed = new Map(rows.map(([name, what]) => [name, what]));
    expect([...listed.keys()].sort()).toEqual(Object.keys(NUMBERS).sort());
    for (const [name, n] of Object.entries(NUMBERS)) expect(listed.get(name), name).toBe(n.describe);
  });
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
