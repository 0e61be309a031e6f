// The training loop: minibatch SGD over epochs, rows reshuffled (seeded) every epoch, progress
// yielded from a generator so a Web Worker can stream it and stop between any two steps.
import { checkStep, type Divergence } from './divergence.ts'
import { LOSSES, type LossName } from './losses.ts'
import { type Matrix, reuse } from './matrix.ts'
import type { Network } from './network.ts'
import type { Rng } from './rng.ts'

/** What the outputs mean, for accuracy: one {0, 1} target per row, one-hot classes, or numbers. */
export type Task = 'binary' | 'multiclass' | 'regression'
type Data = { x: Matrix; y: Matrix; kind?: Task }

const TASK_OF_LOSS: Record<LossName, Task> = { mse: 'regression', binaryCrossEntropy: 'binary', softmaxCrossEntropy: 'multiclass' }

/** `batchSize` defaults to the whole training set; `rng` shuffles the rows every epoch; `task`
 * defaults to `train.kind`, else follows the loss (mse → regression, the cross-entropies → classes). `yieldEvery: 'epoch'` skips
 * the per-step events (cheaper when only curves are drawn). */
export type TrainOptions = {
  network: Network; train: Data; test?: Data; epochs: number; learningRate: number; rng: Rng
  batchSize?: number; task?: Task; yieldEvery?: 'step' | 'epoch'
}

/** One row of the history. Epoch 0 is the untrained network. Losses are mean DATA losses of the
 * whole set in evaluation mode (no dropout, no penalty), so train and test compare directly;
 * `meanStepLoss` is the mean of the objective the epoch's steps minimised (data + penalty, training
 * mode). Accuracy is null for regression; test fields are null without a test set. */
export type EpochRecord = {
  epoch: number; step: number; trainLoss: number; trainAccuracy: number | null
  testLoss: number | null; testAccuracy: number | null; meanStepLoss: number | null
}

/** Events of {@link trainSteps}, in order: epoch 0, then per epoch its steps and its record. */
export type Progress =
  | { type: 'step'; epoch: number; step: number; loss: number }
  | { type: 'epoch'; record: EpochRecord }
  | { type: 'diverged'; divergence: Divergence }

/** The history, the number of steps taken, and the divergence that stopped training (or null). */
export type TrainResult = { history: EpochRecord[]; steps: number; divergence: Divergence | null }

// #region accuracy
/** Fraction of rows predicted right. binary: logits > 0 (cross-entropy; σ(z) > ½) or outputs > ½
 * (mse) against targets > ½; multiclass: argmax of the output row against argmax of the target row. */
export function accuracy(out: Matrix, y: Matrix, task: Task, lossName: string): number | null {
  if (task === 'regression') return null
  const threshold = lossName === 'binaryCrossEntropy' ? 0 : 0.5
  let right = 0
  for (let r = 0; r < out.rows; r++) {
    if (task === 'binary') right += out.data[r] > threshold === y.data[r] > 0.5 ? 1 : 0
    else right += argmax(out.data, r * out.cols, out.cols) === argmax(y.data, r * y.cols, y.cols) ? 1 : 0
  }
  return right / out.rows
}

function argmax(data: Float64Array, start: number, length: number): number {
  let best = 0
  for (let j = 1; j < length; j++) if (data[start + j] > data[start + best]) best = j
  return best
}
// #endregion

/** Mean data loss and accuracy of `network` on a whole set, evaluation mode. */
export function evaluate(network: Network, data: Data, task: Task): { loss: number; accuracy: number | null } {
  const out = network.predict(data.x)
  const loss = LOSSES[network.lossName](out, data.y).loss
  return { loss, accuracy: accuracy(out, data.y, task, network.lossName) }
}

// #region training-loop
/** Trains `network` in place, yielding progress; its return value is the {@link TrainResult}. After
 * every step the step's numbers are checked ({@link checkStep}); the first non-finite one ends
 * training with a 'diverged' event. Stopping early (`.return()`, or not calling `.next()`) is safe. */
export function* trainSteps(options: TrainOptions): Generator<Progress, TrainResult, void> {
  const { network, train, test, epochs, learningRate, rng, yieldEvery = 'step' } = options
  const n = train.x.rows
  const batchSize = options.batchSize ?? n
  const task = options.task ?? train.kind ?? TASK_OF_LOSS[network.lossName]
  if (!(Number.isInteger(epochs) && epochs >= 0)) throw new RangeError(`train: epochs = ${epochs}; expected an integer ≥ 0`)
  if (!(Number.isInteger(batchSize) && batchSize >= 1)) throw new RangeError(`train: batchSize = ${batchSize}; expected an integer ≥ 1`)
  if (train.y.rows !== n) throw new RangeError(`train: x has ${n} rows but y has ${train.y.rows}; expected the same`)

  const history: EpochRecord[] = []
  const record = (epoch: number, step: number, meanStepLoss: number | null): EpochRecord => {
    const tr = evaluate(network, train, task)
    const te = test ? evaluate(network, test, task) : null
    const r = { epoch, step, trainLoss: tr.loss, trainAccuracy: tr.accuracy, testLoss: te?.loss ?? null, testAccuracy: te?.accuracy ?? null, meanStepLoss }
    history.push(r)
    return r
  }
  yield { type: 'epoch', record: record(0, 0, null) }

  const order = Int32Array.from({ length: n }, (_, i) => i)
  // Minibatch buffers, allocated once: [0] for full batches, [1] for a shorter last batch.
  const xb: (Matrix | undefined)[] = [undefined, undefined]
  const yb: (Matrix | undefined)[] = [undefined, undefined]
  let step = 0
  for (let epoch = 1; epoch <= epochs; epoch++) {
    rng.shuffle(order)
    let lossSum = 0
    for (let start = 0; start < n; start += batchSize) {
      const size = Math.min(batchSize, n - start)
      const k = size === batchSize ? 0 : 1
      const x = (xb[k] = gatherRows(train.x, order, start, size, xb[k]))
      const y = (yb[k] = gatherRows(train.y, order, start, size, yb[k]))
      const loss = network.step(x, y, { learningRate })
      step++
      lossSum += loss * size
      const divergence = checkStep(network.layers, loss, step, epoch)
      if (divergence) {
        yield { type: 'diverged', divergence }
        return { history, steps: step, divergence }
      }
      if (yieldEvery === 'step') yield { type: 'step', epoch, step, loss }
    }
    yield { type: 'epoch', record: record(epoch, step, lossSum / n) }
  }
  return { history, steps: step, divergence: null }
}
// #endregion

/** Runs {@link trainSteps} to the end and returns its result. */
export function train(options: TrainOptions): TrainResult {
  const steps = trainSteps({ ...options, yieldEvery: 'epoch' })
  for (;;) {
    const next = steps.next()
    if (next.done) return next.value
  }
}

/** Copies rows order[start … start+size) of `m` into `out` (reused when it has the right shape). */
function gatherRows(m: Matrix, order: Int32Array, start: number, size: number, out?: Matrix): Matrix {
  const o = reuse(out, size, m.cols)
  for (let i = 0; i < size; i++) {
    const from = order[start + i] * m.cols
    o.data.set(m.data.subarray(from, from + m.cols), i * m.cols)
  }
  return o
}
