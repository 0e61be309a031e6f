/**
 * Every `<Source path region>` in a chapter must name an engine file and a region in it, so the
 * code on a page can never silently drift from the code that runs.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractRegion } from '../../components/source-regions.ts';

const root = resolve(import.meta.dirname, '../..');
const chapterDir = join(root, 'content/chapters');
const chapters = readdirSync(chapterDir).filter((f) => f.endsWith('.mdx'));

/** `<Source …/>` tags with their attributes, from MDX text. */
function sourceTags(mdx: string) {
  // Tags shown as code (in backticks or fenced blocks) are prose about <Source>, not uses of it.
  const text = mdx.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/<Source\b([^>]*)\/?>/g)].map((m) => ({
    path: m[1].match(/\bpath="([^"]+)"/)?.[1],
    region: m[1].match(/\bregion="([^"]+)"/)?.[1],
  }));
}

describe('content/ names only engine regions that exist', () => {
  it('finds chapters to check', () => {
    expect(chapters.length).toBeGreaterThan(0);
  });

  for (const chapter of chapters) {
    const tags = sourceTags(readFileSync(join(chapterDir, chapter), 'utf8'));
    for (const { path, region } of tags) {
      it(`${chapter}: <Source path="${path}" region="${region ?? ''}">`, () => {
        expect(path, 'every <Source> needs a path="lib/…" attribute').toMatch(/^lib\/.+\.ts$/);
        const text = readFileSync(join(root, path!), 'utf8');
        if (region) expect(extractRegion(text, region, path).trim().length).toBeGreaterThan(0);
      });
    }
  }
});
