/**
 * The main-thread side of the experiment worker. One runner per widget; one run at a time.
 * Stop terminates the worker (answered at once, even inside a tight loop) and the next run
 * starts a fresh one. Besides runs, one state at a time can be computed ahead (`ahead`): it
 * sends no progress, a run asked for meanwhile queues behind it in the worker rather than
 * terminating it, and a run of the very state it computes takes it over.
 */
import type { FromWorker, ToWorker, View } from './protocol.ts';

export type RunOutcome =
  | { status: 'done'; view: View; ms: number }
  | { status: 'stopped'; last: View | null }
  | { status: 'error'; message: string };

/** `view` is null for progress without a new figure (figures come a few times a second). */
export type OnProgress = (fraction: number, view: View | null) => void;

type Pending = {
  id: number;
  last: View | null;
  onProgress: OnProgress;
  settle: (outcome: RunOutcome) => void;
};

export class ExperimentRunner {
  private worker: Worker | null = null;
  private pending: Pending | null = null;
  private ahead: { id: number; key: string; done: (view: View | null, ms: number) => void } | null = null;
  private nextId = 1;

  /** Whether a run is in progress. */
  get busy(): boolean {
    return this.pending !== null;
  }

  /** Runs widget `widget`'s experiment for `state` (`key`: its serialisation); the worker draws, the page shows. */
  run(widget: string, state: unknown, onProgress: OnProgress, key = ''): Promise<RunOutcome> {
    this.stop();
    const worker = (this.worker ??= this.spawn());
    const ahead = this.ahead;
    const adopt = ahead !== null && key !== '' && ahead.key === key;
    if (adopt) this.ahead = null;
    const id = adopt ? ahead.id : this.nextId++;
    return new Promise<RunOutcome>((resolve) => {
      this.pending = { id, last: null, onProgress, settle: resolve };
      const message: ToWorker = { type: 'run', id, widget, state };
      if (!adopt) worker.postMessage(message);
    });
  }

  /**
   * Computes `state` ahead, when nothing else is going on; `done` gets its view and the run's
   * time (null on an error; not called when a run took it over). Returns false when busy.
   */
  prefetch(widget: string, state: unknown, key: string, done: (view: View | null, ms: number) => void): boolean {
    if (this.pending || this.ahead) return false;
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

  /** Ends the current run now; its promise resolves with the last figure received. */
  stop(): void {
    const pending = this.pending;
    if (!pending) return;
    this.worker?.terminate();
    this.worker = null;
    this.pending = null;
    this.ahead = null; // it was on the terminated worker
    pending.settle({ status: 'stopped', last: pending.last });
  }

  /** Frees the worker (e.g. when the widget leaves the page). */
  dispose(): void {
    this.stop();
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
    const pending = this.pending;
    if (!pending || message.type === 'ready' || message.id !== pending.id) return;
    if (message.type === 'progress') {
      if (message.view) pending.last = message.view;
      pending.onProgress(message.fraction, message.view);
    } else if (message.type === 'done') {
      this.finish({ status: 'done', view: message.view, ms: message.ms });
    } else {
      this.finish({ status: 'error', message: message.message });
    }
  }

  private finish(outcome: RunOutcome): void {
    const pending = this.pending;
    this.pending = null;
    pending?.settle(outcome);
  }
}
