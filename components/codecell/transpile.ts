/**
 * TypeScript → JavaScript for a code cell, with sucrase (runs in the compile worker; never on
 * the page's main thread). Sucrase removes types and rewrites `import`/`export` to CommonJS
 * (`require('lib')`, `exports.default = …`) while keeping every line where it was — its README
 * promises line preservation, and test/components/codecell/transpile.test.ts checks it — so
 * error positions need no source map.
 * @module
 */
import { transform } from 'sucrase';
import { importSites } from './imports.ts';
import type { LibImport } from './lib-names.ts';
import type { CellError } from './protocol.ts';
import { LINES_BEFORE_CODE } from './wrapper.ts';

/**
 * The transpiled code and the names it takes from 'lib' (for the run worker to check against
 * the engine), or an error at a place in the reader's code.
 */
export type Transpiled = { ok: true; js: string; imports: LibImport[] } | { ok: false; error: CellError };

/**
 * Transpiles one cell. Dynamic `import(…)` becomes `require(…)` too (sucrase's default), so the
 * runtime's `require` — which only knows 'lib' — is the single door for every import.
 */
export function transpile(source: string): Transpiled {
  const reserved = reservedName(source);
  if (reserved) return { ok: false, error: reserved };
  try {
    // The leading blank line takes sucrase's preamble; see LINES_BEFORE_CODE in wrapper.ts.
    const { code } = transform(`\n${source}`, {
      transforms: ['typescript', 'imports'],
      // Modern syntax (?. ?? class fields) is left as is: the browsers that run workers know it.
      disableESTransforms: true,
      filePath: 'cell.ts',
    });
    const foreign = foreignImport(source);
    if (foreign) return { ok: false, error: foreign };
    return { ok: true, js: code, imports: libValueImports(source) };
  } catch (e) {
    return { ok: false, error: syntaxError(e) };
  }
}

/**
 * The first static import from a module other than 'lib', used or not. Checked here because
 * sucrase drops an import whose names are never used: `import x from 'fs'` would run, as if it
 * could import. (A dynamic `import(…)` is refused by the run worker's `require`.)
 */
function foreignImport(source: string): CellError | undefined {
  const site = importSites(source).find((s) => s.module !== 'lib');
  if (!site) return undefined;
  return { name: 'ImportError', message: `“${site.module}” cannot be imported: a code cell can import only “lib”, the engine.`, line: site.line };
}

/**
 * The names imported from 'lib' that the code uses as values. Sucrase's TypeScript pass (ESM
 * kept) removes the rest — names used only as types, `import type`, unused names — and keeps
 * lines, so what its output still imports is what must exist at run time.
 */
function libValueImports(source: string): LibImport[] {
  const { code } = transform(`\n${source}`, { transforms: ['typescript'], disableESTransforms: true, filePath: 'cell.ts' });
  return importSites(code)
    .filter((s) => s.module === 'lib')
    .flatMap((s) => s.names.map((name) => ({ name, line: s.line - LINES_BEFORE_CODE })));
}

/**
 * Sucrase's errors carry `loc` (1-based line, 1-based column, in the text it was given: one
 * line more than the reader's) and repeat it in the message.
 */
function syntaxError(e: unknown): CellError {
  const err = e as { message?: unknown; loc?: { line?: unknown; column?: unknown } };
  const message = String(err?.message ?? e).replace(/^Error transforming \S+:\s*/, '').replace(/\s*\(\d+:\d+\)\s*$/, '');
  const line = Number(err?.loc?.line) - LINES_BEFORE_CODE;
  const column = Number(err?.loc?.column);
  return {
    name: 'SyntaxError',
    message,
    ...(Number.isInteger(line) && line > 0 && { line }),
    ...(Number.isInteger(column) && column > 0 && { column }),
  };
}

/**
 * The transpiled code runs inside `async (exports, require) => { … }` (wrapper.ts), so declaring
 * either name again is a syntax error that the browser reports without a line (module workers
 * give a bare error event). Caught here with its line; a local variable of that name in an inner
 * scope is refused too, which costs a rename at worst.
 */
function reservedName(source: string): CellError | undefined {
  const m = /\b(?:let|const|var|class|function\*?)\s+(require|exports)\b/.exec(source);
  if (!m) return undefined;
  const line = source.slice(0, m.index).split('\n').length;
  return { name: 'SyntaxError', message: `"${m[1]}" is a name the cell runner uses for imports and exports; call yours something else.`, line };
}
