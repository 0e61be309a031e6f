/**
 * A citation that names sections of a work ("§8.4 and §8.7") points at a reference entry that
 * lists those sections, so the reader finds in the reference list what the text sends them to.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = resolve(import.meta.dirname, '../../content/chapters');
const chapters = readdirSync(dir).filter((f) => f.endsWith('.mdx'));

/** `id → text` of a chapter's `references` frontmatter. */
function references(mdx: string): Map<string, string> {
  const front = mdx.split(/^---$/m)[1] ?? '';
  return new Map([...front.matchAll(/- id: (\S+)\s*\n\s+text: "([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

const citations = chapters.flatMap((chapter) => {
  const mdx = readFileSync(join(dir, chapter), 'utf8');
  const refs = references(mdx);
  return [...mdx.matchAll(/<Cite id="([^"]+)">([^<]*)<\/Cite>/g)].map((m) => ({ chapter, id: m[1], shown: m[2], entry: refs.get(m[1]) }));
});

describe('sections cited in the text are in the reference list', () => {
  it('finds citations', () => {
    expect(citations.length).toBeGreaterThan(0);
  });

  it.each(citations.map((c) => [c.chapter, c.shown, c] as const))('%s: <Cite> “%s”', (_chapter, _shown, c) => {
    expect(c.entry, `a reference with id "${c.id}" in the frontmatter`).toBeDefined();
    for (const [section] of c.shown.matchAll(/§\d+(\.\d+)*/g)) expect(c.entry).toMatch(new RegExp(`${section.replaceAll('.', '\\.')}\\b`));
  });
});
