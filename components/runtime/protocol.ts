/** Messages between a widget (main thread) and the experiment worker. Data only. */
import type { Table } from './definition.ts';

/**
 * 'run': run and draw; `quiet` (a state computed ahead, see WidgetController) sends no progress.
 * 'warm': load what widget `widget` needs (definition, Plot, experiment, DOM) before its first run;
 * with `state`, also run the definition's warm-up state for it (see WidgetDefinition.warmUp).
 */
export type ToWorker = { type: 'run'; id: number; widget: string; state: unknown; quiet?: boolean } | { type: 'warm'; widget: string; state?: unknown };

/**
 * Everything the page shows for one result, made in the worker: the figure as SVG markup (Plot
 * in the drawing document of svg-document.ts, serialised as at build time), its accessible name, the table, the
 * CSV's table when it differs (WidgetDefinition.csv), the sentence for the status line, and the result itself (for the JSON export).
 */
export type View = { figure: string; label: string; table: Table; csv?: Table; summary: string; result: unknown };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; id: number; fraction: number; view: View | null }
  | { type: 'done'; id: number; view: View; ms: number; drawMs: number } // ms: the run (after loading), figures included; drawMs: its final figure
  | { type: 'error'; id: number; message: string };

/** At most this many progress messages per second (~ one per display frame). */
export const MAX_UPDATES_PER_SECOND = 60;

/** Snapshot figures during a run: at most one per this many ms, and at most 20% of the worker's time. */
export const MIN_VIEW_INTERVAL_MS = 200;
