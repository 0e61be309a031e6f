/**
 * An element's role and accessible name as Chromium's accessibility tree gives them (through
 * Playwright's aria snapshot), so aria-labelledby, aria-label and labels are resolved by the
 * browser rather than by a test's own reading of the attributes.
 */
import type { Locator } from 'playwright-core';

/** `{ role, name }` of the element itself (the snapshot's first line); name '' when it has none; null when it is hidden. */
export async function roleAndName(element: Locator): Promise<{ role: string; name: string } | null> {
  const [first = ''] = (await element.ariaSnapshot()).split('\n');
  // YAML: a line with a colon in the name is single-quoted, '' standing for one quote.
  const quoted = first.match(/^- '((?:[^']|'')*)'/);
  const entry = quoted ? quoted[1].replace(/''/g, "'") : first.slice(2);
  const match = first.startsWith('- ') ? entry.match(/^([\w-]+)(?: "((?:[^"\\]|\\.)*)")?/) : null;
  if (!match) return null;
  return { role: match[1], name: match[2] === undefined ? '' : (JSON.parse(`"${match[2]}"`) as string) };
}
