/**
 * Puts a new figure in place by changing only what differs from the one shown. Two figures of
 * the same widget mostly share their structure — the same panels, axes and labels, with new
 * heights, paths and tick values — and a browser restyles, lays out and repaints only the
 * elements whose attributes or text changed: at the DepthSignal defaults (~600 elements) the
 * frame after a change took ~2–3 ms of rendering instead of ~15–20 ms for a replaced subtree
 * (Chromium, measured with `npm run bench:browser`).
 *
 * Exact, not approximate: the result is the tree a fresh parse of the new markup gives, attribute
 * order included. An element is kept only when its tag and its attribute names, in order, are the
 * same as the new one's (then only changed values are set); otherwise the new node replaces it.
 * (morphdom appends attributes an element did not have, so its result can serialise differently
 * from the markup it was given — and the figure's markup is what export and the tests compare.)
 */

/** Makes `target`'s children the same as `source`'s, moving in `source`'s nodes where they differ. */
export function morphChildren(target: ParentNode, source: ParentNode): void {
  let from = target.firstChild;
  let to = source.firstChild;
  while (to) {
    const next = to.nextSibling;
    if (!from) {
      target.appendChild(to);
    } else if (sameShape(from, to)) {
      if (from.nodeType === 1) {
        updateAttributes(from as Element, to as Element);
        morphChildren(from as Element, to as Element);
      } else if (from.nodeValue !== to.nodeValue) {
        from.nodeValue = to.nodeValue;
      }
      from = from.nextSibling;
    } else {
      const old = from;
      from = from.nextSibling;
      target.replaceChild(to, old);
    }
    to = next;
  }
  while (from) {
    const next = from.nextSibling;
    target.removeChild(from);
    from = next;
  }
}

/** Same node type; for elements, the same namespace, tag and attribute names in the same order. */
function sameShape(a: Node, b: Node): boolean {
  if (a.nodeType !== b.nodeType) return false;
  if (a.nodeType !== 1) return true;
  const x = a as Element;
  const y = b as Element;
  if (x.localName !== y.localName || x.namespaceURI !== y.namespaceURI) return false;
  const ax = x.attributes;
  const ay = y.attributes;
  if (ax.length !== ay.length) return false;
  for (let i = 0; i < ax.length; i++) if (ax[i].name !== ay[i].name) return false;
  return true;
}

function updateAttributes(from: Element, to: Element): void {
  const ax = from.attributes;
  const ay = to.attributes;
  for (let i = 0; i < ay.length; i++) {
    if (ax[i].value !== ay[i].value) from.setAttribute(ay[i].name, ay[i].value);
  }
}
