/**
 * A number the prose quotes from a <DepthSignal> on the page (a `<Num of>` whose entry in
 * components/numbers.ts names the widget's settings) must be what that widget's status line
 * shows at the page's settings, rounded as the prose rounds it, and the quantity must be the
 * same: the activations a or the pre-activations z. Widgets and numbers are read from content/.
 */
import { describe, expect, it } from 'vitest';
import { NUMBERS, formatNamed } from '../../components/numbers.ts';
import { depthSignal, type DepthSignalState } from '../../components/experiments/depth-signal.ts';
import { runToEnd } from '../../components/runtime/experiment.ts';
import { parseProps, validateState } from '../../components/runtime/params.ts';
import { depthSignalWidget } from '../../components/widgets/depth-signal/definition.ts';
import { INITIALIZER_NAMES_SHORT } from '../../components/widgets/labels.ts';
import { chapters, tags } from '../helpers/mdx-tags.ts';
import { PROSE_NUMBER, readProse } from '../helpers/prose-number.ts';

/** The factors a status line states ("… (a factor of 1.46 × 10⁻⁴)"), as numbers. */
const factors = (status: string) => [...status.matchAll(new RegExp(`a factor of (${PROSE_NUMBER})`, 'g'))].map((m) => readProse(m[1]));
/** A <Num>'s text ("0.0064", "3.8 × 10^-5") as a number. */
const quoted = (text: string) => Number(text.replace(' × 10^', 'e'));
const sameSettings = (a: DepthSignalState, b: DepthSignalState, keys: (keyof DepthSignalState)[]) => keys.every((k) => a[k] === b[k]);

describe('numbers quoted beside a <DepthSignal> are what its status line shows', () => {
  const cases = chapters().flatMap(({ file: chapter, mdx }) => {
    const widgets = tags(mdx, 'DepthSignal').map((props) => ({
      props,
      state: parseProps(depthSignalWidget.spec, props, chapter) as DepthSignalState,
    }));
    return tags(mdx, 'Num')
      .filter((props) => NUMBERS[props.of as string]?.widget)
      .map((props) => ({ chapter, name: props.of as string, digits: (props.digits as number | undefined) ?? 2, widgets }));
  });

  it('finds quoted numbers to check', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases.map((c) => [c.chapter, c.name, c] as const))('%s: <Num of="%s">', (_chapter, name, c) => {
    const settings = NUMBERS[name].settings;
    // The reader can reach these settings: a widget on the page has them, or has them but for the
    // initializer, which its caption tells the reader to switch to.
    const widget = c.widgets.find((w) => sameSettings(w.state, settings, ['activation', 'depth', 'width', 'samples', 'seed']));
    expect(widget, `a <DepthSignal> in ${c.chapter} with the settings of ${name}: ${JSON.stringify(settings)}`).toBeDefined();
    if (widget!.state.initializer !== settings.initializer) {
      expect(String(widget!.props.caption)).toContain(INITIALIZER_NAMES_SHORT[settings.initializer]);
    }

    const status = depthSignalWidget.summary(runToEnd(depthSignal, settings), settings);
    const shown = factors(status).map((f) => Number(f.toPrecision(c.digits)));
    expect(shown, `the status line at those settings: "${status}"`).toContain(quoted(formatNamed(name, c.digits)));
  });
});

describe('every number the prose quotes can be reproduced in a <DepthSignal>', () => {
  // All of them, not only those a widget on the page shows: a reader who sets a widget to a
  // number's settings must get a run, not the work cap's refusal.
  const quotedNames = [...new Set(chapters().flatMap(({ mdx }) => tags(mdx, 'Num').map((props) => props.of as string)))];

  it('finds quoted numbers to check', () => {
    expect(quotedNames.length).toBeGreaterThan(0);
  });

  it.each(quotedNames)('<Num of="%s"> is measured at settings the widget accepts, within its work cap', (name) => {
    expect(validateState(depthSignalWidget.spec, NUMBERS[name].settings)).toEqual([]);
  });
});

describe('a per-layer factor the prose quotes is one the reader can compute from a status line', () => {
  // The chapter says how: the status line's factor F for z from layer 1 to layer L, to the power
  // 2/(L − 1) (a variance is a spread squared, shared over the L − 1 steps).
  const cases = chapters().flatMap(({ file, mdx }) => tags(mdx, 'Num')
    .filter((props) => NUMBERS[props.of as string]?.describe.startsWith('Per-layer factor'))
    .map((props) => ({ file, mdx, name: props.of as string, digits: (props.digits as number | undefined) ?? 2 })));

  it('finds per-layer factors to check', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases.map((c) => [c.file, c.name, c] as const))('%s: <Num of="%s">', (_file, name, c) => {
    const settings = NUMBERS[name].settings;
    const status = depthSignalWidget.summary(runToEnd(depthSignal, settings), settings);
    const [, z] = factors(status); // the activations a, then the pre-activations z
    const steps = settings.depth - 1;
    expect(Number((z ** (2 / steps)).toPrecision(c.digits)), `from "${status}"`).toBe(quoted(formatNamed(name, c.digits)));
    expect(c.mdx, 'the chapter gives the power to raise F to').toContain(`$F^{2/${steps}}$`);
  });
});
