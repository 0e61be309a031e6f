/**
 * The text of the module a run worker executes: a first line that loads the runtime and opens
 * an async function, then the reader's transpiled code, then the options. The reader's source
 * is transpiled with one blank line in front (see transpile.ts), so that sucrase's preamble
 * ("use strict", import helpers) lands on that first line and the reader's line N is the
 * module's line N + 1, whatever the code starts with.
 * @module
 */
import type { LibImport } from './lib-names.ts';

/** Where the runtime puts its entry point: `globalThis[Symbol.for(START_KEY)](body, options)`. */
export const START_KEY = 'notebook.codecell.start';

/**
 * Options the run worker receives with the code (data only, written as JSON): the exercise
 * check, and the names the code imports from 'lib' (checked against the engine before it runs).
 */
export type RunOptions = { check?: string; imports?: LibImport[] };

/** The reader's code, called with the CommonJS names that sucrase's `imports` transform uses. */
export type CellBody = (exports: Record<string, unknown>, require: (specifier: string) => unknown) => Promise<unknown>;

/** Lines before the reader's first line in the module text (the blank line transpile.ts adds). */
export const LINES_BEFORE_CODE = 1;

/**
 * The run worker's module text. `runtimeUrl` must be absolute: a blob: module has no base URL
 * that `/…` could be resolved against.
 */
export function moduleText(js: string, runtimeUrl: string, options: RunOptions): string {
  if (!/^https?:\/\//.test(runtimeUrl)) throw new Error(`moduleText: runtimeUrl must be an absolute http(s) URL, got ${runtimeUrl}`);
  // JSON.stringify makes both values inert string/object literals, whatever they contain.
  const head = `import ${JSON.stringify(runtimeUrl)}; globalThis[Symbol.for(${JSON.stringify(START_KEY)})](async (exports, require) => {`;
  // The closing brace goes on its own line: the reader's last line may end in a // comment.
  return `${head}${js}\n}, ${JSON.stringify(options)});\n`;
}
