import { describe, expect, it } from 'vitest'
import { createRng } from '../../lib/rng.ts'
import { tanh } from '../../lib/tanh.ts'

/** Distance in units in the last place between two doubles of the same sign. */
function ulps(a: number, b: number): number {
  const view = new DataView(new ArrayBuffer(16))
  view.setFloat64(0, a)
  view.setFloat64(8, b)
  return Number(view.getBigInt64(0) - view.getBigInt64(8)) * (a < 0 ? -1 : 1)
}

describe('tanh', () => {
  it('is within 2 ulps of Math.tanh over 10⁶ inputs spanning every branch', () => {
    const rng = createRng(2024)
    let worst = 0
    for (let i = 0; i < 1e6; i++) {
      // Log-uniform magnitudes from 1e-12 to 40, both signs: covers the rational part, the exp part and the ±1 tail.
      const x = (rng.uniform() < 0.5 ? -1 : 1) * 10 ** (-12 + 13.6 * rng.uniform())
      const d = Math.abs(ulps(tanh(x), Math.tanh(x)))
      if (d > worst) worst = d
    }
    expect(worst).toBeLessThanOrEqual(2)
  })

  it('handles the edges: ±0, the branch points, ±22, ±Infinity and NaN', () => {
    expect(Object.is(tanh(0), 0)).toBe(true)
    expect(Object.is(tanh(-0), -0)).toBe(true)
    for (const x of [0.625, -0.625, 0.6249999999999999, 21.999999999999996, 22, -22, 1e300]) {
      expect(Math.abs(ulps(tanh(x), Math.tanh(x)))).toBeLessThanOrEqual(2)
    }
    expect(tanh(Infinity)).toBe(1)
    expect(tanh(-Infinity)).toBe(-1)
    expect(tanh(NaN)).toBeNaN()
  })

  it('is odd: tanh(−x) = −tanh(x) exactly', () => {
    const rng = createRng(7)
    for (let i = 0; i < 1e4; i++) {
      const x = 30 * (rng.uniform() - 0.5)
      expect(tanh(-x)).toBe(-tanh(x))
    }
  })
})
