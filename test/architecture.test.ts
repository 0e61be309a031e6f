/**
 * The layering of DESIGN.md, enforced over the real tree: lib/ imports only lib/ and never calls
 * Math.random; components/ never imports content/ or src/; content/ imports components/ and
 * shows lib/ source only as text (issue 2, item 1). The checker is tested on synthetic files first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, walk } from './helpers/dist.ts';
import { importsOf, mathRandomLines } from './helpers/imports.ts';
import { LAYERS, violation } from './helpers/layers.ts';

const SOURCE = /\.(ts|tsx|js|mjs|cjs|jsx|astro|mdx)$/;

/** All rule violations of one file (path relative to the root, posix separators). */
function check(path: string, text: string): string[] {
  const problems = importsOf(text, path).map((imp) => violation(path, imp)).filter((v): v is string => v !== undefined);
  if (path.startsWith('lib/')) for (const line of mathRandomLines(text, path)) problems.push(`${path}:${line} uses Math.random (every random draw takes an Rng)`);
  return problems;
}

describe('the checker, on synthetic files', () => {
  it.each([
    ['lib/a.ts', `import { b } from './b.ts';\nexport * from './sub/c.ts';\nconst w = new URL('./w.ts', import.meta.url);`],
    ['lib/a.ts', `// Math.random is banned here; import x from '../src/x'\nconst s = "import('d3') Math.random()";`],
    ['components/W.astro', `---\nimport { Dense } from '../lib/dense.ts';\nimport * as Plot from '@observablehq/plot';\n---\n<p>import x from '../src/no'</p>\n<script>import '../lib/rng.ts';</script>`],
    ['content/chapters/a.mdx', `---\ntitle: x\n---\nimport W from '../../components/W.astro';\nimport code from '../../lib/rng.ts?raw';\n\n\`\`\`ts\nimport { s } from '../../src/settings.ts';\n\`\`\`\nimport is a word in prose.`],
    ['src/pages/x.astro', `---\nimport { render } from 'astro:content';\nimport L from '../layouts/L.astro';\nimport { Dense } from '../../lib/dense.ts';\n---`],
  ])('allows %s', (path, text) => {
    expect(check(path, text)).toEqual([]);
  });

  it.each([
    ['lib/a.ts', `import { x } from '../components/x.ts';`, "leaves it"],
    ['lib/a.ts', `import * as d3 from 'd3';`, 'no package imports'],
    ['lib/a.ts', `import { readFileSync } from 'node:fs';`, 'no builtin imports'],
    ['lib/a.ts', `import { readFileSync } from 'fs';`, 'no builtin imports'],
    ['lib/a.ts', `const m = await import('../src/settings.ts');`, 'leaves it'],
    ['lib/a.ts', `const m = await import(name);`, 'no computed imports'],
    ['lib/a.ts', `export { s } from '../src/settings.ts';`, 'leaves it'],
    ['lib/a.ts', `type T = import('../components/x.ts').T;`, 'leaves it'],
    ['lib/a.ts', `const w = new Worker(new URL('../components/w.ts', import.meta.url));`, 'leaves it'],
    ['lib/a.ts', `const u = Math.random();`, 'uses Math.random'],
    ['lib/a.ts', `const u = globalThis.Math['random']();`, 'uses Math.random'],
    ['components/W.astro', `---\nimport { chapters } from '../src/chapters.ts';\n---`, 'never imports src/'],
    ['components/W.astro', `---\n---\n<script>\nimport c from '../content/chapters/a.mdx';\n</script>`, 'never imports content/'],
    ['components/w.ts', `const all = import.meta.glob(['../content/**/*.mdx']);`, 'never imports content/'],
    ['content/chapters/a.mdx', `import { s } from '../../src/settings.ts';\n\nText.`, 'never imports src/'],
    ['content/chapters/a.mdx', `import { Dense } from '../../lib/dense.ts';\n\nText.`, 'runs it only through components/'],
    ['src/pages/x.astro', `---\nimport { f } from '../../test/helpers/dist.ts';\n---`, 'test code'],
  ])('flags %s: %s', (path, text, problem) => {
    const problems = check(path, text);
    expect(problems.join('\n')).toContain(problem);
    expect(problems.join('\n')).toMatch(new RegExp(`^${path.replace(/\./g, '\\.')}:\\d+ `));
  });
});

describe('the project tree', () => {
  const files = LAYERS.filter((l) => existsSync(join(ROOT, l)))
    .flatMap((l) => walk(join(ROOT, l)))
    .filter((f) => SOURCE.test(f))
    .map((f) => relative(ROOT, f).split(sep).join('/'));

  it('has source files, and the checker sees their imports', () => {
    expect(files.filter((f) => f.startsWith('lib/')).length).toBeGreaterThan(0);
    const seen = files.flatMap((f) => importsOf(readFileSync(join(ROOT, f), 'utf8'), f));
    expect(seen.length).toBeGreaterThan(0);
  });

  it('follows the import rules, and lib/ never uses Math.random', () => {
    const problems = files.flatMap((f) => check(f, readFileSync(join(ROOT, f), 'utf8')));
    expect(problems).toEqual([]);
  });
});
