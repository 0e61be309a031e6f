import { describe, expect, it } from 'vitest'
import { matmul, matmulNT, matmulTN, matrix, reuse, zeros, type Matrix } from '../../lib/matrix.ts'
import { createRng, type Rng } from '../../lib/rng.ts'

/** Independent reference: nested arrays and a plain triple loop. */
function toRows(m: Matrix): number[][] {
  return Array.from({ length: m.rows }, (_, i) => Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)))
}
function transpose(x: number[][], cols: number): number[][] {
  return Array.from({ length: cols }, (_, j) => x.map((row) => row[j]))
}
function naive(a: number[][], b: number[][], inner: number, cols: number): number[][] {
  return a.map((row) => {
    const r: number[] = []
    for (let j = 0; j < cols; j++) {
      let s = 0
      for (let k = 0; k < inner; k++) s += row[k] * b[k][j]
      r.push(s)
    }
    return r
  })
}
function random(rows: number, cols: number, rng: Rng): Matrix {
  const m = zeros(rows, cols)
  for (let i = 0; i < m.data.length; i++) m.data[i] = rng.normal()
  return m
}
/** Relative to the scale of the sums: rounding differs with summation order, so allow ~1e-13. */
function expectClose(got: Matrix, want: number[][]): void {
  expect([got.rows, got.cols]).toEqual([want.length, want[0]?.length ?? got.cols])
  for (let i = 0; i < got.rows; i++) {
    for (let j = 0; j < got.cols; j++) {
      const w = want[i][j]
      expect(Math.abs(got.data[i * got.cols + j] - w)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(w)))
    }
  }
}

// Odd sizes, 1s, and sizes just off any block width (multiples of 2, 4, 8, 64 ± 1).
const SHAPES: [number, number, number][] = [
  [1, 1, 1], [3, 5, 7], [17, 33, 9], [2, 1, 3], [1, 7, 1], [5, 1, 5], [4, 4, 4], [8, 8, 8],
  [9, 3, 2], [63, 65, 31], [65, 129, 66], [130, 257, 7], [7, 300, 130], [33, 2, 16],
]

describe('matrix products against a naive triple loop', () => {
  const rng = createRng(20240601)
  const shapes = [...SHAPES]
  for (let t = 0; t < 12; t++) shapes.push([1 + rng.int(70), 1 + rng.int(90), 1 + rng.int(70)])

  for (const [m, k, n] of shapes) {
    it(`${m}×${k}·${k}×${n} in all three forms`, () => {
      const a = random(m, k, rng), b = random(k, n, rng)
      const want = naive(toRows(a), toRows(b), k, n)
      expectClose(matmul(a, b), want)
      // aᵀ·b with a stored as k×m (its transpose), and a·bᵀ with b stored as n×k.
      const aT = matrix(k, m, transpose(toRows(a), k).flat())
      const bT = matrix(n, k, transpose(toRows(b), n).flat())
      expectClose(matmulTN(aT, b), want)
      expectClose(matmulNT(a, bT), want)
    })
  }

  it('overwrites a reused out rather than accumulating', () => {
    const a = random(6, 5, rng), b = random(5, 3, rng)
    const out = matrix(6, 3, new Array(18).fill(123))
    const want = naive(toRows(a), toRows(b), 5, 3)
    expect(matmul(a, b, out)).toBe(out)
    expectClose(out, want)
    matmul(a, b, out)
    expectClose(out, want)
    const outTN = matrix(5, 5, new Array(25).fill(-7))
    expect(matmulTN(a, a, outTN)).toBe(outTN)
    expectClose(outTN, naive(transpose(toRows(a), 5), toRows(a), 6, 5))
    const outNT = matrix(6, 6, new Array(36).fill(NaN))
    expect(matmulNT(a, a, outNT)).toBe(outNT)
    expectClose(outNT, naive(toRows(a), transpose(toRows(a), 5), 5, 6))
  })

  it('gives exact results on small integers', () => {
    const a = matrix(2, 3, [[1, 2, 3], [4, 5, 6]])
    const b = matrix(3, 2, [[7, 8], [9, 10], [11, 12]])
    expect(Array.from(matmul(a, b).data)).toEqual([58, 64, 139, 154])
    expect(Array.from(matmulTN(a, a).data)).toEqual([17, 22, 27, 22, 29, 36, 27, 36, 45])
    expect(Array.from(matmulNT(a, a).data)).toEqual([14, 32, 32, 77])
  })

  it('propagates NaN and ∞ where the naive loop does (divergence detection relies on it)', () => {
    const rng = createRng(99)
    const a = random(11, 9, rng), b = random(9, 10, rng)
    a.data[2 * 9 + 3] = NaN // row 2 of a·b becomes NaN
    b.data[5 * 10 + 7] = Infinity // column 7 becomes ±∞ (or NaN where it meets the NaN row)
    const got = matmul(a, b), want = naive(toRows(a), toRows(b), 9, 10).flat()
    expect(Array.from(got.data, (v) => String(Math.sign(v) * (Number.isFinite(v) ? 0 : 1))))
      .toEqual(want.map((v) => String(Math.sign(v) * (Number.isFinite(v) ? 0 : 1))))
    expect(Array.from(got.data).filter(Number.isNaN).length).toBe(10)
  })

  it('handles an inner dimension of zero as a sum of nothing', () => {
    const out = matrix(2, 3, [1, 1, 1, 1, 1, 1])
    matmul(zeros(2, 0), zeros(0, 3), out)
    expect(Array.from(out.data)).toEqual([0, 0, 0, 0, 0, 0])
  })
})

describe('shape errors name what was given and what was expected', () => {
  const a = zeros(2, 3), b = zeros(4, 5)
  it('rejects mismatched inner dimensions', () => {
    expect(() => matmul(a, b)).toThrow(/a is 2×3.*b is 4×5.*expected b to have 3 rows/)
    expect(() => matmulTN(a, b)).toThrow(/a is 2×3.*b is 4×5.*expected b to have 2 rows/)
    expect(() => matmulNT(a, b)).toThrow(/a is 2×3.*b is 4×5.*expected b to have 3 columns/)
  })
  it('rejects an out of the wrong shape', () => {
    expect(() => matmul(a, zeros(3, 5), zeros(5, 2))).toThrow(/out is 5×2, expected 2×5/)
    expect(() => matmulTN(a, zeros(2, 4), zeros(2, 4))).toThrow(/out is 2×4, expected 3×4/)
    expect(() => matmulNT(a, zeros(4, 3), zeros(4, 2))).toThrow(/out is 4×2, expected 2×4/)
  })
  it('rejects a matrix whose data does not match its shape', () => {
    const bad = { rows: 2, cols: 3, data: new Float64Array(5) }
    expect(() => matmul(bad, zeros(3, 1))).toThrow(/a is 2×3 but holds 5 values, expected 6/)
    expect(() => matmulNT(zeros(1, 3), bad)).toThrow(/b is 2×3 but holds 5 values, expected 6/)
    expect(() => matmulTN(zeros(2, 2), zeros(2, 3), bad)).toThrow(/out is 2×3 but holds 5 values/)
  })
  it('rejects an out that aliases an input', () => {
    const sq = zeros(3, 3)
    expect(() => matmul(sq, sq, sq)).toThrow(/must not share memory/)
    const buf = new Float64Array(18)
    const x = { rows: 3, cols: 3, data: buf.subarray(0, 9) }
    const view = { rows: 3, cols: 3, data: buf.subarray(5, 14) }
    expect(() => matmul(x, zeros(3, 3), view)).toThrow(/must not share memory/)
    // Disjoint views of one buffer are fine.
    expect(() => matmul(x, zeros(3, 3), { rows: 3, cols: 3, data: buf.subarray(9, 18) })).not.toThrow()
  })
})

describe('matrix(), zeros(), reuse()', () => {
  it('builds from flat and nested arrays (row-major)', () => {
    expect(Array.from(matrix(2, 2, [1, 2, 3, 4]).data)).toEqual([1, 2, 3, 4])
    expect(Array.from(matrix(2, 2, new Float32Array([1, 2, 3, 4])).data)).toEqual([1, 2, 3, 4])
    const m = matrix(2, 3, [[1, 2, 3], [4, 5, 6]])
    expect([m.rows, m.cols, m.data[1 * 3 + 0]]).toEqual([2, 3, 4])
    expect(Array.from(matrix(2, 2).data)).toEqual([0, 0, 0, 0])
  })
  it('copies its input', () => {
    const src = [1, 2]
    const m = matrix(1, 2, src)
    src[0] = 9
    expect(m.data[0]).toBe(1)
  })
  it('rejects bad input with what was expected', () => {
    expect(() => matrix(2, 2, [1, 2, 3])).toThrow(/expected 4 values for 2×2, got 3/)
    expect(() => matrix(2, 2, [[1, 2]])).toThrow(/expected 2 rows of 2, got 1 rows/)
    expect(() => matrix(2, 2, [[1, 2], [3]])).toThrow(/row 1 should have 2 numbers, got length 1/)
    expect(() => matrix(1, 2, ['a', 2] as unknown as number[])).toThrow(/value 0 should be a number, got string/)
    expect(() => matrix(-1, 2)).toThrow(/non-negative integers, got -1×2/)
    expect(() => zeros(1.5, 2)).toThrow(/got 1.5×2/)
  })
  it('reuse keeps a buffer of the right shape and replaces one of the wrong shape', () => {
    const m = matrix(2, 3, [1, 2, 3, 4, 5, 6])
    expect(reuse(m, 2, 3)).toBe(m)
    const fresh = reuse(m, 3, 2)
    expect(fresh).not.toBe(m)
    expect([fresh.rows, fresh.cols, Array.from(fresh.data)]).toEqual([3, 2, [0, 0, 0, 0, 0, 0]])
    expect(reuse(undefined, 1, 1).data.length).toBe(1)
  })
})
