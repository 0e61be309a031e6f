/**
 * A link's bad value is answered with a whole sentence: for every parameter of every widget, even
 * with the longest value a notice repeats, the page's value is named in full and nothing is cut.
 */
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../components/runtime/params-query.ts';
import { EXCERPT_CHARS, showValue } from '../../../components/runtime/params-text.ts';
import { SPECS } from '../../../components/widgets/specs.ts';

describe('notices for a bad value in a link', () => {
  for (const [widget, spec] of Object.entries(SPECS)) {
    for (const [name, p] of Object.entries(spec.params)) {
      it(`${widget}.${name}: names the page's value in full and is not cut`, () => {
        const bad = 'x'.repeat(EXCERPT_CHARS + 10); // cut in the excerpt, as long as a repeated value gets
        const { notices } = parseQuery(spec, `w.${name}=${bad}`, 'w');
        expect(notices).toHaveLength(1);
        expect(notices[0]).toContain(`so this setting is at the page's value, ${showValue(p.default)}. It must be `);
        expect(notices[0]).toMatch(/\.$/);
      });
    }
  }

  it('a list reads as names, not as the link spells it', () => {
    const { notices } = parseQuery(SPECS.TrainingRace, 'race.initializers=bogus', 'race');
    expect(notices[0]).toContain('at the page\'s value, heNormal, glorotNormal, postHe. It must be a list of 2 to 4 different names from "zeros"');
  });
});
