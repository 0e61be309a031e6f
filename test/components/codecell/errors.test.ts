/** Errors are told for people: name, message, and the reader's line read from a V8 stack. */
import { describe, expect, it } from 'vitest';
import { describeError, errorSentence, readerLine } from '../../../components/codecell/errors.ts';
import { LINES_BEFORE_CODE } from '../../../components/codecell/wrapper.ts';

const URL = 'blob:http://127.0.0.1:4321/6f1c0d1e-2a3b-4c5d-8e9f-001122334455';

/** A stack as Chromium writes it: engine frames first, then the reader's module, then the runtime. */
const STACK = [
  'Error: INITIALIZERS.heNormal: fanIn must be a positive integer, got 0',
  '    at checkFans (http://127.0.0.1:4321/_astro/runtime-abc.js:1:2345)',
  '    at Object.heNormal (http://127.0.0.1:4321/_astro/runtime-abc.js:1:3456)',
  `    at helper (${URL}:8:12)`,
  `    at ${URL}:5:3`,
  '    at start (http://127.0.0.1:4321/_astro/runtime-abc.js:1:9999)',
].join('\n');

describe('readerLine', () => {
  it("takes the first frame in the reader's module, minus the lines in front of the code", () => {
    expect(readerLine(STACK, URL)).toBe(8 - LINES_BEFORE_CODE);
  });

  it('is undefined when no frame is in the module (an error inside the runtime)', () => {
    expect(readerLine(STACK, 'blob:http://127.0.0.1:4321/other')).toBeUndefined();
  });

  it('ignores a frame on the wrapper line itself', () => {
    expect(readerLine(`Error: x\n    at ${URL}:1:90`, URL)).toBeUndefined();
  });
});

describe('describeError', () => {
  it('keeps the name and message of an Error and adds the line', () => {
    const e = new TypeError('x is not a function');
    e.stack = `TypeError: x is not a function\n    at ${URL}:4:1`;
    expect(describeError(e, URL)).toEqual({ name: 'TypeError', message: 'x is not a function', line: 4 - LINES_BEFORE_CODE });
  });

  it('describes thrown non-errors', () => {
    expect(describeError('oops', URL)).toEqual({ name: 'Thrown value', message: 'oops' });
    expect(describeError(42, URL)).toEqual({ name: 'Thrown value', message: '42' });
    expect(describeError(Object.create(null), URL).message).toBe('[object Object]');
  });

  it('replaces the CSP dump of a refused eval with a sentence', () => {
    const e = new EvalError("Evaluating a string as JavaScript violates the following Content Security Policy directive … script-src 'self'");
    expect(describeError(e, URL).message).toMatch(/^eval and new Function are not available in a code cell/);
  });

  it('survives a hostile thrown value and caps long messages', () => {
    const hostile = new Proxy({}, { get() { throw new Error('trap'); }, getPrototypeOf() { throw new Error('trap'); } });
    expect(() => describeError(hostile, URL)).not.toThrow();
    expect(describeError(new Error('x'.repeat(10_000)), URL).message.length).toBeLessThanOrEqual(2_001);
  });
});

describe('errorSentence', () => {
  it('says the line (and column when known)', () => {
    expect(errorSentence({ name: 'TypeError', message: 'boom', line: 3 })).toBe('TypeError on line 3: boom');
    expect(errorSentence({ name: 'SyntaxError', message: 'Unexpected token', line: 2, column: 11 })).toBe('SyntaxError on line 2, column 11: Unexpected token');
    expect(errorSentence({ name: 'Error', message: 'no place' })).toBe('Error: no place');
  });
});
