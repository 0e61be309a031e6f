/**
 * The drawing document (svg-document.ts) against a general DOM: every plot fixture, every bench
 * case and every widget's figure at its defaults is drawn in both — the drawing document and
 * linkedom — and must give the same tree (same elements, text and attributes; attribute order
 * aside, which linkedom reverses). Plus the parts of the DOM contract it keeps on its own.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { benchCases } from '../../../components/plots/bench.ts';
import { barChart, heatmapWithPoints, histogramGrid, lineChart, pointsChart } from '../../../components/plots/index.ts';
import { svgMarkup } from '../../../components/plots/markup.ts';
import { createSvgDocument } from '../../../components/plots/svg-document.ts';
import { EXPERIMENTS } from '../../../components/experiments/registry.ts';
import { runToEnd } from '../../../components/runtime/experiment.ts';
import { defaultState } from '../../../components/runtime/params.ts';
import { DEFINITIONS } from '../../../components/widgets/definitions.ts';
import { A, barData, heatmapData, histogramData, lineData, pointsData } from './fixtures.ts';

const linkedom = () => parseHTML('<!doctype html><html><head></head><body></body></html>').document as unknown as Document;

/** The tree as text with each element's attributes sorted by name, numbers as written. */
function canonical(node: Node): string {
  if (node.nodeType === 3) return JSON.stringify(node.nodeValue);
  const el = node as Element;
  const attrs = el.getAttributeNames().sort().map((n) => `${n}=${JSON.stringify(el.getAttribute(n))}`);
  const kids: string[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) kids.push(canonical(c));
  return `<${el.localName} ${attrs.join(' ')}>${kids.join('')}</${el.localName}>`;
}

const plotCases: [string, (document: Document) => Element][] = [
  ['lineChart with a band and legend', (document) => lineChart(lineData(), { ...A, yLabel: 'loss', document })],
  ['lineChart, log y, a diverged series', (document) => lineChart([...lineData(), { name: 'lr 5', x: [0, 5, 10], y: [2, 40, Infinity] }], { ...A, logY: true, document })],
  ['histogramGrid with theory', (document) => histogramGrid(histogramData(6), { ...A, bins: 12, document })],
  ['histogramGrid, per-panel x', (document) => histogramGrid([{ label: 'a', bins: { edges: [0, 1, 2], counts: [1, 3] } }, { label: 'b', bins: { edges: [-1e-4, 0, 1e-4], counts: [2, 2] } }], { ...A, sharedX: false, document })],
  ['heatmapWithPoints', (document) => heatmapWithPoints(heatmapData(), { ...A, domain: [0, 1], levels: 6, document })],
  ['pointsChart', (document) => pointsChart(pointsData(), { ...A, logY: true, document })],
  ['barChart', (document) => barChart([...barData(), { label: 'large', value: NaN }], { ...A, yDomain: [0, 1], document })],
  ...benchCases().map(({ name, draw }) => [`bench: ${name}`, draw] as [string, (document: Document) => Element]),
];

describe('the drawing document draws what a general DOM draws', () => {
  it.each(plotCases)('%s', (_, draw) => {
    const lean = draw(createSvgDocument());
    expect(canonical(lean)).toBe(canonical(draw(linkedom())));
  });

  it.each(Object.keys(DEFINITIONS))('the %s widget at its defaults', async (name) => {
    const def = await DEFINITIONS[name]();
    const experiment = await EXPERIMENTS[def.experiment]();
    const state = defaultState(def.spec);
    const result = runToEnd(experiment, state);
    expect(canonical(def.draw(result, state, createSvgDocument()))).toBe(canonical(def.draw(result, state, linkedom())));
  });
});

describe('the drawing document on its own', () => {
  it('keeps attributes in the order they were set, as browsers do, and serializes escaped', () => {
    const doc = createSvgDocument();
    const g = doc.createElementNS('http://www.w3.org/2000/svg', 'g');
    g.setAttribute('b', '1');
    g.setAttribute('a', '<&"');
    g.setAttribute('b', '2');
    g.append('x < y', doc.createElementNS('http://www.w3.org/2000/svg', 'path'));
    expect(g.getAttributeNames()).toEqual(['b', 'a']);
    expect(svgMarkup(g)).toBe('<g b="2" a="&lt;&amp;&quot;">x &lt; y<path/></g>');
  });

  it('keeps sibling links consistent through insert, move and remove', () => {
    const doc = createSvgDocument();
    const root = doc.createElement('div');
    const [a, b, c] = ['a', 'b', 'c'].map((t) => doc.createElement(t));
    root.append(a, c);
    root.insertBefore(b, c);
    expect([...root.childNodes].map((n) => (n as Element).localName)).toEqual(['a', 'b', 'c']);
    c.before(c); // moving a node before itself leaves it where it is
    a.remove();
    root.appendChild(b); // moving an existing child to the end
    expect([...root.childNodes].map((n) => (n as Element).localName)).toEqual(['c', 'b']);
    expect([root.firstChild, root.lastChild, c.previousSibling, b.nextSibling, c.nextSibling]).toEqual([c, b, null, null, b]);
    expect(() => b.appendChild(root)).toThrow(/into itself/);
  });

  it('answers the selectors our plots use and refuses others by name', () => {
    const doc = createSvgDocument();
    const svg = doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
    const g = doc.createElementNS('http://www.w3.org/2000/svg', 'g');
    g.setAttribute('class', 'nb-plot-legend other');
    const t = doc.createElementNS('http://www.w3.org/2000/svg', 'text');
    t.setAttribute('aria-label', 'x');
    g.append(t);
    svg.append(g);
    expect(svg.querySelectorAll('g.nb-plot-legend text')).toEqual([t]);
    expect(svg.querySelectorAll('[aria-label],[aria-description]')).toEqual([t]);
    expect(svg.querySelectorAll('text[aria-label="x"]')).toEqual([t]);
    expect(svg.querySelectorAll('text[aria-label="y"]')).toEqual([]);
    expect(() => svg.querySelectorAll('g > text')).toThrow(/selector "g > text" is not supported/);
  });
});
