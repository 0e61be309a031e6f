/**
 * The engine code a chapter shows uses the chapter's symbols: the prose writes the learning rate
 * as η (how-to-use, "learning rate $\eta$"), so no region shown with <Source> writes it as α.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractRegion } from '../../components/source-regions.ts';

const root = resolve(import.meta.dirname, '../..');
const dir = join(root, 'content/chapters');
const mdx = readdirSync(dir).filter((f) => f.endsWith('.mdx')).map((f) => readFileSync(join(dir, f), 'utf8'));
// Tags shown as code (in backticks or fenced blocks) are prose about <Source>, not uses of it.
const uses = mdx.map((text) => text.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, ''));
const shown = [...new Set(uses.flatMap((text) => [...text.matchAll(/<Source path="([^"]+)" region="([^"]+)"/g)].map((m) => `${m[1]}#${m[2]}`)))];

describe('regions shown on a page name the learning rate as the prose does', () => {
  it('the prose calls the learning rate η', () => {
    expect(mdx.join('\n')).toMatch(/learning rate \$\\eta\$/);
  });

  it.each(shown)('%s writes no α', (where) => {
    const [path, region] = where.split('#');
    expect(extractRegion(readFileSync(join(root, path), 'utf8'), region, path)).not.toContain('α');
  });
});
