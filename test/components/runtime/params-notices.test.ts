/**
 * A link's bad value is answered with a whole sentence: for every parameter of every widget, even
 * with the longest value a notice repeats, the page's value is named in full and nothing is cut.
 */
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../components/runtime/params-query.ts';
import { EXCERPT_CHARS, showValue } from '../../../components/runtime/params-text.ts';
import { SPECS } from '../../../components/widgets/specs.ts';
import { codeNamedOptions, codeNamesIn, shownName } from '../../helpers/option-names.ts';

describe('notices for a bad value in a link', () => {
  for (const [widget, spec] of Object.entries(SPECS)) {
    for (const [name, p] of Object.entries(spec.params)) {
      it(`${widget}.${name}: names the page's value in full and is not cut`, () => {
        const bad = 'x'.repeat(EXCERPT_CHARS + 10); // cut in the excerpt, as long as a repeated value gets
        const { notices } = parseQuery(spec, `w.${name}=${bad}`, 'w');
        expect(notices).toHaveLength(1);
        expect(notices[0]).toContain(`so this setting is at the page's value, ${showValue(p, p.default)}. It must be `);
        expect(notices[0]).toMatch(/\.$/);
      });
    }
  }

  it('a list reads as the names its checkboxes show, not as the link spells it', () => {
    const { notices } = parseQuery(SPECS.TrainingRace, 'race.initializers=bogus', 'race');
    expect(notices[0]).toContain('at the page\'s value, He normal + Glorot normal + post’s “He”. It must be a list of 2 to 4 different names from "zeros"');
  });

  // The page's value is the reader's (the controls show it); the rule after it is the link's, in its spelling.
  for (const [widget, spec] of Object.entries(SPECS)) {
    for (const [name, p] of Object.entries(spec.params).filter(([, p]) => codeNamedOptions(p).length > 0)) {
      it(`${widget}.${name}: names the page's value as its control does`, () => {
        const { notices } = parseQuery(spec, `w.${name}=bogus`, 'w');
        const [value] = notices[0].split(' It must be ');
        const defaults = p.kind === 'enumList' ? p.default : [p.default as string];
        for (const option of defaults) expect(value).toContain(shownName(p, option));
        expect(codeNamesIn(value, p)).toEqual([]);
      });
    }
  }
});
