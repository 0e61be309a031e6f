import { describe, expect, it } from 'vitest'
import { Dense } from '../../lib/dense.ts'
import { LOSSES } from '../../lib/losses.ts'
import { matrix, type Matrix } from '../../lib/matrix.ts'
import { Network } from '../../lib/network.ts'
import { deadFraction, recordBatch, recordLayer, recordLayers, summarize } from '../../lib/record.ts'
import { createRng } from '../../lib/rng.ts'

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
const randomMatrix = (rows: number, cols: number, seed: number) => {
  const rng = createRng(seed)
  return matrix(rows, cols, Array.from({ length: rows * cols }, () => rng.normal()))
}

describe('deadFraction', () => {
  it('counts units (columns) whose pre-activation is ≤ 0 in every row of the batch', () => {
    const z = matrix(3, 5, [
      [-1, 0, 2, -3, -1],
      [-2, -1, -1, -3, 1e-300],
      [0, -5, -1, -3, -1],
    ])
    expect(deadFraction(z)).toBe(3 / 5) // columns 0, 1, 3; column 2 fires once, column 4 fires barely
  })
})

describe('recordLayer', () => {
  const layer = {
    activation: 'relu',
    w: matrix(2, 3, [0.5, -0.0004, 0, 2, 0.001, -0.0009]),
    b: matrix(1, 3, [0.1, 0.2, 0.3]),
    gradW: matrix(2, 3, [3, 0, 0, 4, 0, 12]),
    gradB: matrix(1, 3, [1, 2, 2]),
    z: matrix(2, 3, [-1, 2, -3, -4, 5, -6]),
    a: matrix(2, 3, [0, 2, 0, 0, 5, 0]),
  }

  it('gives gradient and weight norms, near-zero fraction, dead fraction and full histograms', () => {
    const r = recordLayer(layer, 2, { bins: 4 })
    expect(r.layer).toBe(2)
    expect(r.gradW.norm).toBeCloseTo(13, 14) // √(9 + 16 + 144)
    expect(r.gradBNorm).toBeCloseTo(3, 14)
    expect(r.weights.norm).toBeCloseTo(Math.sqrt(0.25 + 0.0004 ** 2 + 4 + 0.001 ** 2 + 0.0009 ** 2), 14)
    expect(r.weights.nearZeroFraction).toBe(3 / 6) // −0.0004, 0, −0.0009 (0.001 is not below 1e-3)
    expect(r.deadFraction).toBe(2 / 3)
    expect(sum(r.weights.histogram.counts)).toBe(6)
    expect(sum(r.gradW.histogram.counts)).toBe(6)
    expect(r.preActivation!.mean).toBeCloseTo(-7 / 6, 14)
    expect(r.output!.std).toBeCloseTo(Math.sqrt(29 / 6 - (7 / 6) ** 2), 14)
    expect(r.outputGradient).toBeNull()
    expect(recordLayer({ ...layer, activation: 'tanh' }, 1).deadFraction).toBeNull()
  })

  it('uses a given domain so layers can share an axis; counts what falls outside', () => {
    const r = recordLayer(layer, 1, { bins: 2, domains: { preActivation: [-2, 2] } })
    expect(Array.from(r.preActivation!.histogram.edges)).toEqual([-2, 0, 2])
    expect([r.preActivation!.histogram.below, r.preActivation!.histogram.above]).toEqual([3, 1])
  })

  it('summarize counts non-finite values instead of failing, and takes moments of the rest', () => {
    const s = summarize(Float64Array.of(1, NaN, 3, Infinity))
    expect([s.mean, s.std, s.nonFinite, sum(s.histogram.counts)]).toEqual([2, 1, 2, 2])
    expect(summarize(Float64Array.of(NaN)).mean).toBeNaN()
  })
})

describe('recordBatch', () => {
  const rng = createRng(8)
  const network = new Network([
    new Dense({ inputDim: 3, units: 5, activation: 'tanh', rng }),
    new Dense({ inputDim: 5, units: 4, activation: 'tanh', regularizer: 'l2', rng }),
    new Dense({ inputDim: 4, units: 2, rng }),
  ], { loss: 'mse', lambda: 0.1 })
  const x = randomMatrix(6, 3, 1)
  const y = randomMatrix(6, 2, 2)

  /** Central-difference d loss / d a for layer `i` (0-based): perturb a copy of a_i, run the layers above it. */
  function numericOutputGradient(i: number): number[] {
    network.forward(x)
    const a = network.layers[i].a!.data.slice()
    const lossFrom = (ai: Float64Array) => {
      let h: Matrix = { rows: x.rows, cols: network.layers[i].units, data: ai }
      for (const l of network.layers.slice(i + 1)) h = l.forward(h)
      return LOSSES.mse(h, y).loss
    }
    return Array.from(a, (_, k) => {
      const step = 1e-6
      const plus = a.slice(); plus[k] += step
      const minus = a.slice(); minus[k] -= step
      return (lossFrom(plus) - lossFrom(minus)) / (2 * step)
    })
  }

  it('records d loss / d a for every layer, matching central differences (mean and std)', () => {
    const expected = [0, 1, 2].map(numericOutputGradient)
    const { layers } = recordBatch(network, x, y)
    layers.forEach((r, i) => {
      const g = expected[i]
      const m = sum(g) / g.length
      expect(r.outputGradient!.mean).toBeCloseTo(m, 8)
      expect(r.outputGradient!.std).toBeCloseTo(Math.sqrt(sum(g.map((v) => (v - m) ** 2)) / g.length), 8)
    })
  })

  it('records the gradient norms of Network.gradients (data + penalty) and the loss of the pass', () => {
    const grads = network.gradients(x, y)
    const { layers, loss } = recordBatch(network, x, y)
    layers.forEach((r, i) => {
      expect(r.gradW.norm).toBeCloseTo(Math.sqrt(sum(Array.from(grads[i].w.data, (v) => v * v))), 12)
      expect(r.gradBNorm).toBeCloseTo(Math.sqrt(sum(Array.from(grads[i].b.data, (v) => v * v))), 12)
    })
    expect(loss).toBe(network.loss(x, y).data)
  })

  it('recordLayers after a step reads that step: same z and d loss / d a as recordBatch before it', () => {
    const before = recordBatch(network, x, y).layers
    network.step(x, y, { learningRate: 0.1 }) // no dropout here, so the step's pass equals recordBatch's
    const after = recordLayers(network)
    after.forEach((r, i) => {
      expect(r.preActivation).toEqual(before[i].preActivation)
      if (i < 2) expect(r.outputGradient).toEqual(before[i].outputGradient)
      else expect(r.outputGradient).toBeNull()
    })
  })
})
