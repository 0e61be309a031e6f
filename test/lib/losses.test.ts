// Losses against naive formulas for moderate logits, closed forms for huge ones, and central
// differences for the gradients (which carry the 1/N of the mean).
import { describe, expect, it } from 'vitest'
import { LOSSES, sigmoid, softmax, type LossName } from '../../lib/losses.ts'
import { matrix, zeros, type Matrix } from '../../lib/matrix.ts'
import { createRng } from '../../lib/rng.ts'

const rows = (m: Matrix) => Array.from({ length: m.rows }, (_, i) => Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)))

/** The textbook definitions, written plainly (they overflow for large logits, so only moderate ones). */
const NAIVE: Record<LossName, (z: number[][], y: number[][]) => number> = {
  mse: (z, y) => {
    let s = 0, n = 0
    z.forEach((r, i) => r.forEach((v, j) => ((s += (v - y[i][j]) ** 2), n++)))
    return s / n
  },
  binaryCrossEntropy: (z, y) => {
    let s = 0, n = 0
    z.forEach((r, i) => r.forEach((v, j) => {
      const p = 1 / (1 + Math.exp(-v))
      s += -y[i][j] * Math.log(p) - (1 - y[i][j]) * Math.log(1 - p)
      n++
    }))
    return s / n
  },
  softmaxCrossEntropy: (z, y) => {
    let s = 0
    z.forEach((r, i) => {
      const e = r.map(Math.exp), total = e.reduce((u, v) => u + v, 0)
      r.forEach((_, j) => (s -= y[i][j] * Math.log(e[j] / total)))
    })
    return s / z.length
  },
}

function randomCase(rng: ReturnType<typeof createRng>, name: LossName, normalise: boolean) {
  const z = zeros(5, 4), y = zeros(5, 4)
  for (let i = 0; i < z.data.length; i++) z.data[i] = 3 * rng.normal()
  for (let i = 0; i < y.data.length; i++) y.data[i] = name === 'mse' ? rng.normal() : rng.uniform()
  if (name === 'softmaxCrossEntropy' && normalise) { // odd trials keep unnormalised rows: the formula holds for any y
    for (let i = 0; i < 5; i++) {
      let s = 0
      for (let j = 0; j < 4; j++) s += y.data[i * 4 + j]
      for (let j = 0; j < 4; j++) y.data[i * 4 + j] /= s
    }
  }
  return { z, y }
}

describe('LOSSES', () => {
  for (const name of Object.keys(NAIVE) as LossName[]) {
    it(`${name}: value matches the naive formula; gradient matches central differences`, () => {
      const rng = createRng(3)
      for (let trial = 0; trial < 20; trial++) {
        const { z, y } = randomCase(rng, name, trial % 2 === 0)
        const { loss, grad } = LOSSES[name](z, y)
        const want = NAIVE[name](rows(z), rows(y))
        expect(Math.abs(loss - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)))
        const h = 1e-5
        for (let k = 0; k < z.data.length; k++) {
          const v = z.data[k]
          z.data[k] = v + h
          const up = NAIVE[name](rows(z), rows(y))
          z.data[k] = v - h
          const down = NAIVE[name](rows(z), rows(y))
          z.data[k] = v
          expect(Math.abs(grad.data[k] - (up - down) / (2 * h))).toBeLessThanOrEqual(1e-9)
        }
      }
    })
  }

  it('binaryCrossEntropy on logits ±1000 is finite and exact', () => {
    const z = matrix(2, 2, [1000, 1000, -1000, -1000])
    const y = matrix(2, 2, [1, 0, 1, 0])
    const { loss, grad } = LOSSES.binaryCrossEntropy(z, y)
    // Per element: −log σ(1000) = 0, −log(1 − σ(1000)) = 1000, −log σ(−1000) = 1000, then 0.
    expect(loss).toBe((0 + 1000 + 1000 + 0) / 4)
    expect(Array.from(grad.data)).toEqual([0, 1 / 4, -1 / 4, 0]) // (σ(z) − y)/N
  })

  it('softmaxCrossEntropy on logits ±1000 is finite and exact', () => {
    const z = matrix(3, 3, [1000, -1000, 0, 1000, -1000, 0, 1000, 1000, -1000])
    const y = matrix(3, 3, [1, 0, 0, 0, 1, 0, 0, 1, 0])
    const { loss, grad } = LOSSES.softmaxCrossEntropy(z, y)
    // Rows: −log softmax = 0; 1000 − (−1000) = 2000; log(e¹⁰⁰⁰ + e¹⁰⁰⁰) − 1000 = log 2.
    expect(loss).toBeCloseTo((0 + 2000 + Math.LN2) / 3, 12)
    const want = [0, 0, 0, 1, -1, 0, 0.5, -0.5, 0].map((v) => v / 3) // (softmax(z) − y)/rows
    grad.data.forEach((v, k) => expect(v).toBeCloseTo(want[k], 15))
  })

  it('rejects targets of another shape, saying both shapes', () => {
    for (const name of Object.keys(LOSSES) as LossName[]) {
      expect(() => LOSSES[name](zeros(4, 1), zeros(4, 2))).toThrow(/output is 4×1 but the targets are 4×2/)
    }
    expect(() => LOSSES.mse(zeros(0, 1), zeros(0, 1))).toThrow(/empty 0×1 batch/)
  })

  it('reuses a gradient buffer of the right shape', () => {
    const g = zeros(2, 2)
    expect(LOSSES.mse(matrix(2, 2, [1, 2, 3, 4]), zeros(2, 2), g).grad).toBe(g)
    expect(Array.from(g.data)).toEqual([0.5, 1, 1.5, 2])
  })
})

describe('sigmoid and softmax helpers', () => {
  it('turn logits into probabilities, stably', () => {
    expect(Array.from(sigmoid(matrix(1, 3, [-1000, 0, 1000])).data)).toEqual([0, 0.5, 1])
    const p = softmax(matrix(2, 3, [1000, 1000, -1000, 1, 2, 3]))
    expect(Array.from(p.data.subarray(0, 3))).toEqual([0.5, 0.5, 0])
    const e = [1, 2, 3].map(Math.exp), s = e[0] + e[1] + e[2]
    e.forEach((v, j) => expect(p.data[3 + j]).toBeCloseTo(v / s, 15))
  })
})
