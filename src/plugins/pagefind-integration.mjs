import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/**
 * Left out of the index: a widget's controls, buttons and data tables, whose option lists and
 * cells would run together into one word in an excerpt. Captions and status lines stay. Formulas
 * mark their own renderings as not indexed (rehype-katex-search-text.mjs).
 */
export const NOT_INDEXED = ['[data-controls]', '[data-widget] button', '[data-widget] details'];

/**
 * Builds the offline full-text search index over the built site after every `astro build`.
 * Only elements marked `data-pagefind-body` (the chapter text) are indexed, without the
 * duplicate copies of each formula and without widget controls.
 * @returns {import('astro').AstroIntegration}
 */
export default function pagefindIntegration() {
  return {
    name: 'notebook-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        // KaTeX writes each formula three times (MathML, its TeX source, the visible glyphs); none
        // of them is indexed, but a plain-text form that reads right in an excerpt is.
        const { index, errors } = await pagefind.createIndex({ excludeSelectors: NOT_INDEXED });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length) throw new Error(`Pagefind failed to index ${site}: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: `${site}pagefind` });
        if (written.errors.length) throw new Error(`Pagefind failed to write its index: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`search index: ${added.page_count} page(s)`);
      },
    },
  };
}
