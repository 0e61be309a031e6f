/**
 * <DecisionBoundary> drawn: the predicted probability of class 1 over the plane as a heatmap, its
 * ½-contour as the boundary, training points filled and test points hollow on top; beside it the
 * training and test loss per epoch on a log scale, with ln 2 (predicting ½ everywhere) for reference.
 */
import type { DecisionBoundaryResult, DecisionBoundaryState } from '../../experiments/decision-boundary.ts';
import { epochPosition, fmt, prose, type Table, type WidgetDefinition } from '../../runtime/definition.ts';
import { spacedIndices } from '../../runtime/table.ts';
import { optionName } from '../../runtime/params-text.ts';
import { heatmapWithPoints } from '../../plots/heatmap-with-points.ts';
import { lineChart } from '../../plots/line-chart.ts';
import { seriesDashWord } from '../../plots/theme.ts';
import { DATASET_LABELS, INITIALIZER_NAMES_SHORT } from '../labels.ts';
import { decisionBoundarySpec } from './spec.ts';
import { appendTestPoints } from './test-points.ts';

/** Recipes by name; a start of zeros reads better in a sentence as "all-zero weights". */
const SHORT: Record<DecisionBoundaryState['initializer'], string> = { ...INITIALIZER_NAMES_SHORT, zeros: 'all-zero weights' };
const pct = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '—' : `${fmt(100 * v)}%`);

/** The start in words: "Glorot uniform × 0.01 (scaled down)", "He normal as published", "all-zero weights". */
export function startWords(s: Pick<DecisionBoundaryState, 'initializer' | 'gain'>): string {
  if (s.initializer === 'zeros') return SHORT.zeros;
  if (s.gain === 1) return `${SHORT[s.initializer]} as published`;
  return `${SHORT[s.initializer]} × ${prose(s.gain)} (scaled ${s.gain < 1 ? 'down' : 'up'})`;
}

function boundary(r: DecisionBoundaryResult, s: DecisionBoundaryState, doc: Document) {
  const svg = heatmapWithPoints(
    { grid: r.grid, points: r.train },
    {
      document: doc,
      ariaLabel: `Predicted probability of class 1 after epoch ${r.gridEpoch}`,
      ariaDescription: `The network's probability of class 1 over the plane on a 50 × 50 grid, red below ½ and blue above, with the ½ contour (the decision boundary) drawn grey. Training points are filled, test points hollow; ${r.train.x.length} and ${r.test.x.length} of them.${r.divergence ? ` Training diverged; this is the network after epoch ${r.gridEpoch}, its last finite weights.` : ''}`,
      classNames: ['class 0 (● training, ○ test)', 'class 1 (■ training, □ test)'],
      domain: [0, 1],
      height: 460,
    },
  );
  appendTestPoints(svg, doc, r.test);
  return svg;
}

function losses(r: DecisionBoundaryResult, s: DecisionBoundaryState, doc: Document) {
  const h = r.history;
  // A diverged run's training curve gets one more, non-finite point, so the chart marks where it stopped.
  const d = r.divergence;
  const trainCurve = d ? { x: [...h.epoch, d.epoch ?? r.epochsDone + 1], y: [...h.trainLoss, NaN] } : { x: h.epoch, y: h.trainLoss };
  const last = Math.max(s.epochs, 1);
  const series = [
    { name: 'training loss', ...trainCurve },
    { name: 'test loss', x: h.epoch, y: h.testLoss },
    { name: 'ln 2: predicting ½ everywhere', x: [0, last], y: [Math.LN2, Math.LN2] },
  ];
  // The line chart styles series by position: name each line's style from the same place.
  const [train, test, ln2] = series.map((_, i) => seriesDashWord(i));
  return lineChart(
    series,
    {
      document: doc,
      ariaLabel: 'Training and test loss per epoch',
      ariaDescription: `Mean binary cross-entropy on the training points (the ${train} line) and on the held-out test points (the ${test} line) after each epoch, on a log scale; epoch 0 is the untrained network. A network that predicts ½ everywhere scores ln 2 ≈ 0.693, the ${ln2} line.`,
      xLabel: 'epoch',
      wholeX: true,
      yLabel: 'loss (binary cross-entropy)',
      logY: true,
      height: 240,
    },
  );
}

/** About this many epochs in "Show as table"; the CSV has every one. */
const TABLE_EPOCHS = 41;

/** The loss and accuracy curves at the recorded epochs of index `at`. */
function lossTable(r: DecisionBoundaryResult, at: number[]): Table {
  const h = r.history;
  const rows = at.map((i) => [h.epoch[i], fmt(h.trainLoss[i]), fmt(h.testLoss[i]), pct(h.trainAccuracy[i]), pct(h.testAccuracy[i])]);
  return { columns: ['epoch', 'training loss', 'test loss', 'training accuracy', 'test accuracy'], rows };
}

/** The sentence on units: identical units (symmetry), saturation at the start, or a layer switched off. */
function unitsSentence(r: DecisionBoundaryResult, s: DecisionBoundaryState): string {
  if (s.width > 1 && r.distinctUnits.every((d) => d === 1)) {
    return ` Each hidden layer still has a single distinct unit: its ${s.width} units started equal and got equal updates, so they compute the same thing.`;
  }
  const off = r.stuckUnits.findIndex((n) => n === s.width);
  if (s.activation === 'relu' && off >= 0) {
    return ` All ${s.width} units of layer ${off + 1} are switched off (z ≤ 0) on every training point, so the layers above see a constant and the prediction is the same everywhere.`;
  }
  const top = r.saturatedAtStart.reduce((best, v, i) => (v > r.saturatedAtStart[best] ? i : best), 0);
  if ((s.activation === 'tanh' || s.activation === 'sigmoid') && r.saturatedAtStart[top] >= 0.25) {
    return ` At the start ${pct(r.saturatedAtStart[top])} of layer ${top + 1}'s ${s.activation} outputs were saturated (f′ below 1% of its peak), where almost no gradient gets through.`;
  }
  return '';
}

export const decisionBoundaryWidget: WidgetDefinition<DecisionBoundaryState, DecisionBoundaryResult> = {
  spec: decisionBoundarySpec,
  experiment: 'decisionBoundary',
  mode: 'train',
  label: (s) => `Decision boundary on ${DATASET_LABELS[s.dataset]}: ${s.depth} ${optionName(decisionBoundarySpec.params.activation, s.activation)} layer${s.depth > 1 ? 's' : ''} of ${s.width} units from ${startWords(s)}`,
  draw(r, s, doc) {
    const box = doc.createElement('div');
    box.className = 'decision-boundary';
    box.append(boundary(r, s, doc), losses(r, s, doc));
    return box;
  },
  table: (r) => lossTable(r, spacedIndices(r.history.epoch.length, TABLE_EPOCHS)),
  csv: (r) => lossTable(r, spacedIndices(r.history.epoch.length, Infinity)),
  position: (r, s) => epochPosition(r.epochsDone, s.epochs),
  summary(r, s) {
    const h = r.history;
    const i = h.epoch.length - 1;
    const scores = `accuracy ${pct(h.trainAccuracy[i])} on the training points, ${pct(h.testAccuracy[i])} on the test points`;
    const d = r.divergence;
    if (d) {
      return `From ${startWords(s)}, training diverged in epoch ${d.epoch ?? r.epochsDone + 1}: ${d.message} The boundary shown is from epoch ${r.gridEpoch}, the last with finite weights (training loss ${prose(h.trainLoss[i])}, ${scores}).${unitsSentence(r, s)}`;
    }
    // An unfinished run's epoch is said by `position`, which the status puts first.
    const when = r.epochsDone >= s.epochs ? `After ${r.epochsDone} epochs from` : 'From';
    const first = `${when} ${startWords(s)}, the training loss went from ${prose(h.trainLoss[0])} to ${prose(h.trainLoss[i])}; ${scores}.`;
    return first + unitsSentence(r, s);
  },
};
