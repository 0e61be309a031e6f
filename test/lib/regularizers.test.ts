// Penalties and their gradients, alone and inside a network (weights only, never biases).
import { describe, expect, it } from 'vitest'
import { Dense } from '../../lib/dense.ts'
import { matrix, zeros } from '../../lib/matrix.ts'
import { Network } from '../../lib/network.ts'
import { REGULARIZERS } from '../../lib/regularizers.ts'
import { createRng } from '../../lib/rng.ts'

describe('REGULARIZERS', () => {
  const w = matrix(2, 3, [0.5, -2, 0, -0, 3, -0.25])

  it('none: no penalty, zero gradient', () => {
    const { penalty, grad } = REGULARIZERS.none(w)
    expect(penalty).toBe(0)
    expect(Array.from(grad.data)).toEqual([0, 0, 0, 0, 0, 0])
  })

  it('l1: Σ|w|, gradient sign(w) with sign(0) = 0 (for both zeros)', () => {
    const { penalty, grad } = REGULARIZERS.l1(w)
    expect(penalty).toBe(0.5 + 2 + 0 + 0 + 3 + 0.25)
    expect(Array.from(grad.data)).toEqual([1, -1, 0, 0, 1, -1])
    expect(Object.is(grad.data[3], 0)).toBe(true) // not −0 either: exactly the chosen subgradient 0
  })

  it('l2: Σw², gradient 2w', () => {
    const { penalty, grad } = REGULARIZERS.l2(w)
    expect(penalty).toBe(0.25 + 4 + 0 + 0 + 9 + 0.0625)
    expect(Array.from(grad.data)).toEqual([1, -4, 0, -0, 6, -0.5])
  })

  it('reuses a gradient buffer of the right shape', () => {
    const g = zeros(2, 3)
    expect(REGULARIZERS.l2(w, g).grad).toBe(g)
    expect(REGULARIZERS.l1(w, g).grad).toBe(g)
    expect(REGULARIZERS.none(w, g).grad).toBe(g)
  })
})

function twoLayer(regularizer: 'l1' | 'l2' | 'none', lambda: number, second: 'l1' | 'l2' | 'none' = regularizer) {
  const rng = createRng(8)
  const layers = [
    new Dense({ inputDim: 3, units: 4, activation: 'tanh', regularizer, rng }),
    new Dense({ inputDim: 4, units: 2, regularizer: second, rng }),
  ]
  layers.forEach((l) => l.b.data.forEach((_, j, b) => (b[j] = 0.1 * (j + 1))))
  return new Network(layers, { loss: 'mse', lambda })
}

describe('penalties inside a network', () => {
  const x = matrix(5, 3, Array.from({ length: 15 }, (_, i) => Math.sin(i)))
  const y = matrix(5, 2, Array.from({ length: 10 }, (_, i) => Math.cos(i)))

  for (const reg of ['l1', 'l2'] as const) {
    it(`${reg}: weight gradients move by exactly λ·R′(W), bias gradients not at all`, () => {
      const lambda = 0.3
      const plain = twoLayer(reg, 0).gradients(x, y)
      const net = twoLayer(reg, lambda)
      const penalised = net.gradients(x, y)
      net.layers.forEach((layer, i) => {
        const rPrime = REGULARIZERS[reg](layer.w).grad.data
        penalised[i].w.data.forEach((g, k) => expect(g).toBeCloseTo(plain[i].w.data[k] + lambda * rPrime[k], 14))
        expect(Array.from(penalised[i].b.data)).toEqual(Array.from(plain[i].b.data))
      })
    })
  }

  it('penalty = λ·Σ_layers R(W), on weights only, each layer with its own regularizer', () => {
    const net = twoLayer('l1', 0.2, 'l2')
    const [w1, w2] = net.layers.map((l) => Array.from(l.w.data))
    const want = 0.2 * (w1.reduce((s, v) => s + Math.abs(v), 0) + w2.reduce((s, v) => s + v * v, 0))
    const parts = net.loss(x, y)
    expect(parts.penalty).toBeCloseTo(want, 14)
    expect(parts.total).toBe(parts.data + parts.penalty)
    expect(twoLayer('none', 5).loss(x, y).penalty).toBe(0)
  })

  it('an L2 step is weight decay: w ← (1 − 2αλ)·w − α·(data gradient)', () => {
    const alpha = 0.1, lambda = 0.05
    const dataGrads = twoLayer('l2', 0).gradients(x, y)
    const net = twoLayer('l2', lambda)
    const before = net.layers.map((l) => Array.from(l.w.data))
    net.step(x, y, { learningRate: alpha })
    net.layers.forEach((layer, i) =>
      layer.w.data.forEach((v, k) => expect(v).toBeCloseTo((1 - 2 * alpha * lambda) * before[i][k] - alpha * dataGrads[i].w.data[k], 14)),
    )
  })
})
