// Small seeded datasets for the chapters and widgets, plus a seeded train/test split.
// Classification sets interleave classes (row i has class i mod classes), so every class has
// ⌊n/classes⌋ or ⌈n/classes⌉ rows and any prefix of the rows is balanced too.
import { type Matrix, zeros } from './matrix.ts'
import type { Rng } from './rng.ts'

/** A dataset. `x`: [n, features]. `y`: [n, 1] in {0, 1} (binary), one-hot [n, classes]
 * (multiclass) or [n, 1] targets (regression). `labels`: class per row (classification only).
 * `index`: each row's position in the generated set (so splits can be checked). Regression sets
 * also carry the raw 1-D `input` and the `noiseless` target f(input). */
export type Dataset = {
  x: Matrix; y: Matrix; kind: 'binary' | 'multiclass' | 'regression'; classes: number
  labels?: Int32Array; index: Int32Array; input?: Float64Array; noiseless?: Float64Array
}
type Common = { n: number; noise?: number; rng: Rng }

function check(name: string, what: string, value: number, ok: boolean, expected: string): void {
  if (!ok) throw new RangeError(`${name}: ${what} = ${value}; expected ${expected}`)
}
function checkCommon(name: string, { n, noise = 0 }: Common, minN = 2): void {
  check(name, 'n', n, Number.isInteger(n) && n >= minN, `an integer ≥ ${minN}`)
  check(name, 'noise', noise, noise >= 0 && Number.isFinite(noise), 'a finite number ≥ 0')
}

const range = (n: number): Int32Array => Int32Array.from({ length: n }, (_, i) => i)

/** A 2-D classification set from `point(class) → [x1, x2]` plus Gaussian noise; y is [n, 1] in {0, 1}
 * for two classes, one-hot [n, classes] for more (or when `oneHot`). */
function classification2d(
  n: number, classes: number, noise: number, rng: Rng, point: (label: number) => [number, number], oneHot = classes > 2,
): Dataset {
  const x = zeros(n, 2)
  const y = zeros(n, oneHot ? classes : 1)
  const labels = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    const label = (labels[i] = i % classes)
    const [x1, x2] = point(label)
    x.data[2 * i] = x1 + noise * rng.normal()
    x.data[2 * i + 1] = x2 + noise * rng.normal()
    y.data[oneHot ? i * classes + label : i] = oneHot ? 1 : label
  }
  return { x, y, labels, index: range(n), classes, kind: oneHot ? 'multiclass' : 'binary' }
}

// #region datasets
/** Two interleaved half-circles (as scikit-learn's `make_moons`), centred on the origin:
 * class 0 on (cos t, sin t), class 1 on (1 − cos t, ½ − sin t), t ~ U(0, π), minus (½, ¼). */
export function twoMoons(options: Common): Dataset {
  checkCommon('twoMoons', options)
  const { n, noise = 0.1, rng } = options
  return classification2d(n, 2, noise, rng, (label) => {
    const t = Math.PI * rng.uniform()
    return label === 0 ? [Math.cos(t) - 0.5, Math.sin(t) - 0.25] : [0.5 - Math.cos(t), 0.25 - Math.sin(t)]
  })
}

/** Two concentric circles: class 0 at radius 1, class 1 at radius `factor` (0 < factor < 1). */
export function circles(options: Common & { factor?: number }): Dataset {
  checkCommon('circles', options)
  const { n, noise = 0.05, factor = 0.5, rng } = options
  check('circles', 'factor', factor, factor > 0 && factor < 1, 'a number in (0, 1)')
  return classification2d(n, 2, noise, rng, (label) => {
    const angle = 2 * Math.PI * rng.uniform()
    const r = label === 0 ? 1 : factor
    return [r * Math.cos(angle), r * Math.sin(angle)]
  })
}

/** Two interleaved spiral arms: radius s and angle 2π·turns·s + π·class, s ~ U(0, 1). */
export function spirals(options: Common & { turns?: number }): Dataset {
  checkCommon('spirals', options)
  const { n, noise = 0.05, turns = 1.5, rng } = options
  check('spirals', 'turns', turns, turns > 0 && Number.isFinite(turns), 'a positive number')
  return classification2d(n, 2, noise, rng, (label) => {
    const s = rng.uniform()
    const angle = 2 * Math.PI * turns * s + Math.PI * label
    return [s * Math.cos(angle), s * Math.sin(angle)]
  })
}

/** XOR: points uniform in one of the four quadrants of [−1, 1]²; class 1 where the signs of x1 and
 * x2 differ. Noise is added after labelling, so large noise blurs the quadrant borders. */
export function xor(options: Common): Dataset {
  checkCommon('xor', options)
  const { n, noise = 0.1, rng } = options
  return classification2d(n, 2, noise, rng, (label) => {
    const sign1 = rng.uniform() < 0.5 ? -1 : 1
    const sign2 = label === 1 ? -sign1 : sign1
    return [sign1 * rng.uniform(), sign2 * rng.uniform()]
  })
}

/** `classes` isotropic Gaussian blobs of standard deviation `spread`, centred at equal angles on
 * the unit circle. `y` is one-hot [n, classes] (for softmax cross-entropy), even for two classes. */
export function blobs(options: Common & { classes?: number; spread?: number }): Dataset {
  const { n, classes = 3, spread = 0.25, rng } = options
  check('blobs', 'classes', classes, Number.isInteger(classes) && classes >= 2, 'an integer ≥ 2')
  checkCommon('blobs', { n, noise: spread, rng }, classes)
  const centre = (label: number): [number, number] => [Math.cos((2 * Math.PI * label) / classes), Math.sin((2 * Math.PI * label) / classes)]
  return classification2d(n, classes, spread, rng, centre, true)
}

const TARGETS = { line: (t: number) => 0.8 * t - 0.2, sine: (t: number) => Math.sin(Math.PI * t) }

/**
 * Noisy 1-D regression for overfitting demos: input t ~ U(−1, 1), target f(t) + noise·N(0, 1)
 * with f = `target` ('sine': sin πt, 'line': 0.8t − 0.2), features {@link polynomialFeatures}.
 */
export function regression1d(options: Common & { degree?: number; target?: keyof typeof TARGETS }): Dataset {
  checkCommon('regression1d', options)
  const { n, noise = 0.1, degree = 1, target = 'sine', rng } = options
  if (!Object.hasOwn(TARGETS, target)) throw new RangeError(`regression1d: target = '${target}'; expected 'sine' or 'line'`)
  const input = Float64Array.from({ length: n }, () => 2 * rng.uniform() - 1)
  const noiseless = input.map(TARGETS[target])
  const y = zeros(n, 1)
  for (let i = 0; i < n; i++) y.data[i] = noiseless[i] + noise * rng.normal()
  return { x: polynomialFeatures(input, degree), y, input, noiseless, index: range(n), classes: 0, kind: 'regression' }
}

/** Features t, t², …, t^degree, each standardised with its exact mean and std under U(−1, 1)
 * (E t^k = 1/(k+1) for even k, else 0; E t^2k = 1/(2k+1)), so every column has unit scale and the
 * same constants apply to any input (a plotting grid included). */
export function polynomialFeatures(input: ArrayLike<number>, degree: number): Matrix {
  check('polynomialFeatures', 'degree', degree, Number.isInteger(degree) && degree >= 1, 'an integer ≥ 1')
  const out = zeros(input.length, degree)
  for (let k = 1; k <= degree; k++) {
    const m = k % 2 === 0 ? 1 / (k + 1) : 0
    const s = Math.sqrt(1 / (2 * k + 1) - m * m)
    for (let i = 0; i < input.length; i++) out.data[i * degree + k - 1] = (input[i] ** k - m) / s
  }
  return out
}
// #endregion

// #region train-test-split
/** Shuffles the rows with `rng` and puts round(n·testFraction) of them in `test`, the rest in
 * `train` (no overlap, nothing lost; `index` records the original rows). */
export function trainTestSplit(ds: Dataset, testFraction: number, rng: Rng): { train: Dataset; test: Dataset } {
  const n = ds.x.rows
  const nTest = Math.round(n * testFraction)
  check('trainTestSplit', 'testFraction', testFraction, nTest >= 1 && nTest <= n - 1, `a fraction leaving both parts of ${n} rows non-empty`)
  const order = range(n)
  rng.shuffle(order)
  return { test: selectRows(ds, order.subarray(0, nTest)), train: selectRows(ds, order.subarray(nTest)) }
}

/** The rows `rows` of every per-row field of `ds`. */
export function selectRows(ds: Dataset, rows: Int32Array): Dataset {
  const pick = <T extends Float64Array | Int32Array>(a: T, width: number): T => {
    const out = new (a.constructor as new (n: number) => T)(rows.length * width)
    for (let i = 0; i < rows.length; i++) out.set(a.subarray(rows[i] * width, (rows[i] + 1) * width), i * width)
    return out
  }
  const rowsOf = (m: Matrix): Matrix => ({ rows: rows.length, cols: m.cols, data: pick(m.data, m.cols) })
  return {
    ...ds, x: rowsOf(ds.x), y: rowsOf(ds.y), index: pick(ds.index, 1),
    labels: ds.labels && pick(ds.labels, 1), input: ds.input && pick(ds.input, 1), noiseless: ds.noiseless && pick(ds.noiseless, 1),
  }
}
// #endregion
