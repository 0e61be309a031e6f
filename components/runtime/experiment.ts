/**
 * An experiment is a pure, seeded computation over the engine that a widget shows. The same
 * function runs at build time (to embed the default figure) and in a Web Worker (when a reader
 * changes a control), so the picture before and after hydration comes from one piece of code.
 */

/**
 * One streamed update: how far the run is (0–1) and a result good enough to draw now. Training
 * experiments yield one after every epoch (Step advances to the next). `snapshot` may be made when
 * read (see decision-boundary.ts): read it before the generator goes on.
 */
export interface Snapshot<R> {
  fraction: number;
  snapshot: R;
  /**
   * Yielded inside a long epoch only so that the run can be paused there (the worker reads a Stop
   * at most every few ms of computing): `fraction` and `snapshot` are those of the last epoch, so an
   * experiment that yields these makes its snapshots when it yields them, not when they are read.
   */
  between?: boolean;
}

export interface Experiment<S, R> {
  /** Registry key, e.g. 'depthSignal'. */
  name: string;
  /**
   * Runs the experiment for `state`. Yields snapshots while it works and returns the final result.
   * All randomness comes from the state's seed; the result must be structured-cloneable data.
   * Divergence is part of the result (data), never an exception.
   */
  run(state: S): Generator<Snapshot<R>, R, void>;
}

/** Runs an experiment to the end, ignoring snapshots (build time, tests). */
export function runToEnd<S, R>(experiment: Experiment<S, R>, state: S): R {
  const it = experiment.run(state);
  for (;;) {
    const step = it.next();
    if (step.done) return step.value;
  }
}
