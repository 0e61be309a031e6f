import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { typographic } from './typography.ts';

/** Where the chapters live; tests point this at fixture folders to prove bad input fails the build. */
const chaptersDir = process.env.NOTEBOOK_CHAPTERS_DIR ?? './content/chapters';

/** One work cited by a chapter; `<Cite id>` in the text links to it, the layout lists it. */
/** Prose from the frontmatter, with the body's typography (curly quotes, dashes). */
const prose = (min: number, message?: string) => z.string().min(min, message).transform(typographic);

const reference = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'use lowercase letters, digits and dashes, e.g. "glorot-2010"'),
  text: prose(10, 'give the full citation: authors, year, title, venue'),
  url: z.url().optional(),
});

const chapters = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: chaptersDir }),
  schema: z
    .object({
      title: prose(3),
      /** Position in the course; chapters are listed and linked prev/next by this number. */
      order: z.number().int().nonnegative(),
      summary: prose(20, 'write one or two sentences a reader sees on the home page'),
      objectives: z.array(prose(5)).min(1, 'list at least one thing the reader will be able to do'),
      /** Ids of chapters (file names without .mdx) worth reading first. */
      prerequisites: z.array(z.string()).optional(),
      references: z.array(reference).default([]),
    })
    .strict(),
});

export const collections = { chapters };
