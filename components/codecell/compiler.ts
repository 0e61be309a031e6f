/**
 * The page's shared compile worker: the reader's TypeScript → the run worker's module text
 * (compile.worker.ts). Started on the first Run of any cell on the page; a compiler that does
 * not answer in time is terminated and the next Run starts a fresh one.
 * @module
 */
import runtimePath from './runtime.ts?worker&url';
import type { CompileReply } from './protocol.ts';

/** Longest wait for the compiler (its first answer includes loading sucrase). */
const COMPILE_LIMIT_MS = 15_000;

let compiler: Worker | undefined;
let compileSeq = 0;

/** Transpiles `source` in the page's shared compile worker (started on first use). */
export function compile(source: string, check: string | undefined): Promise<CompileReply> {
  const worker = (compiler ??= new Worker(new URL('./compile.worker.ts', import.meta.url), { type: 'module', name: 'codecell-compile' }));
  const id = ++compileSeq;
  const runtimeUrl = new URL(runtimePath, location.href).href;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail('The TypeScript compiler did not answer in time.'), COMPILE_LIMIT_MS);
    const fail = (message: string) => {
      cleanup();
      worker.terminate();
      if (compiler === worker) compiler = undefined; // the next Run starts a fresh compiler
      reject(new Error(message));
    };
    const onMessage = (e: MessageEvent<CompileReply>) => {
      if (e.data.id !== id) return;
      cleanup();
      resolve(e.data);
    };
    const onError = (e: ErrorEvent) => fail(`The TypeScript compiler could not load${e.message ? `: ${e.message}` : ''}.`);
    const cleanup = () => {
      clearTimeout(timer);
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
    worker.postMessage({ id, source, runtimeUrl, check });
  });
}
