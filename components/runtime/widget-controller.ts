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

type State = Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDefinition = WidgetDefinition<any, any>;

export class WidgetController {
  private runner = new ExperimentRunner();
  private result: unknown = null;
  private pending = false;
  private readonly original: { plot: string; status: string; table: string };
  private frame = 0;

  private constructor(private host: NotebookWidget, private def: AnyDefinition) {
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
      if (this.runner.busy) this.pending = true;
      else void this.run();
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
      // Draw at most once per display frame, whatever the worker's pace.
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => this.draw(snapshot, state));
    });
    cancelAnimationFrame(this.frame);
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
    this.el('[data-plot]').innerHTML = this.original.plot;
    this.el('[data-table-body]').innerHTML = this.original.table;
    this.progress(0);
    this.say(`Reset to this page's settings. ${this.original.status}`);
  }

  private draw(result: unknown, state: State): void {
    const plot = this.el('[data-plot]');
    plot.replaceChildren(this.def.draw(result, state, document));
    plot.setAttribute('aria-label', this.def.label(state));
    this.el('[data-table-body]').replaceChildren(renderTable(document, this.def.table(result, state)));
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
