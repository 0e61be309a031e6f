/**
 * What a widget is made of, beyond its Astro markup: its parameters, the experiment it runs,
 * and how a result becomes a figure, a table and a sentence. The same definition serves the
 * build (default figure embedded as SVG) and the browser (redraws after each run).
 */
import { powerOfTen } from '../plots/log-ticks.ts';
import type { WidgetSpec, ParamSpec } from './params.ts';

export type Table = { columns: string[]; rows: (string | number)[][] };

export interface WidgetDefinition<S, R> {
  spec: WidgetSpec<Record<string, ParamSpec>>;
  /** Name of the experiment in components/experiments/registry.ts. */
  experiment: string;
  /**
   * 'live': cheap, recomputed whenever a control changes; 'train': a training run the reader
   * starts with Run, streaming progress.
   */
  mode: 'live' | 'train';
  /** The figure for a result (or a snapshot); `doc` is the browser's document or a server-side one. */
  draw(result: R, state: S, doc: Document): SVGElement | HTMLElement;
  /** The same numbers as a table, for "show as table" and CSV export. */
  table(result: R, state: S): Table;
  /**
   * Optional: the CSV export, when the table shows fewer points than the figure draws (a curve at
   * a readable number of steps): every point, in long form, so a spreadsheet can redraw the figure.
   */
  csv?(result: R, state: S): Table;
  /** One or two sentences on what the result shows, read out in the status region. */
  summary(result: R, state: S): string;
  /** Accessible name of the figure. */
  label(state: S): string;
  /**
   * Training widgets: how far a snapshot is, as words that follow “Stopped” or “Paused” in the
   * status line (“after epoch 3 of 200”, “before the first epoch”).
   */
  position?(result: R, state: S): string;
  /**
   * Live widgets, optional: a far cheaper state that runs the same code as `state` (same
   * activation, initializer…). A fresh worker runs and draws it a few times while the reader
   * reaches for a control, so the engine's and Plot's code is compiled before the first real run
   * (see experiment.worker.ts, `warmUp`). It must be a valid state of the widget's spec.
   */
  warmUp?(state: S): S;
}

/** WidgetDefinition.position for a run that has finished `done` of its `epochs` epochs. */
export function epochPosition(done: number, epochs: number): string {
  return done === 0 ? 'before the first epoch' : `after epoch ${done} of ${epochs}`;
}

/** Outside [1e-3, 1e5) a number is written with a power of ten. */
const scientificRange = (value: number) => value !== 0 && (Math.abs(value) < 1e-3 || Math.abs(value) >= 1e5);

/**
 * Formats a number for tables, CSV and JSON-adjacent text: 4 significant digits, or 3 in
 * e-notation (1.02e-4) outside [0.001, 100000), which spreadsheets read back; "NaN", "+∞", "−∞"
 * for non-finite values. Sentences use {@link prose}.
 */
export function fmt(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+∞' : '−∞';
  if (scientificRange(value)) return value.toExponential(2);
  return String(Number(value.toPrecision(4)));
}

/**
 * Formats a number for a sentence, as the chapters write them: the digits of {@link fmt}, but
 * powers of ten written out (1.02 × 10⁻⁴, 3 × 10⁵) and negative numbers with a minus sign (−0.5).
 */
export function prose(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return fmt(value);
  if (!scientificRange(value)) return fmt(value).replace('-', '−');
  const [mantissa, exponent] = value.toExponential(2).split('e');
  return `${String(Number(mantissa)).replace('-', '−')} × ${powerOfTen(Number(exponent))}`;
}
