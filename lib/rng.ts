/**
 * Seeded randomness for the engine. Every random draw in `lib/` goes through an {@link Rng}, so the
 * same seed reproduces the same weights, masks, shuffles and curves bit for bit on every run.
 *
 * Generator: xoshiro128** (Blackman & Vigna, "Scrambled linear pseudorandom number generators",
 * ACM TOMS 47(4), 2021; reference C at prng.di.unimi.it), 128 bits of state, period 2^128 − 1.
 * It only needs 32-bit integer arithmetic (`Math.imul`, shifts), which JavaScript does exactly.
 * Its four state words are filled from the seed by a SplitMix-style sequence: a Weyl sequence with
 * the golden-ratio increment 0x9E3779B9, each term passed through Wellons's "lowbias32" integer
 * hash (github.com/skeeto/hash-prospector) — a 32-bit analogue of the SplitMix64 seeding that
 * Vigna recommends for xoshiro.
 * @module
 */

/** A deterministic stream of random numbers. Call its methods on it (`rng.normal()`), not detached. */
export interface Rng {
  /** The seed this stream was created from. */
  readonly seed: number
  /** Uniform in [0, 1) with 53-bit resolution (every double k·2⁻⁵³ equally likely). */
  uniform(): number
  /** Standard normal N(0, 1) (Marsaglia polar method). */
  normal(): number
  /** Integer uniform in [0, n) for a positive integer n ≤ 2⁵³ (bias below n·2⁻⁵³). */
  int(n: number): number
  /** Shuffles `items` in place (Fisher–Yates / Durstenfeld), every permutation equally likely. */
  shuffle<T>(items: { length: number; [i: number]: T }): void
  /** A new, independent stream whose seed is drawn from this one (deterministically). */
  fork(): Rng
}

/** Wellons's lowbias32 hash: a bijection on 32-bit words with strong avalanche. */
function lowbias32(x: number): number {
  x ^= x >>> 16
  x = Math.imul(x, 0x7feb352d)
  x ^= x >>> 15
  x = Math.imul(x, 0x846ca68b)
  x ^= x >>> 16
  return x >>> 0
}

const TWO_32 = 4294967296

/**
 * Creates a seeded generator. `seed` must be a safe integer (negative allowed); both its low and
 * high 32 bits are hashed into the state, so nearby or large seeds give unrelated streams (seeds
 * that differ only in their low 32 bits never share a stream).
 */
export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed)) {
    throw new Error(`createRng: seed must be a safe integer, got ${String(seed)}`)
  }
  const low = seed >>> 0 // seed mod 2³² (ToUint32 is exact for safe integers)
  const high = Math.floor(seed / TWO_32) >>> 0
  // Fold the two halves into one word; lowbias32 is bijective, so distinct low words stay distinct.
  let weyl = lowbias32(lowbias32(low) ^ high)
  const s = new Uint32Array(4)
  for (let i = 0; i < 4; i++) {
    weyl = (weyl + 0x9e3779b9) >>> 0
    s[i] = lowbias32(weyl)
  }
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1 // the all-zero state is a fixed point

  return new Xoshiro128(seed, s)
}

/**
 * The generator {@link createRng} returns. A class, so that its methods are one set of functions
 * shared by every generator: a loop that draws from a new generator on each run (each redraw of a
 * figure seeds one) still calls the same `uniform`, which V8 compiles into the loop. When each
 * generator had closures of its own, the compiled loop had to fetch and check the new generator's
 * functions and their captured state at every draw, and drawing took about half as long again.
 * So call the methods on the generator, `rng.normal()`, rather than detached.
 */
class Xoshiro128 implements Rng {
  readonly seed: number
  private readonly s: Uint32Array
  // Marsaglia & Bray (1964) polar method: the second variate of each pair is kept for the next call.
  private spare = 0
  private hasSpare = false

  constructor(seed: number, state: Uint32Array) {
    this.seed = seed
    this.s = state
  }

  uniform(): number {
    // 27 + 26 high bits of two draws make a 53-bit integer (as in MT19937's genrand_res53).
    const a = step(this.s) >>> 5
    const b = step(this.s) >>> 6
    return (a * 67108864 + b) / 9007199254740992
  }

  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false
      return this.spare
    }
    let u: number, v: number, r: number
    do {
      u = 2 * this.uniform() - 1
      v = 2 * this.uniform() - 1
      r = u * u + v * v
    } while (r >= 1 || r === 0)
    const f = Math.sqrt((-2 * Math.log(r)) / r)
    this.spare = v * f
    this.hasSpare = true
    return u * f
  }

  int(n: number): number {
    if (!Number.isSafeInteger(n) || n < 1) {
      throw new Error(`rng.int: n must be a positive safe integer, got ${String(n)}`)
    }
    return Math.floor(this.uniform() * n)
  }

  shuffle<T>(items: { length: number; [i: number]: T }): void {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.uniform() * (i + 1))
      const tmp = items[i]
      items[i] = items[j]
      items[j] = tmp
    }
  }

  // A 53-bit child seed: two draws, so forks of different parents rarely collide.
  fork(): Rng {
    return createRng(Math.floor(this.uniform() * 9007199254740992))
  }
}

/**
 * The xoshiro128** generator over a 4-word state (updated in place), the recurrence of Blackman &
 * Vigna's reference C: each call returns the next unsigned 32-bit output.
 */
export function xoshiro128StarStar(s: Uint32Array): () => number {
  return () => step(s)
}

/**
 * One xoshiro128** step: updates the state `s` in place and returns the output. The reference C
 * updates the words in turn, reading back what it has just written (s[2] ^= s[0]; s[3] ^= s[1];
 * s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 11)); here each word is read once and
 * written once, the same values without a chain of writes and reads through memory (about a fifth
 * less time per draw in V8, measured). The test checks the outputs against the reference's.
 */
function step(s: Uint32Array): number {
  const s0 = s[0], s1 = s[1]
  const s2 = s[2] ^ s0 // s[2] ^= s[0]
  const s3 = s[3] ^ s1 // s[3] ^= s[1]
  s[0] = s0 ^ s3 // s[0] ^= s[3]
  s[1] = s1 ^ s2 // s[1] ^= s[2]
  s[2] = s2 ^ (s1 << 9) // s[2] ^= t, t = s[1] << 9
  s[3] = rotl(s3, 11)
  return Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0 // the output comes from s[1] before the update
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k))
}
