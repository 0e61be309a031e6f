import { describe, expect, it } from 'vitest'
import { twoMoons, trainTestSplit } from '../../lib/datasets.ts'
import { Dense } from '../../lib/dense.ts'
import { matrix, type Matrix } from '../../lib/matrix.ts'
import { Network } from '../../lib/network.ts'
import { createRng } from '../../lib/rng.ts'
import { accuracy, evaluate, type Progress, train, trainSteps } from '../../lib/train.ts'

function moonsNet(seed: number, loss: 'mse' | 'binaryCrossEntropy' = 'binaryCrossEntropy', dropRate = 0) {
  const rng = createRng(seed)
  return new Network([
    new Dense({ inputDim: 2, units: 8, activation: 'tanh', dropRate, rng }),
    new Dense({ inputDim: 8, units: 1, rng }),
  ], { loss })
}
const moons = twoMoons({ n: 100, noise: 0.1, rng: createRng(1) })
const { train: trainSet, test: testSet } = trainTestSplit(moons, 0.3, createRng(2))

/** A stand-in network that trains nothing and records the rows (by their first feature) of every batch. */
function spyNetwork() {
  const batches: number[][] = []
  const net = {
    layers: [], lossName: 'mse',
    predict: (x: Matrix) => matrix(x.rows, 1),
    step: (x: Matrix) => (batches.push(Array.from({ length: x.rows }, (_, i) => x.data[i * x.cols])), 0.5),
  }
  return { net: net as unknown as Network, batches }
}

describe('trainSteps: minibatches and events', () => {
  const rows = 10
  const data = { x: matrix(rows, 2, Array.from({ length: 2 * rows }, (_, i) => Math.floor(i / 2))), y: matrix(rows, 1) }

  it('visits every row exactly once per epoch in batches of batchSize (last one shorter), reshuffled each epoch', () => {
    const { net, batches } = spyNetwork()
    const result = train({ network: net, train: data, epochs: 3, batchSize: 4, learningRate: 0.1, rng: createRng(5) })
    expect(batches.map((b) => b.length)).toEqual([4, 4, 2, 4, 4, 2, 4, 4, 2])
    const epochs = [0, 1, 2].map((e) => batches.slice(3 * e, 3 * e + 3).flat())
    for (const rowsSeen of epochs) expect([...rowsSeen].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(epochs[0]).not.toEqual(epochs[1])
    expect(result.steps).toBe(9)
  })

  it('yields epoch 0, then per epoch its steps and its record; history has epochs + 1 rows', () => {
    const { net } = spyNetwork()
    const events: Progress[] = []
    const gen = trainSteps({ network: net, train: data, epochs: 2, batchSize: 5, learningRate: 0.1, rng: createRng(5) })
    let next = gen.next()
    for (; !next.done; next = gen.next()) events.push(next.value)
    const kinds = events.map((e) => (e.type === 'epoch' ? `E${e.record.epoch}` : e.type === 'step' ? `s${e.step}` : 'D'))
    expect(kinds).toEqual(['E0', 's1', 's2', 'E1', 's3', 's4', 'E2'])
    expect(next.value.history.map((h) => [h.epoch, h.step])).toEqual([[0, 0], [1, 2], [2, 4]])
    expect(next.value.history[1].meanStepLoss).toBe(0.5) // the spy's step always returns 0.5
  })

  it('stops between steps when the caller stops asking', () => {
    const { net, batches } = spyNetwork()
    const gen = trainSteps({ network: net, train: data, epochs: 100, batchSize: 1, learningRate: 0.1, rng: createRng(5) })
    for (let i = 0; i < 4; i++) gen.next() // epoch 0, then steps 1..3
    gen.return(undefined as never)
    expect(batches.length).toBe(3)
    expect(gen.next().done).toBe(true)
  })

  it('rejects bad arguments with what was given and what was expected', () => {
    const { net } = spyNetwork()
    const base = { network: net, train: data, learningRate: 0.1, rng: createRng(1) }
    expect(() => train({ ...base, epochs: 1.5 })).toThrow(/epochs = 1.5; expected an integer ≥ 0/)
    expect(() => train({ ...base, epochs: 1, batchSize: 0 })).toThrow(/batchSize = 0; expected an integer ≥ 1/)
    expect(() => train({ ...base, epochs: 1, train: { x: data.x, y: matrix(3, 1) } })).toThrow(/x has 10 rows but y has 3/)
  })
})

describe('train on a real network', () => {
  const run = (netSeed: number, shuffleSeed: number, dropRate = 0) => {
    const network = moonsNet(netSeed, 'binaryCrossEntropy', dropRate)
    const result = train({ network, train: trainSet, test: testSet, epochs: 5, batchSize: 16, learningRate: 0.5, rng: createRng(shuffleSeed) })
    return { network, result }
  }

  it('keeps train and test loss and accuracy per epoch, matching an independent evaluation of the final network', () => {
    const { network, result } = run(1, 2)
    expect(result.history.length).toBe(6)
    expect(result.steps).toBe(5 * Math.ceil(70 / 16))
    const last = result.history[5]
    expect(last.trainLoss).toBe(network.loss(trainSet.x, trainSet.y).data)
    expect(last.testLoss).toBe(network.loss(testSet.x, testSet.y).data)
    const logits = network.predict(testSet.x)
    const right = testSet.labels!.filter((l, i) => (logits.data[i] > 0 ? 1 : 0) === l).length
    expect(last.testAccuracy).toBe(right / 30)
    expect(result.history[0].trainLoss).toBeGreaterThan(last.trainLoss)
  })

  it('is deterministic: same seeds → identical curves and weights (dropout included); other seeds → different', () => {
    const a = run(1, 2, 0.2)
    const b = run(1, 2, 0.2)
    expect(b.result.history).toEqual(a.result.history)
    expect(b.network.layers[0].w.data).toEqual(a.network.layers[0].w.data)
    expect(run(1, 3, 0.2).result.history).not.toEqual(a.result.history) // other shuffles
    expect(run(4, 2, 0.2).result.history).not.toEqual(a.result.history) // other initial weights
  })
})

describe('accuracy', () => {
  const y = matrix(4, 1, [1, 0, 1, 0])
  it('binary: logits > 0 for cross-entropy, outputs > ½ for mse', () => {
    expect(accuracy(matrix(4, 1, [0.1, -0.1, -3, 0.4]), y, 'binary', 'binaryCrossEntropy')).toBe(0.5)
    expect(accuracy(matrix(4, 1, [0.6, 0.4, 0.3, 0.49]), y, 'binary', 'mse')).toBe(0.75)
  })
  it('multiclass: argmax of output vs argmax of one-hot target; regression: null', () => {
    const out = matrix(3, 3, [[2, 1, 0], [0, 5, 9], [1, 3, 2]])
    expect(accuracy(out, matrix(3, 3, [[1, 0, 0], [0, 1, 0], [0, 1, 0]]), 'multiclass', 'softmaxCrossEntropy')).toBeCloseTo(2 / 3, 15)
    expect(accuracy(out, out, 'regression', 'mse')).toBeNull()
  })
  it('evaluate reports the mean data loss without dropout', () => {
    const network = moonsNet(3, 'mse', 0.5)
    expect(evaluate(network, testSet, 'binary').loss).toBe(network.loss(testSet.x, testSet.y, { training: false }).data)
  })
})
