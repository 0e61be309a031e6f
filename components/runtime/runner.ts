/**
 * The main-thread side of the experiment worker. One runner per widget; one run at a time.
 * Stop terminates the worker (answered at once, even inside a tight loop) and the next run
 * starts a fresh one.
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
  private nextId = 1;

  /** Whether a run is in progress. */
  get busy(): boolean {
    return this.pending !== null;
  }

  /** Runs widget `widget`'s experiment for `state`; the worker draws, the page shows. */
  run(widget: string, state: unknown, onProgress: OnProgress): Promise<RunOutcome> {
    this.stop();
    const worker = (this.worker ??= this.spawn());
    const id = this.nextId++;
    return new Promise<RunOutcome>((resolve) => {
      this.pending = { id, last: null, onProgress, settle: resolve };
      const message: ToWorker = { type: 'run', id, widget, state };
      worker.postMessage(message);
    });
  }

  /** Starts the worker and has it load what `widget` needs, so that the first run starts at once. */
  warm(widget: string): void {
    if (this.worker) return;
    this.worker = this.spawn();
    const message: ToWorker = { type: 'warm', widget };
    this.worker.postMessage(message);
  }

  /** Ends the current run now; its promise resolves with the last figure received. */
  stop(): void {
    const pending = this.pending;
    if (!pending) return;
    this.worker?.terminate();
    this.worker = null;
    this.pending = null;
    pending.settle({ status: 'stopped', last: pending.last });
  }

  /** Frees the worker (e.g. when the widget leaves the page). */
  dispose(): void {
    this.stop();
    this.worker?.terminate();
    this.worker = null;
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('./experiment.worker.ts', import.meta.url), { type: 'module', name: 'experiment' });
    worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.finish({ status: 'error', message: event.message || 'The experiment worker failed to start.' });
    };
    return worker;
  }

  private receive(message: FromWorker): void {
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
