import { relative } from 'node:path';

/** The key of a widget given no `id` prop, as components/runtime/params-props.ts `defaultWidgetKey` makes it. */
const kebab = (name) => name.replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase());

/**
 * Gives every component used in an MDX chapter (`<DepthSignal …/>`, tags starting with a capital)
 * a `__where="content/chapters/file.mdx:LINE"` prop, so a component that rejects its props can
 * name the chapter file and line in the build error. Components ignore the prop otherwise.
 *
 * It also fails the build when two components of one chapter would get the same id: a literal
 * `id` prop, or for a widget (`widgets`: their tag names) without one, its name in kebab case.
 * A widget's key is its element's id, the anchor of its links and the prefix of its URL state, so
 * two widgets sharing one would read each other's settings from the address.
 */
export default function remarkJsxWhere({ widgets = [] } = {}) {
  const isWidget = new Set(widgets);
  return (tree, file) => {
    const path = file.path ? relative(process.cwd(), file.path) : '<unknown file>';
    /** id → where it was first given, and by which tag. */
    const ids = new Map();
    const problems = [];
    const visit = (node) => {
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && /^[A-Z]/.test(node.name ?? '')) {
        const line = node.position?.start?.line;
        const where = line ? `${path}:${line}` : path;
        const idProp = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id');
        const id = typeof idProp?.value === 'string' ? idProp.value : idProp === undefined && isWidget.has(node.name) ? kebab(node.name) : null;
        if (id !== null) {
          const first = ids.get(id);
          if (first) {
            const how = idProp ? `id="${id}"` : `no id, so its key is "${id}"`;
            problems.push(`${where}: <${node.name}> has ${how}, as <${first.name}> at line ${first.line} does: ids must differ on a page (a widget's links and URL state go by its id); give one of them another id prop.`);
          } else ids.set(id, { name: node.name, line });
        }
        node.attributes.push({ type: 'mdxJsxAttribute', name: '__where', value: where });
      }
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree);
    if (problems.length > 0) throw new Error(problems.join('\n'));
  };
}
