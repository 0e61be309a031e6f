/**
 * What a cell imports, read from sucrase's own tokens (the parser the transform runs, so there
 * is no second idea of the grammar, and strings or comments that mention `import` are not
 * mistaken for one). Runs in the compile worker, next to the transform.
 *
 * Two questions are asked of it (see transpile.ts):
 *  - which modules the reader's code names: every one but 'lib' is refused, used or not
 *    (sucrase drops an unused import, so such a cell would otherwise run as if it could import);
 *  - which names it takes from 'lib' as values: the run worker, which holds the engine, checks
 *    those against the engine's real exports before the code starts (runtime.ts).
 * @module
 */
import { parse } from 'sucrase/dist/parser/index.js';
import { TokenType as tt } from 'sucrase/dist/parser/tokenizer/types.js';

/** One static `import … from` or `export … from` declaration, at a line of the text given. */
export type ImportSite = { module: string; line: number; names: string[] };

type Token = { type: number; start: number; end: number; isType: boolean };

/**
 * The static import and re-export declarations of `code` (TypeScript), in order: the module,
 * the 1-based line of the declaration, and the names inside its braces (as exported, before any
 * `as`; names marked `type` left out). Dynamic `import(…)` is not a declaration: the run
 * worker's `require` refuses it (runtime.ts). `code` must parse (transpile first).
 */
export function importSites(code: string): ImportSite[] {
  const tokens = parse(code, false, true, false).tokens as Token[];
  const text = (t: Token | undefined) => (t ? code.slice(t.start, t.end) : '');
  const lineOf = (t: Token) => code.slice(0, t.start).split('\n').length;
  const sites: ImportSite[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i];
    if (first.type !== tt._import && first.type !== tt._export) continue;
    const next = tokens[i + 1];
    if (!next || next.type === tt.parenL || next.type === tt.dot) continue; // import(…), import.meta
    const site = declaration(tokens, i, text);
    if (site) sites.push({ ...site, line: lineOf(first) });
  }
  return sites;
}

/**
 * Reads the declaration starting at `tokens[start]` (`import` or `export`) up to its module
 * string; undefined when it names no module (`export const …`, `export { a }`).
 */
function declaration(tokens: Token[], start: number, text: (t: Token | undefined) => string): Omit<ImportSite, 'line'> | undefined {
  const isImport = tokens[start].type === tt._import;
  const names: string[] = [];
  let inBraces = false;
  for (let j = start + 1; j < tokens.length; j++) {
    const t = tokens[j];
    if (t.type === tt.braceL) inBraces = true;
    else if (t.type === tt.braceR) inBraces = false;
    else if (inBraces && (t.type === tt.name || t.type === tt.string) && !t.isType && isFirstInSpecifier(tokens, j, text)) {
      names.push(unquote(text(t)));
    } else if (!inBraces && t.type === tt.string) {
      // `import 'x'` or `… from 'x'`; an `export` reaches a string only through `from`.
      const fromBefore = text(tokens[j - 1]) === 'from';
      if (isImport || fromBefore) return { module: unquote(text(t)), names };
      return undefined;
    } else if (!inBraces && (t.type === tt.semi || t.type === tt.eof || t.type === tt.eq || t.type === tt.parenL)) {
      return undefined; // ended without a module (or `import x = require(…)`, which the transform turns into require)
    } else if (!isImport && !inBraces && ![tt.star, tt._as, tt.name, tt.braceL].includes(t.type)) {
      return undefined; // `export default …`, `export const …`, `export function …`
    }
  }
  return undefined;
}

/**
 * Whether the name at `tokens[j]` begins a specifier (`{ a`, `, a`, `{ type a`), so that in
 * `a as b` only `a` is taken.
 */
function isFirstInSpecifier(tokens: Token[], j: number, text: (t: Token | undefined) => string): boolean {
  let k = j - 1;
  if (text(tokens[k]) === 'type' && tokens[k].type === tt.name) k--; // the `type` modifier itself
  return tokens[k].type === tt.braceL || tokens[k].type === tt.comma;
}

function unquote(s: string): string {
  return /^['"]/.test(s) ? s.slice(1, -1) : s;
}
