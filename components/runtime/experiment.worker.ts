/// <reference lib="webworker" />
/**
 * The experiment worker: runs a widget's engine experiment off the main thread, streams its
 * progress (at most ~60 messages a second) and draws the figure here too, so the page only puts
 * finished markup in place. Stopping is done by the page terminating this worker, which the
 * browser does at once whatever the experiment is doing.
 */
import { EXPERIMENTS } from '../experiments/registry.ts';
import { runToEnd } from './experiment.ts';
import { svgMarkup } from '../plots/markup.ts';
import { createSvgDocument } from '../plots/svg-document.ts';
import { DEFINITIONS } from '../widgets/definitions.ts';
import { MAX_UPDATES_PER_SECOND, MIN_VIEW_INTERVAL_MS, type FromWorker, type ToWorker, type View } from './protocol.ts';
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
function view(def: WidgetDefinition<any, any>, result: unknown, state: unknown): View {
  return {
    figure: svgMarkup(def.draw(result, state, doc!)),
    label: def.label(state),
    table: def.table(result, state),
    csv: def.csv?.(result, state),
    summary: def.summary(result, state),
    result,
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

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  if (event.data.type === 'warm') {
    const { widget, state } = event.data;
    await (state === undefined ? prepare(widget) : warmUp(widget, state)).catch(() => {}); // a failure here is reported by the run that follows
    return;
  }
  warming = false;
  const { id, widget, state, quiet } = event.data;
  try {
    const { def, experiment } = await prepare(widget);
    const started = performance.now(); // the run's own time, without loading what it needs
    const run = experiment.run(state);
    let last = 0;
    let nextView = 0;
    for (;;) {
      const step = run.next();
      if (step.done) {
        const drawing = performance.now();
        const shown = view(def, step.value, state);
        const end = performance.now();
        post({ type: 'done', id, view: shown, ms: end - started, drawMs: end - drawing });
        return;
      }
      const now = performance.now();
      // A snapshot at 100% is the result itself, which 'done' carries next: don't send it twice.
      if (!quiet && step.value.fraction < 1 && now - last >= interval) {
        last = now;
        let shown: View | null = null;
        if (now >= nextView) {
          shown = view(def, step.value.snapshot, state);
          const end = performance.now();
          nextView = end + Math.max(MIN_VIEW_INTERVAL_MS, 4 * (end - now));
        }
        post({ type: 'progress', id, fraction: step.value.fraction, view: shown });
      }
    }
  } catch (error) {
    post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
  }
};

post({ type: 'ready' });
