/**
 * Code blocks scroll sideways on narrow screens; a scrollable region must be reachable by
 * keyboard (WCAG 2.1.1), so every <pre> gets tabindex="0".
 */
export default function rehypeFocusablePre() {
  return (tree) => {
    const visit = (node) => {
      if (node.type === 'element' && node.tagName === 'pre') node.properties = { ...node.properties, tabIndex: 0 };
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree);
  };
}
