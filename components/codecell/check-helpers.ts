/**
 * Small pieces the exercise checks share: building a report, numbers in messages, calling the
 * reader's function safely, and reading a returned matrix.
 * @module
 */
import { prose } from '../runtime/definition.ts';
import { describeError, errorSentence } from './errors.ts';
import type { CheckReport } from './protocol.ts';

/** A report from its items: passed when all are ok; the summary is the first failure, or `passText`. */
export function report(details: CheckReport['details'], passText: string): Omit<CheckReport, 'title'> {
  const failed = details.find((d) => !d.ok);
  return { passed: !failed, summary: failed ? failed.text : passText, details };
}

/**
 * Numbers in check messages are sentences, so they are written as the chapters write them: a
 * minus sign (−0.5), powers of ten (3.75 × 10⁻⁴); see `prose`.
 */
export const num = prose;

/** A number to two decimals (a kurtosis), in the same style: "−1.2", "0.04". */
export const twoDecimals = (x: number): string => prose(Number(x.toFixed(2)));

/**
 * A reader's call, with its exception turned into the sentence a top-level error gets
 * ("TypeError on line 4: …"): `sourceUrl` is the reader's module, whose stack frames give the
 * line (errors.ts). Without it (a check run outside a code cell) the line is not known.
 */
export function attempt<T>(f: () => T, sourceUrl = ''): { value: T } | { error: string } {
  try {
    return { value: f() };
  } catch (e) {
    return { error: errorSentence(describeError(e, sourceUrl)) };
  }
}

/** A row-major matrix as checks read it. */
export type Grid = { rows: number; cols: number; data: ArrayLike<number> };

/**
 * The reader's returned value as a matrix: the engine's `{ rows, cols, data }`, or `number[][]`
 * (rows of equal length). `undefined` when it is neither.
 */
export function asGrid(v: unknown): Grid | undefined {
  const m = v as { rows?: unknown; cols?: unknown; data?: unknown };
  if (typeof v === 'object' && v !== null && Number.isInteger(m.rows) && Number.isInteger(m.cols) && m.data !== null
    && typeof m.data === 'object' && typeof (m.data as ArrayLike<number>).length === 'number'
    && (m.data as ArrayLike<number>).length === (m.rows as number) * (m.cols as number)) {
    return { rows: m.rows as number, cols: m.cols as number, data: m.data as ArrayLike<number> };
  }
  if (Array.isArray(v) && v.length > 0 && v.every((r) => Array.isArray(r) && r.length === v[0].length)) {
    return { rows: v.length, cols: (v[0] as unknown[]).length, data: (v as unknown[][]).flat() as number[] };
  }
  return undefined;
}
