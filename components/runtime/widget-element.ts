/**
 * <notebook-widget>: the client half of every widget. Eager and small: it reads the page's
 * defaults and the URL state, wires the controls, and only when the widget nears the viewport
 * loads its controller and the experiment worker (which brings the engine, Observable Plot and a
 * small server-style DOM to draw in: the page itself never loads Plot).
 */
import { SPECS } from '../widgets/specs.ts';
import { parseQuery, replaceInQuery, serializeQuery } from './params-query.ts';
import type { ParamSpec, Params, StateOf, WidgetSpec } from './params-types.ts';
import { readControls, writeControls, withDefaults } from './controls.ts';
import { linkedChanges } from './link-text.ts';
import { focusableWhileScrolling } from './scroll-focus.ts';

/** Which way a control's value went: +1 up (or to a later option), −1 down. */
function direction(p: ParamSpec | undefined, before: unknown, after: unknown): number {
  if (p?.kind === 'enum') return Math.sign(p.options.indexOf(after as string) - p.options.indexOf(before as string)) || 1;
  return typeof before === 'number' && typeof after === 'number' && after < before ? -1 : 1;
}

/** How long after the last committed change the address is updated. */
export const URL_PAUSE_MS = 400;

type AnySpec = WidgetSpec<Record<string, ParamSpec>>;
type State = StateOf<Params>;

export class NotebookWidget extends HTMLElement {
  spec!: AnySpec;
  /** The page's defaults: the spec's defaults overridden by the MDX props. */
  pageSpec!: AnySpec;
  state!: State;
  key!: string;
  status!: HTMLElement;
  /** The status line built with the page: the sentence for its own figure. */
  builtStatus = '';
  private controller: import('./widget-controller.ts').WidgetController | null = null;
  private loading: Promise<void> | null = null;
  private observer: IntersectionObserver | null = null;
  private urlTimer: ReturnType<typeof setTimeout> | undefined;
  /** The settings the address gave that differ from the page's, in words, until the widget has run them ('' when none). */
  private linked = '';
  /** The state as of the last committed change (or the address), to tell a real change from a refused one. */
  private committedState = '';

  connectedCallback(): void {
    if (this.spec) return;
    const name = this.dataset.widget ?? '';
    const spec = SPECS[name];
    this.status = this.querySelector('[data-status]')!;
    for (const box of this.querySelectorAll<HTMLElement>('[data-plot], [data-table-body]')) focusableWhileScrolling(box);
    this.builtStatus = this.status.textContent ?? '';
    if (!spec) {
      this.status.textContent = `This widget (${name}) is not known to this page's scripts.`;
      return;
    }
    this.spec = spec;
    this.key = this.dataset.key ?? name;
    this.pageSpec = withDefaults(spec, JSON.parse(this.dataset.props ?? '{}'));
    const { state, notices, fromUrl } = parseQuery(this.pageSpec, location.search, this.key);
    this.state = state;
    this.committedState = JSON.stringify(state);
    writeControls(this, this.pageSpec, state);
    if (notices.length) this.notify(notices);
    // The figure was built with the page's settings: until the link's are run, say whose it is.
    this.linked = fromUrl ? linkedChanges(this.pageSpec, state) : '';
    if (this.linked) {
      const verb = this.dataset.mode === 'train' ? 'trained with' : 'computed';
      this.status.textContent = `This link sets ${this.linked}. Until the widget has ${verb} it, the figure shows this page's own settings.`;
    }
    this.addEventListener('input', (e) => this.changed(e));
    this.addEventListener('change', (e) => this.changed(e));
    this.addEventListener('click', (e) => this.clicked(e));
    addEventListener('pagehide', () => this.urlTimer !== undefined && this.syncUrl());
    // A pointer over the widget or focus in it announces a run: start its worker (a few hundred
    // ms of loading, off the main thread) now rather than on the first change.
    const warm = () => void this.ensureController().then(() => this.controller!.warm());
    this.addEventListener('pointerenter', warm, { once: true });
    this.addEventListener('focusin', warm, { once: true });
    // Hydrate when the widget comes within a screen of the viewport (or at once if it is there).
    this.observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          this.observer?.disconnect();
          void this.ensureController().then(() => {
            // Unless the reader has changed or run something meanwhile, show what the link describes.
            if (this.linked) this.controller!.linked(this.linked);
            this.linked = '';
          });
        }
      },
      { rootMargin: '100% 0px' },
    );
    this.observer.observe(this);
    this.dataset.ready = 'controls';
  }

  disconnectedCallback(): void {
    this.observer?.disconnect();
    this.controller?.dispose();
  }

  /** Shows plain-text notices (malformed URL state, refused values) above the figure. */
  notify(lines: string[]): void {
    const box = this.querySelector<HTMLElement>('[data-notice]')!;
    if (lines.length === 0 && box.hidden) return; // nothing shown, nothing to clear
    box.hidden = lines.length === 0;
    const list = document.createElement('ul');
    for (const line of lines) {
      const item = document.createElement('li');
      item.textContent = line;
      list.append(item);
    }
    box.replaceChildren(list);
  }

  ensureController(): Promise<void> {
    this.loading ??= import('./widget-controller.ts').then(({ WidgetController }) => {
      this.controller = new WidgetController(this);
      this.dataset.ready = 'full';
    });
    return this.loading;
  }

  /** Writes this widget's non-default state into the address bar, keeping other widgets' pairs as they were. */
  syncUrl(): void {
    clearTimeout(this.urlTimer);
    this.urlTimer = undefined;
    this.committedState = JSON.stringify(this.state);
    const query = replaceInQuery(location.search, this.key, serializeQuery(this.pageSpec, this.state, this.key));
    history.replaceState(history.state, '', `${location.pathname}${query ? `?${query.replace(/^\?/, '')}` : ''}${location.hash}`);
  }

  /**
   * Updates the address URL_PAUSE_MS after the last committed change. Each history update costs
   * the browser process a few milliseconds, and on a two-core machine those were taken from the
   * worker computing the redraw (slider → redraw 60 → 40 ms median at small settings). Copy link
   * and Reset write the address at once; leaving the page writes a pending one.
   */
  private syncUrlSoon(): void {
    clearTimeout(this.urlTimer);
    this.urlTimer = setTimeout(() => this.syncUrl(), URL_PAUSE_MS);
  }

  private changed(event: Event): void {
    const target = event.target as HTMLElement;
    if (!target.closest('[data-controls]')) return;
    this.linked = '';
    const committed = event.type === 'change';
    const { state: next, notice } = readControls(this, this.pageSpec, this.state, committed);
    const control = (target as HTMLInputElement).name ?? '';
    const towards = direction(this.pageSpec.params[control], this.state[control], next[control]);
    const moved = JSON.stringify(next) !== JSON.stringify(this.state);
    this.state = next;
    // A corrected or refused value puts the controls back where the state is, and says why. The
    // notice stays until a change applies: the change event after a refused key press applies nothing.
    writeControls(this, this.pageSpec, next, !notice);
    if (notice || moved) this.notify(notice ? [notice] : []);
    // Only a change since the last committed state is news (for the address and the status line).
    const news = committed && JSON.stringify(next) !== this.committedState;
    if (committed) this.committedState = JSON.stringify(next);
    // The address follows committed changes only (a drag fires an input event per pixel), and
    // only once the reader pauses: see syncUrlSoon.
    if (news) this.syncUrlSoon();
    void this.ensureController().then(() => this.controller!.stateChanged(news, control, towards));
  }

  private clicked(event: Event): void {
    const button = (event.target as HTMLElement).closest<HTMLElement>('[data-action]');
    if (!button || !this.contains(button)) return;
    const action = button.dataset.action!;
    if (!action.startsWith('export-')) this.linked = '';
    void this.ensureController().then(() => this.controller!.act(action));
  }
}

if (!customElements.get('notebook-widget')) customElements.define('notebook-widget', NotebookWidget);
