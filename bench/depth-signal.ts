/**
 * `npm run bench:depth-signal`: how long one DepthSignal run takes in Node — the real
 * `depthSignal.run` generator, as the widget's worker runs it on each key press — at the widget's
 * default settings (the chapter's: 10 layers × 100 units × 200 examples, tanh, glorotUniform).
 *
 * `--warmup=15` runs first (other seeds, not timed: V8 compiles the code meanwhile), then `--n=60`
 * runs of seeds 1…n, each timed on the wall clock and on this thread's CPU time, which time spent
 * waiting for a core on a shared machine does not inflate (Linux counts it in 4 ms ticks, so its
 * single values are coarse). Prints the median, p95 and minimum of each.
 */
import { depthSignal } from '../components/experiments/depth-signal.ts';
import { runToEnd } from '../components/runtime/experiment.ts';
import { defaultState } from '../components/runtime/params.ts';
import { depthSignalSpec } from '../components/widgets/depth-signal/spec.ts';

const option = (name: string, fallback: number): number => {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = arg === undefined ? fallback : Number(arg.slice(name.length + 3));
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number, got ${arg}`);
  return value;
};
const n = option('n', 60);
const warmup = option('warmup', 15);
const state = defaultState(depthSignalSpec);

for (let i = 0; i < warmup; i++) runToEnd(depthSignal, { ...state, seed: 1000 + i });
const wall: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < n; i++) {
  const c = process.threadCpuUsage();
  const t = performance.now();
  runToEnd(depthSignal, { ...state, seed: 1 + i });
  wall.push(performance.now() - t);
  const d = process.threadCpuUsage(c);
  cpu.push((d.user + d.system) / 1000);
}

const quantile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))].toFixed(1);
const row = (xs: number[]) => `median ${quantile(xs, 0.5)} ms, p95 ${quantile(xs, 0.95)}, min ${quantile(xs, 0)}`;
const { depth, width, samples, activation, initializer } = state;
console.log(`DepthSignal ${depth} × ${width} × ${samples}, ${activation}, ${initializer}: ${warmup} warm-up runs, ${n} timed`);
console.log(`  wall        ${row(wall)}`);
console.log(`  thread CPU  ${row(cpu)}`);
