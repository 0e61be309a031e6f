/**
 * `<code-cell>`: the only eagerly loaded part of a code cell (keep it small). It wires the
 * buttons and the status line; the renderer loads on the first Run, the compiler and the
 * engine inside workers, and CodeMirror when the reader chooses to edit. Nothing runs until
 * the reader presses Run (or Ctrl/Cmd+Enter in the editor): not on load, not from the URL.
 * @module
 */
import { errorSentence } from './errors.ts';
import { CellRunner, type Outcome } from './runner.ts';

type Editor = { getCode(): string; setCode(code: string): void; focus(): void };
type Render = typeof import('./render.ts');

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const duration = (ms: number) => (ms < 1000 ? `${Math.max(1, Math.round(ms))} ms` : seconds(ms));

/** The sentence the status line says when a run ends. */
export function outcomeSentence(o: Outcome, timeoutMs: number): string {
  switch (o.kind) {
    case 'done': {
      const check = o.check ? (o.check.passed ? ' The check passed.' : ' The check found a difference: see below.') : '';
      return `Done in ${duration(o.ms)}.${check}`;
    }
    case 'error': return errorSentence(o.error);
    case 'timeout': return `Stopped after ${seconds(timeoutMs)}: the code was still running. Infinite loop? Press Run to try again.`;
    case 'stopped': return `Stopped by you after ${seconds(o.ms)}.`;
    case 'failed': return o.message;
  }
}

class CodeCellElement extends HTMLElement {
  private runner?: CellRunner;
  private editor?: Editor;
  private original = '';
  /** The reader's code as it was before Reset, while Undo reset can bring it back. */
  private beforeReset?: string;
  private render?: Promise<Render>;
  private editorLoad?: Promise<void>;
  private queue: Promise<unknown> = Promise.resolve();

  connectedCallback(): void {
    if (this.runner) return;
    this.original = this.querySelector('[data-code] code')?.textContent ?? '';
    this.runner = new CellRunner(this.timeoutMs);
    this.on('run', () => this.run());
    this.on('stop', () => this.runner?.stop());
    this.on('reset', () => this.reset());
    this.on('undo-reset', () => this.undoReset());
    this.on('edit', () => this.edit());
    this.querySelector<HTMLElement>('[data-toolbar]')!.hidden = false;
    this.setBusy(false);
  }

  private get timeoutMs(): number {
    return Number(this.dataset.timeoutMs) || 5000;
  }

  private on(action: string, f: () => void): void {
    this.button(action)?.addEventListener('click', () => {
      if (this.button(action)?.getAttribute('aria-disabled') !== 'true') f();
    });
  }

  private button(action: string): HTMLButtonElement | null {
    return this.querySelector(`[data-action="${action}"]`);
  }

  /** Sets the status line; `outcome` (e.g. 'error') lets the page style how a run ended. */
  private status(text: string, outcome?: Outcome['kind']): void {
    const line = this.querySelector<HTMLElement>('[data-status]')!;
    line.textContent = text;
    if (outcome) line.dataset.outcome = outcome;
    else delete line.dataset.outcome;
  }

  private get output(): HTMLElement {
    return this.querySelector<HTMLElement>('[data-output]')!;
  }

  /** aria-disabled, not disabled: the button keeps keyboard focus when its state changes. */
  private setBusy(busy: boolean): void {
    this.button('run')?.setAttribute('aria-disabled', String(busy));
    this.button('stop')?.setAttribute('aria-disabled', String(!busy));
    this.toggleAttribute('data-running', busy);
  }

  /** Queues output work behind the renderer's loading so lines keep their order. */
  private draw(f: (r: Render) => void): void {
    const render = (this.render ??= import('./render.ts'));
    this.queue = this.queue.then(() => render).then(f).catch(() => this.status('The output could not be shown.'));
  }

  run(): void {
    const runner = this.runner;
    if (!runner || runner.busy) return;
    const source = this.editor?.getCode() ?? this.original;
    this.setBusy(true);
    this.status('Running…');
    this.draw((r) => r.clearOutput(this.output));
    void runner.run(source, this.dataset.check || undefined, {
      log: (lines, dropped) => this.draw((r) => r.appendLogs(this.output, lines, dropped)),
      end: (outcome) => {
        this.setBusy(false);
        this.status(outcomeSentence(outcome, this.timeoutMs), outcome.kind);
        this.draw((r) => r.showOutcome(this.output, outcome, source));
      },
    });
  }

  /** Back to the original code. The reader's edits are kept for Undo reset until they write again. */
  private reset(): void {
    this.runner?.stop();
    const code = this.editor?.getCode();
    if (code !== undefined && code !== this.original) this.beforeReset = code;
    this.editor?.setCode(this.original);
    this.draw((r) => r.clearOutput(this.output));
    const undo = this.beforeReset !== undefined;
    this.button('undo-reset')!.hidden = !undo;
    this.status(undo ? 'Back to the original code. Undo reset brings your edits back.' : 'Back to the original code.');
  }

  private undoReset(): void {
    if (this.beforeReset === undefined) return;
    this.editor?.setCode(this.beforeReset); // codeChanged() says so and hides the button
    this.editor?.focus(); // rather than leave the focus on a hidden button
  }

  /** On every change in the editor: Undo reset ends when the edits are back or new ones begin. */
  private codeChanged(): void {
    const code = this.editor?.getCode();
    if (this.beforeReset === undefined || code === this.original) return;
    this.status(code === this.beforeReset ? 'Your edited code is back.' : '');
    this.beforeReset = undefined;
    this.button('undo-reset')!.hidden = true;
  }

  /** Opens the editor once (a second click while it loads does nothing more). */
  private edit(): void {
    if (this.editor) return this.editor.focus();
    this.editorLoad ??= this.openEditor().finally(() => { this.editorLoad = undefined; });
  }

  private async openEditor(): Promise<void> {
    const code = this.querySelector<HTMLElement>('[data-code]')!;
    this.status('Loading the editor…');
    try {
      const { createEditor } = await import('./editor.ts');
      const label = `Code of ${this.querySelector('[data-title]')?.textContent ?? 'this cell'}`;
      this.editor = createEditor(code, this.original, { label, onRun: () => this.run(), onChange: () => this.codeChanged() });
      code.removeAttribute('tabindex'); // the editor takes the focus stop of the listing
      this.button('edit')!.hidden = true;
      this.status('Editing. Ctrl+Enter (⌘+Enter on a Mac) runs the code.');
      this.editor.focus();
    } catch {
      this.status('The editor could not be loaded; the code can still be run as it is.');
    }
  }
}

if (!customElements.get('code-cell')) customElements.define('code-cell', CodeCellElement);
