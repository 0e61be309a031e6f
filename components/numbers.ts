/**
 * Numbers quoted in the prose, computed by the engine when the site is built — never typed in by
 * hand. A chapter writes `<Num of="postHe-relu-ratio" />`; test/components/numbers.test.ts pins
 * each value against the theory the prose states, so a change to the engine that alters a claim
 * fails a test instead of silently contradicting the page.
 */
import { depthSignal, type DepthSignalResult, type DepthSignalState } from './experiments/depth-signal.ts';
import { runToEnd } from './runtime/experiment.ts';

const cache = new Map<string, DepthSignalResult>();

/** One forward/backward pass of the depth-signal experiment (memoised: several numbers share a run). */
function signal(state: Omit<DepthSignalState, 'seed' | 'samples'> & { samples?: number }): DepthSignalResult {
  const full: DepthSignalState = { samples: 250, seed: 1, ...state };
  const key = JSON.stringify(full);
  if (!cache.has(key)) cache.set(key, runToEnd(depthSignal, full));
  return cache.get(key)!;
}

/** Geometric mean over layers 2…L of Var(z_l) / Var(z_{l−1}): the per-layer variance factor. */
function varianceRatio(r: DepthSignalResult): number {
  const logs = r.layers.slice(1).map((l, i) => 2 * Math.log(l.preStd / r.layers[i].preStd));
  return Math.exp(logs.reduce((a, b) => a + b, 0) / logs.length);
}

/** std of the activations at layer `l` divided by that at layer 1. */
const forwardDrop = (r: DepthSignalResult, l: number) => r.layers[l - 1].forwardStd / r.layers[0].forwardStd;
/** std of the pre-activations at layer `l` divided by that at layer 1. */
const preDrop = (r: DepthSignalResult, l: number) => r.layers[l - 1].preStd / r.layers[0].preStd;

export type NamedNumber = { describe: string; value: () => number };

export const NUMBERS: Record<string, NamedNumber> = {
  'postHe-relu-ratio': {
    describe: "Per-layer factor of Var(z) with the post's He (U(±√(2/n))) and ReLU, width 256, 12 layers; theory 1/3.",
    value: () => varianceRatio(signal({ initializer: 'postHe', activation: 'relu', depth: 12, width: 256 })),
  },
  'heNormal-relu-ratio': {
    describe: 'Per-layer factor of Var(z) with He normal and ReLU, width 256, 12 layers; theory 1.',
    value: () => varianceRatio(signal({ initializer: 'heNormal', activation: 'relu', depth: 12, width: 256 })),
  },
  'glorotUniform-relu-ratio': {
    describe: 'Per-layer factor of Var(z) with Glorot uniform and ReLU, width 256, 12 layers; theory 1/2.',
    value: () => varianceRatio(signal({ initializer: 'glorotUniform', activation: 'relu', depth: 12, width: 256 })),
  },
  'postHe-relu-drop-20': {
    describe: "std(z) at layer 20 over std(z) at layer 1, the post's He with ReLU, width 100; theory 3^(−19/2).",
    value: () => preDrop(signal({ initializer: 'postHe', activation: 'relu', depth: 20, width: 100 }), 20),
  },
  'heNormal-relu-drop-20': {
    describe: 'std(z) at layer 20 over std(z) at layer 1, He normal with ReLU, width 100; theory 1.',
    value: () => preDrop(signal({ initializer: 'heNormal', activation: 'relu', depth: 20, width: 100 }), 20),
  },
  'random-tanh-drop-10': {
    describe: "std of activations at layer 10 over layer 1, the post's random U(±0.1) with tanh, width 100; theory (100·0.01/3)^(9/2).",
    value: () => forwardDrop(signal({ initializer: 'random', activation: 'tanh', depth: 10, width: 100 }), 10),
  },
  'postGlorot-tanh-drop-5': {
    describe: "std of activations at layer 5 over layer 1, the post's Glorot (the heuristic) with tanh, width 100.",
    value: () => forwardDrop(signal({ initializer: 'postGlorot', activation: 'tanh', depth: 5, width: 100 }), 5),
  },
  'glorotUniform-tanh-drop-5': {
    describe: "std of activations at layer 5 over layer 1, Glorot & Bengio's normalized initialization with tanh, width 100.",
    value: () => forwardDrop(signal({ initializer: 'glorotUniform', activation: 'tanh', depth: 5, width: 100 }), 5),
  },
};

/** A named number, formatted for prose: `digits` significant digits, or scientific notation when tiny. */
export function formatNamed(name: string, digits = 2): string {
  const entry = NUMBERS[name];
  if (!entry) throw new Error(`<Num of="${name}">: no such number. Known: ${Object.keys(NUMBERS).join(', ')}.`);
  const v = entry.value();
  if (!Number.isFinite(v)) throw new Error(`<Num of="${name}">: the engine computed ${v}; the prose cannot quote it.`);
  if (v !== 0 && Math.abs(v) < 1e-3) {
    const [m, e] = v.toExponential(digits - 1).split('e');
    return `${m} × 10^${Number(e)}`;
  }
  return String(Number(v.toPrecision(digits)));
}
