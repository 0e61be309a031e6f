// The network: shape chaining, loss parts against an independent computation, the SGD step,
// determinism, buffer reuse, a tiny learning problem and argument errors.
import { describe, expect, it } from 'vitest'
import { Dense } from '../../lib/dense.ts'
import { sigmoid } from '../../lib/losses.ts'
import { matrix, zeros, type Matrix } from '../../lib/matrix.ts'
import { Network } from '../../lib/network.ts'
import { createRng } from '../../lib/rng.ts'

function random(rows: number, cols: number, seed: number): Matrix {
  const rng = createRng(seed), m = zeros(rows, cols)
  for (let i = 0; i < m.data.length; i++) m.data[i] = rng.normal()
  return m
}

function makeNet(seed: number, dropRate = 0, lambda = 0) {
  const rng = createRng(seed)
  return new Network([
    new Dense({ inputDim: 3, units: 6, activation: 'relu', initializer: 'heNormal', regularizer: 'l2', dropRate, rng: rng.fork() }),
    new Dense({ inputDim: 6, units: 4, activation: 'tanh', dropRate, rng: rng.fork() }),
    new Dense({ inputDim: 4, units: 2, rng: rng.fork() }),
  ], { loss: 'mse', lambda })
}

describe('Network', () => {
  const x = random(8, 3, 1), y = random(8, 2, 2)

  it('loss() is the mean data loss plus λ·ΣR(W), computed independently with nested loops', () => {
    const net = makeNet(3, 0, 0.1)
    let h: number[][] = Array.from({ length: 8 }, (_, i) => Array.from(x.data.subarray(i * 3, i * 3 + 3)))
    const f = [(v: number) => Math.max(v, 0), Math.tanh, (v: number) => v]
    net.layers.forEach((layer, l) => {
      h = h.map((row) => Array.from({ length: layer.units }, (_, j) =>
        f[l](row.reduce((s, v, k) => s + v * layer.w.data[k * layer.units + j], layer.b.data[j]))))
    })
    const data = h.flat().reduce((s, v, k) => s + (v - y.data[k]) ** 2, 0) / 16
    const penalty = 0.1 * Array.from(net.layers[0].w.data).reduce((s, v) => s + v * v, 0) // only layer 0 has l2
    const parts = net.loss(x, y)
    expect(parts.data).toBeCloseTo(data, 14)
    expect(parts.penalty).toBeCloseTo(penalty, 14)
    expect(parts.total).toBe(parts.data + parts.penalty)
  })

  it('predict() is the evaluation-mode output, as a fresh matrix the next call does not overwrite', () => {
    const net = makeNet(4, 0.5)
    const p1 = net.predict(x)
    const copy = Array.from(p1.data)
    net.predict(random(8, 3, 9))
    expect(Array.from(p1.data)).toEqual(copy)
    expect(Array.from(net.forward(x, { training: false }).data)).toEqual(copy)
    expect(Array.from(net.forward(x, { training: true }).data)).not.toEqual(copy)
  })

  it('step() returns the total loss before the update and applies W ← W − α·gradients', () => {
    const net = makeNet(5, 0, 0.05), alpha = 0.07
    const grads = net.gradients(x, y, { training: true })
    const lossBefore = net.loss(x, y).total
    const before = net.layers.map((l) => [Array.from(l.w.data), Array.from(l.b.data)])
    expect(net.step(x, y, { learningRate: alpha })).toBe(lossBefore)
    net.layers.forEach((layer, i) => {
      layer.w.data.forEach((v, k) => expect(v).toBe(before[i][0][k] - alpha * grads[i].w.data[k]))
      layer.b.data.forEach((v, k) => expect(v).toBe(before[i][1][k] - alpha * grads[i].b.data[k]))
    })
    expect(net.loss(x, y).total).toBeLessThan(lossBefore)
  })

  it('is deterministic: the same seed gives identical losses and weights after 50 steps with dropout', () => {
    const run = (seed: number) => {
      const net = makeNet(seed, 0.3, 0.01)
      const losses = Array.from({ length: 50 }, () => net.step(x, y, { learningRate: 0.05 }))
      return { losses, weights: net.layers.map((l) => Array.from(l.w.data)) }
    }
    expect(run(7)).toEqual(run(7))
    expect(run(7).losses).not.toEqual(run(8).losses)
  })

  it('reuses every buffer after the first step', () => {
    const net = makeNet(6, 0.2, 0.1)
    net.step(x, y, { learningRate: 0.01 })
    const buffers = () => net.layers.flatMap((l) => [l.z, l.a, l.mask, l.act.a, l.act.da_dz, l.dz, l.gradW, l.gradB, l.w, l.b])
    const first = buffers()
    net.step(x, y, { learningRate: 0.01 })
    net.step(x, y, { learningRate: 0.01 })
    buffers().forEach((m, i) => expect(m).toBe(first[i]))
  })

  it('learns XOR: a 2-8-1 tanh network with binary cross-entropy', () => {
    const rng = createRng(2)
    const net = new Network([
      new Dense({ inputDim: 2, units: 8, activation: 'tanh', rng }),
      new Dense({ inputDim: 8, units: 1, rng }),
    ], { loss: 'binaryCrossEntropy' })
    const xs = matrix(4, 2, [[0, 0], [0, 1], [1, 0], [1, 1]]), ys = matrix(4, 1, [0, 1, 1, 0])
    for (let i = 0; i < 1000; i++) net.step(xs, ys, { learningRate: 0.5 })
    expect(net.loss(xs, ys).data).toBeLessThan(0.05)
    expect(Array.from(sigmoid(net.predict(xs)).data, (p) => (p > 0.5 ? 1 : 0))).toEqual([0, 1, 1, 0])
  })
})

describe('Network errors say what was given and what was expected', () => {
  const rng = createRng(1)
  const a = new Dense({ inputDim: 2, units: 16, rng }), b = new Dense({ inputDim: 8, units: 1, rng })

  it('rejects layers whose shapes do not chain', () => {
    expect(() => new Network([a, b])).toThrow(/layer 1 has inputDim 8, expected 16 \(the units of layer 0\)/)
  })
  it('rejects an empty network and things that are not layers', () => {
    expect(() => new Network([])).toThrow(/expected a non-empty array of Dense layers, got an empty array/)
    expect(() => new Network([a, {} as Dense])).toThrow(/layer 1 is .*expected a Dense layer/)
  })
  it('rejects unknown losses, listing the known ones', () => {
    expect(() => new Network([a], { loss: 'crossEntropy' as never })).toThrow(
      /unknown loss "crossEntropy"; expected one of mse, binaryCrossEntropy, softmaxCrossEntropy/,
    )
  })
  it('rejects a negative or non-finite lambda', () => {
    expect(() => new Network([a], { lambda: -0.1 })).toThrow(/lambda must be a finite number ≥ 0, got -0.1/)
    expect(() => new Network([a], { lambda: NaN })).toThrow(/got NaN/)
  })
  it('checks inputs, targets and the learning rate', () => {
    const net = new Network([a])
    expect(() => net.predict(zeros(3, 5))).toThrow(/input is 3×5, expected 2 columns/)
    expect(() => net.loss(zeros(3, 2), zeros(3, 2))).toThrow(/output is 3×16 but the targets are 3×2/)
    expect(() => net.step(zeros(3, 2), zeros(3, 16), { learningRate: -1 })).toThrow(/learningRate must be a finite number ≥ 0, got -1/)
  })
})
