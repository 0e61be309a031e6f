import { describe, expect, it } from 'vitest'
import { createRng, xoshiro128StarStar } from '../../lib/rng.ts'

// An independent reference of the documented algorithms in BigInt arithmetic (no Math.imul, no
// 32-bit coercions), transcribed from Blackman & Vigna's xoshiro128starstar.c and Wellons's lowbias32.
const M32 = 0xffffffffn
const mul = (x: bigint, y: bigint): bigint => (x * y) & M32
const rotl = (x: bigint, k: bigint): bigint => ((x << k) | (x >> (32n - k))) & M32
function refLowbias32(x: bigint): bigint {
  x = mul(x ^ (x >> 16n), 0x7feb352dn)
  x = mul(x ^ (x >> 15n), 0x846ca68bn)
  return x ^ (x >> 16n)
}
function refXoshiro(s: bigint[]): () => bigint {
  return () => {
    const result = mul(rotl(mul(s[1], 5n), 7n), 9n)
    const t = (s[1] << 9n) & M32
    s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 11n)
    return result
  }
}
function refUniforms(seed: number, count: number): number[] {
  const big = BigInt(seed) & 0xffffffffffffffffn // two's complement for negative seeds
  let weyl = refLowbias32(refLowbias32(big & M32) ^ ((big >> 32n) & M32))
  const next = refXoshiro([1, 2, 3, 4].map(() => refLowbias32((weyl = (weyl + 0x9e3779b9n) & M32))))
  return Array.from({ length: count }, () => {
    const hi = next() >> 5n, lo = next() >> 6n
    return Number((hi << 26n) | lo) / 2 ** 53
  })
}

describe('generator', () => {
  it('xoshiro128** matches the reference recurrence', () => {
    const next = xoshiro128StarStar(new Uint32Array([1, 2, 3, 4]))
    // By hand: rotl(2·5, 7)·9 = 1280·9 = 11520; the step sets s[1] = 2 ^ (3 ^ 1) = 0, so the next is 0.
    expect([next(), next()]).toEqual([11520, 0])
    const ref = refXoshiro([1n, 2n, 3n, 4n])
    ref(); ref()
    for (let i = 0; i < 1000; i++) expect(next()).toBe(Number(ref()))
  })

  it('createRng(seed).uniform() follows the documented seeding and 53-bit construction', () => {
    for (const seed of [0, 1, 42, -1, -123456789, 2 ** 32 + 7, Number.MAX_SAFE_INTEGER]) {
      const rng = createRng(seed)
      const want = refUniforms(seed, 50)
      expect(want.map(() => rng.uniform())).toEqual(want)
      expect(rng.seed).toBe(seed)
    }
  })

  it('every generator has the same methods, so a loop that draws from a new one on each run stays compiled', () => {
    // A figure seeds a new generator on every redraw. With methods made per generator (closures),
    // each redraw handed the loops that draw weights and inputs new functions to check and fetch.
    const a = createRng(1), b = createRng(2)
    for (const method of ['uniform', 'normal', 'int', 'shuffle', 'fork'] as const) expect(a[method]).toBe(b[method])
    expect(a.fork().uniform).toBe(a.uniform)
  })

  it('rejects seeds that are not safe integers', () => {
    for (const bad of [1.5, NaN, Infinity, 2 ** 53]) {
      expect(() => createRng(bad)).toThrow(/seed must be a safe integer, got/)
    }
  })
})

describe('determinism', () => {
  const draw = (seed: number): number[] => {
    const r = createRng(seed)
    const out: number[] = []
    for (let i = 0; i < 200; i++) out.push(r.uniform(), r.normal(), r.int(1000), r.normal())
    return out
  }
  const bits = (xs: number[]): number[] => Array.from(new Uint32Array(new Float64Array(xs).buffer))
  it('the same seed gives bit-identical mixed sequences', () => {
    expect(bits(draw(7))).toEqual(bits(draw(7)))
  })
  it('different seeds give different streams', () => {
    const firsts = new Set<number>()
    for (let s = 0; s < 1000; s++) firsts.add(createRng(s).uniform())
    expect(firsts.size).toBe(1000)
    expect(createRng(1).uniform()).not.toBe(createRng(2 ** 32 + 1).uniform())
    expect(createRng(-1).uniform()).not.toBe(createRng(2 ** 32 - 1).uniform())
  })
  it('fork is deterministic, differs from its parent and advances it', () => {
    const a = createRng(5), b = createRng(5)
    const fa = a.fork(), fb = b.fork()
    expect(fa.seed).toBe(fb.seed)
    expect([fa.uniform(), fa.uniform()]).toEqual([fb.uniform(), fb.uniform()])
    expect(a.uniform()).toBe(b.uniform())
    expect(createRng(5).fork().uniform()).not.toBe(createRng(5).uniform())
    expect(a.fork().seed).not.toBe(fa.seed)
  })
})

const N = 100_000
/** Pearson's χ² statistic of observed counts against a uniform expectation. */
const chiSquare = (counts: number[]): number => {
  const e = counts.reduce((a, b) => a + b, 0) / counts.length
  return counts.reduce((acc, c) => acc + (c - e) ** 2 / e, 0)
}

describe('distributions (1e5 draws; tolerances are 5 standard errors)', () => {
  it('uniform lies in [0, 1) with mean 1/2, variance 1/12 and 53-bit resolution', () => {
    const r = createRng(11)
    let sum = 0, sum2 = 0, odd = 0, min = 1, max = 0, offGrid = 0
    for (let i = 0; i < N; i++) {
      const u = r.uniform()
      sum += u; sum2 += u * u
      min = Math.min(min, u); max = Math.max(max, u)
      const k = u * 2 ** 53
      if (!Number.isInteger(k)) offGrid++
      odd += k % 2
    }
    expect(offGrid).toBe(0)
    expect(min).toBeGreaterThanOrEqual(0)
    expect(max).toBeLessThan(1)
    const mean = sum / N, variance = sum2 / N - mean * mean
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / N)) // 0.0046
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.0012) // 5·sqrt((1/80 − 1/144)/N)
    // The lowest of the 53 bits is set about half the time (a 32-bit uniform would never set it).
    expect(Math.abs(odd / N - 0.5)).toBeLessThan(5 * Math.sqrt(0.25 / N))
  })

  it('normal has mean 0, variance 1, kurtosis 3 and 68.27% within one sigma', () => {
    const r = createRng(12)
    let s1 = 0, s2 = 0, s4 = 0, inside = 0
    for (let i = 0; i < N; i++) {
      const z = r.normal()
      s1 += z; s2 += z * z; s4 += z ** 4
      if (Math.abs(z) < 1) inside++
    }
    expect(Math.abs(s1 / N)).toBeLessThan(5 / Math.sqrt(N)) // 0.0158
    expect(Math.abs(s2 / N - 1)).toBeLessThan(5 * Math.sqrt(2 / N)) // 0.0224
    expect(Math.abs(s4 / N - 3)).toBeLessThan(5 * Math.sqrt(96 / N)) // Var z⁴ = 105 − 9
    const p = 0.682689492
    expect(Math.abs(inside / N - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / N))
  })

  it('int(n) stays in [0, n) and passes a chi-square test', () => {
    const r = createRng(13)
    const n = 10, counts = new Array(n).fill(0)
    let outside = 0
    for (let i = 0; i < N; i++) {
      const k = r.int(n)
      if (Number.isInteger(k) && k >= 0 && k < n) counts[k]++
      else outside++
    }
    expect(outside).toBe(0)
    expect(chiSquare(counts)).toBeLessThan(27.88) // χ²(9 dof) upper 0.1% point
    expect(createRng(1).int(1)).toBe(0)
    for (const bad of [0, -3, 2.5, NaN]) expect(() => r.int(bad)).toThrow(/positive safe integer, got/)
  })
})

describe('shuffle', () => {
  it('is a permutation, deterministic per seed, and works on typed arrays', () => {
    const items = Array.from({ length: 100 }, (_, i) => i)
    const a = [...items], b = [...items], c = [...items]
    createRng(3).shuffle(a); createRng(3).shuffle(b); createRng(4).shuffle(c)
    expect([...a].sort((x, y) => x - y)).toEqual(items)
    expect(a).toEqual(b)
    expect(a).not.toEqual(c)
    expect(a).not.toEqual(items)
    const t = Float64Array.from(items)
    createRng(3).shuffle(t)
    expect(Array.from(t)).toEqual(a)
    const e: number[] = [], one = [9]
    createRng(1).shuffle(e); createRng(1).shuffle(one)
    expect([e, one]).toEqual([[], [9]])
  })
  it('makes all 6 orders of 3 items equally likely (chi-square)', () => {
    const r = createRng(14), counts = new Map<string, number>(), trials = 60_000
    for (let i = 0; i < trials; i++) {
      const x = ['a', 'b', 'c']
      r.shuffle(x)
      counts.set(x.join(''), (counts.get(x.join('')) ?? 0) + 1)
    }
    expect(counts.size).toBe(6)
    expect(chiSquare([...counts.values()])).toBeLessThan(20.52) // χ²(5 dof) upper 0.1% point
  })
})
