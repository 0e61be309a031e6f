/** <CodeCell> props are checked at build time; a bad one names itself and what is allowed. */
import { describe, expect, it } from 'vitest';
import { TIMEOUT_DEFAULT_MS, validateCodeCellProps } from '../../../components/codecell/props.ts';

const CHECKS = ['heNormal', 'l2'];
const where = 'content/chapters/init.mdx:42';
const ok = (props: Record<string, unknown>) => validateCodeCellProps({ code: 'export default 1', ...props }, CHECKS, where);

describe('validateCodeCellProps', () => {
  it('fills the default time limit and normalises line endings and trailing blank lines', () => {
    expect(validateCodeCellProps({ code: 'a\r\nb\n\n' }, CHECKS, where)).toEqual({ code: 'a\nb', timeoutMs: TIMEOUT_DEFAULT_MS });
    expect(ok({ timeoutMs: 100, check: 'l2', title: ' Try it ', id: 'cell-1' })).toEqual({ code: 'export default 1', timeoutMs: 100, check: 'l2', title: 'Try it', id: 'cell-1' });
    expect(ok({ timeoutMs: 30_000 }).timeoutMs).toBe(30_000);
  });

  it.each([99, 30_001, 5000.5, NaN, Infinity, '5000', -0 - 1])('refuses timeoutMs=%s, naming the prop, the file and the range', (timeoutMs) => {
    expect(() => ok({ timeoutMs })).toThrow(/^<CodeCell timeoutMs> in content\/chapters\/init\.mdx:42: got .*; allowed: an integer number of milliseconds from 100 to 30000/);
  });

  it('refuses a missing or empty code and explains the ?raw import', () => {
    expect(() => validateCodeCellProps({ code: undefined }, CHECKS, where)).toThrow(/<CodeCell code>.*got nothing.*\?raw/);
    expect(() => validateCodeCellProps({ code: '  \n' }, CHECKS, where)).toThrow(/<CodeCell code>/);
  });

  it('names what it got instead of a text with its article: an object, an array, a number', () => {
    expect(() => ok({ title: { text: 'Try it' } })).toThrow(/<CodeCell title>.*: got an object; allowed: a non-empty text/);
    expect(() => ok({ check: ['l2'] })).toThrow(/<CodeCell check>.*: got an array; allowed:/);
    expect(() => ok({ id: true })).toThrow(/<CodeCell id>.*: got a boolean; allowed:/);
  });

  it('refuses an unknown check, listing the known ones', () => {
    expect(() => ok({ check: 'heNormall' })).toThrow(/<CodeCell check>.*got "heNormall"; allowed: "heNormal", "l2"/);
  });

  it('refuses an unknown prop (a typo) and a bad id or title', () => {
    expect(() => ok({ timeout: 3000 })).toThrow(/<CodeCell timeout>.*takes only code, timeoutMs, check, title, id/);
    expect(() => ok({ id: '1abc' })).toThrow(/<CodeCell id>/);
    expect(() => ok({ title: '' })).toThrow(/<CodeCell title>/);
  });
});
