/**
 * The part of a widget that loads when it nears the viewport: runs experiments in the worker,
 * streams progress into the progress bar and the status line, redraws the figure, and answers
 * Run / Stop / Reset and the export buttons.
 */
import { DEFINITIONS } from '../widgets/definitions.ts';
import type { WidgetDefinition } from './definition.ts';
import { ExperimentRunner } from './runner.ts';
import { exportFigure } from './export.ts';
import { renderTable } from './table.ts';
import { writeControls } from './controls.ts';
import type { NotebookWidget } from './widget-element.ts';
import type { Params, StateOf } from './params-types.ts';

type State = StateOf<Params>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDefinition = WidgetDefinition<any, any>;

export class WidgetController {
  private runner = new ExperimentRunner();
  private result: unknown = null;
  private pending = false;
  private readonly original: { plot: string; status: string; table: string };
  private frame = 0;
  /** The state of the current or last run, serialised, to recognise a repeated request. */
  private running = '';
  /** Earliest time (performance.now()) for the next snapshot drawing. */
  private nextDrawAt = 0;

  private readonly host: NotebookWidget;
  private readonly def: AnyDefinition;

  private constructor(host: NotebookWidget, def: AnyDefinition) {
    this.host = host;
    this.def = def;
    this.original = {
      plot: this.el('[data-plot]').innerHTML,
      status: host.status.textContent ?? '',
      table: this.el('[data-table-body]').innerHTML,
    };
  }

  static async create(host: NotebookWidget): Promise<WidgetController> {
    const load = DEFINITIONS[host.dataset.widget!];
    const def = (await load()) as AnyDefinition;
    return new WidgetController(host, def);
  }

  dispose(): void {
    this.runner.dispose();
  }

  /** A control changed. Live widgets recompute (coalescing a slider drag); training widgets wait for Run. */
  stateChanged(committed: boolean): void {
    if (this.def.mode === 'live') {
      // An input event and the change event after it carry the same state: run it once.
      const same = JSON.stringify(this.host.state) === this.running;
      if (this.runner.busy) this.pending = !same;
      else if (!same) void this.run();
    } else if (committed) {
      this.say('Settings changed. Press Run to train with them.');
    }
  }

  async act(action: string): Promise<void> {
    if (action === 'run') return this.run();
    if (action === 'stop') return this.stop();
    if (action === 'reset') return this.reset();
    if (action.startsWith('export-')) {
      const message = await exportFigure(action.slice(7), this.host, this.def, this.host.state, this.result);
      this.say(message);
    }
  }

  private async run(): Promise<void> {
    const state = { ...this.host.state };
    this.running = JSON.stringify(state);
    const training = this.def.mode === 'train';
    this.setBusy(true);
    this.progress(0);
    if (training) this.say('Training…');
    // The status region is read aloud: during a run it says how far along it is in steps of 10%,
    // not every snapshot; the full sentence comes when the run ends.
    let spoken = 0;
    const outcome = await this.runner.run(this.def.experiment, state, (fraction, snapshot) => {
      this.progress(fraction);
      this.result = snapshot;
      const decile = Math.floor(fraction * 10);
      if (training && decile > spoken && decile < 10) {
        spoken = decile;
        this.say(`Training… ${decile * 10}% done.`);
      }
      // Redraw at most five times a second, and for figures that are slow to draw, leave the main
      // thread free for at least four times the last drawing time between two drawings.
      cancelAnimationFrame(this.frame);
      if (performance.now() < this.nextDrawAt) return;
      this.frame = requestAnimationFrame(() => this.draw(snapshot, state));
    });
    cancelAnimationFrame(this.frame);
    this.nextDrawAt = 0;
    this.setBusy(false);
    if (outcome.status === 'done') {
      this.result = outcome.result;
      this.progress(1);
      this.draw(outcome.result, state);
      this.say(this.def.summary(outcome.result, state));
    } else if (outcome.status === 'stopped') {
      this.say(outcome.last ? `Stopped. ${this.def.summary(outcome.last, state)}` : 'Stopped before the first update.');
    } else {
      this.say(`The experiment failed: ${outcome.message}`);
    }
    if (this.pending) {
      this.pending = false;
      void this.run();
    }
  }

  private stop(): void {
    this.pending = false;
    this.runner.stop();
  }

  private reset(): void {
    this.stop();
    this.host.state = Object.fromEntries(Object.entries(this.host.pageSpec.params).map(([k, p]) => [k, p.default])) as State;
    writeControls(this.host, this.host.pageSpec, this.host.state);
    this.host.syncUrl();
    this.host.notify([]);
    this.result = null;
    this.running = '';
    this.el('[data-plot]').innerHTML = this.original.plot;
    this.el('[data-table-body]').innerHTML = this.original.table;
    this.progress(0);
    this.say(`Reset to this page's settings. ${this.original.status}`);
  }

  private draw(result: unknown, state: State): void {
    const started = performance.now();
    const plot = this.el('[data-plot]');
    plot.replaceChildren(this.def.draw(result, state, document));
    plot.setAttribute('aria-label', this.def.label(state));
    this.el('[data-table-body]').replaceChildren(renderTable(document, this.def.table(result, state)));
    const ms = performance.now() - started;
    this.nextDrawAt = performance.now() + Math.max(200, 4 * ms);
  }

  private setBusy(busy: boolean): void {
    this.host.toggleAttribute('data-busy', busy);
    this.el<HTMLButtonElement>('[data-action="stop"]').disabled = !busy;
    this.el<HTMLButtonElement>('[data-action="run"]').disabled = busy && this.def.mode === 'train';
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
