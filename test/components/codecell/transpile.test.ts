/**
 * The transform keeps the reader's lines where they were (so stack traces need no source map),
 * sends every import through `require`, and reports syntax errors at the reader's line/column.
 * The last test runs transpiled code in V8 (this Node) and reads the line back from a real stack.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readerLine } from '../../../components/codecell/errors.ts';
import { transpile } from '../../../components/codecell/transpile.ts';
import { LINES_BEFORE_CODE, START_KEY, moduleText } from '../../../components/codecell/wrapper.ts';

/** TypeScript whose marker calls `mark(n)` sit on known lines among type-only constructs. */
const SOURCE = [
  "import { createRng, type Rng } from 'lib';", // 1
  'interface Layer {', // 2
  '  units: number;', // 3
  '}', // 4
  'type Pair<T> = [T, T];', // 5
  'mark(6);', // 6
  'enum Kind { A, B }', // 7
  'function f<T extends number>(x: T, rng?: Rng): Pair<T> {', // 8
  '  mark(9);', // 9
  '  return [x, x] as Pair<T>;', // 10
  '}', // 11
  'const layer: Layer = { units: 3 } satisfies Layer;', // 12
  'mark(13);', // 13
  'export default createRng(1).uniform() as number;', // 14
  'mark(15);', // 15
].join('\n');

function js(source: string): string {
  const t = transpile(source);
  if (!t.ok) throw new Error(`did not transpile: ${t.error.message}`);
  return t.js;
}

describe('transpile', () => {
  it('keeps each marked statement on its line (plus the one blank line in front)', () => {
    const lines = js(SOURCE).split('\n');
    for (const n of [6, 9, 13, 15]) expect(lines[n - 1 + LINES_BEFORE_CODE], `line ${n}`).toContain(`mark(${n})`);
    expect(lines.length).toBe(SOURCE.split('\n').length + LINES_BEFORE_CODE);
  });

  it("turns imports from 'lib' into require('lib') and drops type-only names", () => {
    const out = js(SOURCE);
    expect(out).toMatch(/require\('lib'\)/);
    expect(out).not.toMatch(/\bimport\b/);
    expect(out).not.toMatch(/\bRng\b.*require/);
    expect(out).toMatch(/exports\.\s*default\s*=/);
  });

  it('routes dynamic import() through require too, so the runtime refuses it', () => {
    const out = js("const m = await import('https://example.com/x.js');");
    expect(out).toContain("require('https://example.com/x.js')");
    expect(out).not.toMatch(/\bimport\s*\(/);
  });

  it('reports a syntax error at the reader\'s line and column', () => {
    const t = transpile('const a = 1;\nconst b = ;\n');
    expect(t.ok).toBe(false);
    if (!t.ok) {
      expect(t.error).toMatchObject({ name: 'SyntaxError', line: 2, column: 11 });
      expect(t.error.message).not.toMatch(/\(\d+:\d+\)|cell\.ts/);
    }
  });

  it.each(['let require = 1', 'const exports = {}', 'function require() {}'])('refuses to redeclare a runner name: %s', (decl) => {
    const t = transpile(`const ok = 1;\n${decl};`);
    expect(t.ok).toBe(false);
    if (!t.ok) expect(t.error.line).toBe(2);
  });
});

describe('moduleText', () => {
  it('writes the runtime URL and options as JSON literals, the code from line 2', () => {
    const text = moduleText('\nfoo();', 'http://127.0.0.1:1/_astro/runtime.js', { check: 'heNormal' });
    const lines = text.split('\n');
    expect(lines[0]).toBe(`import "http://127.0.0.1:1/_astro/runtime.js"; globalThis[Symbol.for("${START_KEY}")](async (exports, require) => {`);
    expect(lines[1]).toBe('foo();');
    expect(text).toContain('}, {"check":"heNormal"});');
  });

  it('refuses a relative runtime URL (a blob: module could not resolve it)', () => {
    expect(() => moduleText('', '/_astro/runtime.js', {})).toThrow(/absolute/);
  });
});

/**
 * Imports `url` in a child Node (plain V8, not Vitest's module runner, which transforms files)
 * and returns the stack of what the cell's body rejected with.
 */
function stackFromChild(url: string): string {
  const script = `await import(${JSON.stringify(url)}); await globalThis.ran.then(() => console.log('no error'), (e) => console.log(e.stack));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`child node failed: ${r.stderr}`);
  return r.stdout;
}

describe('line numbers from a real V8 stack', () => {
  const dir = mkdtempSync(join(tmpdir(), 'codecell-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([3, 7, 12])('an error thrown on reader line %i + 1 is reported there', async (line) => {
    const lines = Array.from({ length: 14 }, (_, i) => (i + 1 === line ? "throw new Error('here');" : `const v${i}: number = ${i};`));
    lines.unshift("import { createRng } from 'lib';"); // shifts everything down one: line + 1
    const source = lines.join('\n');
    const runtime = join(dir, `runtime-${line}.mjs`);
    // A stand-in runtime: runs the body with a `require` for 'lib' and keeps what it throws.
    writeFileSync(runtime, `globalThis[Symbol.for(${JSON.stringify(START_KEY)})] = (body) => { globalThis.ran = body({}, () => ({ __esModule: true, createRng: () => 0 })); };`);
    const cell = join(dir, `cell-${line}.mjs`);
    const t = transpile(source);
    if (!t.ok) throw new Error(t.error.message);
    writeFileSync(cell, moduleText(t.js, 'http://placeholder/', {}).replace('"http://placeholder/"', JSON.stringify(pathToFileURL(runtime).href)));
    const stack = stackFromChild(pathToFileURL(cell).href);
    expect(stack).toMatch(/^Error: here/);
    expect(readerLine(stack, pathToFileURL(cell).href)).toBe(line + 1);
  });
});
