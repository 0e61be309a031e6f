/**
 * Bad input in a chapter must stop the build and say where. Each case builds a fixture folder of
 * chapters (NOTEBOOK_CHAPTERS_DIR) into a scratch folder and reads the build's own message.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

function buildFixture(folder: string) {
  const scratch = mkdtempSync(join(tmpdir(), 'notebook-fixture-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    NOTEBOOK_CHAPTERS_DIR: `./test/fixtures/${folder}`,
    NOTEBOOK_OUT_DIR: join(scratch, 'dist'),
    NOTEBOOK_CACHE_DIR: join(scratch, 'cache'),
  };
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key === 'NODE_ENV') delete env[key];
  const astro = join(root, 'node_modules/astro/bin/astro.mjs');
  const run = spawnSync(process.execPath, [astro, 'build'], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
  rmSync(scratch, { recursive: true, force: true });
  // Strip colour codes so the assertions read the words a person sees.
  const output = `${run.stdout}\n${run.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
  return { status: run.status, output };
}

/** The 1-based line of the first source line containing `needle`. */
function lineContaining(file: string, needle: string): number {
  return readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;
}

describe('the build refuses bad chapters, naming the place', () => {
  it('a formula KaTeX cannot parse fails with file, line and reason', () => {
    const file = join(root, 'test/fixtures/broken-math/broken.mdx');
    const { status, output } = buildFixture('broken-math');
    expect(status).not.toBe(0);
    const line = lineContaining(file, '\\notacommand');
    expect(output).toContain(`broken-math/broken.mdx:${line}:`);
    expect(output).toMatch(/Undefined control sequence: \\notacommand/);
  });

  it('a malformed frontmatter field fails with file and field', () => {
    const { status, output } = buildFixture('bad-frontmatter');
    expect(status).not.toBe(0);
    expect(output).toContain('bad-frontmatter/bad.mdx');
    expect(output).toMatch(/\border\b.*Expected type `"number"`/);
  });

  it('two widgets with one key (the same id, or the same tag without one) fail naming the file, lines and id', () => {
    const file = join(root, 'test/fixtures/duplicate-widget-key/twice.mdx');
    const { status, output } = buildFixture('duplicate-widget-key');
    expect(status).not.toBe(0);
    const first = lineContaining(file, '<DepthSignal depth={3}');
    const second = lineContaining(file, '<DepthSignal depth={4}');
    const third = lineContaining(file, '<InitRecipes id="depth-signal"');
    expect(output).toContain(`duplicate-widget-key/twice.mdx:${second}: <DepthSignal> has no id, so its key is "depth-signal", as <DepthSignal> at line ${first} does`);
    expect(output).toContain(`duplicate-widget-key/twice.mdx:${third}: <InitRecipes> has id="depth-signal", as <DepthSignal> at line ${first} does`);
    expect(output).toContain('give one of them another id prop');
    expect(output).not.toContain('"another"');
  });

  it('two chapters with the same order fail naming both files', () => {
    const { status, output } = buildFixture('duplicate-order');
    expect(status).not.toBe(0);
    expect(output).toMatch(/duplicate-order\/first\.mdx and .*duplicate-order\/second\.mdx both have order 3/);
  });
});
