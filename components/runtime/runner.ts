/**
 * The main-thread side of the experiment worker. One runner per widget; one run at a time.
 * Stop terminates the worker (answered at once, even inside a tight loop) and the next run
 * starts a fresh one.
 */
import type { FromWorker, ToWorker } from './protocol.ts';

export type RunOutcome<R> =
  | { status: 'done'; result: R; ms: number }
  | { status: 'stopped'; last: R | null }
  | { status: 'error'; message: string };

type Pending = {
  id: number;
  last: unknown;
  onProgress: (fraction: number, snapshot: unknown) => void;
  settle: (outcome: RunOutcome<unknown>) => void;
};

export class ExperimentRunner {
  private worker: Worker | null = null;
  private pending: Pending | null = null;
  private nextId = 1;

  /** Whether a run is in progress. */
  get busy(): boolean {
    return this.pending !== null;
  }

  run<S, R>(experiment: string, state: S, onProgress: (fraction: number, snapshot: R) => void): Promise<RunOutcome<R>> {
    this.stop();
    const worker = (this.worker ??= this.spawn());
    const id = this.nextId++;
    return new Promise<RunOutcome<R>>((resolve) => {
      this.pending = {
        id,
        last: null,
        onProgress: onProgress as Pending['onProgress'],
        settle: resolve as Pending['settle'],
      };
      const message: ToWorker = { type: 'run', id, experiment, state };
      worker.postMessage(message);
    });
  }

  /** Ends the current run now; its promise resolves with the last snapshot received. */
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
      pending.last = message.snapshot;
      pending.onProgress(message.fraction, message.snapshot);
    } else if (message.type === 'done') {
      this.finish({ status: 'done', result: message.result, ms: message.ms });
    } else {
      this.finish({ status: 'error', message: message.message });
    }
  }

  private finish(outcome: RunOutcome<unknown>): void {
    const pending = this.pending;
    this.pending = null;
    pending?.settle(outcome);
  }
}
