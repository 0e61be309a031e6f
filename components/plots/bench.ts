/**
 * Micro-benchmark of the plot functions at typical sizes (not a test: timings vary by machine).
 * Node, in a linkedom document:  /work/main/node_modules/.bin/node components/plots/bench.ts
 * Browser: bundle a page that calls `runBench(document, host)`; with a `host` element each
 * redraw also replaces the host's children and forces layout, as a widget's redraw does.
 */
import { barChart } from './bar-chart.ts';
import { heatmapWithPoints } from './heatmap-with-points.ts';
import { histogramGrid, type HistogramFacet } from './histogram-grid.ts';
import { lineChart } from './line-chart.ts';
import { pointsChart } from './points-chart.ts';
import { summarizeRuns } from './summarize.ts';

/** Park–Miller LCG in (0, 1): the same inputs on every run. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

const A = { ariaLabel: 'Benchmark figure', ariaDescription: 'Synthetic data at a typical size.' };

/** Named cases, each a function drawing one figure in `document`. */
export function benchCases(): { name: string; draw: (document: Document) => Element }[] {
  const r = lcg(1);
  const gauss = () => Math.sqrt(-2 * Math.log(r())) * Math.cos(2 * Math.PI * r());
  const steps = Array.from({ length: 500 }, (_, i) => i);
  const lines = ['zeros', 'normal', 'Xavier', 'He'].map((name, k) =>
    summarizeRuns(name, steps, Array.from({ length: 5 }, () => steps.map((t) => (1 + k) * Math.exp(-t / 120) + 0.05 * r()))),
  );
  const panels = (n: number): HistogramFacet[] =>
    Array.from({ length: n }, (_, l) => ({ label: `layer ${l + 1}`, values: Array.from({ length: 1000 }, () => 0.9 ** l * gauss()), theory: { std: 0.9 ** l } }));
  const [p20, p50] = [panels(20), panels(50)];
  const n = 60;
  const values = Array.from({ length: n * n }, (_, k) => {
    const [x, y] = [-2 + (4 * ((k % n) + 0.5)) / n, -2 + (4 * (Math.floor(k / n) + 0.5)) / n];
    return 1 / (1 + Math.exp(-(x * x - y - 1)));
  });
  const px = Array.from({ length: 400 }, () => 4 * r() - 2);
  const py = Array.from({ length: 400 }, () => 4 * r() - 2);
  const heat = { grid: { x: [-2, 2] as [number, number], y: [-2, 2] as [number, number], nx: n, ny: n, values }, points: { x: px, y: py, label: px.map((x, i) => (x * x - py[i] - 1 > 0 ? 1 : 0)) } };
  const depth = Array.from({ length: 50 }, (_, i) => i + 1);
  const pts = { points: [1.2, 1, 0.8].map((g, k) => ({ name: `gain ${g}`, x: depth, y: depth.map((d) => g ** d * (1 + 0.05 * gauss())) })), lines: [1.2, 1, 0.8].map((g) => ({ name: `gain ${g}`, x: depth, y: depth.map((d) => g ** d) })) };
  const bars = ['zeros', 'normal', 'Xavier', 'He', 'orthogonal'].map((label, i) => ({ label, value: 0.5 + 0.1 * i, lo: 0.45 + 0.1 * i, hi: 0.55 + 0.1 * i }));
  return [
    { name: 'lineChart 4 series × 500 steps, bands', draw: (document) => lineChart(lines, { ...A, logY: true, document }) },
    { name: 'histogramGrid 20 panels × 30 bins (1000 raw values each)', draw: (document) => histogramGrid(p20, { ...A, document }) },
    { name: 'histogramGrid 50 panels × 30 bins (1000 raw values each)', draw: (document) => histogramGrid(p50, { ...A, document }) },
    { name: 'heatmapWithPoints 60×60 grid + 400 points', draw: (document) => heatmapWithPoints(heat, { ...A, domain: [0, 1], document }) },
    { name: 'pointsChart 3 × 50 points + 3 lines, log y', draw: (document) => pointsChart(pts, { ...A, logY: true, document }) },
    { name: 'barChart 5 bars with error bars', draw: (document) => barChart(bars, { ...A, document }) },
  ];
}

export type BenchResult = { name: string; minMs: number; medianMs: number; p95Ms: number; runs: number };

/** Times each case `runs` times after `warmup` runs; with `host`, includes insertion and layout. */
export function runBench(document: Document, host?: Element, runs = 40, warmup = 5): BenchResult[] {
  return benchCases().map(({ name, draw }) => {
    const once = () => {
      const el = draw(document);
      if (host) {
        host.replaceChildren(el);
        host.getBoundingClientRect();
      }
    };
    for (let i = 0; i < warmup; i++) once();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      once();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(runs - 1, Math.ceil(q * runs) - 1)];
    return { name, minMs: times[0], medianMs: at(0.5), p95Ms: at(0.95), runs };
  });
}

// Run directly in Node: time in the drawing document (server.ts is imported only here).
if (typeof process !== 'undefined' && process.argv[1]?.endsWith('bench.ts')) {
  const { serverDocument } = await import('./server.ts');
  const ms = (v: number) => v.toFixed(1).padStart(6);
  for (const r of runBench(serverDocument())) console.log(`${r.name.padEnd(58)} min ${ms(r.minMs)}  median ${ms(r.medianMs)}  p95 ${ms(r.p95Ms)} ms`);
}
