import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/**
 * Builds the offline full-text search index over the built site after every `astro build`.
 * Only elements marked `data-pagefind-body` (the chapter text) are indexed.
 * @returns {import('astro').AstroIntegration}
 */
export default function pagefindIntegration() {
  return {
    name: 'notebook-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({});
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
