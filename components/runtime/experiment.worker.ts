/// <reference lib="webworker" />
/**
 * The experiment worker: runs a widget's engine experiment off the main thread, streams its
 * progress (at most ~60 messages a second) and draws the figure here too, so the page only puts
 * finished markup in place. Stop pauses a run between two snapshots (one per epoch for training
 * widgets): the worker draws the latest and keeps the run, for Step or Run to go on with. A run
 * that does not answer in time (a long epoch) is ended by the page terminating this worker, which
 * the browser does at once whatever the experiment is doing.
 */
import { EXPERIMENTS } from '../experiments/registry.ts';
import { runToEnd, type Snapshot } from './experiment.ts';
import { svgMarkup } from '../plots/markup.ts';
import { createSvgDocument } from '../plots/svg-document.ts';
import { DEFINITIONS } from '../widgets/definitions.ts';
import { MAX_UPDATES_PER_SECOND, MIN_VIEW_INTERVAL_MS, TURN_MS, type FromWorker, type ToWorker, type View, type Words } from './protocol.ts';
import type { WidgetDefinition } from './definition.ts';

const post = (message: FromWorker) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);
const interval = 1000 / MAX_UPDATES_PER_SECOND;

let doc: Document | null = null;

/**
 * Warming up: a fresh worker's first two runs at the chapter's DepthSignal settings took ~180 ms
 * each, against ~75 ms from the third on — V8 runs new code unoptimised at first (and boxes every
 * number it returns). Running the widget's cheap warm-up state for up to WARM_UP_MS, before the
 * reader's first change, compiles that code. A run asked for meanwhile ends the warm-up.
 */
const WARM_UP_MS = 150;
const WARM_UP_RUNS = 30;
let warming = false;

async function warmUp(widget: string, state: unknown): Promise<void> {
  const { def, experiment } = await prepare(widget);
  if (!def.warmUp) return;
  const cheap = def.warmUp(state);
  warming = true;
  const start = performance.now();
  for (let i = 0; i < WARM_UP_RUNS && warming && performance.now() - start < WARM_UP_MS; i++) {
    view(def, runToEnd(experiment, cheap), cheap);
    await new Promise((resolve) => setTimeout(resolve, 0)); // let a run message in
  }
  warming = false;
}

/** The figure, table and sentence for `result`, as the page will show them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function view(def: WidgetDefinition<any, any>, result: unknown, state: unknown, said = words(def, result, state)): View {
  return { figure: svgMarkup(def.draw(result, state, doc!)), ...said };
}

/** All of a view but the figure (which takes the time). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function words(def: WidgetDefinition<any, any>, result: unknown, state: unknown): Words {
  return {
    label: def.label(state),
    table: def.table(result, state),
    csv: def.csv?.(result, state),
    summary: def.summary(result, state),
    result,
    ...(def.position && { position: def.position(result, state) }),
  };
}

/** The widget's definition and its experiment, loaded once per worker. */
async function prepare(widget: string) {
  const loadDefinition = DEFINITIONS[widget];
  if (!loadDefinition) throw new Error(`No widget named "${widget}". Known: ${Object.keys(DEFINITIONS).join(', ')}.`);
  const def = await loadDefinition();
  const load = EXPERIMENTS[def.experiment];
  if (!load) throw new Error(`No experiment named "${def.experiment}". Known: ${Object.keys(EXPERIMENTS).join(', ')}.`);
  doc ??= createSvgDocument();
  return { def, experiment: await load() };
}

/** A run: going, or paused between two snapshots (Stop, Step), its generator kept to go on later. */
type Job = {
  id: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  def: WidgetDefinition<any, any>;
  state: unknown;
  run: Generator<Snapshot<unknown>, unknown, void>;
  quiet: boolean;
  /** The latest snapshot (null before the first): what a pause draws. */
  latest: Snapshot<unknown> | null;
  /** Time spent computing, pauses left out. */
  ms: number;
  /** When the last progress message and the last figure went out, and when the next figure may. */
  lastPost: number;
  nextView: number;
};

/** The current run, going or paused; the worker keeps one. */
let job: Job | null = null;
/** The run a 'stop' asked to pause (it may come while the run is still loading what it needs). */
let stopAsked = -1;

/**
 * A turn of the event loop, so that a 'stop' posted meanwhile is received: a message to ourselves
 * is a task that runs at once (setTimeout would be clamped to ≥ 4 ms once nested).
 */
const channel = new MessageChannel();
let wake: (() => void) | null = null;
channel.port1.onmessage = () => wake?.();
const turn = () => new Promise<void>((resolve) => ((wake = resolve), channel.port2.postMessage(null)));

/**
 * Drives `current` on until it ends, a 'stop' pauses it or, with `step`, until its next snapshot
 * past the one it was at (the first epoch for a new run: the untrained network is at 0). At its
 * yields (snapshots, and points inside a long epoch: Snapshot.between) it lets messages in after
 * every TURN_MS of computing (quiet runs never stop). A pause shows the latest snapshot.
 */
async function drive(current: Job, step: boolean): Promise<void> {
  const from = current.latest?.fraction ?? 0;
  let since = performance.now();
  try {
    for (;;) {
      if (job !== current) return; // discarded, or replaced by a new run
      if (stopAsked === current.id) return pause(current, since);
      const next = current.run.next();
      if (next.done) {
        job = null;
        const drawing = performance.now();
        const shown = view(current.def, next.value, current.state);
        const end = performance.now();
        current.ms += end - since;
        post({ type: 'done', id: current.id, view: shown, ms: current.ms, drawMs: end - drawing });
        return;
      }
      if (!next.value.between) {
        current.latest = next.value;
        if (!current.quiet) progress(current, next.value);
        if (step && next.value.fraction > from) return pause(current, since);
      }
      const now = performance.now();
      if (!current.quiet && now - since >= TURN_MS) {
        current.ms += now - since;
        await turn();
        since = performance.now();
      }
    }
  } catch (error) {
    if (job === current) job = null;
    post({ type: 'error', id: current.id, message: error instanceof Error ? error.message : String(error) });
  }
}

/** Streams how far `current` is, with a figure of `snap` now and then (see MIN_VIEW_INTERVAL_MS). */
function progress(current: Job, snap: Snapshot<unknown>): void {
  const now = performance.now();
  // A snapshot at 100% is the result itself, which 'done' carries next: don't send it twice.
  if (snap.fraction >= 1 || now - current.lastPost < interval) return;
  current.lastPost = now;
  let shown: View | null = null;
  if (now >= current.nextView) {
    shown = view(current.def, snap.snapshot, current.state);
    const end = performance.now();
    current.nextView = end + Math.max(MIN_VIEW_INTERVAL_MS, 4 * (end - now));
  }
  post({ type: 'progress', id: current.id, fraction: snap.fraction, view: shown });
}

/**
 * Pauses `current` where it is and keeps it for 'resume'. The page hears at once how far it got
 * (it waits under 100 ms for an answer before it terminates the worker); the figure, up to ~100 ms
 * of drawing, follows.
 */
function pause(current: Job, since: number): void {
  if (stopAsked === current.id) stopAsked = -1;
  const latest = current.latest;
  const said = latest ? words(current.def, latest.snapshot, current.state) : null;
  post({ type: 'paused', id: current.id, fraction: latest?.fraction ?? 0, words: said });
  if (latest && said) post({ type: 'drawn', id: current.id, view: view(current.def, latest.snapshot, current.state, said) });
  current.ms += performance.now() - since;
}

async function start(message: Extract<ToWorker, { type: 'run' }>): Promise<void> {
  const { id, widget, state, quiet = false, step = false } = message;
  job = null; // the worker keeps one run: a new one replaces a paused one
  try {
    const { def, experiment } = await prepare(widget);
    const current: Job = { id, def, state, run: experiment.run(state), quiet, latest: null, ms: 0, lastPost: 0, nextView: 0 };
    job = current;
    await drive(current, step);
  } catch (error) {
    post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * Messages are handled one after another (a run asked for while one computed ahead goes on waits
 * for it), except 'stop' and 'discard', which take effect at the running job's next turn.
 */
let queue: Promise<void> = Promise.resolve();

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'stop') return void (stopAsked = message.id);
  if (message.type === 'discard') {
    if (job?.id === message.id) job = null;
    return;
  }
  if (message.type !== 'warm') warming = false;
  // A Stop sent before this Resume was for the part of the run before it (already paused).
  if (message.type === 'resume' && stopAsked === message.id) stopAsked = -1;
  queue = queue.then(() => handle(message));
};

async function handle(message: ToWorker): Promise<void> {
  if (message.type === 'warm') {
    const { widget, state } = message;
    await (state === undefined ? prepare(widget) : warmUp(widget, state)).catch(() => {}); // a failure here is reported by the run that follows
  } else if (message.type === 'run') {
    await start(message);
  } else if (message.type === 'resume') {
    if (job?.id === message.id) await drive(job, message.step ?? false);
    else post({ type: 'error', id: message.id, message: 'The paused run is no longer there; press Run to start again.' });
  }
}

post({ type: 'ready' });
