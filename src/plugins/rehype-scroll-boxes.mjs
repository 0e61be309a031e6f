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
    /** The text of the last heading before the node being visited (document order), or ''. */
    let heading = '';
    const visit = (node) => {
      for (const [i, child] of (node.children ?? []).entries()) {
        if (child.type !== 'element') continue;
        if (/^h[1-6]$/.test(child.tagName)) {
          heading = textOf(child);
          continue;
        }
        if (child.tagName === 'table') {
          node.children[i] = tableBox(child, `md-table-${++tables}`, heading);
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

/** Longest heading, in characters, that a table's name quotes whole. */
const HEADING_CHARS = 60;

/**
 * What a listener hears of a heading: its text without what is hidden from them (KaTeX's visual
 * copy of a formula, the TeX source), spaces collapsed.
 */
function textOf(node) {
  const heard = (n) => {
    if (n.type === 'text') return n.value;
    if (n.type !== 'element' || n.tagName === 'annotation' || String(n.properties?.ariaHidden) === 'true') return '';
    return (n.children ?? []).map(heard).join('');
  };
  return heard(node).replace(/\s+/g, ' ').trim();
}

/** A heading quoted in a name: cut at a word near `HEADING_CHARS`, its own quotes made single. */
function quoted(text) {
  const head = text.slice(0, HEADING_CHARS);
  const cut = text.length <= HEADING_CHARS ? text : `${(/\s/.test(text[HEADING_CHARS]) ? head : head.replace(/\S*$/, '')).replace(/[\s,;:.–—]+$/, '')}…`;
  return `“${cut.replace(/“/g, '‘').replace(/”/g, '’')}”`;
}

/**
 * `<div class="scroll-box">` around `table`, named for a listener who reaches it: by its caption
 * when it has one (“Table: …”, aria-labelledby, so formulas read as in the caption), or else by
 * the section it is in, “Table in ‘The variance argument’” (the heading in quotes), or “Table”
 * when there is no heading before it. Never by its header row: the column names run together are no name.
 */
function tableBox(table, id, heading) {
  const caption = table.children.find((c) => c.type === 'element' && c.tagName === 'caption');
  let named;
  if (caption) {
    caption.properties = { id: `${id}-caption`, ...caption.properties };
    named = { ...region('Table:'), ariaLabelledBy: `${id} ${caption.properties.id}` };
  } else named = region(heading ? `Table in ${quoted(heading)}` : 'Table');
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: ['scroll-box'], id, ...named, dataScrollBox: '' },
    children: [table],
  };
}
