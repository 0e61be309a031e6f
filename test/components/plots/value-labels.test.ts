/**
 * Numbers printed beside marks (bar values): the same number of significant digits on every
 * label, counted by an independent reading of the text, and each label naming its value.
 */
import { describe, expect, it } from 'vitest';
import { barChart } from '../../../components/plots/bar-chart.ts';
import { formatSignificant } from '../../../components/plots/finite.ts';
import { renderSvgString } from '../../../components/plots/server.ts';
import { A } from './fixtures.ts';
import { significantDigits, valueLabels } from '../../helpers/read-svg.ts';

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** The number a label names. */
function valueOf(label: string): number {
  const [mantissa, power] = label.replace(/−/g, '-').split('×');
  if (!power) return Number(mantissa);
  const exponent = Number([...power.slice(2)].map((c) => (c === '⁻' ? '-' : String(SUPERSCRIPT.indexOf(c)))).join(''));
  return Number(mantissa) * 10 ** exponent;
}

describe('formatSignificant', () => {
  it.each([
    [1, '1.00'], [0.9996, '1.00'], [0.992, '0.992'], [0.5, '0.500'], [0.0333333, '0.0333'], [2, '2.00'],
    [12.345, '12.3'], [999.6, '1000'], [1234.4, '1234'], [0.000167, '1.67×10⁻⁴'], [-0.25, '−0.250'], [2.5e7, '2.50×10⁷'],
  ])('writes %s as %s', (v, text) => {
    expect(formatSignificant(v)).toBe(text);
  });

  it('keeps exactly three significant digits below 1000, and names the value to that precision', () => {
    for (let k = -12; k <= 2.9; k += 0.01) {
      const v = 10 ** k;
      const label = formatSignificant(v);
      expect(significantDigits(label)).toBe(3);
      expect(Math.abs(valueOf(label) - v) / v).toBeLessThanOrEqual(0.005);
    }
  });

  it('writes zero and non-finite values in words or as 0, never NaN or Infinity', () => {
    expect([0, NaN, Infinity, -Infinity].map((v) => formatSignificant(v))).toEqual(['0', 'not a number', '+∞', '−∞']);
  });
});

describe('barChart value labels', () => {
  it('print every bar to the same three significant digits: 1.00 beside 0.992, not 1', () => {
    const bars = [0.165, 0.495, 0.9921, 0.9998, 0.0333].map((value, i) => ({ label: `r${i}`, value }));
    const labels = valueLabels(renderSvgString(barChart, bars, A));
    expect(labels).toEqual(['0.165', '0.495', '0.992', '1.00', '0.0333']);
  });
});
