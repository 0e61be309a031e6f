/**
 * The check for a reader's weight penalty `(w: Matrix) → { penalty, grad }`, compared with the
 * engine's on the same weights (normal draws and a few exact zeros, where L1's subgradient is a
 * convention). Differences are named after the usual slips: ½Σw² for Σw², a mean for a sum,
 * the norm for its square, the gradient of the other penalty, w changed in place.
 * @module
 */
import { REGULARIZERS, createRng, matrix, type Matrix, type RegularizerName } from '../../lib/index.ts';
import { asGrid, attempt, num, report } from './check-helpers.ts';
import type { Check } from './checks.ts';

const ROWS = 4;
const COLS = 5;
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** 4 × 5 weights from N(0, 1), seed 7, with entries 0 and 7 set to exactly 0. */
function weights(): Matrix {
  const rng = createRng(7);
  const values = Array.from({ length: ROWS * COLS }, (_, i) => (i === 0 || i === 7 ? 0 : rng.normal()));
  return matrix(ROWS, COLS, values);
}

/** Penalties a reader may have computed instead, as functions of the weights. */
function penaltySlips(w: Float64Array): { value: number; text: string }[] {
  const sq = w.reduce((t, v) => t + v * v, 0);
  const abs = w.reduce((t, v) => t + Math.abs(v), 0);
  return [
    { value: sq / 2, text: '½·Σw²: the engine uses Σw² (so its gradient is 2w), the source post’s convention' },
    { value: Math.sqrt(sq), text: 'the norm √(Σw²): the penalty is its square, Σw²' },
    { value: sq / w.length, text: 'the mean of w²: the penalty sums over all weights' },
    { value: abs / w.length, text: 'the mean of |w|: the penalty sums over all weights' },
    { value: sq, text: 'Σw², the L2 penalty' },
    { value: abs, text: 'Σ|w|, the L1 penalty' },
  ];
}

/** A check for the engine's regularizer `name` ('l1' or 'l2'). */
export function regularizerCheck(name: Extract<RegularizerName, 'l1' | 'l2'>, title: string): Check {
  return {
    title,
    exportName: name,
    signature: `${name}(w: Matrix): { penalty: number; grad: Matrix }`,
    compares: `Calls it on a ${ROWS} × ${COLS} matrix of N(0, 1) draws, two of them exactly 0: the penalty and the gradient, element by element, against the engine’s ${name}, and that w is left unchanged.`,
    run(fn, sourceUrl) {
      const w = weights();
      const before = Float64Array.from(w.data);
      const want = REGULARIZERS[name](w);
      const got = attempt(() => fn(w), sourceUrl);
      if ('error' in got) return report([{ ok: false, text: `Your function threw: ${got.error}` }], '');
      const out = got.value as { penalty?: unknown; grad?: unknown } | null;
      if (typeof out !== 'object' || out === null) return report([{ ok: false, text: 'Return an object `{ penalty, grad }`.' }], '');
      const items: { ok: boolean; text: string }[] = [];
      const untouched = w.data.every((v, i) => v === before[i]);
      items.push(untouched ? { ok: true, text: 'w is left unchanged.' } : { ok: false, text: 'Your function changed w: compute the gradient into a new matrix (e.g. `zeros(w.rows, w.cols)`).' });
      const p = Number(out.penalty);
      if (typeof out.penalty === 'number' && close(p, want.penalty)) items.push({ ok: true, text: `Penalty ${num(p)} equals the engine’s.` });
      else {
        const slip = penaltySlips(before).find((s) => close(p, s.value) && !close(s.value, want.penalty));
        items.push({ ok: false, text: `Your penalty is ${typeof out.penalty === 'number' ? num(p) : String(out.penalty)}, the engine’s is ${num(want.penalty)}.${slip ? ` Yours is ${slip.text}.` : ''}` });
      }
      items.push(gradItem(name, asGrid(out.grad), want.grad, before));
      return report(items, `Passed: your ${name} gives the engine’s penalty and gradient on a 4 × 5 matrix (zeros included).`);
    },
  };
}

function gradItem(name: 'l1' | 'l2', g: ReturnType<typeof asGrid>, want: Matrix, w: Float64Array): { ok: boolean; text: string } {
  if (!g) return { ok: false, text: 'grad must be a Matrix shaped like w (4 × 5).' };
  if (g.rows !== ROWS || g.cols !== COLS) return { ok: false, text: `Your grad is ${g.rows} × ${g.cols}; it must be shaped like w, ${ROWS} × ${COLS}.` };
  const wrong = want.data.findIndex((v, i) => !close(Number(g.data[i]), v));
  if (wrong < 0) return { ok: true, text: 'Gradient equals the engine’s, element by element.' };
  const at = `at w = ${num(w[wrong])} your gradient is ${num(Number(g.data[wrong]))}, the engine’s ${num(want.data[wrong])}`;
  if (name === 'l1' && w[wrong] === 0) return { ok: false, text: `${at}: at 0 the engine takes sign(0) = 0 (any value in [−1, 1] is a subgradient; 0 leaves a zero weight where it is).` };
  const all = (f: (v: number) => number) => want.data.every((_, i) => close(Number(g.data[i]), f(w[i])));
  const hint = all((v) => v) ? ' Yours is w: the derivative of w² is 2w.'
    : all((v) => Math.sign(v)) ? ' Yours is sign(w), the gradient of Σ|w| (L1).'
    : all((v) => 2 * v) ? ' Yours is 2w, the gradient of Σw² (L2).'
    : '';
  return { ok: false, text: `${at}.${hint}` };
}
