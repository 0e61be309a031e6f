/**
 * Messages and data shapes shared by a code cell's three parts: the page (client.ts), the
 * compile worker (compile.worker.ts: TypeScript → JavaScript) and the run worker (runtime.ts,
 * which runs the reader's code). Everything here is plain data, safe for structured clone, and
 * nothing that comes from the reader's code is ever treated as HTML.
 * @module
 */

/** A place in the reader's code, 1-based, as the editor shows it. */
export type Where = { line: number; column?: number };

/** An error in the reader's code, told for people: what, and where if known. */
export type CellError = { name: string; message: string } & Partial<Where>;

/** One console line. `level` keeps warnings and errors apart from plain logs. */
export type LogLine = { level: 'log' | 'warn' | 'error'; text: string };

/** A chart's data: one or more numeric series over a shared x (default: 0, 1, 2, …). */
export type SeriesData = {
  series: { name: string; y: number[] }[];
  x?: number[];
  xLabel?: string;
  yLabel?: string;
  /** How many points were left out to keep the chart small (0 when none). */
  omitted: number;
};

/** A table: column names and rows of cells (numbers stay numbers for alignment). */
export type TableData = {
  columns: string[];
  rows: (string | number)[][];
  /** Rows in the reader's value, of which `rows` holds the first few. */
  totalRows: number;
  caption: string;
};

/** What the cell's exported (or returned) value looks like once described for the page. */
export type CellResult =
  | { kind: 'none' }
  | { kind: 'text'; text: string }
  | { kind: 'table'; table: TableData }
  | { kind: 'series'; data: SeriesData; table: TableData };

/** The outcome of an exercise check: passed or not, one sentence, and each thing compared. */
export type CheckReport = {
  title: string;
  passed: boolean;
  summary: string;
  details: { ok: boolean; text: string }[];
};

/** Page → compile worker. */
export type CompileRequest = { id: number; source: string; runtimeUrl: string; check?: string };

/** Compile worker → page: the module text for the run worker, or a syntax error. */
export type CompileReply =
  | { id: number; ok: true; moduleText: string }
  | { id: number; ok: false; error: CellError };

/** Run worker → page. */
export type RunMessage =
  /** The runtime is loaded and the reader's code starts now (the watchdog counts from here). */
  | { type: 'started' }
  /** A batch of console lines; `dropped` counts lines left out so far because of the cap. */
  | { type: 'log'; lines: LogLine[]; dropped: number }
  | { type: 'done'; result: CellResult; check?: CheckReport; ms: number; dropped: number }
  | { type: 'error'; error: CellError; ms: number; dropped: number };
