/**
 * Log axes: the tick values against their definition (1, 2, 5 × 10^k or powers of ten, never
 * closer than a label's height), the labels in one notation per axis, read back to the value
 * they name by an independent parser, and the charts' axes as drawn: a label at every grid line.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineChart, pointsChart } from '../../../components/plots/index.ts';
import { logDomain, logTickFormat, logTicks, MIN_LABEL_GAP } from '../../../components/plots/log-ticks.ts';
import { renderSvgString } from '../../../components/plots/server.ts';
import { yAxes } from '../../helpers/read-svg.ts';
import { A } from './fixtures.ts';

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const PLAIN = /^\d+(\.\d+)?$/;
const POWER = /^(?:(\d+(?:\.\d+)?)×)?10(⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/;

/** The value a label names: "0.05", "10⁻⁷" or "2×10⁻⁷". */
function readLabel(label: string): number {
  if (PLAIN.test(label)) return Number(label);
  const m = POWER.exec(label);
  if (!m) throw new Error(`not a tick label: ${label}`);
  const exponent = Number([...m[2]].map((c) => (c === '⁻' ? '-' : String(SUPERSCRIPT.indexOf(c)))).join(''));
  return Number(m[1] ?? 1) * 10 ** exponent;
}

/** "plain" or "power" when every label uses that notation, else "mixed". */
function notation(labels: string[]): 'plain' | 'power' | 'mixed' {
  if (labels.every((l) => PLAIN.test(l))) return 'plain';
  if (labels.every((l) => POWER.test(l))) return 'power';
  return 'mixed';
}

const labelsOf = (ticks: number[]) => ticks.map(logTickFormat(ticks));

describe('logDomain', () => {
  it('widens to whole powers of ten, and keeps powers of ten as they are', () => {
    expect(logDomain([0.03, 0.7])).toEqual([0.01, 1]);
    expect(logDomain([2.3e-8, 0.93])).toEqual([1e-8, 1]);
    expect(logDomain([1e-7, 1])).toEqual([1e-7, 1]);
    expect(logDomain([0.5, 0.5])).toEqual([0.1, 1]);
  });
});

describe('logTicks and logTickFormat', () => {
  it('a loss from 0.01 to 1 in 186 px: 1, 0.5, 0.2, 0.1, … in plain decimals', () => {
    const ticks = logTicks([0.01, 1], 186);
    expect(ticks).toEqual([0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1]);
    expect(labelsOf(ticks)).toEqual(['0.01', '0.02', '0.05', '0.1', '0.2', '0.5', '1']);
  });

  it('a standard deviation from 10⁻⁷ to 1 in 206 px: every power of ten, written as one', () => {
    const ticks = logTicks([1e-7, 1], 206);
    expect(ticks).toEqual([1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 0.01, 0.1, 1]);
    expect(labelsOf(ticks)).toEqual(['10⁻⁷', '10⁻⁶', '10⁻⁵', '10⁻⁴', '10⁻³', '10⁻²', '10⁻¹', '10⁰']);
  });

  it('too many decades for one label each: every second (or fifth, …) power, 10⁰ among them', () => {
    expect(logTicks([1e-10, 1e2], 150)).toEqual([1e-10, 1e-8, 1e-6, 1e-4, 0.01, 1, 100]);
    expect(logTicks([1e-300, 1e300], 200)).toContain(1);
  });

  it('writes 1, 2, 5 × 10^k beyond 0.001 … 1000 as powers of ten too', () => {
    const ticks = logTicks([1e-4, 0.01], 300);
    expect(labelsOf(ticks)).toEqual(['10⁻⁴', '2×10⁻⁴', '5×10⁻⁴', '10⁻³', '2×10⁻³', '5×10⁻³', '10⁻²']);
  });

  it('for any domain and height: round ticks inside the domain, a label apart, one notation, each naming its value', () => {
    fc.assert(
      fc.property(fc.integer({ min: -300, max: 299 }), fc.integer({ min: 1, max: 600 }), fc.integer({ min: 60, max: 2000 }), (a, span, pixels) => {
        const b = Math.min(300, a + span);
        const [lo, hi] = [Number(`1e${a}`), Number(`1e${b}`)];
        const ticks = logTicks([lo, hi], pixels);
        expect(ticks.length).toBeGreaterThanOrEqual(2);
        const pxPerDecade = pixels / (b - a);
        for (let i = 0; i < ticks.length; i++) {
          const t = ticks[i];
          expect(t >= lo && t <= hi).toBe(true);
          const mantissa = t / 10 ** Math.floor(Math.log10(t) + 1e-9);
          expect([1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-9)).toBe(true);
          if (i > 0) expect(Math.log10(t / ticks[i - 1]) * pxPerDecade).toBeGreaterThanOrEqual(MIN_LABEL_GAP - 1e-9);
        }
        const labels = labelsOf(ticks);
        expect(notation(labels)).not.toBe('mixed');
        expect(labels.join(' ')).not.toMatch(/e|NaN|Infinity/);
        labels.forEach((l, i) => expect(readLabel(l) / ticks[i]).toBeCloseTo(1, 9));
      }),
    );
  });
});

describe('log axes as drawn', () => {
  const layers = Array.from({ length: 10 }, (_, i) => i + 1);

  it('DepthSignal’s std chart, 10⁻⁸ to 1: powers of ten in one notation, grid lines only at labels', () => {
    const data = { points: [{ name: 'forward', x: layers, y: layers.map((l) => 0.8 ** l) }, { name: 'backward', x: layers, y: layers.map((l) => 3e-8 * 2 ** l) }] };
    const [axis] = yAxes(renderSvgString(pointsChart, data, { ...A, logY: true, height: 260 }));
    const labels = axis.labels.map((l) => l.text);
    expect(labels).toEqual(['10⁻⁸', '10⁻⁷', '10⁻⁶', '10⁻⁵', '10⁻⁴', '10⁻³', '10⁻²', '10⁻¹', '10⁰']);
    expect(axis.grid).toEqual(axis.labels.map((l) => l.y));
  });

  it('the DecisionBoundary loss, 0.03 to 0.7: 1, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01', () => {
    const epochs = Array.from({ length: 101 }, (_, i) => i);
    const data = [{ name: 'training loss', x: epochs, y: epochs.map((e) => 0.03 + 0.67 * Math.exp(-e / 20)) }];
    const [axis] = yAxes(renderSvgString(lineChart, data, { ...A, logY: true, height: 240 }));
    expect(axis.labels.map((l) => l.text)).toEqual(['0.01', '0.02', '0.05', '0.1', '0.2', '0.5', '1']);
    expect(axis.grid).toEqual(axis.labels.map((l) => l.y));
  });
});
