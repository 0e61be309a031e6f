// Central-difference gradient checks: the engine's back-propagated gradients (weights, biases,
// inputs) against a seven-point (sixth-order) central-difference derivative of Network.loss().total, float64,
// for every activation × loss × regularizer, with and without dropout, on 20 seeds each.
import { describe, expect, it } from 'vitest'
import { ACTIVATIONS, type ActivationName } from '../../lib/activations.ts'
import { Dense } from '../../lib/dense.ts'
import { LOSSES, type LossName } from '../../lib/losses.ts'
import { zeros, type Matrix } from '../../lib/matrix.ts'
import { Network } from '../../lib/network.ts'
import { REGULARIZERS, type RegularizerName } from '../../lib/regularizers.ts'
import { createRng, type Rng } from '../../lib/rng.ts'

const H = 4e-3 // step of the seven-point stencil: truncation O(H⁶) ≈ 1e-14, rounding ≈ 1e-14
const FLOOR = 1e-5 // gradients below this are compared in absolute terms (|error| ≤ 1e-12)
const SEEDS = 20

function randomMatrix(rows: number, cols: number, rng: Rng, f: (rng: Rng) => number): Matrix {
  const m = zeros(rows, cols)
  for (let i = 0; i < m.data.length; i++) m.data[i] = f(rng)
  return m
}

/** Targets that suit each loss: real values, probabilities per element, probability rows. */
function targets(loss: LossName, rows: number, cols: number, rng: Rng): Matrix {
  if (loss === 'mse') return randomMatrix(rows, cols, rng, (r) => r.normal())
  if (loss === 'binaryCrossEntropy') return randomMatrix(rows, cols, rng, (r) => (r.uniform() < 0.5 ? r.int(2) : r.uniform()))
  const y = zeros(rows, cols)
  for (let i = 0; i < rows; i++) {
    if (rng.uniform() < 0.5) y.data[i * cols + rng.int(cols)] = 1
    else {
      const p = Array.from({ length: cols }, () => rng.uniform())
      const s = p.reduce((u, v) => u + v, 0)
      p.forEach((v, j) => (y.data[i * cols + j] = v / s))
    }
  }
  return y
}

type Case = { activation: ActivationName; loss: LossName; regularizer: RegularizerName; dropRate: number; seed: number }

/** Builds a 3-5-4-3 network with random weights and biases; every layer uses the activation. */
function build(c: Case) {
  const rng = createRng(c.seed)
  const dims = [3, 5, 4, 3]
  const layers = dims.slice(1).map((units, i) => {
    const layer = new Dense({
      inputDim: dims[i], units, activation: c.activation, initializer: 'glorotNormal', regularizer: c.regularizer,
      dropRate: i < 2 ? c.dropRate : 0, bias: !(c.seed % 7 === 3 && i === 1), rng: rng.fork(),
    })
    if (layer.bias) for (let j = 0; j < units; j++) layer.b.data[j] = 0.5 * rng.normal()
    // |w| has a kink at 0: keep L1's weights at least 0.05 away from it (the stencil reaches ±3H).
    if (c.regularizer === 'l1') layer.w.data.forEach((v, k, w) => (w[k] = v + (v < 0 ? -0.05 : 0.05)))
    return layer
  })
  const lambda = c.seed % 5 === 0 ? 0 : 0.01 + 0.3 * rng.uniform()
  const net = new Network(layers, { loss: c.loss, lambda })
  const x = randomMatrix(6, 3, rng, (r) => r.normal())
  const y = targets(c.loss, 6, 3, rng)
  const maskSeeds = layers.map(() => rng.int(2 ** 31))
  // Re-seeding every layer's rng before each evaluation draws the same dropout masks each time.
  const reseed = () => layers.forEach((layer, i) => (layer.rng = createRng(maskSeeds[i])))
  return { net, x, y, reseed }
}

/** Sign pattern of everything with a kink: pre-activations (relu, leakyRelu) and weights (l1). */
function kinks(net: Network, c: Case): number[] {
  const signs: number[] = []
  const hinge = c.activation === 'relu' || c.activation === 'leakyRelu'
  for (const layer of net.layers) {
    if (hinge) for (const v of layer.z!.data) signs.push(v > 0 ? 1 : 0)
    if (c.regularizer === 'l1') for (const v of layer.w.data) signs.push(v > 0 ? 1 : 0)
  }
  return signs
}
const same = (p: number[], q: number[]) => p.length === q.length && p.every((v, i) => v === q[i])

/**
 * Max relative error between analytic and numerical gradients over all weights, biases and
 * inputs, or null when some finite-difference evaluation crossed a kink (case rejected).
 */
function check(c: Case): number | null {
  const { net, x, y, reseed } = build(c)
  const training = c.dropRate > 0
  reseed()
  const grads = net.gradients(x, y, { training })
  reseed()
  const gradX = net.inputGradient(x, y, { training })
  const base = kinks(net, c)
  let crossed = false
  const f = (): number => {
    reseed()
    const total = net.loss(x, y, { training }).total
    if (!crossed && !same(kinks(net, c), base)) crossed = true
    return total
  }
  const numeric = (data: Float64Array, k: number): number => {
    const v = data[k]
    const at = (d: number) => ((data[k] = v + d), f())
    // Sixth-order central difference: (f₃ − 9f₂ + 45f₁ − 45f₋₁ + 9f₋₂ − f₋₃) / 60h.
    const g = (at(3 * H) - 9 * at(2 * H) + 45 * at(H) - 45 * at(-H) + 9 * at(-2 * H) - at(-3 * H)) / (60 * H)
    data[k] = v
    return g
  }
  let worst = 0
  const compare = (data: Float64Array, analytic: Float64Array) => {
    for (let k = 0; k < data.length; k++) {
      const n = numeric(data, k), a = analytic[k]
      worst = Math.max(worst, Math.abs(a - n) / Math.max(Math.abs(a), Math.abs(n), FLOOR))
    }
  }
  net.layers.forEach((layer, i) => {
    compare(layer.w.data, grads[i].w.data)
    if (layer.bias) compare(layer.b.data, grads[i].b.data)
    else expect(Array.from(grads[i].b.data)).toEqual(new Array(layer.units).fill(0))
  })
  compare(x.data, gradX.data)
  return crossed ? null : worst
}

describe('gradients match central differences', () => {
  for (const activation of Object.keys(ACTIVATIONS) as ActivationName[]) {
    for (const loss of Object.keys(LOSSES) as LossName[]) {
      for (const regularizer of Object.keys(REGULARIZERS) as RegularizerName[]) {
        for (const dropRate of [0, 0.3]) {
          it(`${activation} · ${loss} · ${regularizer} · dropRate ${dropRate}`, () => {
            let accepted = 0, worst = 0
            for (let seed = 1; accepted < SEEDS && seed <= 200; seed++) {
              const err = check({ activation, loss, regularizer, dropRate, seed })
              if (err === null) continue
              accepted++
              worst = Math.max(worst, err)
            }
            expect(accepted).toBe(SEEDS)
            expect(worst).toBeLessThanOrEqual(1e-7)
          })
        }
      }
    }
  }
})

describe('the gradient check can fail', () => {
  it('notices a wrong derivative (sanity of the harness)', () => {
    const original = ACTIVATIONS.tanh
    ;(ACTIVATIONS as Record<string, unknown>).tanh = (z: Matrix, out?: object) => {
      const r = original(z, out)
      for (let i = 0; i < r.da_dz.data.length; i++) r.da_dz.data[i] *= 1.001
      return r
    }
    try {
      expect(check({ activation: 'tanh', loss: 'mse', regularizer: 'l2', dropRate: 0, seed: 1 })).toBeGreaterThan(1e-5)
    } finally {
      ;(ACTIVATIONS as Record<string, unknown>).tanh = original
    }
  })
})
