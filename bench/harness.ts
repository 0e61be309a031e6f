/**
 * Timing for `npm run bench`: contenders are timed in interleaved rounds (A, B, C, A, B, C, …)
 * so that a slow spell of a shared machine hits every contender alike, and each is reported as
 * the median of its trials with their min–max.
 *
 * The clock is this thread's CPU time by default: on a shared machine, time spent waiting for a
 * core is not charged to the contender (everything timed here runs on the main thread — tfjs's
 * CPU and WASM backends are single-threaded in Node). `--wall` switches to wall-clock time.
 */

/** Something to time: `run` does one unit of work (a training step, a product). */
export type Contender = {
  name: string
  /** Called before each trial (e.g. to switch the TensorFlow.js backend). */
  enter?: () => Promise<void> | void
  run: () => unknown
  /** Work per `run`, to turn runs/s into a rate: 1 for steps/s, flops/1e9 for GFLOP/s. */
  units: number
}

export type Options = { trials: number; trialMs: number; warmupMs: number; clock: 'cpu' | 'wall' }

/** Milliseconds on the chosen clock. */
function now(clock: Options['clock']): number {
  if (clock === 'wall') return performance.now()
  const t = process.threadCpuUsage()
  return (t.user + t.system) / 1000
}

/** Rates of each contender over `trials` interleaved rounds, in contender order. */
export async function measure(contenders: Contender[], opts: Options): Promise<number[][]> {
  const gc = (globalThis as { gc?: () => void }).gc
  for (const c of contenders) {
    await c.enter?.()
    runFor(c, opts.warmupMs, opts.clock) // JIT compilation, tfjs kernel set-up, first-touch of buffers
  }
  const rates = contenders.map(() => [] as number[])
  for (let t = 0; t < opts.trials; t++) {
    for (let i = 0; i < contenders.length; i++) {
      const c = contenders[i]
      await c.enter?.()
      gc?.() // collect the previous contender's garbage now rather than inside this trial
      rates[i].push(runFor(c, opts.trialMs, opts.clock))
    }
  }
  return rates
}

/** Runs `c` for at least `ms` milliseconds and at least twice; returns units per second. */
function runFor(c: Contender, ms: number, clock: Options['clock']): number {
  let runs = 0
  const t0 = now(clock)
  let elapsed = 0
  while (elapsed < ms || runs < 2) {
    c.run()
    runs++
    elapsed = now(clock) - t0
  }
  return (runs * c.units) / (elapsed / 1000)
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const h = s.length >> 1
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2
}

/** Three significant digits, no exponent: 12345 → "12300", 3.14159 → "3.14". */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x)
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(x) || 1)))
  return Number(x.toPrecision(3)).toFixed(digits)
}

/** "median (min–max)" of a list of rates. */
export function summary(xs: number[]): string {
  return `${fmt(median(xs))} (${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))})`
}

/** engine ÷ reference from the medians, with a target check when one is given. */
export function ratio(engine: number[], reference: number[], target?: number): string {
  const r = median(engine) / median(reference)
  const mark = target === undefined ? '' : r >= target ? ` ✓ (≥ ${target}×)` : ` ✗ (target ≥ ${target}×)`
  return `${r.toFixed(2)}×${mark}`
}

/** A markdown table. */
export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}
