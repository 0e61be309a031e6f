import { mathText } from './math-text.mjs';

/**
 * Gives the search index each formula as plain text that reads right. Placed after rehype-katex:
 * KaTeX's MathML (for screen readers) and HTML (for the eye) are kept out of the index
 * (data-pagefind-ignore), because their text runs the pieces of a formula together, and each
 * formula gets a `hidden` element with its linear form (math-text.mjs) in their place. Pagefind
 * indexes hidden elements like any other; browsers neither show them nor give them to assistive
 * technology, so readers meet each formula once, as before.
 */
export default function rehypeKatexSearchText() {
  return (tree) => {
    const visit = (node) => {
      if (node.type !== 'element') {
        for (const child of node.children ?? []) visit(child);
        return;
      }
      if (classes(node).includes('katex')) {
        addSearchText(node);
        return;
      }
      for (const child of node.children) visit(child);
    };
    visit(tree);
  };
}

const classes = (node) => (Array.isArray(node.properties?.className) ? node.properties.className : []);

/** Marks a `.katex` element's two renderings as not indexed and appends the formula's linear form. */
function addSearchText(katex) {
  const math = find(katex, (n) => n.tagName === 'math');
  if (!math) return;
  for (const child of katex.children) {
    if (child.type === 'element' && (classes(child).includes('katex-mathml') || classes(child).includes('katex-html'))) {
      child.properties = { ...child.properties, dataPagefindIgnore: '' };
    }
  }
  katex.children.push({ type: 'element', tagName: 'span', properties: { hidden: true, dataMathText: '' }, children: [{ type: 'text', value: mathText(math) }] });
}

/** The first element under `node` (depth first) that `test` accepts. */
function find(node, test) {
  for (const child of node.children ?? []) {
    if (child.type !== 'element') continue;
    if (test(child)) return child;
    const found = find(child, test);
    if (found) return found;
  }
  return undefined;
}
