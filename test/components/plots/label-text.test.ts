/**
 * Names with exponents: `^{…}` drawn as a raised, smaller `<tspan>` in the legend, and put in
 * words wherever the name is read rather than seen (descriptions, tables).
 */
import { describe, expect, it } from 'vitest';
import { labelParts, labelWidth, plainLabel } from '../../../components/plots/label-text.ts';
import { lineTable, pointsChart } from '../../../components/plots/index.ts';
import { renderSvgString } from '../../../components/plots/server.ts';
import { CHAR_WIDTH } from '../../../components/plots/theme.ts';
import { A } from './fixtures.ts';
import { legendEntries } from '../../helpers/read-svg.ts';

const NAME = 'theory: (n·Var W)^{l/2}';

describe('labelParts, plainLabel and labelWidth', () => {
  it('split a name into text and superscripts', () => {
    expect(labelParts(NAME)).toEqual([{ text: 'theory: (n·Var W)', sup: false }, { text: 'l/2', sup: true }]);
    expect(labelParts('a^{2} b^{(l−1)/2} c')).toEqual([
      { text: 'a', sup: false }, { text: '2', sup: true }, { text: ' b', sup: false }, { text: '(l−1)/2', sup: true }, { text: ' c', sup: false },
    ]);
    expect(labelParts('plain ^ name {x}')).toEqual([{ text: 'plain ^ name {x}', sup: false }]);
  });

  it('put exponents in words for reading', () => {
    expect(plainLabel(NAME)).toBe('theory: (n·Var W) to the power l/2');
    expect(plainLabel('no exponent')).toBe('no exponent');
  });

  it('count superscripts narrower than text', () => {
    expect(labelWidth('abc')).toBe(3 * CHAR_WIDTH);
    expect(labelWidth('abc^{de}')).toBeLessThan(5 * CHAR_WIDTH);
    expect(labelWidth('abc^{de}')).toBeGreaterThan(3 * CHAR_WIDTH);
  });
});

describe('a legend entry with an exponent', () => {
  const layers = [1, 2, 3, 4];
  const data = {
    points: [{ name: 'measured', x: layers, y: [1, 0.5, 0.25, 0.125] }],
    lines: [{ name: NAME, x: layers, y: [1, 0.5, 0.25, Infinity] }],
  };
  const markup = renderSvgString(pointsChart, data, { ...A, logY: true });

  it('draws the exponent raised and smaller, then returns to the baseline, with no ^ or braces', () => {
    const entry = legendEntries(markup).find((e) => e.text.startsWith('theory'))!;
    expect(entry.text).toBe('theory: (n·Var W)l/2 (reference)');
    expect(entry.runs).toEqual([
      { text: 'theory: (n·Var W)', raise: 0, smaller: false },
      { text: 'l/2', raise: 4, smaller: true },
      { text: ' (reference)', raise: 0, smaller: false },
    ]);
  });

  it('says the exponent in words in the description', () => {
    expect(markup).toContain('theory: (n·Var W) to the power l/2 stops at x = 3');
    expect(markup).not.toMatch(/aria-description="[^"]*\^\{/);
  });

  it('and in the data table', () => {
    expect(lineTable(data.lines).rows[0][0]).toBe('theory: (n·Var W) to the power l/2');
  });
});
