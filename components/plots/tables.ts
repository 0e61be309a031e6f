/**
 * The "show as table" alternative of each plot: the same data as columns and rows of rounded
 * numbers (4 significant digits; non-finite values in words, never dropped silently).
 */
import type { Bar } from './bar-chart.ts';
import { cleanBins } from './bins.ts';
import { formatNumber, plottable, roundNumber } from './finite.ts';
import type { HeatmapData } from './heatmap-with-points.ts';
import type { HistogramFacet } from './histogram-grid.ts';
import { plainLabel } from './label-text.ts';
import type { PointsData } from './points-chart.ts';
import type { Series } from './series.ts';

/** Same shape as components/runtime/definition.ts' Table. */
export type Table = { columns: string[]; rows: (string | number)[][] };

/** A cell: a rounded number, or the value in words when it is not finite. */
export const cell = (v: number | undefined): string | number => (v === undefined ? '' : plottable(+v) ? roundNumber(+v) : formatNumber(+v));

/** One row per point: series, x, y (and the band, when any series has one). */
export function lineTable(data: Series[]): Table {
  const banded = data.some((s) => s.lo && s.hi);
  const rows = data.flatMap((s) =>
    Array.from({ length: Math.min(s.x.length, s.y.length) }, (_, i) => {
      const row = [plainLabel(s.name), cell(s.x[i]), cell(s.y[i])];
      return banded ? [...row, cell(s.lo?.[i]), cell(s.hi?.[i])] : row;
    }),
  );
  return { columns: banded ? ['series', 'x', 'y', 'band low', 'band high'] : ['series', 'x', 'y'], rows };
}

/** Measured points, then reference lines. */
export function pointsTable(data: PointsData): Table {
  const part = (list: Series[] | undefined, kind: string) => lineTable(list ?? []).rows.map(([name, ...rest]) => [name, kind, ...rest]);
  return { columns: ['series', 'kind', 'x', 'y'], rows: [...part(data.points, 'measured'), ...part(data.lines, 'reference')] };
}

/** One row per bar. */
export function barTable(data: Bar[]): Table {
  const ranged = data.some((b) => b.lo !== undefined && b.hi !== undefined);
  const rows = data.map((b) => (ranged ? [String(b.label), cell(b.value), cell(b.lo), cell(b.hi)] : [String(b.label), cell(b.value)]));
  return { columns: ranged ? ['label', 'value', 'low', 'high'] : ['label', 'value'], rows };
}

/**
 * One row per panel, summarising its distribution (a row per bin would be hundreds of rows):
 * count, mean, standard deviation, min, max of the finite values (bin centres weighted by
 * count for precomputed bins), how many were not finite, and the theory's std if given.
 */
export function histogramTable(data: HistogramFacet[]): Table {
  const rows = data.map((f) => {
    let [n, sum, sq, min, max, bad] = [0, 0, 0, Infinity, -Infinity, 0];
    const add = (v: number, w: number) => ((n += w), (sum += w * v), (sq += w * v * v), (min = Math.min(min, v)), (max = Math.max(max, v)));
    if (f.bins) {
      const b = cleanBins(f.bins);
      b.counts.forEach((c, k) => c > 0 && add((b.x1[k] + b.x2[k]) / 2, c));
      bad = b.nonFinite;
    } else for (const v of Array.from(f.values ?? [])) plottable(v) ? add(v, 1) : bad++;
    const mean = n ? sum / n : NaN;
    const std = n ? Math.sqrt(Math.max(0, sq / n - mean * mean)) : NaN;
    return [String(f.label), n, cell(mean), cell(std), cell(n ? min : NaN), cell(n ? max : NaN), bad, f.theory ? cell(f.theory.std) : ''];
  });
  return { columns: ['panel', 'count', 'mean', 'std', 'min', 'max', 'not finite', 'theory std'], rows };
}

/** One row per data point: its coordinates, class, and the grid value of the cell it lies in. */
export function heatmapTable(data: HeatmapData): Table {
  const { grid: g, points: p } = data;
  const rows: (string | number)[][] = [];
  const n = p ? Math.min(p.x.length, p.y.length, p.label.length) : 0;
  for (let k = 0; k < n; k++) {
    const [x, y] = [+p!.x[k], +p!.y[k]];
    const i = Math.floor(((x - g.x[0]) / (g.x[1] - g.x[0])) * g.nx);
    const j = Math.floor(((y - g.y[0]) / (g.y[1] - g.y[0])) * g.ny);
    const inside = x >= g.x[0] && x <= g.x[1] && y >= g.y[0] && y <= g.y[1];
    const value = inside ? g.values[Math.min(j, g.ny - 1) * g.nx + Math.min(i, g.nx - 1)] : undefined;
    rows.push([cell(x), cell(y), cell(+p!.label[k]), value === undefined ? 'outside grid' : cell(value)]);
  }
  return { columns: ['x', 'y', 'class', 'model output'], rows };
}

export type PlotKind = 'line' | 'points' | 'bar' | 'histogram' | 'heatmap';
type DataOf = { line: Series[]; points: PointsData; bar: Bar[]; histogram: HistogramFacet[]; heatmap: HeatmapData };

/** The table for plot `kind` and its data (the same data the plot function takes). */
export function tableFor<K extends PlotKind>(kind: K, data: DataOf[K]): Table {
  const byKind: { [P in PlotKind]: (d: DataOf[P]) => Table } = { line: lineTable, points: pointsTable, bar: barTable, histogram: histogramTable, heatmap: heatmapTable };
  return (byKind[kind] as (d: DataOf[K]) => Table)(data);
}
