/// <reference lib="webworker" />
/**
 * The experiment worker: runs named engine experiments off the main thread and streams their
 * snapshots, at most ~60 a second. Stopping is done by the page terminating this worker, which
 * the browser does at once whatever the experiment is doing.
 */
import { EXPERIMENTS } from '../experiments/registry.ts';
import { MAX_UPDATES_PER_SECOND, type FromWorker, type ToWorker } from './protocol.ts';

const post = (message: FromWorker) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);
const interval = 1000 / MAX_UPDATES_PER_SECOND;

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const { id, experiment: name, state } = event.data;
  const load = EXPERIMENTS[name];
  if (!load) {
    post({ type: 'error', id, message: `No experiment named "${name}". Known: ${Object.keys(EXPERIMENTS).join(', ')}.` });
    return;
  }
  const started = performance.now();
  try {
    const experiment = await load();
    const run = experiment.run(state);
    let last = 0;
    for (;;) {
      const step = run.next();
      if (step.done) {
        post({ type: 'done', id, result: step.value, ms: performance.now() - started });
        return;
      }
      const now = performance.now();
      // A snapshot at 100% is the result itself, which 'done' carries next: don't send it twice.
      if (step.value.fraction < 1 && now - last >= interval) {
        last = now;
        post({ type: 'progress', id, fraction: step.value.fraction, snapshot: step.value.snapshot });
      }
    }
  } catch (error) {
    post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
  }
};

post({ type: 'ready' });
