/**
 * What the site says about itself is true of what exists: the tagline and description name only
 * topics that a chapter covers, and the controls the prose says a widget offers are parameters
 * of some widget. Chapters are read from content/, widgets from their specs.
 */
import { describe, expect, it } from 'vitest';
import { SPECS } from '../../components/widgets/specs.ts';
import { SETTINGS } from '../../src/settings.ts';
import { chapters } from '../helpers/mdx-tags.ts';

/** The course's topics as a sentence may name them. */
const TOPICS: Record<string, RegExp> = {
  'weight initialization': /initiali[sz]ation/i,
  regularization: /regulari[sz]ation|\bL[12]\b/i,
  dropout: /dropout/i,
};

const titles = chapters().map(({ mdx }) => mdx.match(/^title: (.*)$/m)![1]);

describe('the site’s tagline and description', () => {
  it.each(Object.entries(TOPICS))('name %s only if a chapter’s title does', (_topic, pattern) => {
    const promised = pattern.test(SETTINGS.tagline) || pattern.test(SETTINGS.description);
    const covered = titles.some((title) => pattern.test(title));
    expect(!promised || covered, `promised, but the chapters are: ${titles.join('; ')}`).toBe(true);
  });
});

/** Letters only, lower case: "learningRate", "the learning rate" and "`learningRate`" all read "learningrate" ($\lambda$ reads "lambda"). */
const bare = (text: string) => text.replace(/^the /, '').toLowerCase().replace(/[^a-z]/g, '');
const PARAMETERS = new Set(Object.values(SPECS).flatMap((spec) => Object.keys(spec.params).map(bare)));

describe('controls the prose says a widget has', () => {
  // "its controls let you change the initializer, the depth … or the seed"
  const named = chapters().flatMap(({ file, mdx }) => [...mdx.matchAll(/controls let you change ([^.:;—]+?)\s*(?:—|,? and \*\*|[.:;])/g)]
    .flatMap((m) => m[1].split(/,\s*|\s+or\s+|\s+and\s+/))
    .map((item) => ({ file, item: item.replace(/\s+/g, ' ').trim() })));

  it('finds a list of controls in the prose', () => {
    expect(named.length).toBeGreaterThan(0);
  });

  it.each(named.map((n) => [n.file, n.item] as const))('%s: “%s” is a parameter of some widget', (_file, item) => {
    expect([...PARAMETERS], item).toContain(bare(item.replace(/\$\\lambda\$/, 'lambda')));
  });
});
