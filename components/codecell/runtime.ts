/**
 * The run worker's runtime. The page starts each run in a fresh module worker whose script is a
 * blob: URL (so it inherits the page's Content-Security-Policy; see client.ts); that script's
 * first line imports this file, which then
 *   1. closes the network and code-loading doors (lockdown.ts) and takes `postMessage` away,
 *   2. replaces `console` with a bounded, batched one (capture.ts),
 *   3. offers `require('lib')` — the engine, bundled here — to the reader's transpiled code,
 *   4. runs it, describes what it exported (serialize.ts), runs the optional check (checks.ts),
 *      and posts the outcome. The page terminates the worker afterwards.
 * @module
 */
import * as engine from '../../lib/index.ts';
import { bufferedConsole, LogBuffer } from './capture.ts';
import { runCheck } from './checks.ts';
import { describeError } from './errors.ts';
import { missingExport } from './lib-names.ts';
import { lockDown } from './lockdown.ts';
import type { RunMessage } from './protocol.ts';
import { describeResult } from './serialize.ts';
import { START_KEY, type CellBody, type RunOptions } from './wrapper.ts';

const post = lockDown(globalThis) as (message: RunMessage) => void;
/** The reader's module: stack frames in it are the reader's lines. */
const sourceUrl = String(self.location.href);
const logs = new LogBuffer((lines, dropped) => post({ type: 'log', lines, dropped }), () => performance.now());
Object.defineProperty(globalThis, 'console', { value: bufferedConsole(logs), configurable: false, writable: false });

// Errors thrown later (in a timer) or promises rejected without a handler, while the cell awaits.
addEventListener('error', (e) => {
  e.preventDefault();
  logs.push('error', [`Uncaught ${describeLine(e.error ?? e.message)}`]);
});
addEventListener('unhandledrejection', (e) => {
  e.preventDefault();
  logs.push('error', [`Unhandled rejection: ${describeLine(e.reason)}`]);
});

function describeLine(thrown: unknown): string {
  const d = describeError(thrown, sourceUrl);
  return `${d.name}${d.line ? ` (line ${d.line})` : ''}: ${d.message}`;
}

/**
 * The engine as the reader imports it. `__esModule` makes sucrase's interop use it as is;
 * `default` lets `import lib from 'lib'` work as well as named and namespace imports.
 */
const LIB: Record<string, unknown> = { ...engine, __esModule: true };
LIB.default = LIB;
Object.freeze(LIB);

function require(specifier: string): unknown {
  if (specifier === 'lib') return LIB;
  const e = new Error(`“${specifier}” cannot be imported: a code cell can import only “lib”, the engine.`);
  e.name = 'ImportError';
  throw e;
}

async function start(body: CellBody, options: RunOptions): Promise<void> {
  post({ type: 'started' });
  const t0 = performance.now();
  const exports: Record<string, unknown> = {};
  let outcome: Extract<RunMessage, { type: 'done' | 'error' }>;
  try {
    // A name 'lib' lacks would otherwise surface as sucrase's `_lib.name.call(…)` failing.
    const missing = missingExport(options.imports ?? [], LIB);
    if (missing) {
      post({ type: 'error', error: missing, ms: 0, dropped: 0 });
      return;
    }
    const returned = await body(exports, require);
    const value = returned !== undefined ? returned : await exports.default;
    const result = describeResult(value);
    const check = options.check ? runCheck(options.check, exports, sourceUrl) : undefined;
    outcome = { type: 'done', result, ...(check && { check }), ms: performance.now() - t0, dropped: 0 };
  } catch (e) {
    outcome = { type: 'error', error: describeError(e, sourceUrl), ms: performance.now() - t0, dropped: 0 };
  }
  logs.flush();
  outcome.dropped = logs.dropped;
  try {
    post(outcome);
  } catch (e) {
    post({ type: 'error', error: { name: 'Error', message: `The result could not be sent to the page: ${String(e)}` }, ms: outcome.ms, dropped: logs.dropped });
  }
}

Object.defineProperty(globalThis, Symbol.for(START_KEY), { value: start, configurable: false, writable: false });
