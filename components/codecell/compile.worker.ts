/**
 * The compile worker: TypeScript → the run worker's module text. Long-lived (one per page,
 * started on the first Run) and trusted: it only ever runs sucrase on the reader's text, never
 * the reader's code, which is why it may be a same-origin worker without a CSP of its own.
 * @module
 */
import type { CompileReply, CompileRequest } from './protocol.ts';
import { transpile } from './transpile.ts';
import { moduleText } from './wrapper.ts';

self.onmessage = (e: MessageEvent<CompileRequest>) => {
  const { id, source, runtimeUrl, check } = e.data;
  const t = transpile(source);
  const reply: CompileReply = t.ok
    ? { id, ok: true, moduleText: moduleText(t.js, runtimeUrl, { ...(check && { check }), ...(t.imports.length > 0 && { imports: t.imports }) }) }
    : { id, ok: false, error: t.error };
  self.postMessage(reply);
};
