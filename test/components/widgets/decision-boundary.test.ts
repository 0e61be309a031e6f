import { describe, expect, it } from 'vitest';
import { INITIALIZERS } from '../../../lib/index.ts';
import {
  decisionBoundary, TEST_FRACTION, type DecisionBoundaryResult, type DecisionBoundaryState,
} from '../../../components/experiments/decision-boundary.ts';
import { runToEnd } from '../../../components/runtime/experiment.ts';
import { defaultState, parseProps, toMdx, validateState } from '../../../components/runtime/params.ts';
import { serverDocument } from '../../../components/plots/server.ts';
import { fmt } from '../../../components/runtime/definition.ts';
import { decisionBoundaryWidget as widget, startWords } from '../../../components/widgets/decision-boundary/definition.ts';
import {
  BOUNDARY_INITIALIZERS, BOUNDARY_TEST_FRACTION, boundaryWork, decisionBoundarySpec, RELU_TOO_LARGE, STARTS,
} from '../../../components/widgets/decision-boundary/spec.ts';

const defaults = defaultState(decisionBoundarySpec) as DecisionBoundaryState;
const small: DecisionBoundaryState = { ...defaults, samples: 80, epochs: 8, width: 8 };
const drawn = (r: DecisionBoundaryResult, s: DecisionBoundaryState) => widget.draw(r, s, serverDocument()).outerHTML;

describe('<DecisionBoundary> spec', () => {
  it('offers exactly the engine’s initializers and holds out the experiment’s test share', () => {
    expect([...BOUNDARY_INITIALIZERS]).toEqual(Object.keys(INITIALIZERS));
    expect(BOUNDARY_TEST_FRACTION).toBe(TEST_FRACTION);
  });

  it('has valid defaults, and every chapter preset is a valid state within the work cap', () => {
    expect(validateState(decisionBoundarySpec, defaults)).toEqual([]);
    for (const preset of [...Object.values(STARTS), RELU_TOO_LARGE]) {
      expect(validateState(decisionBoundarySpec, { ...defaults, ...preset })).toEqual([]);
    }
    expect(toMdx(decisionBoundarySpec, { ...defaultState(decisionBoundarySpec), ...STARTS.tooSmall })).toBe('<DecisionBoundary gain={0.01} />');
  });

  it('rejects bad props naming the file and the prop', () => {
    expect(() => parseProps(decisionBoundarySpec, { gain: 20 }, 'content/chapters/x.mdx:7')).toThrow(
      'content/chapters/x.mdx:7: <DecisionBoundary gain={20}>: gain must be a number from 0.01 to 10; got 20.',
    );
    expect(() => parseProps(decisionBoundarySpec, { depth: 7 }, 'f.mdx')).toThrow(/f\.mdx: .*depth must be an integer from 1 to 6; got 7/);
    expect(() => parseProps(decisionBoundarySpec, { activation: 'linear' }, 'f.mdx')).toThrow(/activation must be one of "tanh", "relu"/);
    expect(() => parseProps(decisionBoundarySpec, { dataset: 'xor' }, 'f.mdx')).toThrow(/dataset must be one of/);
  });

  it('refuses runs over the work cap; the largest network still fits with fewer epochs', () => {
    expect(() => parseProps(decisionBoundarySpec, { depth: 6, width: 64, samples: 1000, epochs: 500 }, 'f.mdx')).toThrow(/the limit is/);
    expect(() => parseProps(decisionBoundarySpec, { depth: 6, width: 64, samples: 1000, epochs: 15, batchSize: 32 }, 'f.mdx')).not.toThrow();
  });

  it('the work estimate grows with every size parameter', () => {
    const base = { samples: 300, depth: 2, width: 16, epochs: 100, batchSize: 8 };
    const w = boundaryWork(base);
    for (const change of [{ samples: 600 }, { depth: 4 }, { width: 32 }, { epochs: 200 }, { batchSize: 1 }]) {
      expect(boundaryWork({ ...base, ...change })).toBeGreaterThan(w);
    }
  });
});

describe('<DecisionBoundary> drawing, table and sentence', () => {
  const result = runToEnd(decisionBoundary, small);

  it('draws the boundary with training and test points, and the loss curves, with no NaN or Infinity', () => {
    const markup = drawn(result, small);
    expect(markup.match(/<svg[ >]/g)!.length).toBeGreaterThanOrEqual(2);
    expect(markup).not.toMatch(/NaN|Infinity/);
    expect(markup).toContain('test loss');
    const hollow = markup.match(/<g [^>]*class="decision-boundary-test"[^>]*>([\s\S]*?)<\/g>/)![1];
    expect(hollow.match(/<(circle|rect) /g)).toHaveLength(result.test.x.length);
  });

  it('names each loss line by how it is drawn: the description’s “solid”, “dashed”, “dotted” match the SVG', () => {
    const svg = [...widget.draw(result, small, serverDocument()).querySelectorAll('svg')].find((el) => el.getAttribute('aria-label') === 'Training and test loss per epoch')!;
    const description = svg.getAttribute('aria-description')!;
    // The style a reader sees, read off the drawing: no dashes is solid; dashes no longer than
    // 3 px are dots; longer ones dashes; both kinds, dash-dotted.
    const styleOf = (dasharray: string | null) => {
      if (!dasharray) return 'solid';
      const on = dasharray.split(/[\s,]+/).map(Number).filter((_, i) => i % 2 === 0);
      const dots = on.filter((d) => d <= 3).length;
      return dots === on.length ? 'dotted' : dots === 0 ? 'dashed' : 'dash-dotted';
    };
    // Each legend entry: its name, the colour and dash of its swatch, and the plotted line of that colour.
    const legend = svg.querySelector('.nb-plot-legend')!;
    const items = [...legend.children];
    const lines = items.filter((el) => el.tagName === 'line').map((swatch) => ({
      name: items[items.indexOf(swatch) + 1].textContent!,
      color: swatch.getAttribute('stroke')!,
      style: styleOf(swatch.getAttribute('stroke-dasharray')),
    }));
    expect(lines.map((l) => l.name)).toEqual(['training loss', 'test loss', 'ln 2: predicting ½ everywhere']);
    for (const line of lines) {
      const plotted = [...svg.querySelectorAll(`g[stroke="${line.color}"]`)]; // the legend's swatches are lines, not groups
      expect(plotted.length).toBeGreaterThan(0);
      for (const g of plotted) expect(styleOf(g.getAttribute('stroke-dasharray'))).toBe(line.style);
    }
    const said = (what: RegExp) => description.match(what)?.[1];
    expect(said(/training points \(the ([a-z-]+) line\)/)).toBe(lines[0].style);
    expect(said(/test points \(the ([a-z-]+) line\)/)).toBe(lines[1].style);
    expect(said(/ln 2 ≈ 0\.693, the ([a-z-]+) line/)).toBe(lines[2].style);
  });

  it('has a table row per recorded epoch (thinned to about 40 for long runs, the last kept)', () => {
    const table = widget.table(result, small);
    expect(table.rows.map((r) => r[0])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(table.columns).toEqual(['epoch', 'training loss', 'test loss', 'training accuracy', 'test accuracy']);
    const long = widget.table(runToEnd(decisionBoundary, { ...small, epochs: 120 }), small);
    expect(long.rows.length).toBeLessThanOrEqual(41);
    expect(long.rows.at(-1)![0]).toBe(120);
  });

  it('the CSV holds every recorded epoch of the curves, with the result’s numbers', () => {
    const long = { ...small, epochs: 120 };
    const r = runToEnd(decisionBoundary, long);
    const csv = widget.csv!(r, long);
    expect(csv.columns).toEqual(widget.table(r, long).columns);
    const h = r.history;
    expect(csv.rows).toEqual(h.epoch.map((e, i) => [e, fmt(h.trainLoss[i]), fmt(h.testLoss[i]), `${fmt(100 * h.trainAccuracy[i])}%`, `${fmt(100 * h.testAccuracy[i])}%`]));
    expect(csv.rows.length).toBeGreaterThan(widget.table(r, long).rows.length);
  });

  it('says what the run did, in numbers from the result', () => {
    const text = widget.summary(result, small);
    expect(text).toMatch(/^After 8 epochs from Glorot uniform as published, the training loss went from /);
    expect(text).toContain(`${Number((100 * result.history.testAccuracy[8]).toPrecision(4))}% on the test points`);
    expect(widget.label(small)).toBe('Decision boundary on two moons: 2 tanh layers of 8 units from Glorot uniform as published');
    expect(startWords({ initializer: 'heNormal', gain: 0.01 })).toBe('He normal × 0.01 (scaled down)');
    expect(startWords({ initializer: 'zeros', gain: 10 })).toBe('all-zero weights');
  });

  it('a snapshot mid-run draws and says how far the run is once, by its position', () => {
    const it = decisionBoundary.run(small);
    it.next();
    const snapshot = (it.next().value as { snapshot: DecisionBoundaryResult }).snapshot;
    expect(drawn(snapshot, small)).not.toMatch(/NaN|Infinity/);
    expect(widget.position!(snapshot, small)).toBe(`after epoch ${snapshot.epochsDone} of 8`);
    // The status puts the position first ("Paused after epoch 1 of 8. From …"): the summary does not repeat it.
    expect(widget.summary(snapshot, small)).toMatch(/^From Glorot uniform as published, the training loss went from /);
    expect(widget.summary(snapshot, small)).not.toMatch(/epoch/);
  });

  it('names the symmetry of a zero start in words', () => {
    const s = { ...small, ...STARTS.zero };
    expect(widget.summary(runToEnd(decisionBoundary, s), s)).toMatch(/single distinct unit: its 8 units started equal/);
  });

  it('a diverged run is drawn from its last finite weights and named in words: quantity, layer, step', () => {
    const s = { ...defaults, ...RELU_TOO_LARGE, epochs: 3 };
    const r = runToEnd(decisionBoundary, s);
    const markup = drawn(r, s);
    expect(markup).not.toMatch(/NaN|Infinity/);
    expect(markup).toContain('diverged');
    expect(widget.summary(r, s)).toMatch(
      /^From He normal × 10 \(scaled up\), training diverged in epoch 1: Layer 2's pre-activations overflowed to −∞ at step 6\. The boundary shown is from epoch 0/,
    );
  });
});
