/**
 * A display formula or a Markdown table wider than the text column scrolls sideways in a box of
 * its own, and a box that scrolls must be reachable by keyboard and say what it is (WCAG 2.1.1;
 * axe's scrollable-region-focusable). So each formula box, and a box put around each table, starts
 * as a named, focusable region; in the browser, scroll-focus.ts takes the stop, the role and the
 * name away while the content fits (src/scripts/scroll-boxes.ts), so formulas that fit add no tab
 * stops and no landmarks. Runs after rehype-katex, which makes the formula boxes.
 */
export default function rehypeScrollBoxes() {
  return (tree) => {
    let tables = 0;
    const visit = (node) => {
      for (const [i, child] of (node.children ?? []).entries()) {
        if (child.type !== 'element') continue;
        if (child.tagName === 'table') {
          node.children[i] = tableBox(child, `md-table-${++tables}`);
          continue; // a table inside a table is not made here
        }
        if (hasClass(child, 'katex-display')) {
          child.properties = { ...child.properties, ...region('Formula'), dataScrollBox: '' };
          continue; // nothing inside a formula scrolls on its own
        }
        visit(child);
      }
    };
    visit(tree);
  };
}

/** The attributes of a focusable region named `label`. */
const region = (label) => ({ tabIndex: 0, role: 'region', ariaLabel: label });

function hasClass(node, name) {
  const classes = node.properties?.className;
  return Array.isArray(classes) ? classes.includes(name) : String(classes ?? '').split(/\s+/).includes(name);
}

/**
 * `<div class="scroll-box">` around `table`, named “Table:” followed by the table's header row
 * (aria-labelledby, so the browser reads the headers, formulas included, as it reads them in the
 * table), or by “Table:” alone when the table has no header row.
 */
function tableBox(table, id) {
  const headRow = table.children.find((c) => c.tagName === 'thead')?.children.find((c) => c.tagName === 'tr');
  if (headRow) headRow.properties = { ...headRow.properties, id: `${id}-head` };
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: ['scroll-box'], id, ...region('Table:'), ...(headRow && { ariaLabelledBy: `${id} ${id}-head` }), dataScrollBox: '' },
    children: [table],
  };
}
