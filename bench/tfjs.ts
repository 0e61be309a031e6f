/**
 * The TensorFlow.js references for `npm run bench` (devDependencies, never shipped to readers):
 * the same networks and products on the CPU backend (plain JavaScript) and the WASM backend
 * (XNNPACK, SIMD; one thread in Node). Both run in this process; `enter(backend)` switches.
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import * as tf from '@tensorflow/tfjs-core'
import '@tensorflow/tfjs-backend-cpu'
// tfjs-core alone has no gradient for several ops ("gradient function not found for RealDiv");
// importing tfjs-layers registers them.
import '@tensorflow/tfjs-layers'
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm'
import type { Matrix, Network } from '../lib/index.ts'

export type Backend = 'cpu' | 'wasm'

/** Registers the WASM files (a file path in Node) and initialises both backends. */
export async function initTfjs(): Promise<Record<string, string>> {
  const dist = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm'))
  setWasmPaths(join(dist, '/'))
  tf.env().set('PROD', true) // production mode, as a shipped app would run (also silences tfjs's banner)
  for (const b of ['wasm', 'cpu'] as const) await enter(b)
  await enter('wasm')
  return {
    version: tf.version_core,
    wasmSimd: String(tf.env().getBool('WASM_HAS_SIMD_SUPPORT')),
    wasmThreads: String(tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT')),
  }
}

/** Makes `backend` current (tensors stay with the backend they were created on). */
export async function enter(backend: Backend): Promise<void> {
  if (tf.getBackend() !== backend && !(await tf.setBackend(backend))) {
    throw new Error(`TensorFlow.js backend ${backend} failed to initialise`)
  }
}

const tensor = (m: Matrix): tf.Tensor2D => tf.tensor2d(Float32Array.from(m.data), [m.rows, m.cols])

const ACT: Record<string, (x: tf.Tensor) => tf.Tensor> = {
  linear: (x) => x, tanh: tf.tanh, relu: tf.relu, sigmoid: tf.sigmoid,
}

/**
 * A training step equivalent to `net.step(x, y, { learningRate })` for a network without dropout
 * or penalty: dense layers starting from the engine's own initial weights (rounded to float32),
 * the same activations and loss, plain SGD through `optimizer.minimize`. Create it with `backend`
 * current; the step returns the loss before the update, like the engine's.
 */
export function tfjsStep(net: Network, x: Matrix, y: Matrix, learningRate: number): () => number {
  const layers = net.layers.map((l) => {
    if (!(l.activation in ACT) || l.dropRate !== 0) throw new Error(`no tfjs reference for ${l.activation}`)
    return { w: tf.variable(tensor(l.w)), b: tf.variable(tf.tensor1d(Float32Array.from(l.b.data))), f: ACT[l.activation] }
  })
  const xs = tensor(x), ys = tensor(y)
  const loss =
    net.lossName === 'mse' ? (out: tf.Tensor) => tf.losses.meanSquaredError(ys, out)
    : net.lossName === 'softmaxCrossEntropy' ? (out: tf.Tensor) => tf.losses.softmaxCrossEntropy(ys, out)
    : undefined
  if (!loss) throw new Error(`no tfjs reference for the loss ${net.lossName}`)
  const optimizer = tf.train.sgd(learningRate)
  const vars = layers.flatMap((l) => [l.w, l.b])
  const forwardLoss = (): tf.Scalar => {
    let h: tf.Tensor = xs
    for (const l of layers) h = l.f(tf.add(tf.matMul(h, l.w), l.b))
    return loss(h) as tf.Scalar
  }
  return () => {
    const cost = optimizer.minimize(forwardLoss, true, vars)!
    const value = cost.dataSync()[0] // the engine returns its loss as a number too
    cost.dispose()
    return value
  }
}

/**
 * One product out = op(A)·op(B) of the given form, shapes m×k times k×n (operands stored as the
 * form needs: Aᵀ·B stores A as k×m, A·Bᵀ stores B as n×k), through `tf.matMul`'s transpose flags.
 */
export function tfjsProduct(form: 'AB' | 'TN' | 'NT', m: number, k: number, n: number): () => void {
  const a = form === 'TN' ? tf.randomNormal([k, m]) : tf.randomNormal([m, k])
  const b = form === 'NT' ? tf.randomNormal([n, k]) : tf.randomNormal([k, n])
  return () => tf.matMul(a, b, form === 'TN', form === 'NT').dispose()
}

/** Live tensor count, to show that the reference steps leak nothing. */
export const liveTensors = (): number => tf.memory().numTensors
