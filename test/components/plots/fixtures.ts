/**
 * Deterministic inputs for the plot tests (closed forms and a Park–Miller LCG, never
 * Math.random), and a helper that renders to markup in a linkedom document.
 */
import type { Bar, HeatmapData, HistogramFacet, PointsData, Series } from '../../../components/plots/index.ts';
import { serverDocument } from '../../../components/plots/server.ts';

export const A = { ariaLabel: 'A test figure', ariaDescription: 'What the test figure shows.' };
export const doc = () => serverDocument();

/** Park–Miller minimal standard LCG in (0, 1); a fixed stream for fixtures. */
export function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

const steps = Array.from({ length: 40 }, (_, i) => i * 5);
const decay = (a: number, tau: number) => steps.map((t) => a * Math.exp(-t / tau) + 0.05);

export const lineData = (): Series[] => [
  { name: 'Xavier', x: steps, y: decay(2, 40), lo: decay(1.8, 36), hi: decay(2.2, 44) },
  { name: 'He', x: steps, y: decay(2.3, 25) },
];

export const histogramData = (panels = 6): HistogramFacet[] =>
  Array.from({ length: panels }, (_, l) => {
    const std = 0.8 ** l;
    // Quantiles of N(0, std²) at evenly spaced probabilities (a deterministic "sample").
    const values = Array.from({ length: 200 }, (_, k) => std * Math.SQRT2 * erfInv(2 * ((k + 0.5) / 200) - 1));
    return { label: `layer ${l + 1}`, values, theory: { std } };
  });

/** Inverse error function (Giles 2010 single-precision approximation); enough for fixtures. */
function erfInv(x: number): number {
  let w = -Math.log((1 - x) * (1 + x));
  let p: number;
  if (w < 5) {
    w -= 2.5;
    p = 2.81022636e-8;
    for (const c of [3.43273939e-7, -3.5233877e-6, -4.39150654e-6, 0.00021858087, -0.00125372503, -0.00417768164, 0.246640727, 1.50140941]) p = c + p * w;
  } else {
    w = Math.sqrt(w) - 3;
    p = -0.000200214257;
    for (const c of [0.000100950558, 0.00134934322, -0.00367342844, 0.00573950773, -0.0076224613, 0.00943887047, 1.00167406, 2.83297682]) p = c + p * w;
  }
  return p * x;
}

export function heatmapData(n = 12, count = 30): HeatmapData {
  const values: number[] = [];
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) {
    const [x, y] = [-2 + (4 * (i + 0.5)) / n, -2 + (4 * (j + 0.5)) / n];
    values.push(1 / (1 + Math.exp(-(x * x - y - 1))));
  }
  const r = lcg(42);
  const x: number[] = [], y: number[] = [], label: number[] = [];
  for (let k = 0; k < count; k++) {
    const [px, py] = [-2 + 4 * r(), -2 + 4 * r()];
    x.push(px), y.push(py), label.push(px * px - py - 1 > 0 ? 1 : 0);
  }
  return { grid: { x: [-2, 2], y: [-2, 2], nx: n, ny: n, values }, points: { x, y, label } };
}

const depth = Array.from({ length: 10 }, (_, i) => i + 1);
export const pointsData = (): PointsData => ({
  points: [
    { name: 'naive', x: depth, y: depth.map((d) => 1.5 ** d) },
    { name: 'Xavier', x: depth, y: depth.map((d) => 1 + 0.02 * Math.sin(d)) },
  ],
  lines: [{ name: 'Xavier', x: depth, y: depth.map(() => 1) }],
});

export const barData = (): Bar[] => [
  { label: 'zeros', value: 0.5, lo: 0.5, hi: 0.5 },
  { label: 'Xavier', value: 0.93, lo: 0.9, hi: 0.95 },
  { label: 'He', value: 0.94, lo: 0.92, hi: 0.96 },
];
