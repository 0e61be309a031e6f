/**
 * A small document for drawing figures where there is no page: at build time (Node) and in the
 * experiment worker. It has only what Observable Plot, d3-selection and our plot functions call
 * to build an SVG tree — elements, text, attributes, a parent/sibling links, a few selectors —
 * and nothing a browser needs to show one (no layout, styles, events or parsing); `svgMarkup`
 * turns the tree into markup. In place of a general server-side DOM (linkedom) it cut the
 * worker's drawing of a DepthSignal figure by about a third (28 → 19.5 ms median in Chromium,
 * 11 → 7 ms in Node), mostly allocation and garbage collection. Anything outside that subset
 * throws, naming what was asked, so a Plot upgrade that needs more fails loudly in the tests
 * (which draw every figure in this document and in linkedom and compare the markup).
 */

import { svgMarkup } from './markup.ts';

const HTML_NS = 'http://www.w3.org/1999/xhtml';

type Child = SvgNode | string;

class SvgNode {
  parentNode: SvgElement | null = null;
  nextSibling: SvgNode | null = null;
  previousSibling: SvgNode | null = null;
  readonly ownerDocument: SvgDocument;
  readonly nodeType: 1 | 3;
  constructor(doc: SvgDocument, nodeType: 1 | 3) {
    this.ownerDocument = doc;
    this.nodeType = nodeType;
  }

  get parentElement(): SvgElement | null {
    return this.parentNode;
  }

  remove(): void {
    this.parentNode?.removeChild(this);
  }

  before(...nodes: Child[]): void {
    for (const n of nodes) this.parentNode?.insertBefore(this.ownerDocument.toNode(n), this);
  }

  after(...nodes: Child[]): void {
    const next = this.nextSibling;
    for (const n of nodes) this.parentNode?.insertBefore(this.ownerDocument.toNode(n), next);
  }

  replaceWith(...nodes: Child[]): void {
    this.before(...nodes);
    this.remove();
  }
}

class SvgText extends SvgNode {
  nodeValue: string;
  constructor(doc: SvgDocument, data: string) {
    super(doc, 3);
    this.nodeValue = data;
  }
  get textContent(): string {
    return this.nodeValue;
  }
  set textContent(v: string) {
    this.nodeValue = String(v);
  }
  cloneNode(): SvgText {
    return new SvgText(this.ownerDocument, this.nodeValue);
  }
}

/** A compound selector: a tag (or any), classes, and attributes present or equal to a value. */
type Compound = { tag: string | null; classes: string[]; attrs: [string, string | null][] };
/** A comma list of chains of compounds, each chain read as descendants, left to right. */
type Selector = Compound[][];

const COMPOUND = /^([a-zA-Z][\w-]*|\*)?((?:\.[\w-]+|\[[\w-]+(?:="[^"]*")?\])*)$/;
const PART = /\.([\w-]+)|\[([\w-]+)(?:="([^"]*)")?\]/g;

function parseSelector(selector: string): Selector {
  return selector.split(',').map((chain) => {
    const parts = chain.trim().split(/\s+/);
    return parts.map((part) => {
      const m = COMPOUND.exec(part);
      if (!m || part === '') throw new Error(`svg-document: selector ${JSON.stringify(selector)} is not supported (tags, .classes, [attributes] and [attribute="value"], descendants)`);
      const compound: Compound = { tag: m[1] && m[1] !== '*' ? m[1] : null, classes: [], attrs: [] };
      for (const [, cls, attr, value] of m[2].matchAll(PART)) cls ? compound.classes.push(cls) : compound.attrs.push([attr, value ?? null]);
      return compound;
    });
  });
}

function matchesCompound(el: SvgElement, c: Compound): boolean {
  if (c.tag !== null && c.tag !== el.localName) return false;
  for (const [name, value] of c.attrs) if (value === null ? !el.hasAttribute(name) : el.getAttribute(name) !== value) return false;
  if (!c.classes.length) return true;
  const classes = el.className.split(/\s+/);
  return c.classes.every((name) => classes.includes(name));
}

/** Whether `el` matches the chain's last compound and has ancestors matching the rest, in order. */
function matchesChain(el: SvgElement, chain: Compound[]): boolean {
  if (!matchesCompound(el, chain[chain.length - 1])) return false;
  let i = chain.length - 2;
  for (let p = el.parentNode; i >= 0 && p; p = p.parentNode) if (matchesCompound(p, chain[i])) i--;
  return i < 0;
}

const matches = (el: SvgElement, selector: Selector) => selector.some((chain) => matchesChain(el, chain));

class SvgElement extends SvgNode {
  firstChild: SvgNode | null = null;
  lastChild: SvgNode | null = null;
  private readonly attrs = new Map<string, string>();
  /** d3-selection's data binding keeps each node's datum here. */
  __data__?: unknown;

  readonly namespaceURI: string;
  readonly localName: string;
  constructor(doc: SvgDocument, namespaceURI: string, localName: string) {
    super(doc, 1);
    this.namespaceURI = namespaceURI;
    this.localName = localName;
  }

  get tagName(): string {
    return this.namespaceURI === HTML_NS ? this.localName.toUpperCase() : this.localName;
  }
  get nodeName(): string {
    return this.tagName;
  }

  setAttribute(name: string, value: unknown): void {
    this.attrs.set(name, String(value));
  }
  /** Namespaced attributes (Plot's xlink:href) are kept under their qualified name. */
  setAttributeNS(_ns: string | null, name: string, value: unknown): void {
    this.attrs.set(name, String(value));
  }
  getAttribute(name: string): string | null {
    return this.attrs.get(name) ?? null;
  }
  hasAttribute(name: string): boolean {
    return this.attrs.has(name);
  }
  removeAttribute(name: string): void {
    this.attrs.delete(name);
  }
  removeAttributeNS(_ns: string | null, name: string): void {
    this.attrs.delete(name);
  }
  getAttributeNames(): string[] {
    return [...this.attrs.keys()];
  }

  get className(): string {
    return this.getAttribute('class') ?? '';
  }
  set className(v: string) {
    this.setAttribute('class', v);
  }

  /** Only what d3's `selection.style(name, value)` uses, written through to the style attribute. */
  get style(): { setProperty(name: string, value: string): void; removeProperty(name: string): void; getPropertyValue(name: string): string } {
    const read = () => new Map((this.getAttribute('style') ?? '').split(';').filter(Boolean).map((d) => d.split(':').map((s) => s.trim()) as [string, string]));
    const write = (m: Map<string, string>) => (m.size ? this.setAttribute('style', [...m].map(([k, v]) => `${k}:${v}`).join(';')) : this.removeAttribute('style'));
    return {
      setProperty: (name, value) => write(read().set(name, String(value))),
      removeProperty: (name) => {
        const m = read();
        m.delete(name);
        write(m);
      },
      getPropertyValue: (name) => read().get(name) ?? '',
    };
  }

  get childNodes(): SvgNode[] {
    const out: SvgNode[] = [];
    for (let c = this.firstChild; c; c = c.nextSibling) out.push(c);
    return out;
  }
  get children(): SvgElement[] {
    return this.childNodes.filter((c): c is SvgElement => c.nodeType === 1);
  }
  get firstElementChild(): SvgElement | null {
    return this.children[0] ?? null;
  }

  insertBefore<T extends SvgNode>(node: T, ref: SvgNode | null): T {
    if (ref === (node as SvgNode)) ref = node.nextSibling; // before itself: where it is
    if (ref && ref.parentNode !== this) throw new Error('svg-document: insertBefore: the reference node is not a child of this element');
    for (let p: SvgElement | null = this; p; p = p.parentNode) {
      if (p === (node as SvgNode)) throw new Error('svg-document: a node cannot be inserted into itself');
    }
    node.remove();
    node.parentNode = this;
    node.nextSibling = ref;
    node.previousSibling = ref ? ref.previousSibling : this.lastChild;
    if (node.previousSibling) node.previousSibling.nextSibling = node;
    else this.firstChild = node;
    if (ref) ref.previousSibling = node;
    else this.lastChild = node;
    return node;
  }
  appendChild<T extends SvgNode>(node: T): T {
    return this.insertBefore(node, null);
  }
  removeChild<T extends SvgNode>(node: T): T {
    if (node.parentNode !== this) throw new Error('svg-document: removeChild: not a child of this element');
    if (node.previousSibling) node.previousSibling.nextSibling = node.nextSibling;
    else this.firstChild = node.nextSibling;
    if (node.nextSibling) node.nextSibling.previousSibling = node.previousSibling;
    else this.lastChild = node.previousSibling;
    node.parentNode = node.nextSibling = node.previousSibling = null;
    return node;
  }
  append(...nodes: Child[]): void {
    for (const n of nodes) this.appendChild(this.ownerDocument.toNode(n));
  }
  prepend(...nodes: Child[]): void {
    const first = this.firstChild;
    for (const n of nodes) this.insertBefore(this.ownerDocument.toNode(n), first);
  }

  get textContent(): string {
    let s = '';
    for (let c = this.firstChild; c; c = c.nextSibling) s += c.nodeType === 3 ? (c as SvgText).nodeValue : (c as SvgElement).textContent;
    return s;
  }
  set textContent(v: string | null) {
    while (this.firstChild) this.removeChild(this.firstChild);
    const text = v == null ? '' : String(v);
    if (text !== '') this.appendChild(new SvgText(this.ownerDocument, text));
  }

  matches(selector: string): boolean {
    return matches(this, parseSelector(selector));
  }
  querySelectorAll(selector: string): SvgElement[] {
    const simple = parseSelector(selector);
    const out: SvgElement[] = [];
    const visit = (el: SvgElement) => {
      for (let c = el.firstChild; c; c = c.nextSibling) {
        if (c.nodeType !== 1) continue;
        if (matches(c as SvgElement, simple)) out.push(c as SvgElement);
        visit(c as SvgElement);
      }
    };
    visit(this);
    return out;
  }
  querySelector(selector: string): SvgElement | null {
    return this.querySelectorAll(selector)[0] ?? null;
  }

  /** The element's markup as written, numbers unrounded (svgMarkup rounds them for pages). */
  get outerHTML(): string {
    return svgMarkup(this as unknown as Element, null);
  }

  cloneNode(deep = false): SvgElement {
    const copy = new SvgElement(this.ownerDocument, this.namespaceURI, this.localName);
    for (const [k, v] of this.attrs) copy.attrs.set(k, v);
    if (deep) for (let c = this.firstChild; c; c = c.nextSibling) copy.appendChild((c as SvgElement | SvgText).cloneNode(true));
    return copy;
  }

  /** A drawing has no events: listeners are accepted (Plot adds some for pointer interaction) and never called. */
  addEventListener(): void {}
  removeEventListener(): void {}
}

class SvgDocument {
  readonly nodeType = 9;
  readonly documentElement: SvgElement;
  readonly defaultView = null;
  constructor() {
    this.documentElement = new SvgElement(this, HTML_NS, 'html');
  }
  createElementNS(namespace: string | null, qualifiedName: string): SvgElement {
    return new SvgElement(this, namespace ?? HTML_NS, qualifiedName);
  }
  createElement(name: string): SvgElement {
    return new SvgElement(this, HTML_NS, name.toLowerCase());
  }
  createTextNode(data: string): SvgText {
    return new SvgText(this, String(data));
  }
  toNode(n: Child): SvgNode {
    if (typeof n === 'string') return this.createTextNode(n);
    if (n.ownerDocument !== this) throw new Error('svg-document: a node from another document');
    return n;
  }
}

/** A fresh drawing document, typed as a DOM `Document` for Plot's `document` option. */
export function createSvgDocument(): Document {
  return new SvgDocument() as unknown as Document;
}
