/**
 * The He-normal exercise's answer describes the plot the cell draws when run as given: the cell is
 * run here (with `lib` resolved to the engine, as in its worker) and the answer's claims are read
 * from the chapter, so the text cannot describe a plot that is not there.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const chapter = readFileSync(join(root, 'content/chapters/initialization.mdx'), 'utf8');

/** The `<Exercise>` right after the cell whose code is imported as `name`, on one line. */
function answerAfterCell(mdx: string, name: string): string {
  const cell = mdx.indexOf(`code={${name}}`);
  expect(cell, `a <CodeCell code={${name}}> in the chapter`).toBeGreaterThan(-1);
  const start = mdx.indexOf('<Exercise', cell);
  return mdx.slice(start, mdx.indexOf('</Exercise>', start)).replace(/\s+/g, ' ');
}

/** Runs a code-cell example in Node, with its `import … from 'lib'` pointed at the engine. */
async function runExample(file: string): Promise<{ series: { name: string; y: number[] }[]; x: number[] }> {
  const code = readFileSync(join(root, file), 'utf8').replace(/from 'lib'/g, `from ${JSON.stringify(join(root, 'lib/index.ts'))}`);
  const copy = join(mkdtempSync(join(tmpdir(), 'cell-')), 'cell.ts');
  writeFileSync(copy, code);
  return (await import(pathToFileURL(copy).href)).default;
}

describe('the He-normal exercise answer matches the cell’s plot', async () => {
  const importName = chapter.match(/import (\w+) from '\.\.\/\.\.\/components\/codecell\/examples\/he-normal-depth\.ts\?raw'/)?.[1];
  const answer = answerAfterCell(chapter, importName ?? 'heNormalExercise');
  const out = await runExample('components/codecell/examples/he-normal-depth.ts');
  const [yours, engine] = out.series;

  it("says your line is the engine's times 2^(−l/2), and it is, at every layer", () => {
    expect(answer).toContain("your line is the engine's times $2^{-l/2}$");
    out.x.forEach((layer, i) => expect(yours.y[i] / engine.y[i]).toBeCloseTo(2 ** (-layer / 2), 12));
  });

  it("quotes where the engine's line starts and ends, as the cell computes them", () => {
    const m = answer.match(/from about ([\d.]+) at layer (\d+) to about ([\d.]+) at layer (\d+)/);
    expect(m, 'the answer quotes "from about … at layer … to about … at layer …"').not.toBeNull();
    const [, from, fromLayer, to, toLayer] = m!;
    const at = (layer: string, text: string) => Number(engine.y[out.x.indexOf(Number(layer))].toFixed(text.split('.')[1]?.length ?? 0));
    expect(at(fromLayer, from)).toBe(Number(from));
    expect(at(toLayer, to)).toBe(Number(to));
  });
});
