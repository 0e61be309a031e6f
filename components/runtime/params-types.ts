/**
 * The parameter schema of a widget: one declaration that validates MDX props at build time,
 * parses URL state in the browser, drives the controls, and serializes back (URL, "copy as MDX").
 * Values are data only — numbers, booleans and names from fixed lists — never code, HTML or paths.
 */

/**
 * How a sentence names a setting with its value, where the label and then the value would read
 * stiffly ("units per layer 100", "initializer He normal"): `#` stands for the value as its control
 * shows it — 'the # initializer'. A count gives its form for one first: ['# hidden layer', '#
 * hidden layers']. Without it, a sentence says the label's words and the value: "seed 3".
 */
export type Phrase = string | readonly [one: string, other: string];

/** An integer slider, e.g. depth. With `step`, only `min + k·step` is allowed (never snapped). */
export interface IntParam {
  kind: 'int';
  min: number;
  max: number;
  default: number;
  step?: number;
  label: string;
  phrase?: Phrase;
  help?: string;
}

/**
 * A real-valued slider, e.g. a learning rate. `scale: 'log'` (min > 0, no step) tells the controls
 * to move over tidy values in nearly equal ratios (log-grid.ts), so 1e-4…10 is usable on one
 * slider; the allowed set is the same.
 */
export interface NumberParam {
  kind: 'number';
  min: number;
  max: number;
  default: number;
  step?: number;
  scale?: 'linear' | 'log';
  label: string;
  phrase?: Phrase;
  help?: string;
}

/** One name from a fixed list, e.g. an activation. `labels` are the human names in the select. */
export interface EnumParam {
  kind: 'enum';
  options: readonly string[];
  default: string;
  label: string;
  phrase?: Phrase;
  labels?: Readonly<Record<string, string>>;
  help?: string;
}

/** A toggle. */
export interface BoolParam {
  kind: 'bool';
  default: boolean;
  label: string;
  phrase?: Phrase;
  help?: string;
}

/**
 * Several different names from a fixed list, in the order given (MDX, a link), e.g. initializers
 * to race. A checkbox ticked on the page puts its name where the page's list orders it.
 */
export interface EnumListParam {
  kind: 'enumList';
  options: readonly string[];
  default: readonly string[];
  minItems: number;
  maxItems: number;
  label: string;
  phrase?: Phrase;
  /** Human names beside the checkboxes (the option itself where absent). */
  labels?: Readonly<Record<string, string>>;
  help?: string;
}

/** A random seed: an integer from 0 to 2^31 − 1 (`SEED_MAX`). */
export interface SeedParam {
  kind: 'seed';
  default: number;
  label: string;
  phrase?: Phrase;
}

/** Any one parameter. */
export type ParamSpec = IntParam | NumberParam | EnumParam | BoolParam | EnumListParam | SeedParam;

/** A widget's parameters by name. */
export type Params = Record<string, ParamSpec>;

/** The largest seed, 2^31 − 1. */
export const SEED_MAX = 2 ** 31 - 1;

/** The value type of one parameter: enum options become a union of their literal names. */
export type ValueOf<S extends ParamSpec> =
  S extends { kind: 'int' | 'number' | 'seed' } ? number
  : S extends { kind: 'bool' } ? boolean
  : S extends { kind: 'enum'; options: readonly (infer O)[] } ? O
  : S extends { kind: 'enumList'; options: readonly (infer O)[] } ? O[]
  : never;

/** A widget's whole state: one value per declared parameter. */
export type StateOf<P extends Params> = { [K in keyof P]: ValueOf<P[K]> };

/** A widget's declaration: its MDX tag name, parameters, and an optional cap on one run's work. */
export interface WidgetSpec<P extends Params> {
  /** The MDX tag name, e.g. 'DepthSignal'. */
  name: string;
  params: P;
  /**
   * A cap on the work of one configuration, e.g. depth × width² × samples ≤ 5e8 multiply-adds.
   * States whose estimate is over `max` (or not a finite number) are rejected as a whole.
   */
  work?: { estimate(state: StateOf<P>): number; max: number; unit: string };
}

/** Result of checking one value: the normalised value (-0 → 0, lists copied), or failure. */
export type Checked = { ok: true; value: unknown } | { ok: false };
