// End-to-end learning: the engine, the datasets and the training loop together solve small tasks
// within a stated budget of epochs. Budgets were set with margin over measured runs (noted below).
import { describe, expect, it } from 'vitest'
import { regression1d, trainTestSplit, twoMoons } from '../../lib/datasets.ts'
import { Dense } from '../../lib/dense.ts'
import { LOSSES } from '../../lib/losses.ts'
import { Network } from '../../lib/network.ts'
import { createRng } from '../../lib/rng.ts'
import { train } from '../../lib/train.ts'

describe('learning', () => {
  // Measured for seeds 1–6: 95% first reached at epoch 18–50; 99.5–100% at epoch 100.
  it.each([1, 2, 3])('a 2-16-16-1 ReLU network separates two moons (≥ 95%% train accuracy) within 100 epochs (seed %i)', (seed) => {
    const rng = createRng(seed)
    const network = new Network([
      new Dense({ inputDim: 2, units: 16, activation: 'relu', initializer: 'heNormal', rng }),
      new Dense({ inputDim: 16, units: 16, activation: 'relu', initializer: 'heNormal', rng }),
      new Dense({ inputDim: 16, units: 1, rng }),
    ], { loss: 'binaryCrossEntropy' })
    const data = twoMoons({ n: 200, noise: 0.1, rng: createRng(100 + seed) })
    const { history, divergence } = train({ network, train: data, epochs: 100, batchSize: 32, learningRate: 0.1, rng: rng.fork() })
    expect(divergence).toBeNull()
    expect(history[0].trainAccuracy).toBeLessThan(0.95) // it had something to learn
    expect(history[100].trainAccuracy).toBeGreaterThanOrEqual(0.95)
  })

  // noise σ = 0.1 on 1000 test points: the noise part of the test MSE, σ²·χ²₁₀₀₀/1000, has relative
  // standard deviation √(2/1000) ≈ 4.5%, so ±15% is more than 3 of them plus a small fit error.
  it('a linear model fits the noisy line: test MSE within ±15% of the noise variance after 20 epochs, weights near the truth', () => {
    const sigma = 0.1
    const data = regression1d({ n: 2000, noise: sigma, degree: 1, target: 'line', rng: createRng(7) })
    const { train: trainSet, test } = trainTestSplit(data, 0.5, createRng(8))
    const network = new Network([new Dense({ inputDim: 1, units: 1, rng: createRng(9) })], { loss: 'mse' })
    const { history } = train({ network, train: trainSet, test, epochs: 20, batchSize: 32, learningRate: 0.05, rng: createRng(10) })
    expect(history[20].testLoss! / sigma ** 2).toBeGreaterThan(0.85)
    expect(history[20].testLoss! / sigma ** 2).toBeLessThan(1.15)
    // The feature is t·√3 (standardised), so y = 0.8t − 0.2 means w = 0.8/√3, b = −0.2.
    expect(network.layers[0].w.data[0]).toBeCloseTo(0.8 / Math.sqrt(3), 1)
    expect(network.layers[0].b.data[0]).toBeCloseTo(-0.2, 1)
  })

  // Measured with this set-up on three seed sets: test MSE 0.97–1.05 σ², error against the noiseless
  // curve 0.04–0.06 σ² (0.06–0.24 σ² on other splits: plain SGD with a constant rate is slow here).
  it('a 3-16-16-1 tanh network fits sin(πt) from cubic features: test MSE ≤ 1.25 σ² after 200 epochs', () => {
    const sigma = 0.1
    const data = regression1d({ n: 1000, noise: sigma, degree: 3, target: 'sine', rng: createRng(12) })
    const { train: trainSet, test } = trainTestSplit(data, 0.5, createRng(2))
    const rng = createRng(2)
    const network = new Network([
      new Dense({ inputDim: 3, units: 16, activation: 'tanh', rng }),
      new Dense({ inputDim: 16, units: 16, activation: 'tanh', rng }),
      new Dense({ inputDim: 16, units: 1, rng }),
    ], { loss: 'mse' })
    const { history } = train({ network, train: trainSet, test, epochs: 200, batchSize: 8, learningRate: 0.05, rng: createRng(3) })
    expect(history[0].testLoss!).toBeGreaterThan(10 * sigma ** 2) // the untrained network is far off
    expect(history[200].testLoss!).toBeLessThanOrEqual(1.25 * sigma ** 2)
    const noiseless = { rows: test.x.rows, cols: 1, data: test.noiseless! }
    expect(LOSSES.mse(network.predict(test.x), noiseless).loss).toBeLessThan(0.25 * sigma ** 2)
  })
})
