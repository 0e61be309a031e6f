/**
 * morphChildren (components/runtime/morph.ts): morphing the figure shown into a new one must give
 * exactly the tree a fresh parse of the new markup gives — same serialisation, attribute order
 * included — and must keep the elements the two figures share (else it is a slow replace).
 * Pairs: DepthSignal figures over its controls, and plot fixtures that differ in shape.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { depthSignal, type DepthSignalState } from '../../../components/experiments/depth-signal.ts';
import { histogramGrid, lineChart } from '../../../components/plots/index.ts';
import { svgMarkup } from '../../../components/plots/markup.ts';
import { createSvgDocument } from '../../../components/plots/svg-document.ts';
import { runToEnd } from '../../../components/runtime/experiment.ts';
import { morphChildren } from '../../../components/runtime/morph.ts';
import { depthSignalWidget } from '../../../components/widgets/depth-signal/definition.ts';
import { A, histogramData, lineData } from '../plots/fixtures.ts';

const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');

function parsed(markup: string): HTMLElement {
  const box = document.createElement('div');
  box.innerHTML = markup;
  return box as unknown as HTMLElement;
}

function elements(root: Element): Element[] {
  return [...root.querySelectorAll('*')];
}

/** Morphs a parse of `a` into `b`; returns the result's markup and how many of a's elements it kept. */
function morph(a: string, b: string) {
  const shown = parsed(a);
  const before = new Set(elements(shown));
  morphChildren(shown, parsed(b));
  return { markup: shown.innerHTML, kept: elements(shown).filter((e) => before.has(e)).length, total: elements(shown).length };
}

const base: DepthSignalState = { initializer: 'glorotUniform', activation: 'tanh', depth: 5, width: 20, samples: 50, seed: 1 };
const figure = (s: DepthSignalState) => svgMarkup(depthSignalWidget.draw(runToEnd(depthSignal, s), s, createSvgDocument() as unknown as Document), 2);

describe('morphChildren gives the tree a fresh parse gives', () => {
  const states: [string, DepthSignalState][] = [
    ['seed + 1', { ...base, seed: 2 }],
    ['width + 1', { ...base, width: 21 }],
    ['relu (another x axis)', { ...base, activation: 'relu' }],
    ['sigmoid (no theory line)', { ...base, activation: 'sigmoid' }],
    ['depth 3 (fewer panels)', { ...base, depth: 3 }],
    ['depth 12 (more panels, spread)', { ...base, depth: 12 }],
    ['zeros (degenerate histograms)', { ...base, initializer: 'zeros' }],
  ];
  const from = figure(base);

  it.each(states)('DepthSignal, %s, and back', (_, state) => {
    const to = figure(state);
    expect(to).not.toBe(from);
    const there = morph(from, to);
    expect(there.markup).toBe(parsed(to).innerHTML);
    expect(morph(to, from).markup).toBe(parsed(from).innerHTML);
  });

  it('keeps most elements when only the numbers change (seed + 1)', () => {
    const { kept, total } = morph(from, figure({ ...base, seed: 2 }));
    expect(kept / total).toBeGreaterThan(0.9);
  });

  it('handles figures of different shapes: more or fewer panels, series and text', () => {
    const draw = { ...A, document: createSvgDocument() as unknown as Document };
    const a = svgMarkup(histogramGrid(histogramData(6), draw), 2);
    const b = svgMarkup(histogramGrid(histogramData(2), { ...draw, xLabel: 'z' }), 2);
    const c = svgMarkup(lineChart(lineData(), draw), 2);
    for (const [x, y] of [[a, b], [b, a], [a, c], [c, b], [a, ''], ['', c], ['text <b>bold</b>', 'other <i>x</i> text']]) {
      expect(morph(x, y).markup).toBe(parsed(y).innerHTML);
    }
  });

  it('replaces an element whose attribute names differ, so the order is the new markup’s', () => {
    const { markup, kept } = morph('<svg><g a="1" b="2"><path d="M0"/></g></svg>', '<svg><g b="2" a="1"><path d="M1"/></g></svg>');
    expect(markup).toBe(parsed('<svg><g b="2" a="1"><path d="M1"/></g></svg>').innerHTML);
    expect(kept).toBe(1); // the <svg>; the <g> and its path are the new ones
  });
});
