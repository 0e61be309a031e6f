/**
 * Describes the value a cell exports as plain data for the page: numbers and text as text, an
 * array of objects as a table, numeric series (an array of numbers, a typed array, or
 * `{ series, x? }`) as a chart with its table, an engine Matrix as a table. Runs in the run
 * worker, so the page only receives bounded, cloneable data.
 * @module
 */
import { formatValue, isMatrix } from './format.ts';
import type { CellResult, SeriesData, TableData } from './protocol.ts';

/** Most rows and columns a table shows, and most points a chart series keeps. */
export const MAX_ROWS = 200;
export const MAX_COLUMNS = 20;
export const MAX_POINTS = 5_000;
export const MAX_SERIES = 12;

type Row = Record<string, unknown>;

const isNumberList = (v: unknown): v is ArrayLike<number> =>
  (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'number'))
  || (ArrayBuffer.isView(v) && !(v instanceof DataView) && !(v instanceof BigInt64Array) && !(v instanceof BigUint64Array));

const isPlainRow = (v: unknown): v is Row =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v) && !(v instanceof Map) && !(v instanceof Set);

/** The page-ready description of a cell's value. Never throws for a hostile value. */
export function describeResult(value: unknown): CellResult {
  try {
    if (value === undefined) return { kind: 'none' };
    if (isMatrix(value)) return { kind: 'table', table: matrixTable(value) };
    if (isNumberList(value)) return seriesResult({ series: [{ name: 'value', y: value }] });
    if (isPlainRow(value) && 'series' in value) {
      const data = seriesFromObject(value);
      if (data) return seriesResult(data);
    }
    if (Array.isArray(value) && value.length > 0 && value.every(isPlainRow)) return { kind: 'table', table: objectTable(value) };
    return { kind: 'text', text: formatValue(value, { depth: 4, items: 50, chars: 20_000 }) };
  } catch {
    return { kind: 'text', text: '[a value that could not be read]' };
  }
}

type LooseSeries = { series: { name: string; y: ArrayLike<number> }[]; x?: ArrayLike<number>; xLabel?: string; yLabel?: string };

/**
 * `{ series: number[] }`, `{ series: number[][] }` or `{ series: [{ name, y }] }` (also `values`
 * for `y`), with optional `x`, `xLabel`, `yLabel`. Anything else is not a chart.
 */
function seriesFromObject(o: Row): LooseSeries | undefined {
  const s = o.series;
  let series: LooseSeries['series'];
  if (isNumberList(s)) series = [{ name: 'value', y: s }];
  else if (Array.isArray(s) && s.length > 0 && s.every(isNumberList)) series = s.map((y, i) => ({ name: `series ${i + 1}`, y }));
  else if (Array.isArray(s) && s.length > 0 && s.every((e) => isPlainRow(e) && isNumberList(e.y ?? e.values))) {
    series = s.map((e: Row, i) => ({ name: typeof e.name === 'string' && e.name ? e.name.slice(0, 60) : `series ${i + 1}`, y: (e.y ?? e.values) as ArrayLike<number> }));
  } else return undefined;
  const label = (v: unknown) => (typeof v === 'string' && v ? v.slice(0, 60) : undefined);
  return { series, x: isNumberList(o.x) ? o.x : undefined, xLabel: label(o.xLabel), yLabel: label(o.yLabel) };
}

function seriesResult(loose: LooseSeries): CellResult {
  const kept = loose.series.slice(0, MAX_SERIES);
  const longest = Math.max(...kept.map((s) => s.y.length));
  const n = Math.min(longest, MAX_POINTS);
  const data: SeriesData = {
    series: kept.map((s) => ({ name: s.name, y: Array.from({ length: Math.min(s.y.length, n) }, (_, i) => Number(s.y[i])) })),
    omitted: loose.series.slice(MAX_SERIES).reduce((t, s) => t + s.y.length, 0) + kept.reduce((t, s) => t + Math.max(0, s.y.length - n), 0),
    ...(loose.x && { x: Array.from({ length: Math.min(loose.x.length, n) }, (_, i) => Number(loose.x![i])) }),
    ...(loose.xLabel && { xLabel: loose.xLabel }),
    ...(loose.yLabel && { yLabel: loose.yLabel }),
  };
  const xName = data.xLabel ?? 'x';
  const columns = [xName, ...data.series.map((s) => s.name)];
  const rows: (string | number)[][] = [];
  for (let i = 0; i < Math.min(n, MAX_ROWS); i++) rows.push([data.x?.[i] ?? i, ...data.series.map((s) => s.y[i] ?? '')]);
  const table: TableData = { columns, rows, totalRows: n, caption: `${data.series.length} series, ${n} points` };
  return { kind: 'series', data, table };
}

function matrixTable(m: { rows: number; cols: number; data: ArrayLike<number> }): TableData {
  const cols = Math.min(m.cols, MAX_COLUMNS);
  const rows: (string | number)[][] = [];
  for (let i = 0; i < Math.min(m.rows, MAX_ROWS); i++) {
    rows.push([i, ...Array.from({ length: cols }, (_, j) => Number(m.data[i * m.cols + j]))]);
  }
  const more = m.cols > cols ? ` (first ${cols} columns)` : '';
  return { columns: ['row', ...Array.from({ length: cols }, (_, j) => String(j))], rows, totalRows: m.rows, caption: `Matrix ${m.rows} × ${m.cols}${more}` };
}

function objectTable(items: Row[]): TableData {
  const columns: string[] = [];
  for (const row of items.slice(0, MAX_ROWS)) {
    for (const k of Object.keys(row)) if (columns.length < MAX_COLUMNS && !columns.includes(k)) columns.push(k);
  }
  const cell = (v: unknown): string | number => (typeof v === 'number' ? v : v === undefined ? '' : formatValue(v, { depth: 1, items: 8, chars: 200 }));
  const rows = items.slice(0, MAX_ROWS).map((row) => columns.map((k) => cell(row[k])));
  return { columns, rows, totalRows: items.length, caption: `${items.length} rows × ${columns.length} columns` };
}

