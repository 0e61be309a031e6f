/**
 * The import rules of DESIGN.md ("arrows only point down"), as a function of one file's path
 * and its imports: lib → lib only; components ↛ content, src; content → components (and lib
 * source through `?raw`), ↛ src; nothing imports test/.
 */
import { builtinModules } from 'node:module';
import { posix } from 'node:path';
import type { Import } from './imports.ts';

/** The top-level folders whose files the rules govern. */
export const LAYERS = ['lib', 'components', 'content', 'src'] as const;
export type Layer = (typeof LAYERS)[number];

/** Where a specifier points: a project path (root-relative, query apart) or something else. */
type Target =
  | { kind: 'path'; path: string; query: string }
  | { kind: 'builtin' | 'virtual' | 'package' | 'computed'; name: string };

const BUILTINS = new Set(builtinModules);

/** Resolves `specifier` written in `from` (a root-relative posix path like 'lib/a.ts'). */
export function resolveTarget(specifier: string, from: string): Target {
  if (specifier === '(computed)') return { kind: 'computed', name: specifier };
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const [bare, query = ''] = specifier.split('?');
    const path = bare.startsWith('/') ? posix.normalize(bare.slice(1)) : posix.join(posix.dirname(from), bare);
    return { kind: 'path', path, query };
  }
  if (specifier.startsWith('node:') || BUILTINS.has(specifier.split('/')[0])) return { kind: 'builtin', name: specifier };
  if (/^(astro|virtual):/.test(specifier)) return { kind: 'virtual', name: specifier };
  return { kind: 'package', name: specifier };
}

const layerOf = (path: string) => path.split('/')[0];

/** Rule violations of one import from file `from`; empty when the import is allowed. */
export function violation(from: string, imp: Import): string | undefined {
  const target = resolveTarget(imp.specifier, from);
  const where = `${from}:${imp.line} ${imp.kind} '${imp.specifier}'`;
  const to = target.kind === 'path' ? layerOf(target.path) : undefined;
  if (to === 'test') return `${where}: nothing outside test/ may import test code`;
  switch (layerOf(from) as Layer) {
    case 'lib':
      if (target.kind !== 'path') return `${where}: lib/ imports only lib/ (no ${target.kind} imports)`;
      if (to !== 'lib' || target.path.startsWith('..')) return `${where}: lib/ imports only lib/, this leaves it`;
      return undefined;
    case 'components':
      if (to === 'content' || to === 'src') return `${where}: components/ never imports ${to}/`;
      return undefined;
    case 'content':
      if (to === 'src') return `${where}: content/ never imports src/`;
      if (to === 'lib' && !/(^|&)raw(&|$)/.test(target.kind === 'path' ? target.query : '')) {
        return `${where}: content/ shows lib/ source (?raw or <Source>) but runs it only through components/`;
      }
      return undefined;
    default:
      return undefined;
  }
}
