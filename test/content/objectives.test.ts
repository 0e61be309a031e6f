/**
 * A formula a chapter's objectives promise (shown on the chapter and on the home page, as plain
 * text: "Derive Var(z) = n_in · Var(W) · E[a²] …") is one the chapter writes in its display math.
 * Both are reduced to the same bare form — no TeX commands, spacing, layer indices or products —
 * and the objective's must appear in the chapter's.
 */
import { describe, expect, it } from 'vitest';
import { chapters } from '../helpers/mdx-tags.ts';

/** The `objectives` of a chapter's frontmatter, one string each. */
function objectives(mdx: string): string[] {
  const front = mdx.split(/^---$/m)[1] ?? '';
  const list = front.match(/^objectives:\n((?:\s+- .*\n)+)/m)?.[1] ?? '';
  return [...list.matchAll(/^\s+- (.*)$/gm)].map((m) => m[1].trim());
}

/** A token that belongs to a formula: it has a bracket, an index, an operator or a power, or is one symbol. */
const formulaToken = (token: string) => /[()[\]_·=+/²√]/.test(token) || /^\S$/.test(token);

/** The formulas written in an objective: runs of formula tokens around an "=". */
function formulasOf(objective: string): string[] {
  const tokens = objective.split(/\s+/);
  return tokens.flatMap((token, i) => {
    if (token !== '=') return [];
    let [from, to] = [i, i];
    while (from > 0 && formulaToken(tokens[from - 1])) from--;
    while (to < tokens.length - 1 && formulaToken(tokens[to + 1])) to++;
    return [tokens.slice(from, to + 1).join(' ')];
  });
}

/** `\operatorname{Var}\big(z^{(l)}\big) = n_{\text{in}} …` → `Var(z)=n_in…`, as plain text would write it. */
const untex = (tex: string) => tex
  .replace(/\\(?:big|Big|bigg|Bigg|left|right)\b/g, '')
  .replace(/\\[;,!:]|\\q?quad\b|\\cdot\b/g, ' ')
  .replace(/\\(?:operatorname|mathrm|mathbb|text)\{([^}]*)\}/g, '$1')
  .replace(/\^\{\([^)]*\)\}/g, '') // a layer index, z^{(l)}
  .replace(/\^\{?2\}?/g, '²')
  .replace(/[{}]/g, '');

/** The bare form both sides are compared in: no spaces, no product dots, no brackets around one symbol. */
const bare = (text: string) => text
  .replace(/[\s·]/g, '')
  .replace(/\((\w)\)/g, '$1')
  .replace(/[.,]$/, '');

describe('formulas the objectives promise are derived in the chapter', () => {
  const cases = chapters().flatMap(({ file, mdx }) => {
    const display = [...mdx.matchAll(/^\$\$\n([\s\S]*?)\n\$\$$/gm)].map((m) => bare(untex(m[1])));
    return objectives(mdx).flatMap((objective) => formulasOf(objective).map((formula) => ({ file, formula, display })));
  });

  it('finds formulas in the objectives', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases.map((c) => [c.file, c.formula, c] as const))('%s: %s', (_file, formula, c) => {
    expect(c.display.some((d) => d.includes(bare(formula))), `in the display math: ${c.display.join('  |  ')}`).toBe(true);
  });
});
