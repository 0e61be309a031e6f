import { getCollection, type CollectionEntry } from 'astro:content';

export type Chapter = CollectionEntry<'chapters'>;

/**
 * All chapters in course order. Two chapters claiming the same `order` would make prev/next
 * ambiguous, so that fails the build naming both files.
 */
export async function chaptersInOrder(): Promise<Chapter[]> {
  const all = await getCollection('chapters');
  const sorted = all.sort((a, b) => a.data.order - b.data.order);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].data.order === sorted[i - 1].data.order) {
      throw new Error(
        `Chapters ${sorted[i - 1].filePath} and ${sorted[i].filePath} both have order ${sorted[i].data.order}; ` +
          'give each chapter its own order number.',
      );
    }
  }
  const ids = new Set(sorted.map((c) => c.id));
  for (const chapter of sorted) {
    for (const p of chapter.data.prerequisites ?? []) {
      if (!ids.has(p)) {
        throw new Error(
          `${chapter.filePath}: prerequisites names "${p}", which is not a chapter; known chapters: ${[...ids].join(', ')}.`,
        );
      }
    }
  }
  return sorted;
}

/** The URL of a chapter page. */
export const chapterHref = (chapter: Chapter) => `/chapters/${chapter.id}/`;
