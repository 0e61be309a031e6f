/**
 * What a cell may import: only 'lib', and from it only names the engine exports. A refused
 * module is named with its line even when the import is unused (sucrase drops those, so such a
 * cell used to run); a missing name is named with its import's line and near real names, instead
 * of sucrase's internals (“Cannot read properties of undefined (reading 'call')”).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as engine from '../../../lib/index.ts';
import { importSites } from '../../../components/codecell/imports.ts';
import { closestNames, editDistance, missingExport } from '../../../components/codecell/lib-names.ts';
import { transpile } from '../../../components/codecell/transpile.ts';

const EXAMPLES = join(import.meta.dirname, '../../../components/codecell/examples');
/** The engine as the run worker offers it (runtime.ts): its exports, and itself as default. */
const LIB: Record<string, unknown> = { ...engine, default: engine };

function compiled(source: string) {
  const t = transpile(source);
  if (!t.ok) throw new Error(`did not transpile: ${t.error.message}`);
  return t;
}

/** The error the run worker reports before the code starts, if any. */
const runCheck = (source: string) => missingExport(compiled(source).imports, LIB);

describe('importSites', () => {
  it('reads modules, lines and imported names, not look-alikes in comments or strings', () => {
    const src = [
      "import { createRng, type Rng, matmul as mm } from 'lib';", // 1
      "// import y from 'in-a-comment'", // 2
      'const s = "import z from \'in-a-string\'";', // 3
      "import d, * as ns from 'os';", // 4
      "export * from 'reexported'; export const u = 1;", // 5
      "const m = await import('dynamic');", // 6
    ].join('\n');
    expect(importSites(src)).toEqual([
      { module: 'lib', line: 1, names: ['createRng', 'matmul'] },
      { module: 'os', line: 4, names: [] },
      { module: 'reexported', line: 5, names: [] },
    ]);
  });
});

describe('transpile: modules other than lib', () => {
  it.each([
    ['an unused default import', "const a = 1;\nimport x from 'fs';\nexport default a;", 'fs', 2],
    ['a used named import', "import { readFileSync } from 'node:fs';\nexport default readFileSync('x');", 'node:fs', 1],
    ['a side-effect import', "import './setup';", './setup', 1],
    ['a re-export', "export { a } from 'elsewhere';", 'elsewhere', 1],
  ])('refuses %s, naming the module and the line', (_what, source, module, line) => {
    const t = transpile(source);
    expect(t.ok).toBe(false);
    if (t.ok) return;
    expect(t.error.line).toBe(line);
    expect(t.error.message).toBe(`“${module}” cannot be imported: a code cell can import only “lib”, the engine.`);
    expect(t.error.message).not.toMatch(/['"]/); // the site's typography: “ ” only
  });
});

describe('names imported from lib', () => {
  it('sends the run worker only the names used as values, each with its import line', () => {
    const source = "const n = 2;\nimport { createRng, zeros, type Matrix, Rng, INITIALIZERS } from 'lib';\nlet r: Rng;\nexport default zeros(n, n) as Matrix;";
    expect(compiled(source).imports).toEqual([{ name: 'zeros', line: 2 }]);
  });

  it("says that 'lib' has no such export, at the import's line, and suggests the real name", () => {
    const error = runCheck("// He normal\nimport { heNormal, createRng } from 'lib';\nexport default heNormal(3, 2, createRng(1));");
    expect(error).toMatchObject({ name: 'ImportError', line: 2 });
    // The engine's initializer is a member of its table; the function comes first.
    expect(error?.message).toMatch(/^“lib” has no export named “heNormal”\. Did you mean “INITIALIZERS\.heNormal”( or “\w+\.heNormal”)*\?$/);
  });

  it('suggests only names that exist, nearest first, for slips of case, prefix and spelling', () => {
    const exported = Object.keys(engine);
    for (const real of exported) {
      for (const slip of [real.toLowerCase(), real.slice(0, -1), `${real}s`]) {
        if (Object.hasOwn(LIB, slip)) continue;
        const near = closestNames(slip, LIB);
        expect(near, `${slip} (for ${real})`).toContain(real);
        for (const n of near) {
          const [table, member] = n.split('.');
          expect(member === undefined ? Object.hasOwn(LIB, table) : Object.hasOwn(LIB[table] as object, member), n).toBe(true);
        }
      }
    }
    expect(closestNames('qqqqqqq', LIB)).toEqual([]);
    expect(missingExport([{ name: 'qqqqqqq', line: 1 }], LIB)?.message).toBe('“lib” has no export named “qqqqqqq”.');
  });

  it('passes every example cell the site ships, and namespace or default imports', () => {
    const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(runCheck(readFileSync(join(EXAMPLES, f), 'utf8')), f).toBeUndefined();
    expect(runCheck("import * as lib from 'lib';\nimport engine from 'lib';\nexport default lib.zeros(1, 1) ?? engine;")).toBeUndefined();
  });

  it('measures edit distance', () => {
    expect([editDistance('', 'abc'), editDistance('kitten', 'sitting'), editDistance('same', 'same')]).toEqual([3, 3, 0]);
  });
});
