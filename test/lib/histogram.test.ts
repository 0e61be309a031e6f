import { describe, expect, it } from 'vitest'
import { createRng } from '../../lib/rng.ts'
import { histogram } from '../../lib/histogram.ts'
import { quantiles } from '../../lib/stats.ts'

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
