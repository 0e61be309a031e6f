/** Messages between a widget (main thread) and the experiment worker. Data only. */
import type { Table } from './definition.ts';

/**
 * 'run': run and draw; `quiet` (a state computed ahead, see WidgetController) sends no progress;
 * `step`: pause after the first epoch (the first snapshot past the untrained network).
 * 'stop': pause run `id` at its next snapshot, drawing it ('paused'); the worker keeps the run.
 * 'resume': go on with paused run `id`, to the end or, with `step`, for one more epoch.
 * 'discard': forget paused run `id` (a new 'run' forgets it too: the worker keeps one).
 * 'warm': load what widget `widget` needs (definition, Plot, experiment, DOM) before its first run;
 * with `state`, also run the definition's warm-up state for it (see WidgetDefinition.warmUp).
 */
export type ToWorker =
  | { type: 'run'; id: number; widget: string; state: unknown; quiet?: boolean; step?: boolean }
  | { type: 'stop'; id: number }
  | { type: 'resume'; id: number; step?: boolean }
  | { type: 'discard'; id: number }
  | { type: 'warm'; widget: string; state?: unknown };

/**
 * Everything the page shows for one result, made in the worker: the figure as SVG markup (Plot
 * in the drawing document of svg-document.ts, serialised as at build time), its accessible name, the table, the
 * CSV's table when it differs (WidgetDefinition.csv), the sentence for the status line, the result
 * itself (for the JSON export) and, for a training widget, how far it is in words
 * (WidgetDefinition.position).
 */
export type View = { figure: string; label: string; table: Table; csv?: Table; summary: string; result: unknown; position?: string };

/** A view without its figure: all that is quick to make. */
export type Words = Omit<View, 'figure'>;

export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; id: number; fraction: number; view: View | null }
  | { type: 'done'; id: number; view: View; ms: number; drawMs: number } // ms: the run (after loading, pauses left out), figures included; drawMs: its final figure
  // A pause answers at once with the latest snapshot's words (null: paused before the first); its
  // figure, which can take ~100 ms to draw, follows in 'drawn'.
  | { type: 'paused'; id: number; fraction: number; words: Words | null }
  | { type: 'drawn'; id: number; view: View }
  | { type: 'error'; id: number; message: string };

/** At most this many progress messages per second (~ one per display frame). */
export const MAX_UPDATES_PER_SECOND = 60;

/** Snapshot figures during a run: at most one per this many ms, and at most 20% of the worker's time. */
export const MIN_VIEW_INTERVAL_MS = 200;

/** Between snapshots, the worker lets messages in (a Stop) after at most this much computing. */
export const TURN_MS = 4;
