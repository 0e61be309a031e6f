/**
 * rehype-katex reports a formula it cannot parse as a vfile message and renders red text,
 * whatever `throwOnError` says. Placed after rehype-katex, this plugin turns those messages
 * into a build failure that names the file, the line and KaTeX's reason.
 */
export default function rehypeKatexStrict() {
  return (_tree, file) => {
    const problems = file.messages.filter((m) => m.source === 'rehype-katex');
    if (problems.length === 0) return;
    const where = file.path ?? file.history?.[0] ?? '<unknown file>';
    const source = typeof file.value === 'string' ? file.value : String(file.value ?? '');
    const lines = problems.map((m) => {
      const formula = textOf(m.ancestors?.at(-1)).trim();
      const line = m.place?.start?.line ?? m.place?.line ?? lineOf(source, formula);
      const reason = m.cause?.message ?? m.reason;
      return `  ${where}:${line ?? '?'}: ${reason}\n    formula: ${formula}`;
    });
    throw new Error(`KaTeX could not typeset ${problems.length} formula(s):\n${lines.join('\n')}`);
  };
}

/** Concatenated text of a hast node. */
function textOf(node) {
  if (!node) return '';
  if (node.type === 'text') return node.value;
  return (node.children ?? []).map(textOf).join('');
}

/** 1-based line of the first line of `formula` in the source, when positions were lost on the way. */
function lineOf(source, formula) {
  const first = formula.split('\n').find((l) => l.trim())?.trim();
  if (!first) return undefined;
  const at = source.indexOf(first);
  return at < 0 ? undefined : source.slice(0, at).split('\n').length;
}
