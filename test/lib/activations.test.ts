// Activations against closed forms and central differences; the conventions at the kinks.
import { describe, expect, it } from 'vitest'
import { ACTIVATIONS, logistic, type ActivationName } from '../../lib/activations.ts'
import { matrix } from '../../lib/matrix.ts'
import { createRng } from '../../lib/rng.ts'

/** Independent scalar definitions (the maths, written the plain way). */
const REFERENCE: Record<ActivationName, (z: number) => number> = {
  linear: (z) => z,
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
  tanh: (z) => (Math.exp(2 * z) - 1) / (Math.exp(2 * z) + 1),
  relu: (z) => (z > 0 ? z : 0),
  leakyRelu: (z) => (z > 0 ? z : 0.01 * z),
}

const names = Object.keys(REFERENCE) as ActivationName[]

describe('ACTIVATIONS', () => {
  it('has the five names of DESIGN.md', () => {
    expect(Object.keys(ACTIVATIONS).sort()).toEqual([...names].sort())
  })

  for (const name of names) {
    it(`${name}: values match the closed form and derivatives match central differences`, () => {
      const rng = createRng(11)
      const z = matrix(50, 40)
      for (let i = 0; i < z.data.length; i++) {
        do z.data[i] = 6 * rng.normal()
        while (Math.abs(z.data[i]) < 1e-3) // away from the kinks of relu and leakyRelu
      }
      const { a, da_dz } = ACTIVATIONS[name](z)
      expect([a.rows, a.cols, da_dz.rows, da_dz.cols]).toEqual([50, 40, 50, 40])
      const f = REFERENCE[name], h = 1e-6
      for (let i = 0; i < z.data.length; i++) {
        const v = z.data[i]
        expect(a.data[i]).toBeCloseTo(f(v), 14)
        const numeric = (f(v + h) - f(v - h)) / (2 * h)
        expect(Math.abs(da_dz.data[i] - numeric)).toBeLessThanOrEqual(1e-8 * Math.max(1, Math.abs(numeric)))
      }
    })
  }

  it('relu′(0) = 0 and leakyRelu′(0) = 0.01 (the negative side), as documented', () => {
    const z = matrix(1, 3, [0, -0, 1e-300])
    expect(Array.from(ACTIVATIONS.relu(z).da_dz.data)).toEqual([0, 0, 1])
    expect(Array.from(ACTIVATIONS.relu(z).a.data)).toEqual([0, 0, 1e-300])
    expect(Array.from(ACTIVATIONS.leakyRelu(z).da_dz.data)).toEqual([0.01, 0.01, 1])
  })

  it('sigmoid stays finite and exact for large |z|, and σ(z) + σ(−z) = 1', () => {
    const z = matrix(1, 6, [-1000, -800, -40, 40, 800, 1000])
    const { a, da_dz } = ACTIVATIONS.sigmoid(z)
    expect(a.data.every(Number.isFinite) && da_dz.data.every(Number.isFinite)).toBe(true)
    expect(a.data[0]).toBe(0)
    expect(a.data[2]).toBeCloseTo(Math.exp(-40), 30) // e^-40/(1+e^-40), relative error ~1e-16
    expect(Math.abs(a.data[2] / Math.exp(-40) - 1)).toBeLessThan(1e-15)
    expect(a.data[5]).toBe(1)
    for (const v of [-30, -2.5, 0, 0.1, 7]) expect(logistic(v) + logistic(-v)).toBeCloseTo(1, 15)
  })

  it('tanh′ = 1 − tanh² saturates at 0 for large |z|', () => {
    const { a, da_dz } = ACTIVATIONS.tanh(matrix(1, 2, [-50, 50]))
    expect(Array.from(a.data)).toEqual([-1, 1])
    expect(Array.from(da_dz.data)).toEqual([0, 0])
  })

  it('NaN propagates instead of reading as a dead unit', () => {
    for (const name of names) {
      const { a } = ACTIVATIONS[name](matrix(1, 1, [NaN]))
      expect(a.data[0]).toBeNaN()
    }
  })

  it('reuses the buffers of `out` when shapes match, and replaces them when not', () => {
    const out = {}
    const z = matrix(2, 3, [1, -2, 3, -4, 5, -6])
    const r1 = ACTIVATIONS.relu(z, out)
    const { a, da_dz } = r1
    const r2 = ACTIVATIONS.tanh(z, out)
    expect(r2).toBe(out)
    expect(r2.a).toBe(a)
    expect(r2.da_dz).toBe(da_dz)
    expect(r2.a.data[0]).toBeCloseTo(Math.tanh(1), 15)
    const r3 = ACTIVATIONS.linear(matrix(1, 2, [3, 4]), out)
    expect(r3.a).not.toBe(a)
    expect(Array.from(r3.a.data)).toEqual([3, 4])
    expect(Array.from(r3.da_dz.data)).toEqual([1, 1])
  })
})
