/**
 * A number the prose quotes from a <DepthSignal> on the page (a `<Num of>` whose entry in
 * components/numbers.ts names the widget's settings) must be what that widget's status line
 * shows at the page's settings, rounded as the prose rounds it, and the quantity must be the
 * same: the activations a or the pre-activations z. Widgets and numbers are read from content/.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NUMBERS, formatNamed } from '../../components/numbers.ts';
import { depthSignal, type DepthSignalState } from '../../components/experiments/depth-signal.ts';
import { runToEnd } from '../../components/runtime/experiment.ts';
import { parseProps } from '../../components/runtime/params.ts';
import { depthSignalWidget } from '../../components/widgets/depth-signal/definition.ts';
import { INITIALIZER_NAMES_SHORT } from '../../components/widgets/labels.ts';
import { PROSE_NUMBER, readProse } from '../helpers/prose-number.ts';

const dir = resolve(import.meta.dirname, '../../content/chapters');
const chapters = readdirSync(dir).filter((f) => f.endsWith('.mdx'));

/** `name="text"` and `name={json}` attributes of one MDX tag. */
function attributes(tag: string): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const m of tag.matchAll(/(\w+)=(?:"([^"]*)"|\{([^}]*)\})/g)) props[m[1]] = m[2] ?? JSON.parse(m[3]);
  return props;
}

/** `<Name …/>` tags of a chapter, outside code, with their attributes. */
function tags(mdx: string, name: string): Record<string, unknown>[] {
  const text = mdx.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(new RegExp(`<${name}\\b[^>]*?/>`, 'g'))].map((m) => attributes(m[0]));
}

/** The factors a status line states ("… (a factor of 1.46 × 10⁻⁴)"), as numbers. */
const factors = (status: string) => [...status.matchAll(new RegExp(`a factor of (${PROSE_NUMBER})`, 'g'))].map((m) => readProse(m[1]));
/** A <Num>'s text ("0.0064", "3.8 × 10^-5") as a number. */
const quoted = (text: string) => Number(text.replace(' × 10^', 'e'));
const sameSettings = (a: DepthSignalState, b: DepthSignalState, keys: (keyof DepthSignalState)[]) => keys.every((k) => a[k] === b[k]);

describe('numbers quoted beside a <DepthSignal> are what its status line shows', () => {
  const cases = chapters.flatMap((chapter) => {
    const mdx = readFileSync(join(dir, chapter), 'utf8');
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
    const settings = NUMBERS[name].widget!;
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
