import { describe, expect, it } from 'vitest'
import { createRng } from '../../lib/rng.ts'
import { histogram, mean, norm, quantile, quantiles, sampleVariance, std, variance } from '../../lib/stats.ts'

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

describe('histogram', () => {
  const rng = createRng(11)
  const sample = Float64Array.from({ length: 2000 }, () => rng.normal())

  it('with fixed bins: equal-width edges over the domain, counts match a naive membership loop', () => {
    const h = histogram(sample, { bins: 8, domain: [-2, 2] })
    expect(Array.from(h.edges)).toEqual([-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2])
    const naive = h.counts.map((_, i) =>
      sample.filter((x) => x >= h.edges[i] && (x < h.edges[i + 1] || (i === 7 && x === 2))).length,
    )
    expect(h.counts).toEqual(naive)
    expect(h.below).toBe(sample.filter((x) => x < -2).length)
    expect(h.above).toBe(sample.filter((x) => x > 2).length)
    expect(h.counts.reduce((a, b) => a + b, 0) + h.below + h.above).toBe(sample.length)
  })

  it('bins are half-open except the last, which holds its right edge', () => {
    const h = histogram([0, 1, 2, 3, 4], { bins: 2, domain: [0, 4] })
    expect(h.counts).toEqual([2, 3]) // [0, 2) ∋ 0, 1 ; [2, 4] ∋ 2, 3, 4
  })

  it('counts NaN and ±Infinity separately instead of dropping them', () => {
    const h = histogram([1, NaN, 2, Infinity, -Infinity, 3], { bins: 3 })
    expect(h.nonFinite).toBe(3)
    expect(h.counts).toEqual([1, 1, 1])
    expect([h.edges[0], h.edges[3]]).toEqual([1, 3])
  })

  it("automatic 'fd' uses width 2·IQR·n^(−1/3) over [min, max]; 'sturges' uses ⌈log₂ n⌉ + 1 bins", () => {
    const h = histogram(sample)
    const [q1, q3] = quantiles(sample, [0.25, 0.75])
    const lo = Math.min(...sample)
    const hi = Math.max(...sample)
    expect(h.counts.length).toBe(Math.ceil((hi - lo) / (2 * (q3 - q1) * 2000 ** (-1 / 3))))
    expect([h.edges[0], h.edges[h.counts.length]]).toEqual([lo, hi])
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(2000)
    expect(histogram(sample, { bins: 'sturges' }).counts.length).toBe(12)
  })

  it('handles constant and empty input, and rejects bad options', () => {
    const c = histogram([5, 5, 5])
    expect(c.counts).toEqual([3])
    expect(Array.from(c.edges)).toEqual([4.5, 5.5])
    expect(histogram([], { bins: 4 }).counts).toEqual([0, 0, 0, 0])
    expect(() => histogram([1], { bins: 0 })).toThrow(/bins = 0.*positive integer/)
    expect(() => histogram([1, 2], { bins: 'scott' as 'fd' })).toThrow(/bins = scott; expected a positive integer, 'fd' or 'sturges'/)
    expect(() => histogram([1], { domain: [2, 1] })).toThrow(/domain \[2, 1\]/)
  })
})
