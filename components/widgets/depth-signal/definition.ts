/**
 * <DepthSignal> drawn: per-layer histograms of activations (forward) and of back-propagated
 * gradients (backward) — Glorot & Bengio 2010, Figures 6 and 7 — and every layer's standard
 * deviation against the variance argument's prediction.
 */
import type { DepthSignalResult, DepthSignalState, LayerSignal } from '../../experiments/depth-signal.ts';
import { fmt, prose, type WidgetDefinition } from '../../runtime/definition.ts';
import { histogramGrid } from '../../plots/histogram-grid.ts';
import { pointsChart } from '../../plots/points-chart.ts';
import { INITIALIZER_NAMES_SHORT } from '../labels.ts';
import { depthSignalSpec } from './spec.ts';

const name = (s: DepthSignalState) => INITIALIZER_NAMES_SHORT[s.initializer];

/** Layers shown as histograms: all of them up to 10, else 10 spread evenly (always the first and last). */
export function shownLayers(depth: number): number[] {
  if (depth <= 10) return Array.from({ length: depth }, (_, i) => i + 1);
  return Array.from({ length: 10 }, (_, i) => 1 + Math.round((i * (depth - 1)) / 9));
}

/**
 * The legend's name for the theory line: the formula theoryPreStd computes, with `^{…}` drawn as
 * an exponent. ReLU halves the variance after the first layer (He et al. 2015, eq. 7–9).
 */
function theoryName(activation: DepthSignalState['activation']): string {
  return activation === 'relu' ? 'theory for z: √(n·Var W) · (½·n·Var W)^{(l−1)/2}' : 'theory for z: (n·Var W)^{l/2}';
}

function stdChart(r: DepthSignalResult, s: DepthSignalState, doc: Document) {
  const x = r.layers.map((l) => l.layer);
  const hasTheory = r.layers.every((l) => l.theoryPreStd !== null);
  return pointsChart(
    {
      points: [
        { name: 'std of z (forward)', x, y: r.layers.map((l) => l.preStd) },
        { name: 'std of ∂J/∂a (backward)', x, y: r.layers.map((l) => l.backwardStd) },
      ],
      lines: hasTheory ? [{ name: theoryName(s.activation), x, y: r.layers.map((l) => l.theoryPreStd!) }] : [],
    },
    {
      document: doc,
      ariaLabel: 'Standard deviation per layer',
      ariaDescription: hasTheory
        ? 'Measured standard deviation of pre-activations and back-propagated gradients per layer, on a log scale, with the dashed line the variance argument predicts for the pre-activations.'
        : 'Measured standard deviation of pre-activations and back-propagated gradients per layer, on a log scale. Sigmoid outputs are not centred on zero, so the variance argument gives no simple prediction here.',
      xLabel: 'layer',
      wholeX: true,
      yLabel: 'standard deviation',
      logY: true,
      height: 260,
    },
  );
}

function histograms(r: DepthSignalResult, doc: Document, which: 'forward' | 'backward') {
  const shown = new Set(shownLayers(r.layers.length));
  const facets = r.layers.filter((l) => shown.has(l.layer)).map((l) => ({ label: `layer ${l.layer}`, bins: l[which] }));
  return histogramGrid(facets, {
    document: doc,
    ariaLabel: which === 'forward' ? 'Activations per layer (forward pass)' : 'Back-propagated gradients per layer (backward pass)',
    ariaDescription:
      which === 'forward'
        ? 'Histogram of the activations a = f(z) of each layer for one batch, on a shared horizontal axis.'
        : 'Histogram of the gradient of the loss with respect to each layer’s output, on a shared horizontal axis.',
    xLabel: which === 'forward' ? 'activation a' : '∂J/∂a',
  });
}

export const depthSignalWidget: WidgetDefinition<DepthSignalState, DepthSignalResult> = {
  spec: depthSignalSpec,
  experiment: 'depthSignal',
  mode: 'live',
  label: (s) => `Signal through ${s.depth} ${s.activation} layers of ${s.width} units, ${name(s)}`,
  // The same initializer and activation through 3 layers of ≤ 32 units, 32 examples: ~1% of the
  // chapter's work, the same kernels and the same three charts.
  warmUp: (s) => ({ ...s, depth: Math.min(s.depth, 3), width: Math.min(s.width, 32), samples: Math.min(s.samples, 32) }),
  draw(r, s, doc) {
    const box = doc.createElement('div');
    box.className = 'depth-signal';
    box.append(histograms(r, doc, 'forward'), histograms(r, doc, 'backward'), stdChart(r, s, doc));
    return box;
  },
  table: (r) => ({
    columns: ['layer', 'std of z', 'theory std of z', 'std of a', 'std of ∂J/∂a'],
    rows: r.layers.map((l) => [l.layer, fmt(l.preStd), fmt(l.theoryPreStd), fmt(l.forwardStd), fmt(l.backwardStd)]),
  }),
  summary(r, s) {
    const first = r.layers[0];
    const last = r.layers[r.layers.length - 1];
    if (r.nonFinite) return `The activations overflowed: with ${name(s)} and ${s.activation}, some layer’s values are no longer finite numbers.`;
    const head = `${name(s)}, ${s.activation}: `;
    const zero = (std: (l: LayerSignal) => number) => r.layers.every((l) => std(l) === 0);
    // Equal inputs give equal outputs: with no spread there is no factor to state (0/0), only that.
    if (zero((l) => l.forwardStd) && zero((l) => l.preStd)) {
      const lower = r.layers.slice(0, -1);
      const below = !lower.length ? '' : lower.every((l) => l.backwardStd === 0) ? ', and 0 at every layer below it' : ` and ${prose(first.backwardStd)} at layer 1`;
      return `${head}the spread (standard deviation) of the activations a and of the pre-activations z is 0 at every layer: every unit computes the same value for every example. The spread of the gradients is ${prose(last.backwardStd)} at the top${below}.`;
    }
    // One layer: nothing to compare across depth, so each spread is said once.
    if (r.layers.length === 1) {
      return `${head}one layer, so nothing to compare across depth: the spread (standard deviation) of its activations a is ${prose(first.forwardStd)}, that of its pre-activations z ${prose(first.preStd)}, and that of the gradient arriving at its output ${prose(first.backwardStd)}.`;
    }
    const spread = (std: (l: LayerSignal) => number) =>
      std(first) === 0
        ? `0 at layer 1 to ${prose(std(last))} at layer ${last.layer}`
        : `${prose(std(first))} at layer 1 to ${prose(std(last))} at layer ${last.layer} (a factor of ${prose(std(last) / std(first))})`;
    return `${head}the spread (standard deviation) of the activations a goes from ${spread((l) => l.forwardStd)}, that of the pre-activations z from ${spread((l) => l.preStd)}; the gradients from ${prose(last.backwardStd)} at the top to ${prose(first.backwardStd)} at layer 1.`;
  },
};
