/**
 * The part of a widget that loads when it nears the viewport: runs experiments in the worker,
 * streams progress into the progress bar and the status line, puts the figures the worker drew
 * in place, and answers Run / Step / Stop / Reset and the export buttons. Nothing here trains or draws
 * a chart: the page's main thread only puts finished markup in place, so it stays free for the reader.
 */
import { ExperimentRunner } from './runner.ts';
import { exportFigure, exportRun } from './export.ts';
import { morphChildren } from './morph.ts';
import { renderTable } from './table.ts';
import { neighbours, writeControls } from './controls.ts';
import { differingSettings } from './link-text.ts';
import { defaultState } from './params-state.ts';
import type { View, Words } from './protocol.ts';
import type { NotebookWidget } from './widget-element.ts';
import type { Params, StateOf } from './params-types.ts';

type State = StateOf<Params>;

/**
 * How a run speaks in the status line: `intro` when it starts, `during` before "… 40% done."
 * (training widgets only: a live widget's runs are too short to count out).
 */
type Narration = { intro: string; during: string };
const TRAINING: Narration = { intro: 'Training…', during: 'Training' };
/** Run after a Stop or a Step: the paused run goes on. */
const RESUMING: Narration = { intro: 'Training on from where it paused…', during: 'Training' };
/** Step: one epoch of the paused run (a new run's first says so itself, see runOnce). */
const STEPPING: Narration = { intro: 'Training one more epoch…', during: 'Training' };

/** Views a live widget keeps (each some tens of KB of markup and data). */
const KEPT_VIEWS = 16;
/** States slower than this are not computed ahead (see WidgetController.prefetch). */
const PREFETCH_MAX_MS = 300;
/** Computing ahead waits this long after a figure is shown (see WidgetController.prefetchSoon). */
const PREFETCH_DELAY_MS = 80;

/** The status sentence for a failed run; an error's message may lack its full stop, and more may follow. */
function failure(message: string): string {
  const why = message.trim();
  if (!why) return 'The experiment failed.';
  return `The experiment failed: ${/[.!?…]$/.test(why) ? why : `${why}.`}`;
}

export class WidgetController {
  private runner = new ExperimentRunner();
  /** What the page shows now, when it comes from a run on this page (null: the built figure). */
  private shown: View | null = null;
  /** The settings `shown` was computed for (the controls of a training widget may have moved on since). */
  private shownState: State | null = null;
  /** The current or last run, to wait for (an export made during a run describes its result). */
  private current: Promise<boolean> = Promise.resolve(false);
  /** The figure of a paused run, on its way from the worker (exports wait for it). */
  private drawing: Promise<void> = Promise.resolve();
  private pending = false;
  private readonly original: { plot: string; status: string; table: string };
  /**
   * The table of the figure shown, while “Show as table” is closed: it is built when the reader
   * opens it. A training widget redraws every ~200 ms, and rebuilding a closed table of its curves
   * each time (~60 rows) made the page's rendering after a redraw pass 50 ms.
   */
  private tableDue: View['table'] | null = null;
  private frame = 0;
  /** The state of the current or last run, serialised, to recognise a repeated request. */
  private running = '';
  /** Counts runs and resets: a run whose number is no longer current was superseded and shows nothing more. */
  private generation = 0;
  /** The button that started the current or last run: the focus goes back to it from Stop. */
  private startedBy: 'run' | 'step' = 'run';
  /** Pending display of the busy state of a live run (see setBusy). */
  private busyTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Live widgets: views by state (results are seeded, so a state's view never changes), the most
   * recently used last — those shown on this page and those computed ahead. A reader stepping
   * through a slider's values with the arrow keys finds the next one already drawn.
   */
  private readonly views = new Map<string, View>();
  /** The control the reader last changed, and which way (+1 up, −1 down): what to compute ahead. */
  private stepping = { control: '', towards: 1 };
  /** How long the last live run took; slower states are not computed ahead (see prefetch). */
  private lastRunMs = Infinity;
  private prefetchTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly host: NotebookWidget;
  /** 'live': recomputed whenever a control changes; 'train': a run the reader starts with Run. */
  private readonly mode: 'live' | 'train';

  constructor(host: NotebookWidget) {
    this.host = host;
    this.mode = host.dataset.mode === 'train' ? 'train' : 'live';
    this.original = {
      plot: this.el('[data-plot]').innerHTML,
      status: host.builtStatus,
      table: this.el('[data-table-body]').innerHTML,
    };
    this.el('details[data-table]').addEventListener('toggle', () => this.fillTable());
  }

  /** The reader is about to use the widget (pointer over it, focus in it): get the worker ready. */
  warm(): void {
    this.runner.warm(this.host.dataset.widget!, this.mode === 'live' ? { ...this.host.state } : undefined);
  }

  dispose(): void {
    clearTimeout(this.prefetchTimer);
    this.runner.dispose();
  }

  /** A control changed. Live widgets recompute (coalescing a slider drag); training widgets wait for Run. */
  stateChanged(committed: boolean, control = '', towards = 1): void {
    if (control) this.stepping = { control, towards };
    // A paused run goes on only with the settings it was started with.
    if (this.runner.paused && this.runner.paused.key !== JSON.stringify(this.host.state)) this.runner.discard();
    if (this.mode === 'live') {
      // An input event and the change event after it carry the same state: run it once.
      const same = JSON.stringify(this.host.state) === this.running;
      if (this.runner.busy) this.pending = !same;
      else if (!same) void this.run();
    } else if (committed) {
      this.say('Settings changed. Press Run to train with them.');
    }
  }

  /**
   * The widget hydrated with settings from the address that differ from the page's (`changes`
   * names them): its figure is still the page's, built with it. A live widget recomputes at once;
   * a training widget trains them (its work is capped like any other run), saying so.
   */
  linked(changes: string): void {
    if (this.mode === 'live') this.stateChanged(true);
    else void this.run(undefined, { intro: `This link sets ${changes}; training it…`, during: 'Training the linked settings' });
  }

  async act(action: string): Promise<void> {
    if (action === 'run') return void (await this.run());
    if (action === 'step') return void (await this.step());
    if (action === 'stop') return this.stop();
    if (action === 'reset') return this.reset();
    if (action === 'export-csv' || action === 'export-json') return this.exportShownRun(action.slice(7));
    await this.drawing; // the figure of a pause, a moment after it
    if (action === 'export-svg' || action === 'export-png') {
      // The file holds the figure on screen: it is named, and described, by the settings it was made with.
      const said = await exportFigure(action.slice(7), this.host, this.shownSettings());
      return this.say(this.mismatch(said, (m) => `It is the figure shown, made with ${m.shown}; the controls say ${m.chosen}.`));
    }
    if (action.startsWith('export-')) {
      // A link or an MDX line gives the settings in the controls: what the reader chose, which the
      // figure shows once computed. Until then the reader is told that it is not the figure on screen.
      const said = await exportFigure(action.slice(7), this.host, this.host.state);
      this.say(this.mismatch(said, (m) => `It gives ${m.chosen}, as the controls say; the figure shown was made with ${m.shown}.`, 'chosen'));
    }
  }

  /** The settings of the figure on screen: those of the last run shown, or the page's own for the figure built with it. */
  private shownSettings(): State {
    return this.shownState ?? defaultState(this.host.pageSpec);
  }

  /**
   * `said`, followed, when the figure on screen was not made with the settings in the controls
   * (a training widget not yet run with them; a live run stopped or failed), by `explain` of the
   * two in words and how to bring them together. `explain` names the `first` side in full and may
   * give the other as a bare value ("…shows 100 units per layer; the controls say 129.").
   */
  private mismatch(said: string, explain: (m: { shown: string; chosen: string }) => string, first: 'shown' | 'chosen' = 'shown'): string {
    const m = differingSettings(this.host.pageSpec, this.shownSettings(), this.host.state, first);
    if (!m) return said;
    const press = this.mode === 'train' ? 'Press Run to train with them.' : 'Press Recompute to draw it.';
    return `${said} ${explain(m)} ${press}`;
  }

  /**
   * CSV and JSON describe the run whose figure is on screen, with the settings it was made with.
   * A run going is waited for. The figure built with the page has no run here yet: it is computed
   * again in the worker, seeded, so it is the very result the build drew, and it is shown.
   */
  private async exportShownRun(kind: string): Promise<void> {
    if (this.runner.busy) this.say('The export will be saved when this run ends.');
    for (let waited: Promise<boolean> | null = null; this.runner.busy && this.current !== waited; ) {
      waited = this.current;
      await waited;
    }
    await this.drawing;
    if (!this.shown) {
      const what = this.mode === 'train' ? 'Training' : 'Computing';
      const generation = this.generation + 1;
      const done = await this.run(defaultState(this.host.pageSpec), { intro: `${what} this page's settings to export the run…`, during: `${what} this page's settings to export them` });
      if (generation !== this.generation) return; // a newer run or Reset took over
      if (!done) {
        this.say(`${this.host.status.textContent} Nothing was exported.`);
        return;
      }
    }
    const said = exportRun(kind, this.host, this.shownState!, this.shown!);
    this.say(this.mismatch(said, (m) => `It describes the run shown, made with ${m.shown}; the controls say ${m.chosen}.`));
  }

  /**
   * Runs `state` (the settings in the controls unless given) in the worker and shows it, telling
   * the status line what it does as `narration` says (a training widget's default: "Training…";
   * a live widget's runs say nothing until their result). Resolves true when the run finished.
   */
  private run(state?: State, narration?: Narration): Promise<boolean> {
    return (this.current = this.runOnce(state ?? { ...this.host.state }, narration, false));
  }

  /**
   * Training widgets: one epoch — the paused run of these settings goes on by one, or a new run
   * pauses after its first. Not while a run goes (the button is disabled then).
   */
  private step(): Promise<boolean> {
    if (this.mode !== 'train' || this.runner.busy) return this.current;
    return (this.current = this.runOnce({ ...this.host.state }, undefined, true));
  }

  /**
   * Runs `state`, or goes on with the paused run of the same settings (to the end, or by one epoch
   * with `step`), and shows what it comes to. Resolves true when the run finished.
   */
  private async runOnce(state: State, given: Narration | undefined, step: boolean): Promise<boolean> {
    const generation = ++this.generation;
    clearTimeout(this.prefetchTimer);
    const key = (this.running = JSON.stringify(state));
    const training = this.mode === 'train';
    const paused = this.runner.paused?.key === key ? this.runner.paused : null;
    const narration = step ? STEPPING : paused ? RESUMING : (given ?? (training ? TRAINING : null));
    const known = training || paused ? undefined : this.views.get(key);
    if (known) {
      cancelAnimationFrame(this.frame);
      this.setBusy(false);
      this.remember(key, known);
      this.progress(1);
      this.show(known, state);
      this.say(known.summary);
      this.prefetchSoon();
      return true;
    }
    this.startedBy = step ? 'step' : 'run';
    this.setBusy(true, paused?.fraction ?? 0);
    if (narration) this.say(paused || !step ? narration.intro : 'Training the first epoch…');
    // The status region is read aloud: during a run it says how far along it is in steps of 10%,
    // not every snapshot; the full sentence comes when the run ends. A step says nothing more.
    let spoken = Math.floor((paused?.fraction ?? 0) * 10);
    const onProgress = (fraction: number, view: View | null) => {
      this.progress(fraction);
      const decile = Math.floor(fraction * 10);
      if (training && narration && !step && decile > spoken && decile < 10) {
        spoken = decile;
        this.say(`${narration.during}… ${decile * 10}% done.`);
      }
      if (!view) return;
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => this.show(view, state));
    };
    const outcome = await ((paused && this.runner.resume(onProgress, step)) || this.runner.run(this.host.dataset.widget!, state, onProgress, key, step));
    // Reset, or a newer run, ended this one: the page already shows what came after it.
    if (generation !== this.generation) return false;
    cancelAnimationFrame(this.frame);
    this.setBusy(false);
    if (outcome.status === 'done') {
      this.progress(1);
      this.show(outcome.view, state);
      this.say(outcome.view.summary);
      if (!training) {
        this.lastRunMs = outcome.ms;
        this.remember(key, outcome.view);
      }
    } else if (outcome.status === 'paused') {
      // The worker answers at once with how far the run got; the figure of that epoch follows
      // (it takes up to ~100 ms to draw), and exports wait for it (see `drawing`).
      this.progress(outcome.fraction);
      let said = this.pausedSentence(outcome);
      const explain = (m: { shown: string; chosen: string }) => `The figure shows ${m.shown}; the controls say ${m.chosen}.`;
      if (outcome.words) this.shownState = state; // the figure on its way is of these settings
      this.say(this.mismatch(said, explain));
      this.drawing = outcome.view.then((view) => {
        if (generation !== this.generation || !view) return;
        this.show(view, state);
        said = this.mismatch(this.pausedSentence({ words: view, stopped: outcome.stopped }), explain);
        if (this.host.status.textContent !== said) this.say(said);
      });
      await this.drawing;
      if (generation !== this.generation) return false;
    } else if (outcome.status === 'stopped') {
      // The worker did not answer in time and was ended: only the last figure it sent is left.
      if (outcome.last) this.show(outcome.last, state);
      // (A live run is always ended so, and says only what the figure shows, as before.)
      const said = this.mode === 'live'
        ? (outcome.last ? `Stopped. ${outcome.last.summary}` : 'Stopped before the first update.')
        : outcome.last
          ? `Stopped. The run did not pause in time and was ended, so the figure is the last one drawn during it${outcome.last.position ? `, ${outcome.last.position}` : ''}: ${outcome.last.summary} Run starts over.`
          : 'Stopped before the first figure; the run did not pause in time and was ended. Run starts over.';
      this.say(this.mismatch(said, (m) => `The figure still shows ${m.shown}; the controls say ${m.chosen}.`));
    } else {
      this.say(this.mismatch(failure(outcome.message), (m) => `The figure still shows ${m.shown}; the controls say ${m.chosen}.`));
    }
    if (this.pending) {
      this.pending = false;
      void this.run();
    } else this.prefetchSoon();
    return outcome.status === 'done';
  }

  /**
   * The status after a pause: how far the run got (the figure's own words), what it shows, and
   * what the buttons do now (“Stopped after epoch 75 of 200. From Glorot uniform …, the training
   * loss went from … Step trains one more epoch; Run trains on to the end.”). A training widget's
   * summary of an unfinished run leaves the epoch to `position`, which comes first.
   */
  private pausedSentence(outcome: { words: Words | null; stopped: boolean }): string {
    const verb = outcome.stopped ? 'Stopped' : 'Paused';
    const next = 'Step trains one more epoch; Run trains on to the end.';
    const view = outcome.words;
    if (!view) return `${verb} before the first update. ${next}`;
    return `${verb}${view.position ? ` ${view.position}` : ''}. ${view.summary} ${next}`;
  }

  private remember(key: string, view: View): void {
    this.views.delete(key);
    this.views.set(key, view);
    if (this.views.size > KEPT_VIEWS) this.views.delete(this.views.keys().next().value!);
  }

  /**
   * Computing ahead starts PREFETCH_DELAY_MS after a figure is put in place, once the page has
   * painted it: on a two-core machine a worker computing at once slowed that paint by ~15 ms.
   */
  private prefetchSoon(): void {
    clearTimeout(this.prefetchTimer);
    this.prefetchTimer = setTimeout(() => this.prefetch(), PREFETCH_DELAY_MS);
  }

  /**
   * Live widgets, when idle: compute ahead the states one key press away on the control the
   * reader last changed (controls.ts `neighbours`), one at a time, nearest in the direction of
   * travel first. Only for states that take at most PREFETCH_MAX_MS: a run asked for meanwhile
   * waits for the one ahead to finish (terminating the worker would cost more), so that bounds
   * the delay a jump elsewhere can meet.
   */
  private prefetch(): void {
    if (this.mode !== 'live' || this.runner.busy || this.pending || !this.stepping.control || !(this.lastRunMs <= PREFETCH_MAX_MS)) return;
    const { control, towards } = this.stepping;
    const next = neighbours(this.host, this.host.pageSpec, this.host.state, control, towards)
      .map((state) => [JSON.stringify(state), state] as const)
      .find(([key]) => !this.views.has(key));
    if (!next) return;
    const [key, state] = next;
    this.runner.prefetch(this.host.dataset.widget!, state, key, (view, ms) => {
      if (!view) return;
      this.lastRunMs = ms;
      this.remember(key, view);
      this.prefetch();
    });
  }

  /**
   * A training run pauses (the worker keeps it, for Step or Run to go on with). A live run is
   * ended: its next change computes afresh, and a part-computed figure of it would show nothing
   * the reader asked for, so the figure before it stays.
   */
  private stop(): void {
    this.pending = false;
    if (this.mode === 'train') this.runner.stop();
    else this.runner.halt();
  }

  private reset(): void {
    this.generation++;
    clearTimeout(this.prefetchTimer);
    this.pending = false;
    this.runner.halt();
    this.runner.discard();
    cancelAnimationFrame(this.frame);
    this.setBusy(false);
    this.host.state = defaultState(this.host.pageSpec);
    writeControls(this.host, this.host.pageSpec, this.host.state);
    this.host.syncUrl();
    this.host.notify([]);
    this.shown = null;
    this.shownState = null;
    this.running = '';
    this.place(this.original.plot);
    this.tableDue = null;
    this.el('[data-table-body]').innerHTML = this.original.table;
    this.progress(0);
    this.say(`Reset to this page's settings. ${this.original.status}`);
  }

  /** Puts a figure the worker drew in place (its markup is built from numbers and our own labels). */
  private show(view: View, state: State): void {
    this.shownState = state;
    if (view === this.shown) return;
    this.shown = view;
    this.place(view.figure);
    this.el('[data-plot]').setAttribute('aria-label', view.label);
    this.tableDue = view.table;
    this.fillTable();
  }

  /** The shown figure's table into “Show as table”, once it is open. */
  private fillTable(): void {
    if (!this.tableDue || !this.el<HTMLDetailsElement>('details[data-table]').open) return;
    this.el('[data-table-body]').replaceChildren(renderTable(document, this.tableDue));
    this.tableDue = null;
  }

  /** The figure's markup in place, changing only what differs from the one shown (see morph.ts). */
  private place(markup: string): void {
    const parsed = document.createElement('template');
    parsed.innerHTML = markup;
    morphChildren(this.el('[data-plot]'), parsed.content);
  }

  /**
   * `data-busy` says at once whether a run is going (for scripts; no style depends on it). What the
   * reader sees — Stop enabled, the progress bar back at 0 — waits 150 ms for a live widget: most
   * live runs end sooner, and a control that flickers on every key press is noise (and a repaint
   * competing with the worker for the CPU).
   */
  private setBusy(busy: boolean, from = 0): void {
    this.host.toggleAttribute('data-busy', busy);
    clearTimeout(this.busyTimer);
    if (busy && this.mode === 'live') this.busyTimer = setTimeout(() => this.showBusy(true, from), 150);
    else this.showBusy(busy, from);
  }

  /**
   * A focused button that becomes disabled drops the focus to <body>, and a keyboard or screen-reader
   * user would start again from the top of the page: the focus first moves to its counterpart, the
   * button that now does the opposite (Run or Step → Stop while a run goes; Stop → the button that
   * started the run after it, so Step pressed again steps again). A run going on from a pause
   * starts the progress bar where it paused (`from`).
   */
  private showBusy(busy: boolean, from = 0): void {
    if (busy) this.progress(from);
    const run = this.el<HTMLButtonElement>('[data-action="run"]');
    const stop = this.el<HTMLButtonElement>('[data-action="stop"]');
    const step = this.host.querySelector<HTMLButtonElement>('[data-action="step"]');
    const disable = { run: busy && this.mode === 'train', stop: !busy };
    if (!disable.run) {
      run.disabled = false;
      if (step) step.disabled = false;
    }
    if (!disable.stop) stop.disabled = false;
    const focused = document.activeElement;
    if ((focused === run || (step && focused === step)) && disable.run) stop.focus();
    else if (focused === stop && disable.stop) (this.startedBy === 'step' && step ? step : run).focus();
    run.disabled = disable.run;
    if (step) step.disabled = disable.run;
    stop.disabled = disable.stop;
  }

  private progress(fraction: number): void {
    const bar = this.el<HTMLProgressElement>('[data-progress]');
    bar.value = Math.max(0, Math.min(1, fraction));
  }

  private say(text: string): void {
    this.host.status.textContent = text;
  }

  private el<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.host.querySelector<T>(selector)!;
  }
}
