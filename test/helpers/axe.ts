/** axe-core in a Playwright page, reduced to the violations that fail the build, with help text. */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** WCAG 2.0/2.1 levels A and AA (issue 2, item 10). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe on the page and returns one readable line block per serious or critical violation:
 * rule id, impact, axe's help text and link, and up to five offending nodes with axe's summary.
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const nodes = v.nodes.slice(0, 5).map((n) => `    at ${n.target.join(' ')}  ${n.html.replace(/\s+/g, ' ').slice(0, 100)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`);
      const more = v.nodes.length > 5 ? [`    … and ${v.nodes.length - 5} more`] : [];
      return [`${v.id} [${v.impact}] ${v.help} — ${v.helpUrl}`, ...nodes, ...more].join('\n');
    });
}
