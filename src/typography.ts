/**
 * Curly quotes, apostrophes, dashes and ellipses in text written outside the Markdown body (a
 * chapter's title, summary, objectives and references), by the same SmartyPants rules Astro's
 * Markdown pipeline applies to the body, so both read alike on the page.
 */
import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';

const processor = retext().use(retextSmartypants);

export function typographic(text: string): string {
  return String(processor.processSync(text));
}
