/**
 * Named regions of engine files. `lib/` marks teachable pieces with
 * `// #region name` … `// #endregion`; pages show exactly that text.
 */

const START = /^\s*\/\/\s*#region\s+(\S+)\s*$/;
const END = /^\s*\/\/\s*#endregion\b/;

/** Names of all regions in a source text, in order of appearance. */
export function regionNames(source: string): string[] {
  return source.split('\n').flatMap((line) => line.match(START)?.[1] ?? []);
}

/**
 * The text of region `name`, with marker lines of nested regions removed and the common
 * indentation stripped. Throws, naming the file and the regions it does have, if `name` is absent
 * or never closed.
 */
export function extractRegion(source: string, name: string, file = '<source>'): string {
  const lines = source.split('\n');
  const start = lines.findIndex((line) => line.match(START)?.[1] === name);
  if (start < 0) {
    const known = regionNames(source);
    throw new Error(
      `Region "${name}" is not in ${file}. Regions there: ${known.length ? known.join(', ') : '(none)'}.`,
    );
  }
  const body: string[] = [];
  let depth = 1;
  for (let i = start + 1; i < lines.length; i++) {
    if (START.test(lines[i])) { depth++; continue; }
    if (END.test(lines[i])) {
      if (--depth === 0) return dedent(body).join('\n');
      continue;
    }
    body.push(lines[i]);
  }
  throw new Error(`Region "${name}" in ${file} starts at line ${start + 1} but has no matching // #endregion.`);
}

function dedent(lines: string[]): string[] {
  while (lines.length && !lines[0].trim()) lines.shift();
  while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
  const indents = lines.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut));
}
