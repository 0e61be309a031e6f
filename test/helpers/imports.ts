/**
 * What a source file imports, read with the TypeScript parser (so comments and strings never
 * count): static `import … from`, `export … from`, `import()`, `require()`, `import('x').T` types,
 * `new URL('…', import.meta.url)` and `import.meta.glob(…)`. Also finds `Math.random`.
 * .astro files contribute their frontmatter and <script> blocks; .mdx files their top-level
 * import/export blocks (fenced code is prose, not imports).
 */
import ts from 'typescript';

/** One import: the specifier as written ('(computed)' when not a literal) and its line (1-based). */
export type Import = { specifier: string; kind: string; line: number };

/** Keeps `keep` ranges of `text`, blanking everything else but newlines, so lines stay put. */
function keepOnly(text: string, keep: [number, number][]): string {
  const out = text.replace(/[^\n]/g, ' ').split('');
  for (const [from, to] of keep) for (let i = from; i < to; i++) out[i] = text[i];
  return out.join('');
}

/** The JavaScript/TypeScript part of a file, line numbers preserved. */
export function codeOf(text: string, file: string): string {
  if (file.endsWith('.astro')) {
    const keep: [number, number][] = [];
    const front = /^\s*---\r?\n([\s\S]*?)\r?\n---/.exec(text);
    if (front) keep.push([text.indexOf(front[1]), text.indexOf(front[1]) + front[1].length]);
    for (const m of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
      const start = m.index + m[0].indexOf('>') + 1;
      keep.push([start, start + m[1].length]);
    }
    return keepOnly(text, keep);
  }
  if (file.endsWith('.mdx')) {
    const keep: [number, number][] = [];
    let offset = 0;
    let fence: string | undefined;
    let inEsm = false;
    const body = text.replace(/^---\r?\n[\s\S]*?\r?\n---/, (fm) => fm.replace(/[^\n]/g, ' ')); // frontmatter is YAML
    for (const line of body.split('\n')) {
      const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence) { if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined; }
      else if (marker) fence = marker;
      else if (/^(import|export)\b/.test(line)) inEsm = true;
      else if (line.trim() === '') inEsm = false;
      if (inEsm && !fence) keep.push([offset, offset + line.length]);
      offset += line.length + 1;
    }
    return keepOnly(text, keep);
  }
  return text;
}

function literalText(node: ts.Node | undefined): string | undefined {
  return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
}

const isImportMeta = (n: ts.Node, prop: string) =>
  ts.isPropertyAccessExpression(n) && n.name.text === prop && ts.isMetaProperty(n.expression) && n.expression.keywordToken === ts.SyntaxKind.ImportKeyword;

/** Parses the code of a file and calls `visit` on every node. */
function walkFile(text: string, file: string, visit: (node: ts.Node, line: number) => void): void {
  const kind = /\.(tsx|jsx|mdx)$/.test(file) ? ts.ScriptKind.TSX : /\.[cm]?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, codeOf(text, file), ts.ScriptTarget.Latest, true, kind);
  const walk = (node: ts.Node) => {
    visit(node, source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1);
    ts.forEachChild(node, walk);
  };
  walk(source);
}

/** Every import of a file (see the module comment for the forms recognised). */
export function importsOf(text: string, file: string): Import[] {
  const found: Import[] = [];
  const add = (specifier: string | undefined, kind: string, line: number) => found.push({ specifier: specifier ?? '(computed)', kind, line });
  walkFile(text, file, (n, line) => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier) add(literalText(n.moduleSpecifier), ts.isImportDeclaration(n) ? 'import' : 'export from', line);
    else if (ts.isImportEqualsDeclaration(n) && ts.isExternalModuleReference(n.moduleReference)) add(literalText(n.moduleReference.expression), 'import =', line);
    else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument)) add(literalText(n.argument.literal), 'import type()', line);
    else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword) add(literalText(n.arguments[0]), 'import()', line);
    else if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'require') add(literalText(n.arguments[0]), 'require()', line);
    else if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'URL' && n.arguments?.[1] && isImportMeta(n.arguments[1], 'url')) add(literalText(n.arguments[0]), 'new URL(…, import.meta.url)', line);
    else if (ts.isCallExpression(n) && isImportMeta(n.expression, 'glob')) {
      const arg = n.arguments[0];
      const patterns = arg && ts.isArrayLiteralExpression(arg) ? [...arg.elements] : [arg];
      for (const p of patterns) add(literalText(p)?.replace(/^!/, ''), 'import.meta.glob', line);
    }
  });
  return found;
}

/** Line numbers where code (not comments or strings) uses Math.random. */
export function mathRandomLines(text: string, file: string): number[] {
  const lines: number[] = [];
  const isMath = (e: ts.Expression) => (ts.isIdentifier(e) && e.text === 'Math') || (ts.isPropertyAccessExpression(e) && e.name.text === 'Math');
  walkFile(text, file, (n, line) => {
    if (ts.isPropertyAccessExpression(n) && n.name.text === 'random' && isMath(n.expression)) lines.push(line);
    if (ts.isElementAccessExpression(n) && literalText(n.argumentExpression) === 'random' && isMath(n.expression)) lines.push(line);
  });
  return lines;
}
