/**
 * The page's side of a code cell run: compile (in the compile worker), then run in a fresh
 * worker per run, with a watchdog. Why a fresh blob: worker each time:
 *  - a worker created from a same-origin URL gets the policy of its own HTTP response, and a
 *    static host sends none: measured in Chromium, such a worker may eval and fetch any
 *    origin. A worker created from a blob: URL inherits the page's policy instead (HTML, "run
 *    a worker": local-scheme URLs inherit the creator's policy container): measured, eval is
 *    refused, fetch and import() to another origin are refused by connect-src/script-src
 *    and nothing reaches the other server. The page's policy therefore needs
 *    `worker-src 'self' blob:` — and its script-src keeps no 'unsafe-eval' and no blob:.
 *  - the reader's code is part of that blob (not eval'd), so no eval is needed anywhere;
 *  - a fresh worker per run means no state leaks between runs, and Stop or the watchdog is
 *    just `terminate()`, which ends even `while (true) {}` at once.
 * @module
 */
import { compile } from './compiler.ts';
import type { CellError, CellResult, CheckReport, CompileReply, LogLine, RunMessage } from './protocol.ts';
import { LINES_BEFORE_CODE } from './wrapper.ts';

/** How a run ended. */
export type Outcome =
  | { kind: 'done'; result: CellResult; check?: CheckReport; ms: number; dropped: number }
  | { kind: 'error'; error: CellError; dropped: number }
  | { kind: 'timeout'; ms: number }
  | { kind: 'stopped'; ms: number }
  | { kind: 'failed'; message: string };

/** Callbacks of one run; `log` gets console batches while the code runs. */
export type RunHooks = { log(lines: LogLine[], dropped: number): void; end(outcome: Outcome): void };

/** Longest wait for a run worker to load before the code starts. */
const START_LIMIT_MS = 15_000;

/** Notes whether the page's policy refuses a worker from `url`; the error event alone does not say. */
function watchPolicy(url: string): { (): boolean; stop(): void } {
  let hit = false;
  const listen = (e: SecurityPolicyViolationEvent) => {
    if (e.blockedURI === url || (e.effectiveDirective === 'worker-src' && e.blockedURI.startsWith('blob'))) hit = true;
  };
  document.addEventListener('securitypolicyviolation', listen);
  return Object.assign(() => hit, { stop: () => document.removeEventListener('securitypolicyviolation', listen) });
}

/** Runs one cell's code at a time; `timeoutMs` is the watchdog's limit. */
export class CellRunner {
  private worker: Worker | undefined;
  private url = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private startedAt = 0;
  private hooks: RunHooks | undefined;
  private unwatch: (() => void) | undefined;

  private readonly timeoutMs: number;

  constructor(timeoutMs: number) {
    this.timeoutMs = timeoutMs;
  }

  /** Whether a run is under way (compiling, starting or running). */
  get busy(): boolean {
    return this.hooks !== undefined;
  }

  /** Compiles and runs `source`; ignored while busy. */
  async run(source: string, check: string | undefined, hooks: RunHooks): Promise<void> {
    if (this.hooks) return;
    this.hooks = hooks;
    this.startedAt = performance.now();
    let reply: CompileReply;
    try {
      reply = await compile(source, check);
    } catch (e) {
      return this.finish(hooks, { kind: 'failed', message: (e as Error).message });
    }
    if (this.hooks !== hooks) return; // stopped while compiling
    if (!reply.ok) return this.finish(hooks, { kind: 'error', error: reply.error, dropped: 0 });
    this.url = URL.createObjectURL(new Blob([reply.moduleText], { type: 'text/javascript' }));
    const refused = watchPolicy(this.url);
    this.unwatch = refused.stop;
    const worker = (this.worker = new Worker(this.url, { type: 'module', name: 'codecell-run' }));
    this.timer = setTimeout(() => this.finish(hooks, { kind: 'failed', message: 'The code runner did not start in time.' }), START_LIMIT_MS);
    worker.onmessage = (e: MessageEvent<RunMessage>) => this.receive(hooks, e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      // Chromium reports neither a module that does not parse nor a worker the page's policy
      // refuses with a message; the policy case is told by its violation event.
      if (/SyntaxError/.test(e.message)) {
        const line = e.lineno - LINES_BEFORE_CODE;
        this.finish(hooks, { kind: 'error', error: { name: 'SyntaxError', message: e.message.replace(/^Uncaught SyntaxError:\s*/, ''), ...(line > 0 && { line }) }, dropped: 0 });
      } else {
        const why = refused() ? ": this page's Content-Security-Policy does not allow blob: workers (worker-src)"
          : e.message ? `: ${e.message}` : ': the browser could not load the compiled code (a syntax error the compiler let through?)';
        this.finish(hooks, { kind: 'failed', message: `The code runner could not start${why}.` });
      }
    };
  }

  private receive(hooks: RunHooks, m: RunMessage): void {
    if (this.hooks !== hooks) return;
    if (m.type === 'started') {
      clearTimeout(this.timer);
      this.startedAt = performance.now();
      this.timer = setTimeout(() => this.finish(hooks, { kind: 'timeout', ms: performance.now() - this.startedAt }), this.timeoutMs);
    } else if (m.type === 'log') hooks.log(m.lines, m.dropped);
    else if (m.type === 'done') this.finish(hooks, { kind: 'done', result: m.result, ...(m.check && { check: m.check }), ms: m.ms, dropped: m.dropped });
    else if (m.type === 'error') this.finish(hooks, { kind: 'error', error: m.error, dropped: m.dropped });
  }

  /** Ends the current run now (the Stop button). */
  stop(): void {
    if (this.hooks) this.finish(this.hooks, { kind: 'stopped', ms: performance.now() - this.startedAt });
  }

  private finish(hooks: RunHooks, outcome: Outcome): void {
    if (this.hooks !== hooks) return;
    clearTimeout(this.timer);
    this.unwatch?.();
    this.worker?.terminate(); // also ends timers the reader's code left behind
    if (this.url) URL.revokeObjectURL(this.url);
    this.worker = undefined;
    this.url = '';
    this.hooks = undefined;
    this.unwatch = undefined;
    hooks.end(outcome);
  }
}
