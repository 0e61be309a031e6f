import { describe, expect, it } from 'vitest';
import { depthSignal, theoryPreStd } from '../../../components/experiments/depth-signal.ts';
import { runToEnd } from '../../../components/runtime/experiment.ts';
import { defaultState, parseProps } from '../../../components/runtime/params.ts';
import { serverDocument } from '../../../components/plots/server.ts';
import { depthSignalWidget, shownLayers } from '../../../components/widgets/depth-signal/definition.ts';
import { depthSignalSpec } from '../../../components/widgets/depth-signal/spec.ts';
import { seriesColor } from '../../../components/plots/theme.ts';
import { legendEntries, yAxes } from '../../helpers/read-svg.ts';

describe('<DepthSignal>', () => {
  it('rejects an out-of-range prop naming the chapter file, the prop and the range', () => {
    expect(() => parseProps(depthSignalSpec, { depth: 80 }, 'content/chapters/x.mdx:12')).toThrow(
      'content/chapters/x.mdx:12: <DepthSignal depth={80}>: depth must be an integer from 1 to 50; got 80.',
    );
    expect(() => parseProps(depthSignalSpec, { initializer: 'xavier' }, 'f.mdx')).toThrow(/initializer must be one of "zeros", "random"/);
  });

  it('refuses configurations over the work cap', () => {
    expect(() => parseProps(depthSignalSpec, { depth: 50, width: 256, samples: 1000 }, 'f.mdx')).toThrow(/the limit is/);
  });

  it('draws every layer it measured, with no NaN or Infinity in the markup', () => {
    const state = { ...defaultState(depthSignalSpec), initializer: 'postHe', activation: 'relu', depth: 30 } as const;
    const result = runToEnd(depthSignal, state);
    const doc = serverDocument();
    const markup = depthSignalWidget.draw(result, state, doc).outerHTML;
    expect(markup).not.toMatch(/NaN|Infinity/);
    expect(markup.match(/<svg/g)).toHaveLength(3);
    expect(depthSignalWidget.table(result, state).rows).toHaveLength(30);
    expect(depthSignalWidget.summary(result, state)).toMatch(/layer 30/);
  });

  it('keeps the figure readable at any depth: at most ten histogram panels, first and last included', () => {
    for (let depth = 1; depth <= 50; depth++) {
      const shown = shownLayers(depth);
      expect(shown.length).toBe(Math.min(depth, 10));
      expect(shown[0]).toBe(1);
      expect(shown.at(-1)).toBe(depth);
      expect(new Set(shown).size).toBe(shown.length);
    }
  });

  describe.each(depthSignalSpec.params.activation.options)('all-zero weights with %s', (activation) => {
    const state = { ...defaultState(depthSignalSpec), initializer: 'zeros', activation, depth: 6 } as const;
    const result = runToEnd(depthSignal, state);

    it('says that every layer has no spread, with no factor 0/0', () => {
      const status = depthSignalWidget.summary(result, state);
      expect(status).not.toMatch(/NaN|factor/);
      expect(status).toContain('is 0 at every layer');
      expect(status).toContain('0 at every layer below it');
    });

    it('still plots the top layer’s gradient, over an axis of all six layers', () => {
      const chart = depthSignalWidget.draw(result, state, serverDocument()).querySelectorAll('svg')[2];
      // The backward series (second colour, square symbols): only the top layer's point is positive.
      expect(chart.querySelectorAll(`g[fill="${seriesColor(1)}"] path`).length).toBe(1);
      expect(chart.getAttribute('aria-description')).toContain('std of ∂J/∂a (backward) is 0 at x = 1–5');
      expect(chart.getAttribute('aria-description')).toContain('std of z (forward) is 0 at x = 1–6');
    });
  });

  it('labels each histogram panel with two or three ticks, whatever the initializer and activation', () => {
    // With Plot's own ticks, He normal and linear layers read "−1.0−0.5 0.0 0.5 1.0−1.0…" along the
    // backward row: each panel's outer labels ran into the next panel's.
    for (const initializer of depthSignalSpec.params.initializer.options.filter((i) => i !== 'zeros')) {
      for (const activation of depthSignalSpec.params.activation.options) {
        const state = { ...defaultState(depthSignalSpec), initializer, activation, depth: 4, width: 40, samples: 50 };
        const [forward, backward] = depthSignalWidget.draw(runToEnd(depthSignal, state), state, serverDocument()).querySelectorAll('svg');
        for (const svg of [forward, backward]) {
          const panels = [...svg.querySelectorAll('g[font-variant="tabular-nums"]')].filter((g) => g.querySelector('text[y="0.71em"]'));
          for (const g of panels) {
            const count = g.querySelectorAll('text').length;
            expect(count, `${initializer}, ${activation}`).toBeGreaterThanOrEqual(2);
            expect(count, `${initializer}, ${activation}`).toBeLessThanOrEqual(3);
          }
        }
      }
    }
  });

  it('with one layer, says each spread once instead of “from … at layer 1 to … at layer 1”', () => {
    const state = { ...defaultState(depthSignalSpec), depth: 1 };
    const status = depthSignalWidget.summary(runToEnd(depthSignal, state), state);
    expect(status).toContain('one layer');
    expect(status).not.toMatch(/from .* at layer 1 to .* at layer 1|factor of/);
  });

  it('says in words when the activations overflow', () => {
    const state = defaultState(depthSignalSpec);
    const result = { ...runToEnd(depthSignal, { ...state, depth: 2 }), nonFinite: true };
    expect(depthSignalWidget.summary(result, state)).toMatch(/overflowed: .* no longer finite numbers/);
  });

  describe.each(depthSignalSpec.params.activation.options)('the standard-deviation chart with %s', (activation) => {
    const state = { ...defaultState(depthSignalSpec), activation, depth: 5 };
    const chart = depthSignalWidget.draw(runToEnd(depthSignal, state), state, serverDocument()).querySelectorAll('svg')[2].outerHTML;
    const theory = legendEntries(chart).filter((e) => e.text.startsWith('theory'));

    it('names the theory line in the legend with a raised exponent, never in ASCII', () => {
      if (theoryPreStd(activation, 100, 0.01, 1) === null) {
        expect(theory).toEqual([]);
        return;
      }
      expect(theory).toHaveLength(1);
      const [entry] = theory;
      expect(entry.text).not.toMatch(/\^|\{|Var\(W\)\)|\(l\/2\)/);
      const raised = entry.runs.filter((r) => r.raise > 0);
      expect(raised.map((r) => r.text)).toEqual([activation === 'relu' ? '(l−1)/2' : 'l/2']);
      expect(raised.every((r) => r.smaller)).toBe(true);
      expect(entry.runs.at(-1)!.raise).toBe(0);
    });

    it('draws grid lines only at labelled ticks, written in one notation', () => {
      const [axis] = yAxes(chart);
      expect(axis.labels.every((l) => l.text !== '')).toBe(true);
      expect(axis.grid).toEqual(axis.labels.map((l) => l.y));
      const power = axis.labels.filter((l) => /10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(l.text)).length;
      expect([0, axis.labels.length]).toContain(power);
    });
  });
});
