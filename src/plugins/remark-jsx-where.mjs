import { relative } from 'node:path';

/**
 * Gives every component used in an MDX chapter (`<DepthSignal …/>`, tags starting with a capital)
 * a `__where="content/chapters/file.mdx:LINE"` prop, so a component that rejects its props can
 * name the chapter file and line in the build error. Components ignore the prop otherwise.
 */
export default function remarkJsxWhere() {
  return (tree, file) => {
    const path = file.path ? relative(process.cwd(), file.path) : '<unknown file>';
    const visit = (node) => {
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && /^[A-Z]/.test(node.name ?? '')) {
        const line = node.position?.start?.line;
        node.attributes.push({ type: 'mdxJsxAttribute', name: '__where', value: line ? `${path}:${line}` : path });
      }
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree);
  };
}
