/**
 * The inner loop behind `matmul`, `matmulTN` and `matmulNT` (lib/matrix.ts): one strided kernel
 * on raw Float64Arrays. It allocates nothing and checks nothing (matrix.ts checks shapes).
 *
 * Why it looks like this: V8 compiles typed-array loops to scalar SSE code (no SIMD), and each
 * element access costs an index add, a bounds check and a load — about 6 instructions against 2
 * for a multiply and an add. So the kernel is register-blocked to do as many multiply-adds per
 * element access as the 16 floating-point registers allow (the idea of Goto & van de Geijn,
 * "Anatomy of high-performance matrix multiplication", ACM TOMS 34(3), 2008, in scalar form).
 * @module
 */

/**
 * od (m×n, row-major) = Σₖ A(i,k)·B(k,j) for 0 ≤ k < K, where the operands are read through
 * strides, so a transposed operand is read in place rather than copied:
 *   A(i,k) = ad[i·ars + k·aks]   — (K, 1) for a stored m×K matrix, (1, m) for a stored K×m one (Aᵀ);
 *   B(k,j) = bd[k·bks + j·bjs]   — (n, 1) for a stored K×n matrix, (1, K) for a stored n×K one (Bᵀ).
 * `od` is overwritten and must not overlap `ad` or `bd`.
 *
 * Loop order i-k-j, 8 rows of A by 4 steps of k at a time: the 32 values of A sit in registers
 * (or on the stack), and each step of j loads 4 entries of B and updates 8 entries of the
 * output — 64 flops per 12 array accesses. Output rows are walked contiguously; with a
 * transposed B the 4 entries of each step are adjacent in memory, so either layout streams well.
 */
export function gemm(
  ad: Float64Array, ars: number, aks: number, bd: Float64Array, bks: number, bjs: number,
  od: Float64Array, m: number, K: number, n: number,
): void {
  od.fill(0, 0, m * n)
  const K4 = K - (K % 4)
  const a2 = 2 * aks, a3 = 3 * aks, b2 = 2 * bks, b3 = 3 * bks
  let i = 0
  for (; i + 8 <= m; i += 8) {
    const o0 = i * n, o1 = o0 + n, o2 = o1 + n, o3 = o2 + n
    const o4 = o3 + n, o5 = o4 + n, o6 = o5 + n, o7 = o6 + n
    for (let k = 0; k < K4; k += 4) {
      let q = i * ars + k * aks
      const x00 = ad[q], x01 = ad[q + aks], x02 = ad[q + a2], x03 = ad[q + a3]; q += ars
      const x10 = ad[q], x11 = ad[q + aks], x12 = ad[q + a2], x13 = ad[q + a3]; q += ars
      const x20 = ad[q], x21 = ad[q + aks], x22 = ad[q + a2], x23 = ad[q + a3]; q += ars
      const x30 = ad[q], x31 = ad[q + aks], x32 = ad[q + a2], x33 = ad[q + a3]; q += ars
      const x40 = ad[q], x41 = ad[q + aks], x42 = ad[q + a2], x43 = ad[q + a3]; q += ars
      const x50 = ad[q], x51 = ad[q + aks], x52 = ad[q + a2], x53 = ad[q + a3]; q += ars
      const x60 = ad[q], x61 = ad[q + aks], x62 = ad[q + a2], x63 = ad[q + a3]; q += ars
      const x70 = ad[q], x71 = ad[q + aks], x72 = ad[q + a2], x73 = ad[q + a3]
      for (let j = 0, p = k * bks; j < n; j++, p += bjs) {
        const y0 = bd[p], y1 = bd[p + bks], y2 = bd[p + b2], y3 = bd[p + b3]
        od[o0 + j] += x00 * y0 + x01 * y1 + x02 * y2 + x03 * y3
        od[o1 + j] += x10 * y0 + x11 * y1 + x12 * y2 + x13 * y3
        od[o2 + j] += x20 * y0 + x21 * y1 + x22 * y2 + x23 * y3
        od[o3 + j] += x30 * y0 + x31 * y1 + x32 * y2 + x33 * y3
        od[o4 + j] += x40 * y0 + x41 * y1 + x42 * y2 + x43 * y3
        od[o5 + j] += x50 * y0 + x51 * y1 + x52 * y2 + x53 * y3
        od[o6 + j] += x60 * y0 + x61 * y1 + x62 * y2 + x63 * y3
        od[o7 + j] += x70 * y0 + x71 * y1 + x72 * y2 + x73 * y3
      }
    }
    // The last K mod 4 steps of k, one at a time, still 8 rows per pass over j.
    for (let k = K4; k < K; k++) {
      let q = i * ars + k * aks
      const x0 = ad[q], x1 = ad[(q += ars)], x2 = ad[(q += ars)], x3 = ad[(q += ars)]
      const x4 = ad[(q += ars)], x5 = ad[(q += ars)], x6 = ad[(q += ars)], x7 = ad[(q += ars)]
      for (let j = 0, p = k * bks; j < n; j++, p += bjs) {
        const y = bd[p]
        od[o0 + j] += x0 * y; od[o1 + j] += x1 * y; od[o2 + j] += x2 * y; od[o3 + j] += x3 * y
        od[o4 + j] += x4 * y; od[o5 + j] += x5 * y; od[o6 + j] += x6 * y; od[o7 + j] += x7 * y
      }
    }
  }
  for (; i < m; i++) gemmRow(ad, ars, aks, bd, bks, bjs, od, i, K, n) // the last m mod 8 rows
}

/** Adds Σₖ A(i,k)·B(k,·) to output row i, k unrolled by 4: the rows left over by gemm's blocks of 8. */
function gemmRow(
  ad: Float64Array, ars: number, aks: number, bd: Float64Array, bks: number, bjs: number,
  od: Float64Array, i: number, K: number, n: number,
): void {
  const o = i * n, b2 = 2 * bks, b3 = 3 * bks
  let k = 0
  for (; k + 4 <= K; k += 4) {
    const q = i * ars + k * aks
    const x0 = ad[q], x1 = ad[q + aks], x2 = ad[q + 2 * aks], x3 = ad[q + 3 * aks]
    for (let j = 0, p = k * bks; j < n; j++, p += bjs) {
      od[o + j] += x0 * bd[p] + x1 * bd[p + bks] + x2 * bd[p + b2] + x3 * bd[p + b3]
    }
  }
  for (; k < K; k++) {
    const x = ad[i * ars + k * aks]
    for (let j = 0, p = k * bks; j < n; j++, p += bjs) od[o + j] += x * bd[p]
  }
}
