import { describe, expect, it } from 'vitest';
import { extractRegion, regionNames } from '../../components/source-regions.ts';

const sample = [
  'const before = 1;',
  '  // #region outer',
  '  function f(x) {',
  '    // #region inner',
  '    return x * 2;',
  '    // #endregion',
  '  }',
  '  // #endregion',
  '// #region open',
  'const never = 0;',
].join('\n');

describe('extractRegion', () => {
  it('lists regions in order', () => {
    expect(regionNames(sample)).toEqual(['outer', 'inner', 'open']);
  });
  it('returns the region text dedented, without nested markers', () => {
    expect(extractRegion(sample, 'outer')).toBe('function f(x) {\n  return x * 2;\n}');
    expect(extractRegion(sample, 'inner')).toBe('return x * 2;');
  });
  it('names the file and the regions it has when one is missing', () => {
    expect(() => extractRegion(sample, 'nope', 'lib/x.ts')).toThrow(
      'Region "nope" is not in lib/x.ts. Regions there: outer, inner, open.',
    );
  });
  it('reports a region that is never closed with its line', () => {
    expect(() => extractRegion(sample, 'open', 'lib/x.ts')).toThrow(/starts at line 9 but has no matching/);
  });
});
