/**
 * Exercise checks: the engine's own functions pass; common mistakes — written here independently
 * of the check's own formulas — fail with the sentence that names them.
 */
import { describe, expect, it } from 'vitest';
import { CHECKS, CHECK_NAMES, runCheck } from '../../../components/codecell/checks.ts';
import { moments } from '../../../components/codecell/check-initializer.ts';
import { LINES_BEFORE_CODE } from '../../../components/codecell/wrapper.ts';
import { INITIALIZERS, REGULARIZERS, createRng, matrix, zeros, type Matrix, type Rng } from '../../../lib/index.ts';

/** N(0, variance) or U(−b, b) weights, drawn here with the rng, as a reader would write them. */
const normalWith = (variance: (fanIn: number, fanOut: number) => number) => (fanIn: number, fanOut: number, rng: Rng): Matrix => {
  const w = zeros(fanIn, fanOut);
  for (let i = 0; i < w.data.length; i++) w.data[i] = rng.normal() * Math.sqrt(variance(fanIn, fanOut));
  return w;
};
const uniformWith = (bound: (fanIn: number) => number) => (fanIn: number, fanOut: number, rng: Rng): Matrix => {
  const w = zeros(fanIn, fanOut);
  for (let i = 0; i < w.data.length; i++) w.data[i] = (2 * rng.uniform() - 1) * bound(fanIn);
  return w;
};

describe('moments', () => {
  it('gives mean, variance and excess kurtosis of a small sample (by hand)', () => {
    // [1, 2, 3, 4]: mean 2.5, deviations ±0.5, ±1.5 → m2 = 1.25, m4 = (2·0.0625 + 2·5.0625)/4 = 2.5625
    const m = moments([1, 2, 3, 4]);
    expect(m.mean).toBe(2.5);
    expect(m.variance).toBe(1.25);
    expect(m.kurtosis).toBeCloseTo(2.5625 / 1.5625 - 3, 12);
  });
});

describe('a missing function', () => {
  // What a reader may export instead of the function: the message names it with the right article.
  it.each([
    [{}, 'an object'], [[1, 2], 'an array'], [2, 'a number'], ['he', 'a string'], [true, 'a boolean'], [undefined, 'no such export'],
  ])('an export of %j is reported as %s', (value, found) => {
    const r = runCheck('heNormal', { heNormal: value });
    expect(r.passed).toBe(false);
    expect(r.summary).toMatch(new RegExp(`\\(found ${found}\\)\\.$`));
  });

  it('never writes "a" before a vowel, for every kind a value can be', () => {
    for (const value of [{}, Symbol('s'), 1n, 0, '', false, null, undefined, [], new Map()]) {
      expect(runCheck('l2', { default: value }).summary).not.toMatch(/\ba [aeiou]/);
    }
  });
});

describe('initializer checks', () => {
  it.each(['heNormal', 'heUniform', 'glorotNormal', 'glorotUniform'] as const)("the engine's %s passes its own check, draw for draw", (name) => {
    const r = runCheck(name, { [name]: INITIALIZERS[name] });
    expect(r.passed, r.summary).toBe(true);
    expect(r.details.at(-1)?.text).toMatch(/draw for draw/);
  });

  it('passes a correct He normal written another way (and says the draws differ)', () => {
    const r = runCheck('heNormal', { heNormal: (i: number, o: number, rng: Rng) => { const w = normalWith((fi) => 2 / fi)(i, o, rng); w.data.reverse(); return w; } });
    expect(r.passed, r.summary).toBe(true);
    expect(r.details.at(-1)?.text).toMatch(/differ .*fine: any correct sampler passes/);
  });

  it('names 1/fanIn when the variance is half of He\'s', () => {
    const r = runCheck('heNormal', { heNormal: normalWith((fanIn) => 1 / fanIn) });
    expect(r.passed).toBe(false);
    expect(r.summary).toMatch(/Your variance is 0\.01\d*, He normal’s is 0\.02 \(= 2\/fanIn with fanIn = 100, fanOut = 200\)\. It matches 1\/fanIn at both sizes: did you use 1\/fanIn\?/);
  });

  it("names Glorot's formula when fanOut was used too", () => {
    const r = runCheck('heNormal', { heNormal: normalWith((fanIn, fanOut) => 2 / (fanIn + fanOut)) });
    expect(r.summary).toMatch(/did you use 2\/\(fanIn \+ fanOut\)\?/);
  });

  it('spots the variance used as a standard deviation', () => {
    const r = runCheck('heNormal', { heNormal: (i: number, o: number, rng: Rng) => { const w = zeros(i, o); for (let k = 0; k < w.data.length; k++) w.data[k] = rng.normal() * (2 / i); return w; } });
    expect(r.summary).toMatch(/\(2\/fanIn\)².*square root/);
  });

  it("spots the source post's He (a third of the variance) for He uniform", () => {
    const r = runCheck('heUniform', { heUniform: uniformWith((fanIn) => Math.sqrt(2 / fanIn)) });
    expect(r.summary).toMatch(/did you use 2\/\(3·fanIn\)\?.*post/);
  });

  it('tells uniform from normal by the kurtosis', () => {
    const r = runCheck('heNormal', { heNormal: uniformWith((fanIn) => Math.sqrt(6 / fanIn)) });
    expect(r.passed).toBe(false);
    expect(r.summary).toMatch(/look uniform; draw with rng\.normal\(\)/);
  });

  it('spots a transposed matrix, Math.random, and an ignored rng', () => {
    const transposed = runCheck('heNormal', { heNormal: (i: number, o: number, rng: Rng) => normalWith((fi) => 2 / fi)(o, i, rng) });
    expect(transposed.summary).toMatch(/200 × 100; it should be 100 × 200 \(rows are inputs/);
    const random = runCheck('heNormal', { heNormal: (i: number, o: number) => normalWith((fi) => 2 / fi)(i, o, { uniform: Math.random, normal: () => Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random()) } as Rng) });
    expect(random.summary).toMatch(/Math\.random/);
    const ignored = runCheck('heNormal', { heNormal: (i: number, o: number) => normalWith((fi) => 2 / fi)(i, o, createRng(42)) });
    expect(ignored.summary).toMatch(/same weights for seeds 1 and 99/);
  });

  it('reports a throwing function, a wrong return type and a missing export without throwing', () => {
    expect(runCheck('heNormal', { heNormal: () => { throw new RangeError('nope'); } }).summary).toMatch(/threw for fanIn = 100, fanOut = 200: RangeError: nope/);
    expect(runCheck('heNormal', { heNormal: () => 3 }).summary).toMatch(/Return a Matrix/);
    expect(runCheck('heNormal', { other: () => 0 }).summary).toMatch(/export function heNormal\(fanIn: number, fanOut: number, rng: Rng\): Matrix/);
    expect(runCheck('heNormal', { default: INITIALIZERS.heNormal }).passed).toBe(true);
    expect(runCheck('nope', {}).passed).toBe(false);
  });

  it('accepts number[][] as well as a Matrix', () => {
    const rows = (i: number, o: number, rng: Rng) => Array.from({ length: i }, () => Array.from({ length: o }, () => rng.normal() * Math.sqrt(2 / i)));
    expect(runCheck('heNormal', { heNormal: rows }).passed).toBe(true);
  });
});

describe('initializer checks: the mean is judged by the spread of the draws themselves', () => {
  /**
   * N(shift, factor × 2/fanIn) draws from a stream of their own, seeded from the rng the check
   * gives (so the check's seed test still passes) and from `seed`: each seed is a new sample.
   */
  const drawsWith = (factor: number, shift: number, seed: number) => (fanIn: number, fanOut: number, rng: Rng): Matrix => {
    const own = createRng(seed * 7919 + Math.floor(rng.uniform() * 1e6));
    const sd = Math.sqrt((factor * 2) / fanIn);
    const w = zeros(fanIn, fanOut);
    for (let i = 0; i < w.data.length; i++) w.data[i] = shift * sd + own.normal() * sd;
    return w;
  };
  const failures = (r: ReturnType<typeof runCheck>) => r.details.filter((d) => !d.ok).map((d) => d.text);
  const SEEDS = Array.from({ length: 20 }, (_, k) => k + 1);

  it('centred draws with the wrong variance are told about their variance, never their mean (20 samples each)', () => {
    for (const factor of [1 / 8, 8, 32]) {
      for (const seed of SEEDS) {
        const r = runCheck('heNormal', { heNormal: drawsWith(factor, 0, seed) });
        expect(r.summary, `factor ${factor}, seed ${seed}`).toMatch(/^Your variance is/);
        expect(failures(r).filter((t) => /mean|cent(er|re)/i.test(t)), `factor ${factor}, seed ${seed}`).toEqual([]);
      }
    }
  });

  it('the reported case: He normal scaled by √(2/fanOut) is told its variance, not its centre', () => {
    const r = runCheck('heNormal', { heNormal: normalWith((_, fanOut) => 2 / fanOut) });
    expect(r.summary).toMatch(/did you use 2\/fanOut\?/);
    expect(failures(r).join(' ')).not.toMatch(/mean|center/i);
  });

  it('a mean within the noise of a wrong spread is not called ≈ 0, and the variance is named (20 samples each)', () => {
    // 5 × 10¹³ times He's variance is about 10¹²: a mean in the thousands is within the noise.
    for (const factor of [1 / 8, 8, 5e13]) {
      for (const seed of SEEDS) {
        const r = runCheck('heNormal', { heNormal: drawsWith(factor, 0, seed) });
        const means = r.details.filter((d) => d.text.startsWith('Mean '));
        expect(means, `factor ${factor}, seed ${seed}`).toHaveLength(2);
        for (const d of means) {
          expect(d.ok).toBe(true);
          expect(d.text, `factor ${factor}, seed ${seed}`).not.toMatch(/≈ 0/);
          expect(d.text).toMatch(/spread is wrong, see the variance/);
        }
        expect(r.summary).toMatch(/^Your variance is/);
      }
    }
    // With the right variance, the mean is simply ≈ 0.
    const right = runCheck('heNormal', { heNormal: drawsWith(1, 0, 1) });
    expect(right.details.filter((d) => /^Mean [^:]+ ≈ 0 \(/.test(d.text))).toHaveLength(2);
  });

  it('draws off centre by a tenth of their spread are told to center, whatever their variance (20 samples each)', () => {
    // A tenth of a standard deviation is 14 standard errors of the mean of 20,000 draws.
    for (const factor of [1, 8]) {
      for (const seed of SEEDS) {
        const texts = failures(runCheck('heNormal', { heNormal: drawsWith(factor, 0.1, seed) }));
        expect(texts.filter((t) => /^Your mean is .*center the draws on 0\.$/.test(t)), `factor ${factor}, seed ${seed}`).toHaveLength(2);
        expect(texts.some((t) => t.startsWith('Your variance')), `factor ${factor}, seed ${seed}`).toBe(factor !== 1);
      }
    }
  });
});

describe('initializer checks: weights that are all equal', () => {
  const INITIALIZER_CHECKS = CHECK_NAMES.filter((name) => name in INITIALIZERS);
  const texts = (r: ReturnType<typeof runCheck>) => [r.summary, ...r.details.map((d) => d.text)];
  const filled = (value: number) => (fanIn: number, fanOut: number): Matrix => { const w = zeros(fanIn, fanOut); w.data.fill(value); return w; };

  it('zeros(…) returned as is: told plainly that every weight is 0, with no kurtosis of NaN', () => {
    expect(INITIALIZER_CHECKS.length).toBe(4);
    for (const name of INITIALIZER_CHECKS) {
      const r = runCheck(name, { [name]: (fanIn: number, fanOut: number) => zeros(fanIn, fanOut) });
      expect(r.passed).toBe(false);
      for (const t of texts(r)) expect(t, name).not.toMatch(/NaN|kurtosis/i);
      expect(r.details.filter((d) => !d.ok && /^All your weights are equal: every one is 0 \(/.test(d.text)), name).toHaveLength(2);
    }
    // He's variance at fanIn = 100 is 2/100.
    const he = runCheck('heNormal', { heNormal: (fanIn: number, fanOut: number) => zeros(fanIn, fanOut) });
    expect(texts(he).join(' ')).toMatch(/variance 2\/fanIn \(0\.02 here\)/);
  });

  it('a constant 0.01: no variance, mean tolerance or kurtosis made of rounding noise', () => {
    for (const name of INITIALIZER_CHECKS) {
      const all = texts(runCheck(name, { [name]: filled(0.01) }));
      for (const t of all) expect(t, name).not.toMatch(/× 10⁻|Your mean|Your variance|kurtosis/);
      expect(all.filter((t) => t.startsWith('All your weights are equal: every one is 0.01 (')), name).toHaveLength(2);
    }
  });

  it('one draw from the rng copied into every weight: the summary says they are all equal', () => {
    const r = runCheck('heNormal', { heNormal: (fanIn: number, fanOut: number, rng: Rng) => filled(rng.normal() * Math.sqrt(2 / fanIn))(fanIn, fanOut) });
    expect(r.details[1].ok, r.details[1].text).toBe(true);
    expect(r.summary).toMatch(/^All your weights are equal: every one is −?\d.*variance 2\/fanIn/);
  });
});

describe('regularizer checks', () => {
  const sumSq = (w: Matrix) => w.data.reduce((t, v) => t + v * v, 0);
  const gradOf = (w: Matrix, f: (v: number) => number) => matrix(w.rows, w.cols, Array.from(w.data, f));

  it("the engine's l1 and l2 pass their own checks", () => {
    for (const name of ['l1', 'l2'] as const) expect(runCheck(name, { [name]: REGULARIZERS[name] }).passed).toBe(true);
  });

  it('names ½Σw² and the gradient w', () => {
    const r = runCheck('l2', { l2: (w: Matrix) => ({ penalty: sumSq(w) / 2, grad: gradOf(w, (v) => v) }) });
    expect(r.summary).toMatch(/Yours is ½·Σw²/);
    expect(r.details.at(-1)?.text).toMatch(/Yours is w: the derivative of w² is 2w/);
  });

  it("names L1's subgradient convention at 0", () => {
    const r = runCheck('l1', { l1: (w: Matrix) => ({ penalty: w.data.reduce((t, v) => t + Math.abs(v), 0), grad: gradOf(w, (v) => (v >= 0 ? 1 : -1)) }) });
    expect(r.passed).toBe(false);
    expect(r.summary).toMatch(/at w = 0 .* sign\(0\) = 0/);
  });

  it('notices w changed in place', () => {
    const r = runCheck('l2', { l2: (w: Matrix) => { const penalty = sumSq(w); for (let i = 0; i < w.data.length; i++) w.data[i] *= 2; return { penalty, grad: w }; } });
    expect(r.summary).toMatch(/changed w/);
  });
});

describe("an error in the reader's function during a check", () => {
  // The run worker's module: its line N + LINES_BEFORE_CODE is the reader's line N (wrapper.ts).
  const MODULE = 'blob:http://127.0.0.1:4321/6f1c0d1e-2a3b-4c5d-8e9f-001122334455';
  const readerLine = 4;
  /** Throws as V8 would from the reader's line 4, called by the runtime. */
  const thrower = () => {
    const e = new TypeError("Cannot read properties of undefined (reading '0')");
    e.stack = [
      `TypeError: ${e.message}`,
      `    at heNormal (${MODULE}:${readerLine + LINES_BEFORE_CODE}:17)`,
      '    at attempt (http://127.0.0.1:4321/_astro/runtime-abc.js:1:2345)',
    ].join('\n');
    throw e;
  };

  it.each(CHECK_NAMES)('%s names the line, as an error at top level does', (name) => {
    const r = runCheck(name, { [CHECKS[name].exportName]: thrower }, MODULE);
    expect(r.passed).toBe(false);
    expect(r.summary).toMatch(new RegExp(`^Your function threw.*: TypeError on line ${readerLine}: Cannot read properties of undefined`));
  });
});

describe('numbers in check messages', () => {
  it('are written as sentences write them: a minus sign (U+2212), powers of ten, never "-0.0004" or "e-4"', () => {
    const l2Slip = (w: Matrix) => ({ penalty: w.data.reduce((t, v) => t + v * v, 0) / 2, grad: matrix(w.rows, w.cols, Array.from(w.data)) });
    const runs = [
      runCheck('heNormal', { heNormal: normalWith((_, fanOut) => 2 / fanOut) }),
      runCheck('heNormal', { heNormal: uniformWith((fanIn) => Math.sqrt(6 / fanIn)) }),
      runCheck('heUniform', { heUniform: uniformWith((fanIn) => Math.sqrt(2 / fanIn)) }),
      runCheck('glorotNormal', { glorotNormal: INITIALIZERS.glorotNormal }),
      runCheck('l2', { l2: l2Slip }),
      runCheck('l1', { l1: (w: Matrix) => ({ penalty: -1, grad: matrix(w.rows, w.cols, Array.from(w.data, (v) => -2 * v)) }) }),
    ];
    const texts = runs.flatMap((r) => [r.summary, ...r.details.map((d) => d.text)]);
    for (const t of texts) expect(t).not.toMatch(/-\d|\de[+-]?\d/);
    // The runs above do print negative and small numbers, so the rule was put to the test.
    expect(texts.filter((t) => /−\d/.test(t)).length).toBeGreaterThan(2);
    expect(texts.some((t) => /\d × 10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+/.test(t))).toBe(true);
  });
});

describe('apostrophes and quotes in check messages', () => {
  it('are typographic (’ and “ ”), as in the site’s prose, in every check’s pass and failure texts', () => {
    const reversed = (f: (i: number, o: number, rng: Rng) => Matrix) => (i: number, o: number, rng: Rng) => { const w = f(i, o, rng); w.data.reverse(); return w; };
    const runs = [
      ...CHECK_NAMES.map((name) => runCheck(name, { [CHECKS[name].exportName]: (INITIALIZERS as Record<string, unknown>)[name] ?? (REGULARIZERS as Record<string, unknown>)[name] })),
      runCheck('heNormal', { heNormal: reversed(INITIALIZERS.heNormal) }),
      runCheck('heNormal', { heNormal: normalWith((fanIn) => 1 / fanIn) }),
      runCheck('heUniform', { heUniform: uniformWith((fanIn) => Math.sqrt(1 / fanIn)) }),
      runCheck('heUniform', { heUniform: uniformWith((fanIn) => Math.sqrt(2 / fanIn)) }),
      runCheck('heNormal', { heNormal: (i: number, o: number, rng: Rng) => { const w = normalWith((fi) => 2 / fi)(i, o, rng); for (let k = 0; k < w.data.length; k++) w.data[k] += 1; return w; } }),
      runCheck('l2', { l2: (w: Matrix) => ({ penalty: w.data.reduce((t, v) => t + v * v, 0) / 2, grad: matrix(w.rows, w.cols, Array.from(w.data)) }) }),
      runCheck('l1', { l1: (w: Matrix) => ({ penalty: w.data.reduce((t, v) => t + Math.abs(v), 0), grad: matrix(w.rows, w.cols, Array.from(w.data, (v) => 3 * v)) }) }),
      runCheck('nope', {}),
    ];
    const texts = runs.flatMap((r) => [r.summary, ...r.details.map((d) => d.text)]);
    for (const t of texts) expect(t).not.toMatch(/['"]/);
    // The runs do speak of “the engine’s” and “He normal’s”, so the rule was put to the test.
    expect(texts.filter((t) => t.includes('’')).length).toBeGreaterThan(5);
    expect(texts.some((t) => /“.+”/.test(t))).toBe(true);
  });
});

describe('registry', () => {
  it('lists every check by name, each with a title and signature', () => {
    expect(CHECK_NAMES).toEqual(Object.keys(CHECKS));
    for (const c of Object.values(CHECKS)) expect(c.signature).toMatch(new RegExp(`^${c.exportName}\\(`));
  });
});
