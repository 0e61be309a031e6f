// Initializer statistics on ≥ 1e5 draws against the papers' formulas, written out here
// independently of lib/initializers.ts (Glorot & Bengio 2010 eqs. 1, 16; He et al. 2015 eq. 10).
import { describe, expect, it } from 'vitest'
import { INITIALIZERS, INITIALIZER_BOUND, INITIALIZER_VARIANCE, type InitializerName } from '../../lib/initializers.ts'
import { createRng } from '../../lib/rng.ts'

// Two fan pairs with fanIn ≠ fanOut, so a formula that used the wrong fan would show; ≥ 1e5 draws each.
const FANS: [number, number][] = [[400, 300], [100, 1200]]

/** The published law of each initializer: uniform half-width, or normal variance. */
const LAWS: Record<Exclude<InitializerName, 'zeros'>, (n: number, m: number) => { bound?: number; variance: number }> = {
  random: () => ({ bound: 0.1, variance: 0.1 ** 2 / 3 }),
  postGlorot: (n) => ({ bound: 1 / Math.sqrt(n), variance: 1 / (3 * n) }),
  glorotUniform: (n, m) => ({ bound: Math.sqrt(6) / Math.sqrt(n + m), variance: 2 / (n + m) }),
  glorotNormal: (n, m) => ({ variance: 2 / (n + m) }),
  postHe: (n) => ({ bound: Math.sqrt(2) / Math.sqrt(n), variance: 2 / (3 * n) }),
  heUniform: (n) => ({ bound: Math.sqrt(6) / Math.sqrt(n), variance: 2 / n }),
  heNormal: (n) => ({ variance: 2 / n }),
}

function moments(d: Float64Array) {
  let s = 0, s2 = 0, maxAbs = 0
  for (const v of d) {
    s += v
    maxAbs = Math.max(maxAbs, Math.abs(v))
  }
  const mean = s / d.length
  for (const v of d) s2 += (v - mean) ** 2
  return { mean, variance: s2 / (d.length - 1), maxAbs }
}

describe('INITIALIZERS', () => {
  it('has the eight names of DESIGN.md', () => {
    expect(Object.keys(INITIALIZERS).sort()).toEqual(
      ['zeros', 'random', 'postGlorot', 'glorotUniform', 'glorotNormal', 'postHe', 'heUniform', 'heNormal'].sort(),
    )
  })

  it('zeros is exactly zero, fanIn × fanOut', () => {
    const w = INITIALIZERS.zeros(7, 3, createRng(1))
    expect([w.rows, w.cols]).toEqual([7, 3])
    expect(w.data.every((v) => v === 0)).toBe(true)
    expect(INITIALIZER_VARIANCE.zeros(7, 3)).toBe(0)
  })

  for (const [name, law] of Object.entries(LAWS) as [keyof typeof LAWS, (typeof LAWS)[keyof typeof LAWS]][]) {
    for (const [fanIn, fanOut] of FANS) {
      it(`${name} (${fanIn} → ${fanOut}): shape, mean ≈ 0, variance within 3%, bounds exact`, () => {
        const w = INITIALIZERS[name](fanIn, fanOut, createRng(fanIn + fanOut))
        expect([w.rows, w.cols]).toEqual([fanIn, fanOut])
        expect(w.data.length).toBeGreaterThanOrEqual(1e5)
        const { bound, variance } = law(fanIn, fanOut)
        const m = moments(w.data)
        expect(Math.abs(m.variance / variance - 1)).toBeLessThanOrEqual(0.03)
        expect(Math.abs(m.mean)).toBeLessThanOrEqual(5 * Math.sqrt(variance / w.data.length))
        expect(INITIALIZER_VARIANCE[name](fanIn, fanOut)).toBeCloseTo(variance, 15)
        const within = w.data.filter((v) => Math.abs(v) <= Math.sqrt(variance)).length / w.data.length
        if (bound !== undefined) {
          const table = INITIALIZER_BOUND as Record<string, (n: number, m: number) => number>
          expect(table[name](fanIn, fanOut)).toBeCloseTo(bound, 15)
          expect(m.maxAbs).toBeLessThanOrEqual(bound)
          expect(m.maxAbs).toBeGreaterThan(bound * (1 - 1e-3)) // P(all 1e5 draws inside 0.999·b) ≈ e^-100
          expect(within).toBeCloseTo(1 / Math.sqrt(3), 2) // a uniform law has P(|w| ≤ σ) = 1/√3
        } else {
          expect(within).toBeCloseTo(0.6827, 2) // a normal law has P(|w| ≤ σ) ≈ 0.6827
          expect(m.maxAbs).toBeGreaterThan(4 * Math.sqrt(variance)) // unbounded tails (not truncated)
        }
      })
    }
  }

  it('the post\'s He variant has a third of He et al.\'s variance; postGlorot is Glorot\'s eq. 1 heuristic', () => {
    expect(INITIALIZER_VARIANCE.postHe(50, 10) * 3).toBeCloseTo(INITIALIZER_VARIANCE.heNormal(50, 10), 15)
    expect(INITIALIZER_VARIANCE.postGlorot(50, 10)).toBeCloseTo(1 / 150, 15)
  })

  it('the same seed gives the same weights; another seed does not', () => {
    const a = INITIALIZERS.heNormal(20, 10, createRng(5)).data
    expect(INITIALIZERS.heNormal(20, 10, createRng(5)).data).toEqual(a)
    expect(INITIALIZERS.heNormal(20, 10, createRng(6)).data).not.toEqual(a)
  })

  it('rejects sizes that are not positive integers, saying what it got', () => {
    expect(() => INITIALIZERS.glorotUniform(0, 3, createRng(1))).toThrow(/fanIn must be a positive integer, got 0/)
    expect(() => INITIALIZERS.heNormal(3, 2.5, createRng(1))).toThrow(/fanOut must be a positive integer, got 2.5/)
    expect(() => INITIALIZERS.zeros(-1, 2, createRng(1))).toThrow(/got -1/)
  })
})
