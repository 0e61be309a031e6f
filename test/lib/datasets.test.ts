import { describe, expect, it } from 'vitest'
import { blobs, circles, type Dataset, polynomialFeatures, regression1d, spirals, trainTestSplit, twoMoons, xor } from '../../lib/datasets.ts'
import { createRng } from '../../lib/rng.ts'
import { mean, std } from '../../lib/stats.ts'

const row = (ds: Dataset, i: number) => Array.from(ds.x.data.subarray(i * ds.x.cols, (i + 1) * ds.x.cols))
const column = (ds: Dataset, j: number, label?: number) =>
  Array.from({ length: ds.x.rows }, (_, i) => i).filter((i) => label === undefined || ds.labels![i] === label).map((i) => ds.x.data[i * ds.x.cols + j])

const binaryMakers = {
  twoMoons: (seed: number, n = 101, noise = 0.1) => twoMoons({ n, noise, rng: createRng(seed) }),
  circles: (seed: number, n = 101, noise = 0.1) => circles({ n, noise, factor: 0.4, rng: createRng(seed) }),
  spirals: (seed: number, n = 101, noise = 0.1) => spirals({ n, noise, turns: 1.25, rng: createRng(seed) }),
  xor: (seed: number, n = 101, noise = 0.1) => xor({ n, noise, rng: createRng(seed) }),
}

describe.each(Object.entries(binaryMakers))('%s', (_, make) => {
  it('has x [n, 2], y [n, 1] in {0, 1} equal to the labels, and balanced classes (51 / 50)', () => {
    const ds = make(1)
    expect([ds.x.rows, ds.x.cols, ds.y.rows, ds.y.cols, ds.kind]).toEqual([101, 2, 101, 1, 'binary'])
    expect(Array.from(ds.y.data)).toEqual(Array.from(ds.labels!))
    expect(ds.labels!.filter((l) => l === 0).length).toBe(51)
    expect(ds.labels!.filter((l) => l === 1).length).toBe(50)
  })

  it('is a function of the seed: same seed identical, different seed different', () => {
    expect(make(7).x.data).toEqual(make(7).x.data)
    expect(make(7).x.data).not.toEqual(make(8).x.data)
  })

  it('rejects bad sizes and noise with a message saying what was expected', () => {
    expect(() => make(1, 0)).toThrow(/n = 0; expected an integer ≥ 2/)
    expect(() => make(1, 10, -1)).toThrow(/noise = -1; expected a finite number ≥ 0/)
  })
})

describe('noise-free geometry', () => {
  const n = 200
  it('two moons lie on unit circles centred at (−½, −¼) (upper half) and (½, ¼) (lower half)', () => {
    const ds = binaryMakers.twoMoons(2, n, 0)
    for (let i = 0; i < n; i++) {
      const [x1, x2] = row(ds, i)
      const [cx, cy, side] = ds.labels![i] === 0 ? [-0.5, -0.25, 1] : [0.5, 0.25, -1]
      expect(Math.hypot(x1 - cx, x2 - cy)).toBeCloseTo(1, 12)
      expect(side * (x2 - cy)).toBeGreaterThanOrEqual(0)
    }
  })

  it('circles have radius 1 (class 0) and factor (class 1)', () => {
    const ds = binaryMakers.circles(3, n, 0)
    for (let i = 0; i < n; i++) expect(Math.hypot(...row(ds, i))).toBeCloseTo(ds.labels![i] === 0 ? 1 : 0.4, 12)
  })

  it('spiral points have angle 2π·turns·r + π·class (mod 2π)', () => {
    const ds = binaryMakers.spirals(4, n, 0)
    for (let i = 0; i < n; i++) {
      const [x1, x2] = row(ds, i)
      const r = Math.hypot(x1, x2)
      const angle = 2 * Math.PI * 1.25 * r + Math.PI * ds.labels![i]
      expect(Math.hypot(x1 - r * Math.cos(angle), x2 - r * Math.sin(angle))).toBeLessThan(1e-12)
    }
  })

  it('xor: class 1 exactly where x1·x2 < 0, all points in [−1, 1]²', () => {
    const ds = binaryMakers.xor(5, n, 0)
    for (let i = 0; i < n; i++) {
      const [x1, x2] = row(ds, i)
      expect(Math.max(Math.abs(x1), Math.abs(x2))).toBeLessThanOrEqual(1)
      expect(x1 * x2 < 0 ? 1 : 0).toBe(ds.labels![i])
    }
  })
})

describe('blobs', () => {
  it('gives one-hot y matching the labels, balanced classes, centres on the unit circle, std = spread', () => {
    const k = 4
    const ds = blobs({ n: 4000, classes: k, spread: 0.3, rng: createRng(9) })
    expect([ds.y.rows, ds.y.cols, ds.kind, ds.classes]).toEqual([4000, k, 'multiclass', k])
    for (let i = 0; i < ds.y.rows; i++) {
      const oneHot = Array.from(ds.y.data.subarray(i * k, (i + 1) * k))
      expect(oneHot).toEqual(oneHot.map((_, c) => (c === ds.labels![i] ? 1 : 0)))
    }
    for (let c = 0; c < k; c++) {
      const [x1, x2] = [column(ds, 0, c), column(ds, 1, c)]
      expect(x1.length).toBe(1000)
      // Standard error of a mean of 1000 draws with std 0.3 is ≈ 0.0095; allow 4 of them.
      expect(mean(x1)).toBeCloseTo(Math.cos((2 * Math.PI * c) / k), 1)
      expect(Math.abs(mean(x2) - Math.sin((2 * Math.PI * c) / k))).toBeLessThan(0.04)
      expect(Math.abs(std(x1) / 0.3 - 1)).toBeLessThan(0.1)
    }
    expect(() => blobs({ n: 10, classes: 1, rng: createRng(1) })).toThrow(/classes = 1; expected an integer ≥ 2/)
    expect(blobs({ n: 10, classes: 2, rng: createRng(1) }).y.cols).toBe(2) // one-hot even for two classes
  })
})

describe('regression1d and polynomialFeatures', () => {
  it('targets are f(t) plus noise of the requested std; features are standardised powers of t', () => {
    const ds = regression1d({ n: 5000, noise: 0.2, degree: 6, rng: createRng(12) })
    expect([ds.x.rows, ds.x.cols, ds.y.cols, ds.kind]).toEqual([5000, 6, 1, 'regression'])
    ds.input!.forEach((t, i) => expect(ds.noiseless![i]).toBe(Math.sin(Math.PI * t)))
    const residual = Array.from(ds.y.data, (y, i) => y - ds.noiseless![i])
    expect(Math.abs(std(residual) / 0.2 - 1)).toBeLessThan(0.05)
    expect(column(ds, 0)[0]).toBeCloseTo(ds.input![0] * Math.sqrt(3), 12) // t / std(U(−1, 1))
    expect(column(ds, 1)[0]).toBeCloseTo((ds.input![0] ** 2 - 1 / 3) / Math.sqrt(1 / 5 - 1 / 9), 12)
    for (let j = 0; j < 6; j++) {
      expect(Math.abs(mean(column(ds, j)))).toBeLessThan(0.06)
      expect(Math.abs(std(column(ds, j)) - 1)).toBeLessThan(0.06)
    }
  })

  it("'line' target and argument checks", () => {
    const ds = regression1d({ n: 5, noise: 0, target: 'line', rng: createRng(1) })
    expect(Array.from(ds.y.data)).toEqual(Array.from(ds.input!, (t) => 0.8 * t - 0.2))
    expect(() => polynomialFeatures([0.5], 0)).toThrow(/degree = 0; expected an integer ≥ 1/)
    expect(() => regression1d({ n: 5, target: 'toString' as 'line', rng: createRng(1) })).toThrow(/target = 'toString'; expected 'sine' or 'line'/)
  })
})

describe('trainTestSplit', () => {
  const ds = blobs({ n: 103, classes: 3, rng: createRng(21) })
  it('puts round(n·f) rows in test, the rest in train: disjoint, complete, rows intact', () => {
    const { train, test } = trainTestSplit(ds, 0.25, createRng(5))
    expect([train.x.rows, test.x.rows]).toEqual([77, 26])
    const all = [...train.index, ...test.index].sort((a, b) => a - b)
    expect(all).toEqual(Array.from({ length: 103 }, (_, i) => i))
    for (const part of [train, test]) {
      for (let i = 0; i < part.x.rows; i++) {
        expect(row(part, i)).toEqual(row(ds, part.index[i]))
        expect(part.labels![i]).toBe(ds.labels![part.index[i]])
        expect(Array.from(part.y.data.subarray(3 * i, 3 * i + 3))).toEqual(Array.from(ds.y.data.subarray(3 * part.index[i], 3 * part.index[i] + 3)))
      }
    }
  })

  it('is shuffled and seeded', () => {
    const a = trainTestSplit(ds, 0.25, createRng(5)).test.index
    expect(trainTestSplit(ds, 0.25, createRng(5)).test.index).toEqual(a)
    expect(trainTestSplit(ds, 0.25, createRng(6)).test.index).not.toEqual(a)
    expect(Array.from(a)).not.toEqual([...a].sort((p, q) => p - q))
  })

  it('refuses fractions that leave a part empty', () => {
    expect(() => trainTestSplit(ds, 0, createRng(1))).toThrow(/testFraction = 0/)
    expect(() => trainTestSplit(ds, 1, createRng(1))).toThrow(/testFraction = 1/)
  })
})
