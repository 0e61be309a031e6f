/**
 * Dense row-major float64 matrices and the three products a dense layer needs:
 * A·B (forward), Aᵀ·B (weight gradient) and A·Bᵀ (gradient to the input), none of which
 * materialises a transpose. Every product writes into an optional preallocated `out`, so a
 * training loop allocates its buffers once (see `reuse`). The arithmetic is in lib/kernels.ts.
 * @module
 */
import { gemm } from './kernels.ts'

/** A row-major matrix: entry (i, j) is `data[i * cols + j]`. */
export type Matrix = { rows: number; cols: number; data: Float64Array }

function checkSize(fn: string, rows: number, cols: number): void {
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0) {
    throw new Error(`${fn}: rows and cols must be non-negative integers, got ${rows}×${cols}`)
  }
}

/**
 * Makes a rows × cols matrix: zeros, or a copy of `values` given either flat in row-major order
 * (length rows·cols) or nested (`rows` arrays of `cols` numbers).
 */
export function matrix(rows: number, cols: number, values?: ArrayLike<number> | number[][]): Matrix {
  checkSize('matrix', rows, cols)
  const m = zeros(rows, cols)
  if (values === undefined) return m
  const nested = Array.isArray(values) && values.length > 0 && Array.isArray(values[0])
  if (nested) {
    const v = values as number[][]
    if (v.length !== rows) {
      throw new Error(`matrix: expected ${rows} rows of ${cols}, got ${v.length} rows`)
    }
    for (let i = 0; i < rows; i++) {
      const row = v[i]
      if (!Array.isArray(row) || row.length !== cols) {
        const got = Array.isArray(row) ? `length ${row.length}` : typeof row
        throw new Error(`matrix: row ${i} should have ${cols} numbers, got ${got}`)
      }
      for (let j = 0; j < cols; j++) m.data[i * cols + j] = toNumber(row[j], i * cols + j)
    }
    return m
  }
  const flat = values as ArrayLike<number>
  if (flat.length !== rows * cols) {
    throw new Error(
      `matrix: expected ${rows * cols} values for ${rows}×${cols}, got ${flat.length}`,
    )
  }
  for (let i = 0; i < flat.length; i++) m.data[i] = toNumber(flat[i], i)
  return m
}

function toNumber(x: unknown, index: number): number {
  if (typeof x !== 'number') {
    throw new Error(`matrix: value ${index} should be a number, got ${typeof x}`)
  }
  return x
}

/** A rows × cols matrix of zeros. */
export function zeros(rows: number, cols: number): Matrix {
  checkSize('zeros', rows, cols)
  return { rows, cols, data: new Float64Array(rows * cols) }
}

/**
 * Returns `m` itself when it already is rows × cols (its contents kept), else fresh zeros.
 * Hot loops call this every step so buffers are allocated once and reused.
 */
export function reuse(m: Matrix | undefined, rows: number, cols: number): Matrix {
  return m !== undefined && m.rows === rows && m.cols === cols ? m : zeros(rows, cols)
}

const shape = (m: Matrix): string => `${m.rows}×${m.cols}`

/** Shape and aliasing checks shared by the three products; returns the output buffer. */
function prepare(
  fn: string, a: Matrix, b: Matrix, innerA: number, innerB: number, bSide: string,
  rows: number, cols: number, out: Matrix | undefined, form: string,
): Matrix {
  for (const [name, m] of [['a', a], ['b', b], ['out', out]] as const) {
    if (m !== undefined && m.data.length !== m.rows * m.cols) {
      throw new Error(`${fn}: ${name} is ${shape(m)} but holds ${m.data.length} values, expected ${m.rows * m.cols}`)
    }
  }
  if (innerA !== innerB) {
    throw new Error(
      `${fn}: inner dimensions differ for ${form}: a is ${shape(a)}, b is ${shape(b)}; ` +
        `expected b to have ${innerA} ${bSide}`,
    )
  }
  if (out === undefined) return zeros(rows, cols)
  if (out.rows !== rows || out.cols !== cols) {
    throw new Error(`${fn}: out is ${shape(out)}, expected ${rows}×${cols} for ${form}`)
  }
  if (overlaps(out, a) || overlaps(out, b)) {
    throw new Error(`${fn}: out must not share memory with a or b`)
  }
  return out
}

function overlaps(x: Matrix, y: Matrix): boolean {
  const p = x.data, q = y.data
  if (p.buffer !== q.buffer) return false
  return p.byteOffset < q.byteOffset + q.byteLength && q.byteOffset < p.byteOffset + p.byteLength
}

/** out = a·b, shape a.rows × b.cols; `out` is overwritten (never accumulated). */
export function matmul(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  const o = prepare('matmul', a, b, a.cols, b.rows, 'rows', a.rows, b.cols, out, 'a·b')
  // A(i,k) = a[i·K + k], B(k,j) = b[k·n + j]
  gemm(a.data, a.cols, 1, b.data, b.cols, 1, o.data, a.rows, a.cols, b.cols)
  return o
}

/** out = aᵀ·b, shape a.cols × b.cols, reading a in place (no transposed copy); overwrites `out`. */
export function matmulTN(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  const o = prepare('matmulTN', a, b, a.rows, b.rows, 'rows', a.cols, b.cols, out, 'aᵀ·b')
  // (aᵀ)(i,k) = a[k·m + i] with m = a.cols, B(k,j) = b[k·n + j]
  gemm(a.data, 1, a.cols, b.data, b.cols, 1, o.data, a.cols, a.rows, b.cols)
  return o
}

/** out = a·bᵀ, shape a.rows × b.rows, reading b in place (no transposed copy); overwrites `out`. */
export function matmulNT(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  const o = prepare('matmulNT', a, b, a.cols, b.cols, 'columns', a.rows, b.rows, out, 'a·bᵀ')
  // A(i,k) = a[i·K + k], (bᵀ)(k,j) = b[j·K + k]
  gemm(a.data, a.cols, 1, b.data, 1, b.cols, o.data, a.rows, a.cols, b.rows)
  return o
}
