/** Messages between a widget (main thread) and the experiment worker. Data only. */

export type ToWorker = { type: 'run'; id: number; experiment: string; state: unknown };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; id: number; fraction: number; snapshot: unknown }
  | { type: 'done'; id: number; result: unknown; ms: number }
  | { type: 'error'; id: number; message: string };

/** At most this many progress messages per second (~ one per display frame). */
export const MAX_UPDATES_PER_SECOND = 60;
