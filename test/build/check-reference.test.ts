/**
 * The widget reference page tells an instructor every exercise check `<CodeCell check>` accepts:
 * the function the reader's code must export (its name and signature) and what the check calls
 * it with and compares. The list is read from the check registry, and the built page must hold
 * all of it, in the CodeCell section.
 */
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../components/codecell/checks.ts';
import { fileForPath, parsePage, requireDist } from '../helpers/dist.ts';

requireDist();
const page = fileForPath('/widgets/');
if (!page) throw new Error('dist/ has no /widgets/ page');
const doc = parsePage(page);
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('the reference page lists every check', () => {
  const table = doc.querySelector('table[data-checks-of="CodeCell"]');
  const rows = [...(table?.querySelectorAll('tbody tr') ?? [])];

  it('has one row per check the registry defines, in its order', () => {
    expect(table, 'a table of checks in the CodeCell section').not.toBeNull();
    expect(rows.map((r) => r.getAttribute('data-check'))).toEqual(Object.keys(CHECKS));
  });

  it.each(Object.entries(CHECKS))('%s: names the export, its signature and what is compared', (name, check) => {
    const row = rows.find((r) => r.getAttribute('data-check') === name);
    const [, exported, compares] = [...(row?.querySelectorAll('td') ?? [])];
    expect(text(exported)).toBe(`export function ${check.signature}`);
    expect(text(exported)).toContain(`${check.exportName}(`);
    expect(text(compares)).toBe(check.compares.replace(/\s+/g, ' '));
    expect(check.compares.length, 'a sentence, not a stub').toBeGreaterThan(40);
  });

  it('names every check among the allowed values of the check prop', () => {
    const section = table?.closest('section');
    const propRow = [...(section?.querySelectorAll('tr') ?? [])].find((r) => text(r.querySelector('td')) === 'check');
    const allowed = [...(propRow?.querySelectorAll('td:nth-child(2) code') ?? [])].map((c) => c.textContent);
    expect(allowed).toEqual(Object.keys(CHECKS).map((n) => `"${n}"`));
  });
});
