/**
 * Turns whatever the reader's code threw into a {@link CellError}: the error's name and message,
 * and the line of the reader's code it came from, read from the stack trace. V8 writes frames as
 * `at fn (URL:LINE:COL)` or `at URL:LINE:COL`; the reader's code is the module at `sourceUrl`
 * (the run worker's blob: URL), whose line N is the reader's line N (see wrapper.ts).
 * @module
 */
import type { CellError } from './protocol.ts';
import { LINES_BEFORE_CODE } from './wrapper.ts';

const MAX_MESSAGE = 2_000;

/**
 * The first frame of `stack` inside `sourceUrl`, as a line of the reader's code. Only the line:
 * sucrase keeps lines but not columns (removed types shift the rest of a line).
 */
export function readerLine(stack: string, sourceUrl: string): number | undefined {
  if (!sourceUrl) return undefined; // no module given (a check run outside a cell): no line
  for (const frame of stack.split('\n')) {
    const at = frame.lastIndexOf(`${sourceUrl}:`);
    if (at < 0) continue;
    const m = /^(\d+):(\d+)/.exec(frame.slice(at + sourceUrl.length + 1));
    if (!m) continue;
    const line = Number(m[1]) - LINES_BEFORE_CODE;
    if (line >= 1) return line;
  }
  return undefined;
}

/**
 * Describes a thrown value. Reading properties of a hostile value (a Proxy, a getter that
 * throws) must not throw here, so every read is guarded.
 */
export function describeError(thrown: unknown, sourceUrl: string): CellError {
  let name = 'Error';
  let message = '';
  let stack = '';
  try {
    if (thrown instanceof Error) {
      name = String(thrown.name || 'Error');
      message = String(thrown.message);
      stack = String(thrown.stack ?? '');
    } else {
      name = 'Thrown value';
      message = typeof thrown === 'string' ? thrown : safeString(thrown);
    }
  } catch {
    message = '(an error that could not be read)';
  }
  // The page's CSP (inherited by the run worker) refuses eval with a long policy dump.
  if (name === 'EvalError') message = 'eval and new Function are not available in a code cell: write the code itself.';
  if (message.length > MAX_MESSAGE) message = `${message.slice(0, MAX_MESSAGE)}…`;
  const line = stack ? readerLine(stack, sourceUrl) : undefined;
  return { name, message, ...(line && { line }) };
}

function safeString(v: unknown): string {
  try {
    return String(v);
  } catch {
    return Object.prototype.toString.call(v);
  }
}

/** One sentence for the status line: "TypeError on line 4: x is not a function". */
export function errorSentence(e: CellError): string {
  const where = e.line ? ` on line ${e.line}${e.column ? `, column ${e.column}` : ''}` : '';
  return `${e.name}${where}: ${e.message}`;
}
