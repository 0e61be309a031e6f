/**
 * Console output of a run, bounded and batched. A reader's loop may log a million lines; the
 * page keeps the first {@link LogLimits.lines} and counts the rest, and lines travel in batches
 * at most every {@link LogLimits.intervalMs} so the page's main thread never sees a flood of
 * messages (each message is a task on the page).
 * @module
 */
import { formatValue } from './format.ts';
import type { LogLine } from './protocol.ts';

export type LogLimits = {
  /** Lines kept per run; later lines are only counted. */
  lines: number;
  /** Characters kept per line. */
  lineChars: number;
  /** Characters kept per run, over all lines. */
  totalChars: number;
  /** Minimum time between two batches sent while the code runs. */
  intervalMs: number;
};

export const DEFAULT_LOG_LIMITS: LogLimits = { lines: 1_000, lineChars: 2_000, totalChars: 200_000, intervalMs: 100 };

/** Collects console lines and hands them to `send` in batches. */
export class LogBuffer {
  /** Lines left out so far because a cap was reached. */
  dropped = 0;
  private kept = 0;
  private chars = 0;
  private pending: LogLine[] = [];
  private lastSent: number;
  private readonly send: (lines: LogLine[], dropped: number) => void;
  private readonly now: () => number;
  private readonly limits: LogLimits;

  constructor(send: (lines: LogLine[], dropped: number) => void, now: () => number, limits: LogLimits = DEFAULT_LOG_LIMITS) {
    this.send = send;
    this.now = now;
    this.limits = limits;
    this.lastSent = now();
  }

  /** Adds one console call (its arguments joined by spaces, as consoles do). */
  push(level: LogLine['level'], args: readonly unknown[]): void {
    if (this.kept >= this.limits.lines || this.chars >= this.limits.totalChars) {
      this.dropped++; // counted without formatting: a flood costs almost nothing
      return;
    }
    let text = args.map((a) => formatValue(a)).join(' ');
    if (text.length > this.limits.lineChars) text = `${text.slice(0, this.limits.lineChars)}… (line cut at ${this.limits.lineChars} characters)`;
    this.kept++;
    this.chars += text.length;
    this.pending.push({ level, text });
    if (this.now() - this.lastSent >= this.limits.intervalMs) this.flush();
  }

  /** Sends the pending lines, if any; the final done/error message carries the last count. */
  flush(): void {
    if (this.pending.length === 0) return;
    const lines = this.pending;
    this.pending = [];
    this.lastSent = this.now();
    this.send(lines, this.dropped);
  }
}

/** Console methods mapped to the three levels the page shows. */
export const CONSOLE_LEVELS: Record<string, LogLine['level']> = {
  log: 'log', info: 'log', debug: 'log', trace: 'log', dir: 'log', table: 'log',
  warn: 'warn',
  error: 'error', assert: 'error',
};

/** A console whose methods write into `buffer`; `assert` logs only when its condition is false. */
export function bufferedConsole(buffer: LogBuffer): Console {
  const c: Record<string, (...args: unknown[]) => void> = {};
  for (const [method, level] of Object.entries(CONSOLE_LEVELS)) {
    c[method] = method === 'assert'
      ? (cond?: unknown, ...rest: unknown[]) => { if (!cond) buffer.push(level, ['Assertion failed:', ...rest]); }
      : (...args: unknown[]) => buffer.push(level, args);
  }
  for (const method of ['group', 'groupEnd', 'groupCollapsed', 'time', 'timeEnd', 'timeLog', 'count', 'countReset', 'clear']) c[method] = () => {};
  return c as unknown as Console;
}
