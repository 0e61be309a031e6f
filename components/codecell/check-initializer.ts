/**
 * The check for a reader's weight initializer `(fanIn, fanOut, rng) → Matrix`: shape, finite
 * values, use of the given rng, then mean, variance and the shape of the distribution at two
 * layer sizes, compared with the engine's formula. When the variance is off, the formula that
 * does match at both sizes is named ("did you use 1/fanIn?").
 *
 * Tolerances, for n = 20,000 draws: the mean's standard error is √(Var/n), allowed 5 of them,
 * where Var is the variance of the reader's own draws, not the target's — draws with 8 times the
 * right variance spread their mean √8 times wider, and must be told their variance is wrong, not
 * their centre. The sample variance's relative standard error is √((κ − 1)/n) ≤ 1% (κ = 3 for a
 * normal), allowed 6% of the target: that is the claim under test, so the target is the right
 * reference. The excess kurtosis does not depend on the scale; its standard error is √(24/n) ≈
 * 0.035, allowed 0.3 — a normal has 0, a uniform −1.2, so the two are told apart with a wide
 * margin.
 *
 * Weights that are all equal have no spread to judge: the check says so, with their value, and
 * skips the mean's noise and the kurtosis (both are built from the spread). And when the
 * variance is wrong, a mean within the noise of that wrong spread is said to be just that, not
 * "≈ 0": a mean of −3747 passes for draws with variance 10¹², but it is no sign of a good
 * initializer.
 * @module
 */
import { INITIALIZERS, INITIALIZER_VARIANCE, createRng, type InitializerName } from '../../lib/index.ts';
import { asGrid, attempt, num, report, twoDecimals, type Grid } from './check-helpers.ts';
import type { Check } from './checks.ts';

type Law = 'normal' | 'uniform';
type Item = { ok: boolean; text: string };

/** The two layer sizes tried: fanIn and fanOut change in opposite directions between them. */
const SIZES = [[100, 200], [400, 50]] as const;
const EXCESS_KURTOSIS: Record<Law, number> = { normal: 0, uniform: -1.2 };

/** Variances a reader may have written by mistake, and what to say about each. */
const SUSPECTS: { formula: string; v: (i: number, o: number) => number; hint?: string }[] = [
  { formula: '1/fanIn', v: (i) => 1 / i },
  { formula: '2/fanIn', v: (i) => 2 / i },
  { formula: '1/fanOut', v: (_, o) => 1 / o },
  { formula: '2/fanOut', v: (_, o) => 2 / o },
  { formula: '1/(fanIn + fanOut)', v: (i, o) => 1 / (i + o) },
  { formula: '2/(fanIn + fanOut)', v: (i, o) => 2 / (i + o) },
  { formula: '6/fanIn', v: (i) => 6 / i, hint: 'that is the uniform bound squared, b² = 6/fanIn; a uniform law on (−b, b) has variance b²/3' },
  { formula: '6/(fanIn + fanOut)', v: (i, o) => 6 / (i + o), hint: 'that is the uniform bound squared; a uniform law on (−b, b) has variance b²/3' },
  { formula: '1/(3·fanIn)', v: (i) => 1 / (3 * i), hint: 'U(±√(1/fanIn)), the source post’s “Glorot”' },
  { formula: '2/(3·fanIn)', v: (i) => 2 / (3 * i), hint: 'U(±√(2/fanIn)), the source post’s “He”: a third of the variance' },
  { formula: '(2/fanIn)²', v: (i) => (2 / i) ** 2, hint: 'you scaled by the variance; scale by its square root (the standard deviation)' },
  { formula: '(2/(fanIn + fanOut))²', v: (i, o) => (2 / (i + o)) ** 2, hint: 'you scaled by the variance; scale by its square root (the standard deviation)' },
  { formula: '1', v: () => 1, hint: 'the draws are not scaled at all' },
  { formula: '1/3', v: () => 1 / 3, hint: 'a uniform draw on (−1, 1), not scaled' },
];

/** Mean, population variance and excess kurtosis, by a plain two-pass loop. */
export function moments(x: ArrayLike<number>): { mean: number; variance: number; kurtosis: number } {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  const mean = s / x.length;
  let m2 = 0, m4 = 0;
  for (let i = 0; i < x.length; i++) {
    const d = (x[i] - mean) ** 2;
    m2 += d;
    m4 += d * d;
  }
  m2 /= x.length;
  m4 /= x.length;
  return { mean, variance: m2, kurtosis: m2 > 0 ? m4 / (m2 * m2) - 3 : NaN };
}

/**
 * Below this fraction of the mean's square a variance is rounding, not spread: 20,000 copies of
 * 0.01 sum to a mean that is not exactly 0.01, and leave a variance of about 10⁻³⁰.
 */
const ROUNDING = 1e-12;

/** All the weights are one value, up to rounding (all zeros included). */
const allEqual = (m: ReturnType<typeof moments>) => m.variance <= ROUNDING * m.mean ** 2;

const near = (a: number, b: number, rel: number) => Math.abs(a - b) <= rel * Math.abs(b);

/** A check for the engine's initializer `name`, which draws from a `law` distribution. */
export function initializerCheck(name: InitializerName, title: string, law: Law): Check {
  const target = INITIALIZER_VARIANCE[name];
  const formula = SUSPECTS.find((s) => SIZES.every(([i, o]) => near(s.v(i, o), target(i, o), 1e-12)))?.formula ?? 'the engine’s formula';
  return {
    title,
    exportName: name,
    signature: `${name}(fanIn: number, fanOut: number, rng: Rng): Matrix`,
    compares: `Calls it with fanIn × fanOut = ${SIZES.map(([i, o]) => `${i} × ${o}`).join(' and ')}: the matrix’s shape, that every weight is finite, that it draws from the rng it is given (same seed, same weights; another seed, other weights), then the mean (0), the variance (${formula}) and the excess kurtosis (${law}, ${num(EXCESS_KURTOSIS[law])}) against the engine’s ${title}.`,
    run(fn, sourceUrl) {
      const items: Item[] = [];
      const draws: Grid[] = [];
      for (const [k, [fanIn, fanOut]] of SIZES.entries()) {
        const got = attempt(() => fn(fanIn, fanOut, createRng(k + 1)), sourceUrl);
        if ('error' in got) return report([{ ok: false, text: `Your function threw for fanIn = ${fanIn}, fanOut = ${fanOut}: ${got.error}` }], '');
        const w = asGrid(got.value);
        if (!w) return report([{ ok: false, text: 'Return a Matrix: e.g. `const w = zeros(fanIn, fanOut)`, fill `w.data`, `return w`.' }], '');
        if (w.rows !== fanIn || w.cols !== fanOut) {
          const swapped = w.rows === fanOut && w.cols === fanIn;
          return report([{ ok: false, text: `For fanIn = ${fanIn}, fanOut = ${fanOut} your matrix is ${w.rows} × ${w.cols}; it should be ${fanIn} × ${fanOut}${swapped ? ' (rows are inputs: fanIn × fanOut, you have it transposed)' : ''}.` }], '');
        }
        const bad = Array.prototype.findIndex.call(w.data, (v: unknown) => typeof v !== 'number' || !Number.isFinite(v));
        if (bad >= 0) return report([{ ok: false, text: `Weight ${bad} is ${typeof w.data[bad] === 'number' ? num(w.data[bad]) : String(w.data[bad])}: every weight must be a finite number.` }], '');
        draws.push(w);
      }
      items.push({ ok: true, text: `Shape: fanIn × fanOut (${SIZES.map(([i, o]) => `${i} × ${o}`).join(', ')}), all finite.` });
      items.push(seedItem(fn, draws[0], sourceUrl));
      const stats = draws.map((w) => moments(w.data));
      SIZES.forEach(([fanIn, fanOut], k) => items.push(...statItems(stats[k], fanIn, fanOut, target(fanIn, fanOut), title, formula, law)));
      const wrongVariance = items.find((it) => !it.ok && it.text.startsWith('Your variance'));
      if (wrongVariance) wrongVariance.text += suspectHint(stats.map((m) => m.variance), formula);
      const engine = INITIALIZERS[name](SIZES[0][0], SIZES[0][1], createRng(1)).data;
      const same = engine.every((v, i) => Math.abs(v - Number(draws[0].data[i])) <= 1e-12 * Math.max(1, Math.abs(v)));
      if (items.every((it) => it.ok)) {
        items.push({ ok: true, text: same ? `Your draws equal the engine’s ${name}, draw for draw.` : `Your draws differ from the engine’s ${name} one by one (fine: any correct sampler passes).` });
      }
      return report(items, `Passed: your ${name} has ${title}’s shape, mean 0, variance ${formula} and a ${law} distribution.`);
    },
  };
}

/** Same seed, same weights (so it uses the rng); another seed, other weights (so it uses it at all). */
function seedItem(fn: (...a: unknown[]) => unknown, first: Grid, sourceUrl: string): Item {
  const [fanIn, fanOut] = SIZES[0];
  const again = asGrid((attempt(() => fn(fanIn, fanOut, createRng(1)), sourceUrl) as { value?: unknown }).value);
  const other = asGrid((attempt(() => fn(fanIn, fanOut, createRng(99)), sourceUrl) as { value?: unknown }).value);
  const equal = (g?: Grid) => !!g && g.data.length === first.data.length && Array.prototype.every.call(g.data, (v: number, i: number) => v === first.data[i]);
  if (!equal(again)) return { ok: false, text: 'Called twice with createRng(1) your function gave different weights: draw from the rng you are given (rng.normal(), rng.uniform()), not Math.random().' };
  if (equal(other)) return { ok: false, text: 'Your function gave the same weights for seeds 1 and 99: it does not draw from the rng it is given.' };
  return { ok: true, text: 'Draws come from the given rng: same seed, same weights; another seed, other weights.' };
}

function statItems(m: ReturnType<typeof moments>, fanIn: number, fanOut: number, want: number, title: string, formula: string, law: Law): Item[] {
  const size = `fanIn = ${fanIn}, fanOut = ${fanOut}`;
  if (allEqual(m)) {
    // `|| 0`: a mean of −0 is written 0.
    return [{ ok: false, text: `All your weights are equal: every one is ${num(m.mean || 0)} (${size}). ${title}’s are random draws with mean 0 and variance ${formula} (${num(want)} here): give each weight its own draw from the rng.` }];
  }
  const n = fanIn * fanOut;
  // The mean's noise comes from the draws' own spread, whatever their variance should be.
  const meanTol = 5 * Math.sqrt(m.variance / n);
  const varianceOk = near(m.variance, want, 0.06);
  const items: Item[] = [];
  items.push(Math.abs(m.mean) > meanTol
    ? { ok: false, text: `Your mean is ${num(m.mean)} (${size}); ${title}’s is 0, and draws as spread as yours would have a mean within ±${num(meanTol)}: center the draws on 0.` }
    : varianceOk
      ? { ok: true, text: `Mean ${num(m.mean)} ≈ 0 (${size}).` }
      : { ok: true, text: `Mean ${num(m.mean)}: centered for draws as spread as yours (within ±${num(meanTol)}), but that spread is wrong, see the variance (${size}).` });
  items.push(varianceOk
    ? { ok: true, text: `Variance ${num(m.variance)} ≈ ${num(want)} = ${formula} (${size}).` }
    : { ok: false, text: `Your variance is ${num(m.variance)}, ${title}’s is ${num(want)} (= ${formula} with ${size}).` });
  const expected = EXCESS_KURTOSIS[law];
  const other: Law = law === 'normal' ? 'uniform' : 'normal';
  if (Math.abs(m.kurtosis - expected) <= 0.3) items.push({ ok: true, text: `Excess kurtosis ${twoDecimals(m.kurtosis)} ≈ ${num(expected)}: ${law}, as it should be (${size}).` });
  else {
    const looks = Math.abs(m.kurtosis - EXCESS_KURTOSIS[other]) <= 0.3 ? ` — your weights look ${other}; draw with rng.${law === 'normal' ? 'normal()' : 'uniform()'}` : '';
    items.push({ ok: false, text: `Excess kurtosis ${twoDecimals(m.kurtosis)}, a ${law} law has ${num(expected)}${looks} (${size}).` });
  }
  return items;
}

/** " It matches 1/fanIn at both sizes: did you use 1/fanIn?" — only when one suspect fits both sizes. */
function suspectHint(variances: number[], formula: string): string {
  const fits = SUSPECTS.filter((s) => s.formula !== formula && SIZES.every(([i, o], k) => near(variances[k], s.v(i, o), 0.06)));
  if (fits.length !== 1) return '';
  const [s] = fits;
  return ` It matches ${s.formula} at both sizes: did you use ${s.formula}?${s.hint ? ` (${s.hint}.)` : ''}`;
}
