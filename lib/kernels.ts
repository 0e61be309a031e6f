/**
 * The inner loops behind `matmul`, `matmulTN` and `matmulNT` (lib/matrix.ts), on raw row-major
 * Float64Arrays. They allocate nothing and do no shape checks (matrix.ts does both).
 *
 * Why they look like this: V8 compiles typed-array loops to scalar SSE code, and every element
 * access costs an index add, a bounds check and a load (~6 instructions) against 2 for a
 * multiply-add. So the kernels are register-blocked to do as many multiply-adds per element
 * access as the 16 floating-point registers allow (Goto & van de Geijn, "Anatomy of
 * high-performance matrix multiplication", ACM TOMS 34(3), 2008, §4, in scalar form).
 * @module
 */

/**
 * od (m×n) = Σₖ A(i,k)·B(k,j) where A(i,k) = ad[i·rs + k·ks] and B is K×n row-major.
 * (rs, ks) = (K, 1) reads a stored m×K matrix (A·B); (1, m) reads a stored K×m matrix
 * transposed (Aᵀ·B), so neither product materialises a transpose.
 *
 * Loop order i-k-j, 8 rows of A by 4 steps of k at a time: the 32 values of A live in
 * registers (or the stack), and each pass over j loads 4 entries of B and updates 8 entries of
 * the output, i.e. 64 flops per 12 array accesses. Rows of B and of the output are read
 * contiguously, which keeps the hardware prefetcher busy.
 */
export function gemmRows(
  ad: Float64Array, rs: number, ks: number, bd: Float64Array, od: Float64Array,
  m: number, K: number, n: number,
): void {
  od.fill(0, 0, m * n)
  const K4 = K - (K % 4)
  const ks2 = 2 * ks, ks3 = 3 * ks
  let i = 0
  for (; i + 8 <= m; i += 8) {
    const o0 = i * n, o1 = o0 + n, o2 = o1 + n, o3 = o2 + n
    const o4 = o3 + n, o5 = o4 + n, o6 = o5 + n, o7 = o6 + n
    for (let k = 0; k < K4; k += 4) {
      let q = i * rs + k * ks
      const x00 = ad[q], x01 = ad[q + ks], x02 = ad[q + ks2], x03 = ad[q + ks3]; q += rs
      const x10 = ad[q], x11 = ad[q + ks], x12 = ad[q + ks2], x13 = ad[q + ks3]; q += rs
      const x20 = ad[q], x21 = ad[q + ks], x22 = ad[q + ks2], x23 = ad[q + ks3]; q += rs
      const x30 = ad[q], x31 = ad[q + ks], x32 = ad[q + ks2], x33 = ad[q + ks3]; q += rs
      const x40 = ad[q], x41 = ad[q + ks], x42 = ad[q + ks2], x43 = ad[q + ks3]; q += rs
      const x50 = ad[q], x51 = ad[q + ks], x52 = ad[q + ks2], x53 = ad[q + ks3]; q += rs
      const x60 = ad[q], x61 = ad[q + ks], x62 = ad[q + ks2], x63 = ad[q + ks3]; q += rs
      const x70 = ad[q], x71 = ad[q + ks], x72 = ad[q + ks2], x73 = ad[q + ks3]
      const b0 = k * n, b1 = b0 + n, b2 = b1 + n, b3 = b2 + n
      for (let j = 0; j < n; j++) {
        const y0 = bd[b0 + j], y1 = bd[b1 + j], y2 = bd[b2 + j], y3 = bd[b3 + j]
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
    if (K4 < K) for (let r = i; r < i + 8; r++) gemmRow(ad, rs, ks, bd, od, r, K4, K, n)
  }
  for (; i < m; i++) gemmRow(ad, rs, ks, bd, od, i, 0, K, n)
}

/** Adds Σ_{k0 ≤ k < K} A(i,k)·B(k,·) to output row i; k unrolled by 4 (the leftovers of gemmRows). */
function gemmRow(
  ad: Float64Array, rs: number, ks: number, bd: Float64Array, od: Float64Array,
  i: number, k0: number, K: number, n: number,
): void {
  const o = i * n
  let k = k0
  for (; k + 4 <= K; k += 4) {
    const q = i * rs + k * ks
    const x0 = ad[q], x1 = ad[q + ks], x2 = ad[q + 2 * ks], x3 = ad[q + 3 * ks]
    const b0 = k * n, b1 = b0 + n, b2 = b1 + n, b3 = b2 + n
    for (let j = 0; j < n; j++) {
      od[o + j] += x0 * bd[b0 + j] + x1 * bd[b1 + j] + x2 * bd[b2 + j] + x3 * bd[b3 + j]
    }
  }
  for (; k < K; k++) {
    const x = ad[i * rs + k * ks], b = k * n
    for (let j = 0; j < n; j++) od[o + j] += x * bd[b + j]
  }
}

/**
 * od (m×n) = A·Bᵀ for row-major A (m×K) and B (n×K): every entry is a dot product of two
 * contiguous rows. Register tile of 4 rows of A by 4 rows of B: 16 running sums, 8 loads per
 * 32 flops; then 4×1 tiles for leftover columns and single dot products for leftover rows.
 */
export function gemmNT(
  ad: Float64Array, bd: Float64Array, od: Float64Array, m: number, K: number, n: number,
): void {
  const n4 = n - (n % 4)
  let i = 0
  for (; i + 4 <= m; i += 4) {
    const a0 = i * K, a1 = a0 + K, a2 = a1 + K, a3 = a2 + K
    const o0 = i * n, o1 = o0 + n, o2 = o1 + n, o3 = o2 + n
    for (let j = 0; j < n4; j += 4) {
      const b0 = j * K, b1 = b0 + K, b2 = b1 + K, b3 = b2 + K
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0
      for (let k = 0; k < K; k++) {
        const y0 = bd[b0 + k], y1 = bd[b1 + k], y2 = bd[b2 + k], y3 = bd[b3 + k]
        let x = ad[a0 + k]
        s00 += x * y0; s01 += x * y1; s02 += x * y2; s03 += x * y3
        x = ad[a1 + k]
        s10 += x * y0; s11 += x * y1; s12 += x * y2; s13 += x * y3
        x = ad[a2 + k]
        s20 += x * y0; s21 += x * y1; s22 += x * y2; s23 += x * y3
        x = ad[a3 + k]
        s30 += x * y0; s31 += x * y1; s32 += x * y2; s33 += x * y3
      }
      od[o0 + j] = s00; od[o0 + j + 1] = s01; od[o0 + j + 2] = s02; od[o0 + j + 3] = s03
      od[o1 + j] = s10; od[o1 + j + 1] = s11; od[o1 + j + 2] = s12; od[o1 + j + 3] = s13
      od[o2 + j] = s20; od[o2 + j + 1] = s21; od[o2 + j + 2] = s22; od[o2 + j + 3] = s23
      od[o3 + j] = s30; od[o3 + j + 1] = s31; od[o3 + j + 2] = s32; od[o3 + j + 3] = s33
    }
    for (let j = n4; j < n; j++) {
      const b = j * K
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0
      for (let k = 0; k < K; k++) {
        const y = bd[b + k]
        s0 += ad[a0 + k] * y; s1 += ad[a1 + k] * y; s2 += ad[a2 + k] * y; s3 += ad[a3 + k] * y
      }
      od[o0 + j] = s0; od[o1 + j] = s1; od[o2 + j] = s2; od[o3 + j] = s3
    }
  }
  for (; i < m; i++) {
    const a = i * K
    for (let j = 0; j < n; j++) {
      const b = j * K
      let s = 0
      for (let k = 0; k < K; k++) s += ad[a + k] * bd[b + k]
      od[i * n + j] = s
    }
  }
}
