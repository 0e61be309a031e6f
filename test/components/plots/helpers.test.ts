/**
 * The helpers under the plots, each against an independent computation: binning against a
 * naive per-bin count, quantiles against known values (Hyndman & Fan's definition 7, as
 * R's quantile() and NumPy's default give them), the Gaussian overlay against its integral,
 * ticks against their definition, and the serializer against what a browser must decode.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binValues, cleanBins, gaussianCurve, stepOutline } from '../../../components/plots/bins.ts';
import { domainOf, Extent, niceTicks, plottable } from '../../../components/plots/finite.ts';
import { roundNumbers, roundTo, svgMarkup } from '../../../components/plots/markup.ts';
import { quantileSorted, summarizeRuns } from '../../../components/plots/summarize.ts';
import { doc, lcg } from './fixtures.ts';

describe('binValues', () => {
  it('counts like a naive loop over the bins, and counts what it leaves out', () => {
    const r = lcg(7);
    const values = Array.from({ length: 1000 }, () => 4 * r() - 2);
    values.push(NaN, Infinity, -3, 2.5, 2); // 2 non-finite, 2 outside [-2, 2], and hi itself
    const b = binValues(values, -2, 2, 8);
    for (let k = 0; k < 8; k++) {
      const [a, z] = [-2 + 0.5 * k, -2 + 0.5 * (k + 1)];
      const naive = values.filter((v) => v >= a && (k === 7 ? v <= z : v < z)).length;
      expect(b.counts[k]).toBe(naive);
      expect(b.x1[k]).toBeCloseTo(a, 12);
      expect(b.x2[k]).toBeCloseTo(z, 12);
    }
    expect([b.nonFinite, b.outside, b.total]).toEqual([2, 2, 1001]);
  });

  it('cleanBins keeps only bins with finite, ordered edges and a finite count ≥ 0', () => {
    const b = cleanBins({ edges: [0, 1, 2, NaN, 4, 5, 4], counts: [1, 2, 3, 4, -1, 6] });
    expect(b.x1).toEqual([0, 1]);
    expect(b.counts).toEqual([1, 2]);
    expect(b.nonFinite).toBe(4);
  });
});

describe('stepOutline', () => {
  it('steps through each bin’s share and drops to 0 at gaps and at the end', () => {
    const b = cleanBins({ edges: [0, 1, 2, NaN, 4, 5], counts: [1, 3, 9, 9, 4] }); // the bins touching NaN go
    expect(b.counts).toEqual([1, 3, 4]);
    expect(stepOutline(b)).toEqual({ x: [0, 1, 2, 4, 5], y: [1 / 8, 3 / 8, 0, 4 / 8, 0] });
  });
});

describe('gaussianCurve', () => {
  it('is the density times the bin width: summed over bins it is ≈ 1 (its integral)', () => {
    const std = 0.7;
    const width = 0.05;
    const c = gaussianCurve(0.3, std, -6, 6, width, Infinity, 241);
    const step = 12 / 240;
    const integral = c.y.reduce((s, y) => s + (y / width) * step, 0);
    expect(integral).toBeCloseTo(1, 6);
    const peak = Math.max(...c.y);
    expect(peak).toBeCloseTo(width / (std * Math.sqrt(2 * Math.PI)), 3);
  });

  it('is capped, and empty without a positive finite std', () => {
    expect(Math.max(...gaussianCurve(0, 0.01, -1, 1, 0.1, 0.5).y)).toBe(0.5);
    for (const std of [0, -1, NaN, Infinity]) expect(gaussianCurve(0, std, -1, 1, 0.1, 1).x).toEqual([]);
  });
});

describe('quantiles and run summaries', () => {
  it('match definition 7 on known cases', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileSorted([10, 20, 30, 40, 50], 0.9)).toBe(46);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([5], 0.3)).toBe(5);
  });

  it('summarizes runs per step as median and band, NaN where any run is not finite', () => {
    const runs = [[3, 1, 4, 1], [1, 5, 9, 2], [6, 5, 3, NaN]];
    const s = summarizeRuns('x', [0, 1, 2, 3], runs, 'minmax');
    expect(Array.from(s.y)).toEqual([3, 5, 4, NaN]);
    expect(Array.from(s.lo!)).toEqual([1, 1, 3, NaN]);
    expect(Array.from(s.hi!)).toEqual([6, 5, 9, NaN]);
    const q = summarizeRuns('x', [0], [[1], [2], [3], [4]], [0.25, 0.75]);
    expect([q.y[0], q.lo![0], q.hi![0]]).toEqual([2.5, 1.75, 3.25]);
  });
});

describe('finite domains and ticks', () => {
  it('treats NaN, ±Infinity and magnitudes beyond 1e300 as not plottable', () => {
    expect([NaN, Infinity, -Infinity, 1e309, Number.MAX_VALUE, -1e301].some(plottable)).toBe(false);
    expect([0, -0, 1e300, -1e-320].every(plottable)).toBe(true);
  });

  it('gives finite, non-empty domains, also for nothing or one value', () => {
    const e = new Extent();
    expect(domainOf(e)).toEqual([0, 1]);
    expect(domainOf(e, true)).toEqual([1, 10]);
    e.add(5);
    expect(domainOf(e)).toEqual([4.5, 5.5]);
    expect(domainOf(e, true)).toEqual([0.5, 50]);
  });

  it('niceTicks are round, evenly spaced and inside the range', () => {
    for (const [lo, hi] of [[-1.7, 1.9], [0, 1], [0.013, 0.042], [-250, 3e4]]) {
      const t = niceTicks(lo, hi, 3);
      expect(t.length).toBeGreaterThanOrEqual(2);
      expect(t.length).toBeLessThanOrEqual(7);
      const step = t[1] - t[0];
      const mantissa = step / 10 ** Math.floor(Math.log10(step));
      expect([1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-9)).toBe(true);
      t.forEach((v, i) => {
        expect(v).toBeGreaterThanOrEqual(lo);
        expect(v).toBeLessThanOrEqual(hi);
        if (i) expect(v - t[i - 1]).toBeCloseTo(step, 9);
      });
    }
  });
});

describe('svgMarkup', () => {
  const d = doc();
  const el = d.createElementNS('http://www.w3.org/2000/svg', 'g');
  el.setAttribute('transform', 'translate(40,145.00000000000003) scale(-0.0001)');
  el.setAttribute('fill', '#077ef0');
  el.setAttribute('aria-label', 'std 0.03162 & "more" <b>');
  el.setAttribute('class', 'a1.123456');
  el.textContent = 'tick 0.125 < 1 & done';

  it('rounds numbers in attributes but not in colours, aria-*, class or text', () => {
    const m = svgMarkup(el);
    expect(m).toContain('transform="translate(40,145) scale(0)"');
    expect(m).toContain('fill="#077ef0"');
    expect(m).toContain('class="a1.123456"');
    expect(m).toContain('>tick 0.125 &lt; 1 &amp; done</g>');
  });

  it('escapes attribute values so a browser decodes the original text', () => {
    const m = svgMarkup(el);
    expect(m).toContain('aria-label="std 0.03162 &amp; &quot;more&quot; &lt;b&gt;"');
    expect(roundNumbers('M1.005,2.999L-0.001,1e-7')).toBe('M1,3L0,0');
  });
});

describe('roundTo', () => {
  const reference = (v: number, decimals: number) => {
    const r = Number(v.toFixed(decimals));
    return Object.is(r, -0) ? 0 : r;
  };
  // Ties and near-ties are where a scaled product could round the other way than toFixed.
  const ties = fc.tuple(fc.integer({ min: -1e8, max: 1e8 }), fc.constantFrom(0.5, 0.49999999, 0.50000001, 0.005, 0.00499999999)).map(([n, f]) => (n + f) / 100);

  it('gives exactly Number(v.toFixed(d)) with −0 as 0, on any double, on ties and near ties', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), ties), fc.integer({ min: 0, max: 6 }), (v, d) => {
        expect(Object.is(roundTo(v, d), reference(v, d))).toBe(true);
      }),
      { numRuns: 50_000 },
    );
    for (const v of [0.125, -0.125, 1.005, -1.005, 0.145, 2.675, -0, 1e-7, -1e-7, 1e9 + 0.125]) expect(Object.is(roundTo(v, 2), reference(v, 2))).toBe(true);
  });
});

describe('roundNumbers', () => {
  // The rule, spelled out slowly: every number token (hex colours kept) through toFixed.
  const reference = (value: string, d: number) =>
    value.replace(/#[0-9a-f]+|-?\d*\.?\d+(?:e[-+]?\d+)?/gi, (t) => {
      if (t.startsWith('#')) return t;
      const v = Number(t);
      if (!Number.isFinite(v)) return t;
      const r = Number(v.toFixed(d));
      return String(Object.is(r, -0) ? 0 : r);
    });
  const number = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }).map(String),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => v.toExponential()),
    fc.constantFrom('.5', '-.25', '-0', '0.0', '1e309', '-1e309', '00012.5', '1.', '1e', '12E-3', '0x1f', '#0a0b0c', ''),
  );
  const value = fc.oneof(number, fc.array(fc.oneof(number, fc.constantFrom('M', 'L', ',', ' ', 'translate(', ')', 'e', '-', '.', 'none')), { maxLength: 12 }).map((p) => p.join('')));

  it('gives what rounding every number token by toFixed gives, for one number or many', () => {
    fc.assert(fc.property(value, fc.integer({ min: 0, max: 4 }), (v, d) => {
      expect(roundNumbers(v, d)).toBe(reference(v, d));
    }), { numRuns: 20_000 });
  });
});

