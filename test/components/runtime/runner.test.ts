/**
 * The page side of Stop, Step and going on (runner.ts), against a stand-in worker that records
 * what it is sent and answers only when told: Stop pauses a run when the worker answers in time
 * and terminates the worker when it does not; a paused run goes on under its own id; a new run,
 * a discard or a terminated worker give the paused run up.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExperimentRunner, STOP_ANSWER_MS, type RunOutcome } from '../../../components/runtime/runner.ts';
import type { FromWorker, ToWorker, View, Words } from '../../../components/runtime/protocol.ts';

class FakeWorker {
  static all: FakeWorker[] = [];
  sent: ToWorker[] = [];
  terminated = false;
  onmessage: ((event: { data: FromWorker }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  constructor() {
    FakeWorker.all.push(this);
  }
  postMessage(message: ToWorker): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(message: FromWorker): void {
    this.onmessage?.({ data: message });
  }
}

const view = (summary: string): View => ({ figure: `<svg>${summary}</svg>`, label: 'figure', table: { columns: [], rows: [] }, summary, result: { summary } });
const words = (summary: string): Words => {
  const { figure: _, ...rest } = view(summary);
  return rest;
};
const lastRunId = (w: FakeWorker) => (w.sent.filter((m) => m.type === 'run').at(-1) as { id: number }).id;

let runner: ExperimentRunner;
beforeEach(() => {
  FakeWorker.all = [];
  vi.stubGlobal('Worker', FakeWorker);
  vi.useFakeTimers();
  runner = new ExperimentRunner();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('ExperimentRunner: Stop pauses, Step and Run go on', () => {
  it('Stop asks the worker to pause; its answer settles the run as paused, and resume goes on under the same id', async () => {
    const outcome = runner.run('W', { a: 1 }, () => {}, 'key-a');
    const worker = FakeWorker.all[0];
    const id = lastRunId(worker);
    worker.answer({ type: 'progress', id, fraction: 0.3, view: view('epoch 3') });
    runner.stop();
    expect(worker.sent.at(-1)).toEqual({ type: 'stop', id });
    vi.advanceTimersByTime(STOP_ANSWER_MS - 1);
    // The answer comes first, the figure after it (drawing takes a while).
    worker.answer({ type: 'paused', id, fraction: 0.4, words: words('epoch 4') });
    const paused = await outcome;
    expect(paused).toMatchObject({ status: 'paused', words: words('epoch 4'), fraction: 0.4, stopped: true });
    vi.advanceTimersByTime(1000); // the stop timer was cleared: the drawing may take its time
    expect(worker.terminated).toBe(false);
    worker.answer({ type: 'drawn', id, view: view('epoch 4') });
    expect(await (paused as Extract<RunOutcome, { status: 'paused' }>).view).toEqual(view('epoch 4'));
    expect(runner.paused).toEqual({ id, key: 'key-a', fraction: 0.4 });

    const next = runner.resume(() => {}, true)!;
    expect(worker.sent.at(-1)).toEqual({ type: 'resume', id, step: true });
    expect(runner.paused).toBeNull();
    worker.answer({ type: 'paused', id, fraction: 0.5, words: words('epoch 5') });
    expect(await next).toMatchObject({ status: 'paused', fraction: 0.5, stopped: false });
  });

  it('a worker that has not paused within STOP_ANSWER_MS is terminated, keeping the last figure received', async () => {
    const outcome = runner.run('W', {}, () => {}, 'k');
    const worker = FakeWorker.all[0];
    const id = lastRunId(worker);
    worker.answer({ type: 'progress', id, fraction: 0.2, view: view('drawn') });
    worker.answer({ type: 'progress', id, fraction: 0.6, view: null });
    runner.stop();
    vi.advanceTimersByTime(STOP_ANSWER_MS);
    expect(worker.terminated).toBe(true);
    expect(await outcome).toEqual<RunOutcome>({ status: 'stopped', last: view('drawn') });
    expect(runner.paused).toBeNull();
    expect(runner.busy).toBe(false);
    expect(STOP_ANSWER_MS).toBeLessThan(100); // Stop is answered within 100 ms either way
  });

  it('a new run, a discard and the end of the run give the paused run up', async () => {
    const first = runner.run('W', {}, () => {}, 'k', true);
    const worker = FakeWorker.all[0];
    expect(worker.sent.at(-1)).toMatchObject({ type: 'run', step: true });
    const id = lastRunId(worker);
    worker.answer({ type: 'paused', id, fraction: 0.1, words: words('epoch 1') });
    await first;
    runner.discard();
    expect(worker.sent.at(-1)).toEqual({ type: 'discard', id });
    expect(runner.paused).toBeNull();
    expect(runner.resume(() => {})).toBeNull();

    const second = runner.run('W', {}, () => {}, 'k', true);
    const id2 = lastRunId(worker);
    worker.answer({ type: 'paused', id: id2, fraction: 0.1, words: words('epoch 1') });
    const figure = ((await second) as Extract<RunOutcome, { status: 'paused' }>).view;
    void runner.run('W', {}, () => {}, 'other');
    runner.halt(); // the worker is terminated before it sent the paused run's figure
    expect(await figure, 'a figure that will not come now is given up').toBeNull();
    void runner.run('W', {}, () => {}, 'other');
    expect(runner.paused).toBeNull();
    const id3 = lastRunId(FakeWorker.all[1]);
    FakeWorker.all[1].answer({ type: 'done', id: id3, view: view('end'), ms: 1, drawMs: 1 });
    expect(runner.paused).toBeNull();
  });
});
