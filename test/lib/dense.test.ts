// The dense layer against a naive reference, its inverted dropout, its buffers and its errors.
import { describe, expect, it } from 'vitest'
import { Dense } from '../../lib/dense.ts'
import { matrix, zeros, type Matrix } from '../../lib/matrix.ts'
import { createRng } from '../../lib/rng.ts'

function random(rows: number, cols: number, seed: number, scale = 1): Matrix {
  const rng = createRng(seed), m = zeros(rows, cols)
  for (let i = 0; i < m.data.length; i++) m.data[i] = scale * rng.normal()
  return m
}

describe('Dense', () => {
  it('forward is f(x·W + b) — compared with nested loops', () => {
    const layer = new Dense({ inputDim: 5, units: 3, activation: 'tanh', rng: createRng(1) })
    layer.b.data.set([0.3, -0.2, 0.1])
    const x = random(4, 5, 2)
    const a = layer.forward(x)
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 3; j++) {
        let z = layer.b.data[j]
        for (let k = 0; k < 5; k++) z += x.data[i * 5 + k] * layer.w.data[k * 3 + j]
        expect(layer.z!.data[i * 3 + j]).toBeCloseTo(z, 14)
        expect(a.data[i * 3 + j]).toBeCloseTo(Math.tanh(z), 14)
      }
    }
  })

  it('defaults: linear, glorotUniform, no penalty, no dropout, zero bias', () => {
    const layer = new Dense({ inputDim: 30, units: 20, rng: createRng(4) })
    expect([layer.activation, layer.initializer, layer.regularizer, layer.dropRate, layer.bias]).toEqual(['linear', 'glorotUniform', 'none', 0, true])
    expect([layer.w.rows, layer.w.cols, layer.b.rows, layer.b.cols]).toEqual([30, 20, 1, 20])
    expect(layer.b.data.every((v) => v === 0)).toBe(true)
    expect(Math.max(...layer.w.data.map(Math.abs))).toBeLessThanOrEqual(Math.sqrt(6 / 50))
  })

  it('backward: dL/dW = xᵀ·(g ⊙ f′(z)), dL/db = column sums, dL/dx = (g ⊙ f′(z))·Wᵀ — naive loops', () => {
    const layer = new Dense({ inputDim: 3, units: 2, activation: 'sigmoid', rng: createRng(5) })
    const x = random(4, 3, 6), g = random(4, 2, 7)
    layer.forward(x)
    const gradX = layer.backward(g)
    const dz = (i: number, j: number) => {
      const s = layer.z!.data[i * 2 + j], p = 1 / (1 + Math.exp(-s))
      return g.data[i * 2 + j] * p * (1 - p)
    }
    for (let k = 0; k < 3; k++) for (let j = 0; j < 2; j++) {
      let s = 0
      for (let i = 0; i < 4; i++) s += x.data[i * 3 + k] * dz(i, j)
      expect(layer.gradW.data[k * 2 + j]).toBeCloseTo(s, 14)
    }
    for (let j = 0; j < 2; j++) expect(layer.gradB.data[j]).toBeCloseTo([0, 1, 2, 3].reduce((s, i) => s + dz(i, j), 0), 14)
    for (let i = 0; i < 4; i++) for (let k = 0; k < 3; k++) {
      expect(gradX.data[i * 3 + k]).toBeCloseTo(dz(i, 0) * layer.w.data[k * 2] + dz(i, 1) * layer.w.data[k * 2 + 1], 14)
    }
  })

  it('bias: false keeps b at zero and its gradient at zero', () => {
    const layer = new Dense({ inputDim: 2, units: 3, bias: false, rng: createRng(1) })
    const x = random(3, 2, 2)
    layer.forward(x)
    layer.backward(random(3, 3, 3))
    expect(Array.from(layer.gradB.data)).toEqual([0, 0, 0])
    const plain = x.data[0] * layer.w.data[0] + x.data[1] * layer.w.data[3]
    expect(layer.z!.data[0]).toBeCloseTo(plain, 15)
  })

  it('reuses its buffers from one step to the next (no allocation after the first)', () => {
    const layer = new Dense({ inputDim: 4, units: 3, activation: 'relu', dropRate: 0.5, rng: createRng(1) })
    const x = random(8, 4, 2), g = random(8, 3, 3)
    layer.forward(x, { training: true })
    layer.backward(g)
    const before = [layer.z, layer.a, layer.mask, layer.act.a, layer.act.da_dz, layer.dz, layer.gradX, layer.gradW, layer.gradB]
    layer.forward(x, { training: true })
    layer.backward(g)
    const after = [layer.z, layer.a, layer.mask, layer.act.a, layer.act.da_dz, layer.dz, layer.gradX, layer.gradW, layer.gradB]
    after.forEach((m, i) => expect(m).toBe(before[i]))
  })

  it('with weightGrad: false returns the same dL/dx and leaves gradW as it was', () => {
    const layer = new Dense({ inputDim: 4, units: 3, activation: 'tanh', rng: createRng(5) })
    const x = random(6, 4, 7), g = random(6, 3, 8)
    layer.forward(x)
    const full = Array.from(layer.backward(g).data)
    const gradW = Array.from(layer.gradW.data)
    layer.forward(random(6, 4, 9))
    layer.backward(random(6, 3, 10)) // a different gradW…
    const other = Array.from(layer.gradW.data)
    layer.forward(x)
    expect(Array.from(layer.backward(g, { weightGrad: false }).data)).toEqual(full)
    expect(Array.from(layer.gradW.data)).toEqual(other) // …kept, not recomputed from (x, g)
    expect(other).not.toEqual(gradW)
  })
})

describe('Dense dropout (inverted)', () => {
  // Two layers built from the same seed have the same weights; one drops, one does not.
  const pair = (dropRate: number) => [
    new Dense({ inputDim: 6, units: 5, activation: 'sigmoid', dropRate, rng: createRng(21) }),
    new Dense({ inputDim: 6, units: 5, activation: 'sigmoid', rng: createRng(21) }),
  ]

  it('evaluation is exactly the plain layer, before and after training-mode passes', () => {
    const [dropping, plain] = pair(0.5)
    const x = random(10, 6, 1)
    const want = Array.from(plain.forward(x).data)
    expect(Array.from(dropping.forward(x).data)).toEqual(want)
    dropping.forward(x, { training: true })
    expect(Array.from(dropping.forward(x, { training: false }).data)).toEqual(want)
    expect(dropping.mask).toBeNull()
  })

  it('dropRate 0 in training mode is exactly the plain layer (no mask)', () => {
    const [zero, plain] = pair(0)
    const x = random(10, 6, 1)
    expect(Array.from(zero.forward(x, { training: true }).data)).toEqual(Array.from(plain.forward(x).data))
    expect(zero.mask).toBeNull()
  })

  for (const dropRate of [0.3, 0.5]) {
    it(`dropRate ${dropRate}: the training-mode mean over 2e5 masks is the evaluation output (±1%)`, () => {
      const [layer] = pair(dropRate)
      const x = zeros(1000, 6)
      const one = random(1, 6, 9)
      for (let i = 0; i < 1000; i++) x.data.set(one.data, i * 6)
      const evaluation = Array.from(layer.forward(x).data.subarray(0, 5))
      const sum = new Float64Array(5)
      let dropped = 0, total = 0, badScale = 0
      for (let pass = 0; pass < 200; pass++) {
        const a = layer.forward(x, { training: true }).data
        const m = layer.mask!.data
        for (let k = 0; k < a.length; k++) {
          sum[k % 5] += a[k]
          if (m[k] === 0) dropped++
          else if (m[k] !== 1 / (1 - dropRate)) badScale++
          total++
        }
      }
      expect(badScale).toBe(0) // kept units are scaled by exactly 1/(1 − dropRate)
      sum.forEach((s, j) => expect(Math.abs(s / 2e5 / evaluation[j] - 1)).toBeLessThanOrEqual(0.01))
      expect(Math.abs(dropped / total - dropRate)).toBeLessThanOrEqual(4 * Math.sqrt((dropRate * (1 - dropRate)) / total))
    })
  }

  it('a dropped unit gets no gradient: its weight column and bias are 0, and it passes nothing to x', () => {
    const [layer] = pair(0.5) // sigmoid: f′ > 0 everywhere, so only dropout can silence a unit
    const x = random(1, 6, 3)
    let seed = 0
    do layer.rng = createRng(++seed), layer.forward(x, { training: true })
    while (!layer.mask!.data.some((v) => v === 0) || !layer.mask!.data.some((v) => v > 0))
    const g = random(1, 5, 4)
    const gradX = layer.backward(g)
    const m = layer.mask!.data
    for (let j = 0; j < 5; j++) {
      const column = Array.from({ length: 6 }, (_, k) => layer.gradW.data[k * 5 + j])
      if (m[j] === 0) {
        expect(column.every((v) => v === 0) && layer.gradB.data[j] === 0).toBe(true)
      } else {
        expect(column.every((v) => v !== 0) && layer.gradB.data[j] !== 0).toBe(true)
      }
    }
    for (let k = 0; k < 6; k++) {
      let s = 0
      for (let j = 0; j < 5; j++) {
        const p = 1 / (1 + Math.exp(-layer.z!.data[j])) // σ′(z) = σ(1 − σ)
        if (m[j] !== 0) s += g.data[j] * m[j] * p * (1 - p) * layer.w.data[k * 5 + j]
      }
      expect(gradX.data[k]).toBeCloseTo(s, 14)
    }
  })
})

describe('Dense errors say what was given and what was expected', () => {
  const rng = createRng(1)
  it.each([
    [{ inputDim: 0, units: 2 }, /inputDim must be a positive integer, got 0/],
    [{ inputDim: 2, units: 2.5 }, /units must be a positive integer, got 2.5/],
    [{ inputDim: 2, units: 2, activation: 'sigmoud' }, /unknown activation "sigmoud"; expected one of linear, sigmoid, tanh, relu, leakyRelu/],
    [{ inputDim: 2, units: 2, initializer: 'xavier' }, /unknown initializer "xavier"; expected one of zeros, random, postGlorot, glorotUniform/],
    [{ inputDim: 2, units: 2, regularizer: 'l' }, /unknown regularizer "l"; expected one of none, l1, l2/],
    [{ inputDim: 2, units: 2, dropRate: 1 }, /dropRate must be a number in \[0, 1\), got 1/],
    [{ inputDim: 2, units: 2, dropRate: -0.1 }, /got -0.1/],
    [{ inputDim: 2, units: 2, dropRate: NaN }, /got NaN/],
    [{ inputDim: 2, units: 2, rng: undefined }, /rng must be an Rng/],
  ])('%o', (options, message) => {
    expect(() => new Dense({ rng, ...options } as never)).toThrow(message)
  })

  it('forward and backward check shapes', () => {
    const layer = new Dense({ inputDim: 3, units: 2, rng })
    expect(() => layer.backward(zeros(1, 2))).toThrow(/call forward first/)
    expect(() => layer.forward(matrix(2, 4))).toThrow(/input is 2×4, expected 3 columns/)
    layer.forward(matrix(2, 3))
    expect(() => layer.backward(matrix(2, 3))).toThrow(/gradOut is 2×3, expected 2×2/)
  })
})
