/**
 * How often V8 throws away optimised code while a script runs, counted from `--trace-deopt` in a
 * child Node (plain V8: Vitest's module runner would transform the files and time them itself).
 * Speed is too noisy to assert on a shared machine; a deoptimisation is a discrete event, and a
 * hot function deoptimised on every call is slow for a reason a test can name.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The URL of a repository file, for `import` in a child's script. */
export const repoUrl = (path: string): string => pathToFileURL(resolve(import.meta.dirname, '../..', path)).href;

/**
 * Runs `script` (an ES module; `await` allowed) in a fresh Node with `--trace-deopt` and returns,
 * per name in `names`, how many times a function of that name was deoptimised.
 */
export function deoptimisations(script: string, names: string[]): Record<string, number> {
  const r = spawnSync(process.execPath, ['--trace-deopt', '--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`child node failed: ${r.stderr}`);
  const counts = Object.fromEntries(names.map((n) => [n, 0]));
  // One line per deoptimisation: "[bailout (kind: …, reason: …): begin. deoptimizing 0x… <JSFunction name (sfi = …)>, …"
  for (const m of r.stdout.matchAll(/^\[bailout .*?<JSFunction (\S+) /gm)) if (m[1] in counts) counts[m[1]]++;
  return counts;
}
