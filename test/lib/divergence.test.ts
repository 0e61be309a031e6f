import { describe, expect, it } from 'vitest'
import { twoMoons } from '../../lib/datasets.ts'
import { Dense } from '../../lib/dense.ts'
import { checkStep, firstNonFinite, type LayerFields } from '../../lib/divergence.ts'
import { matrix, type Matrix } from '../../lib/matrix.ts'
import { Network } from '../../lib/network.ts'
import { createRng } from '../../lib/rng.ts'
import { trainSteps, type TrainResult } from '../../lib/train.ts'

const FIELDS = { input: 'x', preActivation: 'z', activation: 'a', gradW: 'gradW', gradB: 'gradB', w: 'w', b: 'b' } as const

/** Naive reference: every entry of every field of every layer, and the loss, with Number.isFinite. */
function allFinite(layers: LayerFields[]): boolean {
  return layers.every((l) => (['x', 'z', 'a', 'gradW', 'gradB', 'w', 'b'] as const).every((k) => !l[k] || l[k]!.data.every(Number.isFinite)))
}

function fakeLayer(): LayerFields {
  const m = () => matrix(2, 3, [1, 2, 3, 4, 5, 6])
  return { x: m(), z: m(), a: m(), gradW: m(), gradB: matrix(1, 3), w: m(), b: matrix(1, 3) }
}

describe('firstNonFinite', () => {
  it('finds the first NaN or ±Infinity and returns −1 when there is none', () => {
    expect(firstNonFinite(Float64Array.of(1, 2, 3))).toBe(-1)
    expect(firstNonFinite(Float64Array.of(1, -Infinity, NaN))).toBe(1)
    expect(firstNonFinite(Float64Array.of(0, 1e308, NaN))).toBe(2)
    expect(firstNonFinite(new Float64Array(0))).toBe(-1)
  })
})

describe('checkStep', () => {
  it('returns null when everything is finite', () => {
    expect(checkStep([fakeLayer(), fakeLayer()], 0.3, 5)).toBeNull()
  })

  it('names quantity, 1-based layer, entry and step, with a sentence', () => {
    const layers = [fakeLayer(), fakeLayer(), fakeLayer()]
    layers[1].gradW.data[4] = NaN
    expect(checkStep(layers, 0.3, 12, 2)).toEqual({
      quantity: 'gradW', layer: 2, step: 12, epoch: 2, value: NaN, row: 1, col: 1,
      message: "Layer 2's weight gradients became NaN (not a number) at step 12.",
    })
    expect(checkStep([fakeLayer()], Infinity, 37)?.message).toBe('The loss overflowed to +∞ at step 37.')
  })

  it('reports the earliest quantity in computation order, not a later consequence', () => {
    const layers = [fakeLayer(), fakeLayer()]
    layers[1].a!.data[0] = Infinity // forward, layer 2
    layers[0].gradW.data[0] = NaN // backward, layer 1
    layers[0].w.data[0] = NaN // update
    expect(checkStep(layers, NaN, 3)).toMatchObject({ quantity: 'activation', layer: 2 })
    layers[1].a!.data[0] = 1
    expect(checkStep(layers, NaN, 3)).toMatchObject({ quantity: 'loss', layer: null, value: NaN })
    expect(checkStep(layers, 1, 3)).toMatchObject({ quantity: 'gradW', layer: 1 })
    layers[0].gradW.data[0] = 0
    expect(checkStep(layers, 1, 3)?.message).toBe("Layer 1's weights became NaN (not a number) at step 3.")
    layers[0].x!.data[5] = -Infinity
    expect(checkStep(layers, 1, 3)?.message).toBe('The input overflowed to −∞ at step 3.')
  })
})

describe('divergence during training', () => {
  // With mse the squared error overflows first (the loss is named); with the cross-entropy on logits
  // the loss stays finite, so a layer's pre-activations go first (Inf − Inf = NaN inside x·W).
  it.each([
    { activation: 'relu', loss: 'mse', names: 'the loss' },
    { activation: 'leakyRelu', loss: 'binaryCrossEntropy', names: 'a layer' },
  ] as const)('learning rate 1e3, $activation + $loss: caught the very step it happens, naming $names and the step, without an exception', ({ activation, loss, names }) => {
    const rng = createRng(1)
    const network = new Network([
      new Dense({ inputDim: 2, units: 16, activation, initializer: 'heNormal', rng }),
      new Dense({ inputDim: 16, units: 16, activation, initializer: 'heNormal', rng }),
      new Dense({ inputDim: 16, units: 1, rng }),
    ], { loss })
    const data = twoMoons({ n: 200, noise: 0.1, rng: createRng(2) })
    const gen = trainSteps({ network, train: data, epochs: 50, batchSize: 32, learningRate: 1e3, rng: createRng(3) })
    let lastFiniteStep = 0
    let next = gen.next()
    for (; !next.done; next = gen.next()) {
      if (next.value.type === 'step') {
        expect(allFinite(network.layers)).toBe(true) // independent check of the state after each step
        expect(Number.isFinite(next.value.loss)).toBe(true)
        lastFiniteStep = next.value.step
      }
    }
    const { divergence, steps } = next.value as TrainResult
    expect(divergence).not.toBeNull()
    expect(divergence!.layer === null ? 'the loss' : 'a layer').toBe(names)
    expect(divergence!.step).toBe(lastFiniteStep + 1)
    expect(steps).toBe(divergence!.step)
    expect(divergence!.message).toMatch(/^(The loss|Layer \d's [a-z -]+) (became NaN \(not a number\)|overflowed to [+−]∞) at step \d+\.$/)
    expect(Number.isFinite(divergence!.value)).toBe(false)
    if (divergence!.quantity === 'loss') {
      // The loss comes after the forward pass: every z and a of this step must have been finite.
      for (const l of network.layers) expect([...l.z!.data, ...l.a!.data].every(Number.isFinite)).toBe(true)
    } else {
      // The named value really is non-finite now, where the report says.
      const m = network.layers[divergence!.layer! - 1][FIELDS[divergence!.quantity]] as Matrix
      expect(m.data[divergence!.row! * m.cols + divergence!.col!]).toBe(divergence!.value)
    }
  })
})
