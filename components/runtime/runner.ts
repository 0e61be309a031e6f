/**
 * The main-thread side of the experiment worker. One runner per widget; one run at a time.
 * Stop asks the worker to pause the run at its next snapshot: the worker draws it and keeps the
 * run, which `resume` goes on with (to the end, or one epoch: Step). A worker that has not answered
 * within STOP_ANSWER_MS (an epoch that long, a runaway) is terminated, and the next run starts a
 * fresh one. Besides runs, one state at a time can be computed ahead (`ahead`): it
 * sends no progress, a run asked for meanwhile queues behind it in the worker rather than
 * terminating it, and a run of the very state it computes takes it over.
 */
import type { FromWorker, ToWorker, View, Words } from './protocol.ts';

/**
 * How a run ended: finished; paused in the worker (by Stop when `stopped`, else after a step),
 * `words` those of its latest snapshot (null: paused before the first) and `view` a promise of
 * its figure, drawn after the answer (null if none comes), which `resume` can go on from;
 * stopped by terminating the worker, `last` the last figure received; failed.
 */
export type RunOutcome =
  | { status: 'done'; view: View; ms: number }
  | { status: 'paused'; words: Words | null; view: Promise<View | null>; fraction: number; stopped: boolean }
  | { status: 'stopped'; last: View | null }
  | { status: 'error'; message: string };

/** `view` is null for progress without a new figure (figures come a few times a second). */
export type OnProgress = (fraction: number, view: View | null) => void;

/** How long the page waits for the worker to pause a run before it terminates it (Stop is answered within 100 ms). */
export const STOP_ANSWER_MS = 75;

type Pending = {
  id: number;
  /** The state's serialisation, to recognise a paused run of the same settings. */
  key: string;
  last: View | null;
  onProgress: OnProgress;
  settle: (outcome: RunOutcome) => void;
  /** Stop was asked; terminates the worker if it does not pause in time. */
  stopTimer?: ReturnType<typeof setTimeout>;
};

/** A run paused in the worker: its id there, its state's serialisation, how far it is. */
export type PausedRun = { id: number; key: string; fraction: number };

export class ExperimentRunner {
  private worker: Worker | null = null;
  private pending: Pending | null = null;
  private pausedRun: PausedRun | null = null;
  /** The figure of the last pause, until the worker has drawn it. */
  private drawing: { id: number; resolve: (view: View | null) => void } | null = null;
  private ahead: { id: number; key: string; done: (view: View | null, ms: number) => void } | null = null;
  private nextId = 1;

  /** Whether a run is in progress. */
  get busy(): boolean {
    return this.pending !== null;
  }

  /** The run paused in the worker, if any (Stop, Step), which `resume` goes on with. */
  get paused(): PausedRun | null {
    return this.pausedRun;
  }

  /**
   * Runs widget `widget`'s experiment for `state` (`key`: its serialisation); the worker draws, the
   * page shows. With `step`, the run pauses after its first epoch. A paused run is given up.
   */
  run(widget: string, state: unknown, onProgress: OnProgress, key = '', step = false): Promise<RunOutcome> {
    this.halt();
    this.pausedRun = null; // the worker keeps one run: the new one replaces it
    this.worker ??= this.spawn();
    const ahead = this.ahead;
    const adopt = !step && ahead !== null && key !== '' && ahead.key === key;
    if (adopt) this.ahead = null;
    const id = adopt ? ahead.id : this.nextId++;
    return this.await(id, key, onProgress, adopt ? null : { type: 'run', id, widget, state, step });
  }

  /** Goes on with the paused run: to the end, or with `step` for one more epoch. Null when there is none. */
  resume(onProgress: OnProgress, step = false): Promise<RunOutcome> | null {
    const paused = this.pausedRun;
    if (!paused || this.pending || !this.worker) return null;
    this.pausedRun = null;
    return this.await(paused.id, paused.key, onProgress, { type: 'resume', id: paused.id, step });
  }

  /** Gives up the paused run (its settings changed, Reset). */
  discard(): void {
    const paused = this.pausedRun;
    if (!paused) return;
    this.pausedRun = null;
    const message: ToWorker = { type: 'discard', id: paused.id };
    this.worker?.postMessage(message);
  }

  /** Posts `message` (if any) and resolves with how run `id` ends. */
  private await(id: number, key: string, onProgress: OnProgress, message: ToWorker | null): Promise<RunOutcome> {
    return new Promise<RunOutcome>((resolve) => {
      this.pending = { id, key, last: null, onProgress, settle: resolve };
      if (message) this.worker!.postMessage(message);
    });
  }

  /**
   * Computes `state` ahead, when nothing else is going on; `done` gets its view and the run's
   * time (null on an error; not called when a run took it over). Returns false when busy.
   */
  prefetch(widget: string, state: unknown, key: string, done: (view: View | null, ms: number) => void): boolean {
    if (this.pending || this.ahead) return false;
    this.pausedRun = null; // the worker keeps one run: this one replaces it
    const worker = (this.worker ??= this.spawn());
    this.ahead = { id: this.nextId++, key, done };
    const message: ToWorker = { type: 'run', id: this.ahead.id, widget, state, quiet: true };
    worker.postMessage(message);
    return true;
  }

  /**
   * Starts the worker and has it load what `widget` needs, so that the first run starts at once;
   * given the state on screen, it also compiles the code that state runs (see WidgetDefinition.warmUp).
   */
  warm(widget: string, state?: unknown): void {
    if (this.worker) return;
    this.worker = this.spawn();
    const message: ToWorker = { type: 'warm', widget, state };
    this.worker.postMessage(message);
  }

  /**
   * Asks the worker to pause the current run; its promise resolves as 'paused' with the latest
   * snapshot drawn, or, if the worker has not answered within STOP_ANSWER_MS, as 'stopped' with the
   * last figure received (the worker terminated).
   */
  stop(): void {
    const pending = this.pending;
    if (!pending || pending.stopTimer !== undefined) return;
    const message: ToWorker = { type: 'stop', id: pending.id };
    this.worker?.postMessage(message);
    pending.stopTimer = setTimeout(() => this.halt(), STOP_ANSWER_MS);
  }

  /** Ends the current run now by terminating the worker; its promise resolves with the last figure received. */
  halt(): void {
    const pending = this.pending;
    if (!pending) return;
    clearTimeout(pending.stopTimer);
    this.drawn(null);
    this.worker?.terminate();
    this.worker = null;
    this.pending = null;
    this.ahead = null; // it was on the terminated worker
    this.pausedRun = null;
    pending.settle({ status: 'stopped', last: pending.last });
  }

  /** Frees the worker (e.g. when the widget leaves the page). */
  dispose(): void {
    this.halt();
    this.drawn(null);
    this.worker?.terminate();
    this.worker = null;
    this.ahead = null;
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('./experiment.worker.ts', import.meta.url), { type: 'module', name: 'experiment' });
    worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      const ahead = this.ahead;
      this.ahead = null;
      this.pausedRun = null;
      this.drawn(null);
      ahead?.done(null, NaN);
      this.finish({ status: 'error', message: event.message || 'The experiment worker failed to start.' });
    };
    return worker;
  }

  private receive(message: FromWorker): void {
    const ahead = this.ahead;
    if (ahead && message.type !== 'ready' && message.id === ahead.id) {
      if (message.type === 'progress') return;
      this.ahead = null;
      if (message.type === 'done') ahead.done(message.view, message.ms);
      else ahead.done(null, NaN);
      return;
    }
    if (message.type === 'drawn') {
      if (this.drawing?.id === message.id) this.drawn(message.view);
      return;
    }
    const pending = this.pending;
    if (!pending || message.type === 'ready' || message.id !== pending.id) return;
    if (message.type === 'progress') {
      if (message.view) pending.last = message.view;
      pending.onProgress(message.fraction, message.view);
    } else if (message.type === 'done') {
      this.finish({ status: 'done', view: message.view, ms: message.ms });
    } else if (message.type === 'paused') {
      this.pausedRun = { id: pending.id, key: pending.key, fraction: message.fraction };
      const view = message.words
        ? new Promise<View | null>((resolve) => (this.drawing = { id: pending.id, resolve }))
        : Promise.resolve(pending.last);
      this.finish({ status: 'paused', words: message.words, view, fraction: message.fraction, stopped: pending.stopTimer !== undefined });
    } else {
      this.finish({ status: 'error', message: message.message });
    }
  }

  /** Hands the paused run's figure over (null: it will not come). */
  private drawn(view: View | null): void {
    const drawing = this.drawing;
    this.drawing = null;
    drawing?.resolve(view);
  }

  private finish(outcome: RunOutcome): void {
    const pending = this.pending;
    this.pending = null;
    clearTimeout(pending?.stopTimer);
    pending?.settle(outcome);
  }
}
