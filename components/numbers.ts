/**
 * Numbers quoted in the prose, computed by the engine when the site is built — never typed in by
 * hand. A chapter writes `<Num of="postHe-relu-ratio" />`; test/components/numbers.test.ts pins
 * each value against the theory the prose states, so a change to the engine that alters a claim
 * fails a test instead of silently contradicting the page.
 */
import { depthSignal, type DepthSignalResult, type DepthSignalState } from './experiments/depth-signal.ts';
import { runToEnd } from './runtime/experiment.ts';
import { defaultState } from './runtime/params.ts';
import { depthSignalSpec } from './widgets/depth-signal/spec.ts';

const cache = new Map<string, DepthSignalResult>();

/**
 * A <DepthSignal>'s settings: the widget's own defaults (batch size, seed, width) under `props`,
 * exactly as a chapter's `<DepthSignal …props />` gets them, so a number quoted beside a widget is
 * the number its status line shows.
 */
export function depthSignalSettings(props: Partial<DepthSignalState>): DepthSignalState {
  return { ...(defaultState(depthSignalSpec) as DepthSignalState), ...props };
}

/** One forward/backward pass of the depth-signal experiment (memoised: several numbers share a run). */
function signal(state: DepthSignalState): DepthSignalResult {
  const key = JSON.stringify(state);
  if (!cache.has(key)) cache.set(key, runToEnd(depthSignal, state));
  return cache.get(key)!;
}

/** Geometric mean over layers 2…L of Var(z_l) / Var(z_{l−1}): the per-layer variance factor. */
function varianceRatio(r: DepthSignalResult): number {
  const logs = r.layers.slice(1).map((l, i) => 2 * Math.log(l.preStd / r.layers[i].preStd));
  return Math.exp(logs.reduce((a, b) => a + b, 0) / logs.length);
}

/** std of the activations at the last layer divided by that at layer 1 (the status line's "a … ×"). */
const forwardDrop = (r: DepthSignalResult) => r.layers.at(-1)!.forwardStd / r.layers[0].forwardStd;
/** std of the pre-activations at the last layer divided by that at layer 1 (the status line's "z … ×"). */
const preDrop = (r: DepthSignalResult) => r.layers.at(-1)!.preStd / r.layers[0].preStd;

/**
 * A number the prose quotes. `settings`: the <DepthSignal> settings it is measured at, so a reader
 * can set a widget to them and see it (a test keeps them within the widget's work cap). `widget`:
 * the number is what the status line of a <DepthSignal> on the page shows at those settings
 * (test/content/quoted-numbers.test.ts holds the two together).
 */
export type NamedNumber = { describe: string; value: () => number; settings: DepthSignalState; widget?: true };

/** A number read off the depth-signal experiment at `props` over the widget's defaults. */
function measured(describe: string, props: Partial<DepthSignalState>, read: (r: DepthSignalResult) => number): NamedNumber {
  const settings = depthSignalSettings(props);
  return { describe, settings, value: () => read(signal(settings)) };
}

/** A number read off a <DepthSignal> on the page, at `props` over its defaults. */
const fromWidget = (...args: Parameters<typeof measured>): NamedNumber => ({ ...measured(...args), widget: true });

export const NUMBERS: Record<string, NamedNumber> = {
  'postHe-relu-ratio': measured(
    "Per-layer factor of Var(z) with the post’s He (U(±√(2/n))) and ReLU, width 256, 12 layers; theory 1/3.",
    { initializer: 'postHe', activation: 'relu', depth: 12, width: 256 }, varianceRatio,
  ),
  'heNormal-relu-ratio': measured(
    'Per-layer factor of Var(z) with He normal and ReLU, width 256, 12 layers; theory 1.',
    { initializer: 'heNormal', activation: 'relu', depth: 12, width: 256 }, varianceRatio,
  ),
  'glorotUniform-relu-ratio': measured(
    'Per-layer factor of Var(z) with Glorot uniform and ReLU, width 256, 12 layers; theory 1/2.',
    { initializer: 'glorotUniform', activation: 'relu', depth: 12, width: 256 }, varianceRatio,
  ),
  'postHe-relu-drop-20': fromWidget(
    "std(z) at layer 20 over std(z) at layer 1, the post’s He with ReLU, width 100; theory 3^(−19/2).",
    { initializer: 'postHe', activation: 'relu', depth: 20 }, preDrop,
  ),
  'heNormal-relu-drop-20': fromWidget(
    'std(z) at layer 20 over std(z) at layer 1, He normal with ReLU, width 100; theory 1.',
    { initializer: 'heNormal', activation: 'relu', depth: 20 }, preDrop,
  ),
  'random-tanh-drop-10': fromWidget(
    "std of activations at layer 10 over layer 1, the post’s random U(±0.1) with tanh, width 100; theory (100·0.01/3)^(9/2).",
    { initializer: 'random', activation: 'tanh', depth: 10 }, forwardDrop,
  ),
  'postGlorot-tanh-drop-5': fromWidget(
    "std of activations at layer 5 over layer 1, the post’s Glorot (the heuristic) with tanh, width 100.",
    { initializer: 'postGlorot', activation: 'tanh', depth: 5 }, forwardDrop,
  ),
  'glorotUniform-tanh-drop-5': fromWidget(
    "std of activations at layer 5 over layer 1, Glorot & Bengio’s normalized initialization with tanh, width 100.",
    { initializer: 'glorotUniform', activation: 'tanh', depth: 5 }, forwardDrop,
  ),
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
