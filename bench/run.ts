/**
 * `npm run bench`: the engine against TensorFlow.js (CPU and WASM backends) in one process.
 *   (a) 2-16-16-1 tanh network, MSE, 512 points (two moons), full-batch SGD — steps/s
 *   (b) 784-128-64-10 relu network, softmax cross-entropy, batch 128, SGD — steps/s
 *   (c) A·B, Aᵀ·B, A·Bᵀ at 256×128×128 and 512×784×128 (m×k×n) — GFLOP/s
 * Prints markdown tables: medians with (min–max) over interleaved trials, and engine ÷ reference.
 * Flags: --quick (fewer, shorter trials), --only=a,c (a subset), --wall (wall-clock instead of
 * this thread's CPU time; see harness.ts).
 */
import { availableParallelism, cpus, loadavg } from 'node:os'
import {
  Dense, Network, createRng, matmul, matmulNT, matmulTN, twoMoons, zeros,
  type ActivationName, type LossName, type Matrix,
} from '../lib/index.ts'
import { type Contender, measure, median, ratio, summary, table } from './harness.ts'
import { type Backend, enter, initTfjs, liveTensors, tfjsProduct, tfjsStep } from './tfjs.ts'

const args = process.argv.slice(2)
const quick = args.includes('--quick')
const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',') ?? ['a', 'b', 'c']
const clock = args.includes('--wall') ? ('wall' as const) : ('cpu' as const)
const opts = { clock, ...(quick ? { trials: 5, trialMs: 150, warmupMs: 300 } : { trials: 11, trialMs: 300, warmupMs: 800 }) }
const BACKENDS: Backend[] = ['cpu', 'wasm']

function randomMatrix(rows: number, cols: number, seed: number): Matrix {
  const rng = createRng(seed), m = zeros(rows, cols)
  for (let i = 0; i < m.data.length; i++) m.data[i] = rng.normal()
  return m
}

/** A fresh engine network of the given widths (seeded), hidden activation, linear output. */
function makeNet(widths: number[], hidden: ActivationName, loss: LossName): Network {
  const rng = createRng(2024)
  const layers = widths.slice(1).map((units, i) => new Dense({
    inputDim: widths[i], units, rng, activation: i === widths.length - 2 ? 'linear' : hidden,
  }))
  return new Network(layers, { loss, lambda: 0 })
}

/** Times engine and tfjs training steps on the same network, data and initial weights. */
async function training(title: string, net: Network, x: Matrix, y: Matrix, lr: number, targets: Record<Backend, number | undefined>): Promise<string> {
  const refs = [] as { backend: Backend; step: () => number }[]
  for (const backend of BACKENDS) {
    await enter(backend)
    refs.push({ backend, step: tfjsStep(net, x, y, lr) }) // built before the engine's first update
  }
  const first = [net.step(x, y, { learningRate: lr })]
  for (const r of refs) {
    await enter(r.backend)
    first.push(r.step())
  }
  const tensorsBefore = liveTensors()
  const contenders: Contender[] = [
    { name: 'engine', run: () => net.step(x, y, { learningRate: lr }), units: 1 },
    ...refs.map((r) => ({ name: `tfjs ${r.backend}`, enter: () => enter(r.backend), run: r.step, units: 1 })),
  ]
  const rates = await measure(contenders, opts)
  if (liveTensors() !== tensorsBefore) throw new Error(`tfjs leaked ${liveTensors() - tensorsBefore} tensors`)
  const rows = contenders.map((c, i) => [
    c.name, summary(rates[i]), first[i].toPrecision(7),
    i === 0 ? '—' : ratio(rates[0], rates[i], targets[refs[i - 1].backend]),
  ])
  return `### ${title}\n\n${table(['implementation', 'steps/s median (min–max)', 'first-step loss', 'engine ÷ this'], rows)}\n`
}

async function products(): Promise<string> {
  const rows: string[][] = []
  const engine = { AB: matmul, TN: matmulTN, NT: matmulNT }
  for (const [m, k, n] of [[256, 128, 128], [512, 784, 128]]) {
    for (const form of ['AB', 'TN', 'NT'] as const) {
      const a = form === 'TN' ? randomMatrix(k, m, 1) : randomMatrix(m, k, 1)
      const b = form === 'NT' ? randomMatrix(n, k, 2) : randomMatrix(k, n, 2)
      const out = zeros(m, n), gflop = (2 * m * k * n) / 1e9
      const contenders: Contender[] = [{ name: 'engine', run: () => engine[form](a, b, out), units: gflop }]
      for (const backend of BACKENDS) {
        await enter(backend)
        contenders.push({ name: backend, enter: () => enter(backend), run: tfjsProduct(form, m, k, n), units: gflop })
      }
      const r = await measure(contenders, opts)
      const ok = median(r[0]) >= 3.5 ? '✓' : '✗'
      const label = { AB: 'A·B', TN: 'Aᵀ·B', NT: 'A·Bᵀ' }[form]
      rows.push([`${m}×${k}×${n}`, label, `${summary(r[0])} ${ok}`, summary(r[1]), summary(r[2]), ratio(r[0], r[1]), ratio(r[0], r[2])])
    }
  }
  const header = ['m×k×n', 'product', 'engine (target ≥ 3.5)', 'tfjs cpu', 'tfjs wasm', 'engine ÷ cpu', 'engine ÷ wasm']
  return `### (c) Matrix products, GFLOP/s median (min–max)\n\n${table(header, rows)}\n`
}

const info = await initTfjs()
console.log(
  `Node ${process.version} · ${cpus()[0]?.model ?? 'unknown CPU'} · ${availableParallelism()} logical CPUs · ` +
    `tfjs ${info.version} (wasm SIMD ${info.wasmSimd}, threads ${info.wasmThreads}) · ` +
    `${opts.trials} trials × ${opts.trialMs} ms of ${clock === 'cpu' ? 'thread CPU' : 'wall-clock'} time, interleaved; ` +
    `engine float64, tfjs float32; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`,
)
if (only.includes('a')) {
  const data = twoMoons({ n: 512, rng: createRng(7) })
  const net = makeNet([2, 16, 16, 1], 'tanh', 'mse')
  console.log(await training('(a) 2-16-16-1 tanh, MSE, 512 points, full batch', net, data.x, data.y, 0.1, { cpu: 8, wasm: 2 }))
}
if (only.includes('b')) {
  const rng = createRng(11), x = randomMatrix(128, 784, 3), y = zeros(128, 10)
  for (let i = 0; i < 128; i++) y.data[i * 10 + rng.int(10)] = 1
  const net = makeNet([784, 128, 64, 10], 'relu', 'softmaxCrossEntropy')
  console.log(await training('(b) 784-128-64-10 relu, softmax cross-entropy, batch 128', net, x, y, 0.01, { cpu: undefined, wasm: 1.5 }))
}
if (only.includes('c')) console.log(await products())
console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`)
