/**
 * The check of the names a cell imports from 'lib', against the engine's real exports. It runs
 * in the run worker (runtime.ts), which bundles the engine, before the reader's code starts:
 * without it, `import { heNormal } from 'lib'` reached the transpiler's internals and failed
 * as “Cannot read properties of undefined (reading 'call')”. The names come from the compile
 * worker (imports.ts): only those the code uses as values, so a type such as `Rng` passes.
 * @module
 */
import type { CellError } from './protocol.ts';

/** A name the reader's code takes from 'lib', and the line of its import. */
export type LibImport = { name: string; line: number };

/** At most this many suggestions in one message. */
const MAX_SUGGESTIONS = 3;

/** The first import whose name `lib` does not export, as an error at that import's line. */
export function missingExport(imports: readonly LibImport[], lib: Readonly<Record<string, unknown>>): CellError | undefined {
  const missing = imports.find((i) => !Object.hasOwn(lib, i.name));
  if (!missing) return undefined;
  const near = closestNames(missing.name, lib);
  const hint = near.length ? ` Did you mean ${orList(near.map((n) => `“${n}”`))}?` : '';
  return { name: 'ImportError', message: `“lib” has no export named “${missing.name}”.${hint}`, line: missing.line };
}

/**
 * Real names close to `name`: first members of exported tables (`INITIALIZERS.heNormal`, the
 * usual slip; functions and plain tables first), then exports that differ only in case, start the same way (ignoring case)
 * or are a few edits away, nearest first.
 */
export function closestNames(name: string, lib: Readonly<Record<string, unknown>>): string[] {
  const exports = Object.keys(lib).filter((k) => k !== 'default' && !k.startsWith('__'));
  const lower = name.toLowerCase();
  const members = exports.flatMap((table) => {
    const v = lib[table];
    if (!v || typeof v !== 'object' || Array.isArray(v)) return [];
    return Object.keys(v).filter((k) => k.toLowerCase() === lower).map((k) => ({ name: `${table}.${k}`, callable: typeof (v as Record<string, unknown>)[k] === 'function' }));
  });
  // Functions first (a missing name is most often called), then the plainest table: INITIALIZERS
  // before INITIALIZER_VARIANCE, whose members are functions too.
  members.sort((a, b) => Number(b.callable) - Number(a.callable) || a.name.length - b.name.length || a.name.localeCompare(b.name));
  const limit = lower.length < 5 ? 1 : 2;
  const scored = exports
    .map((e) => {
      const other = e.toLowerCase();
      const prefix = Math.min(lower.length, other.length) >= 3 && (other.startsWith(lower) || lower.startsWith(other));
      const d = editDistance(lower, other);
      return { e, score: prefix ? Math.min(d, limit) : d };
    })
    .filter((s) => s.score <= limit)
    .sort((a, b) => a.score - b.score || a.e.localeCompare(b.e));
  return [...members.map((m) => m.name), ...scored.map((s) => s.e)].slice(0, MAX_SUGGESTIONS);
}

/** Levenshtein distance (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
}

/** “a”, “b” or “c”. */
function orList(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
