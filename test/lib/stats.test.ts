import { describe, expect, it } from 'vitest'
import { createRng } from '../../lib/rng.ts'
import { mean, norm, quantile, quantiles, sampleVariance, std, variance } from '../../lib/stats.ts'

const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1)

describe('moments', () => {
  it('match the closed forms for 1..n: mean (n+1)/2, population variance (n²−1)/12, sample n(n+1)/12', () => {
    for (const n of [1, 2, 7, 100, 1001]) {
      const xs = Float64Array.from(oneTo(n))
      expect(mean(xs)).toBeCloseTo((n + 1) / 2, 12)
      expect(variance(xs)).toBeCloseTo((n * n - 1) / 12, 9)
      expect(std(xs)).toBeCloseTo(Math.sqrt((n * n - 1) / 12), 9)
      if (n >= 2) expect(sampleVariance(xs)).toBeCloseTo((n * (n + 1)) / 12, 9)
    }
  })

  it('stay exact under a large shift, where the one-pass Σx² − n·mean² formula fails', () => {
    const xs = [4, 7, 13, 16].map((x) => x + 1e9) // population variance of 4, 7, 13, 16 is 22.5
    expect(variance(xs)).toBe(22.5)
    expect(sampleVariance(xs)).toBe(30)
    expect(mean(xs)).toBe(1e9 + 10)
  })

  it('mean does not overflow on huge finite values; compensated sum keeps 0.1 × 10 exact', () => {
    expect(mean([1e308, 1e308, 1e308])).toBeCloseTo(1e308, -295)
    expect(mean(new Array(10).fill(0.1))).toBe(0.1)
  })

  it('reject NaN, ±Infinity and too-short input with an error that names the index and value', () => {
    expect(() => mean([1, NaN])).toThrow(/values\[1\] is NaN/)
    expect(() => variance([Infinity])).toThrow(/values\[0\] is Infinity/)
    expect(() => std([0, -Infinity])).toThrow(/-Infinity/)
    expect(() => quantile([1, NaN], 0.5)).toThrow(/NaN/)
    expect(() => mean([])).toThrow(/at least 1 value/)
    expect(() => sampleVariance([3])).toThrow(/at least 2 value.*got 1/)
  })

  it('norm equals √Σx² and survives values whose squares overflow', () => {
    const rng = createRng(3)
    const xs = Array.from({ length: 50 }, () => rng.normal())
    expect(norm(xs)).toBeCloseTo(Math.sqrt(xs.reduce((s, x) => s + x * x, 0)), 12)
    expect(norm([3e200, 4e200])).toBeCloseTo(5e200, -188)
    expect(norm([])).toBe(0)
  })
})

describe('quantiles (type 7)', () => {
  it('of 1..n are 1 + (n − 1)·p, regardless of input order', () => {
    for (const n of [1, 2, 5, 10, 101]) {
      const xs = oneTo(n)
      createRng(n).shuffle(xs)
      const ps = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1]
      expect(quantiles(xs, ps)).toEqual(ps.map((p) => expect.closeTo(1 + (n - 1) * p, 12)))
    }
  })

  it('interpolate between order statistics as R and NumPy do', () => {
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75) // np.quantile([1,2,3,4], .25)
    expect(quantile([10, 0], 0.3)).toBe(3)
    expect(quantile([-1, 5, 2], 0.5)).toBe(2)
    expect(() => quantile([1], 1.5)).toThrow(/p = 1.5.*\[0, 1\]/)
  })
})
