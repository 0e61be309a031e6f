/**
 * Exercise checks: `<CodeCell check="heNormal">` runs the reader's exported function against
 * the engine's and says, specifically, what differs. A check runs in the run worker after the
 * reader's code, under the same watchdog; it must never throw (a throwing reader function is
 * reported as a failed item).
 * @module
 */
import { initializerCheck } from './check-initializer.ts';
import { regularizerCheck } from './check-regularizer.ts';
import { aKind } from '../runtime/a-kind.ts';
import type { CheckReport } from './protocol.ts';

/** One check: the export it looks for, and what it does with it. */
export type Check = {
  /** Shown above the report, e.g. "He normal". */
  title: string;
  /** The export the reader writes; a default-exported function is accepted too. */
  exportName: string;
  /** The signature, for the message when the export is missing. */
  signature: string;
  /** What the check calls the function with and compares, in a sentence (the reference page lists it). */
  compares: string;
  /**
   * Compares the reader's function with the engine's. `sourceUrl` is the reader's module, so
   * that an error their function throws names their line (see `attempt`).
   */
  run(candidate: (...args: unknown[]) => unknown, sourceUrl: string): Omit<CheckReport, 'title'>;
};

/** The registry. Add a check here and `<CodeCell check="…">` accepts its name. */
export const CHECKS: Record<string, Check> = {
  heNormal: initializerCheck('heNormal', 'He normal', 'normal'),
  heUniform: initializerCheck('heUniform', 'He uniform', 'uniform'),
  glorotNormal: initializerCheck('glorotNormal', 'Glorot normal', 'normal'),
  glorotUniform: initializerCheck('glorotUniform', 'Glorot uniform', 'uniform'),
  l1: regularizerCheck('l1', 'L1 penalty'),
  l2: regularizerCheck('l2', 'L2 penalty'),
};

/** The names `<CodeCell check>` accepts. */
export const CHECK_NAMES: readonly string[] = Object.keys(CHECKS);

/**
 * Runs check `name` on the reader's exports: the named export, else a default-exported function.
 * Any exception inside the check itself becomes a failed report, never a crash. `sourceUrl`: the
 * reader's module, for the line of an error (the run worker passes its own URL).
 */
export function runCheck(name: string, exports: Record<string, unknown>, sourceUrl = ''): CheckReport {
  const check = CHECKS[name];
  if (!check) return { title: name, passed: false, summary: `There is no check named “${name}”.`, details: [] };
  const candidate = exports[check.exportName] ?? exports.default;
  if (typeof candidate !== 'function') {
    return {
      title: check.title,
      passed: false,
      summary: `Export a function to check: \`export function ${check.signature} { … }\` (found ${candidate === undefined ? 'no such export' : aKind(candidate)}).`,
      details: [],
    };
  }
  try {
    return { title: check.title, ...check.run(candidate as (...args: unknown[]) => unknown, sourceUrl) };
  } catch (e) {
    return { title: check.title, passed: false, summary: `The check could not finish: ${e instanceof Error ? e.message : String(e)}`, details: [] };
  }
}
