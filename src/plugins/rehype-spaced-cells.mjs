/**
 * A space between the cells, rows and parts of every table. Pagefind reads a page's text as its
 * text nodes run together, and MDX drops the line breaks between cells, so a header row
 * “law | variance” was indexed as the one word “lawvariance”, which no search finds and every
 * excerpt shows glued. White space between table cells, rows and parts is not rendered, so a
 * reader sees no change.
 */
const PARTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr']);

export default function rehypeSpacedCells() {
  return (tree) => {
    const visit = (node) => {
      for (const child of node.children ?? []) if (child.type === 'element') visit(child);
      if (node.type === 'element' && PARTS.has(node.tagName)) node.children = spaced(node.children.filter((c) => c.type === 'element'));
    };
    visit(tree);
  };
}

/** The elements with a one-space text node between each two. */
function spaced(elements) {
  return elements.flatMap((el, i) => (i === 0 ? [el] : [{ type: 'text', value: ' ' }, el]));
}
