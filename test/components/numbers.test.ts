/**
 * The numbers the prose quotes (<Num of="…">) are computed by the engine at build time; these
 * tests pin each against the theory the text states, so the page and the maths cannot drift apart.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NUMBERS, formatNamed } from '../../components/numbers.ts';

const value = (name: string) => NUMBERS[name].value();
/** |log(a/b)| ≤ log(factor): a and b agree within a multiplicative factor. */
const within = (a: number, b: number, factor: number) => Math.abs(Math.log(a / b)) <= Math.log(factor);

describe('numbers quoted in the chapters', () => {
  it("the post's He loses a factor ≈ 3 of variance per ReLU layer", () => {
    expect(value('postHe-relu-ratio')).toBeGreaterThan(1 / 3 - 0.05);
    expect(value('postHe-relu-ratio')).toBeLessThan(1 / 3 + 0.05);
  });
  it('He normal keeps the variance of a ReLU layer (factor ≈ 1)', () => {
    expect(Math.abs(value('heNormal-relu-ratio') - 1)).toBeLessThan(0.1);
  });
  it('Glorot with ReLU halves the variance per layer (factor ≈ 1/2)', () => {
    expect(Math.abs(value('glorotUniform-relu-ratio') - 0.5)).toBeLessThan(0.06);
  });
  it("after 20 ReLU layers the post's He has shrunk std(z) by about 3^(−19/2)", () => {
    expect(within(value('postHe-relu-drop-20'), 3 ** (-19 / 2), 3)).toBe(true);
  });
  it('after 20 ReLU layers He normal keeps std(z) of order one', () => {
    expect(within(value('heNormal-relu-drop-20'), 1, 4)).toBe(true);
  });
  it("the post's random U(±0.1) makes tanh activations die with depth", () => {
    expect(within(value('random-tanh-drop-10'), (100 * 0.01 / 3) ** 4.5, 2.5)).toBe(true);
  });
  it("Glorot & Bengio's Figure 6 idea: the heuristic shrinks tanh activations layer by layer, normalized init much less", () => {
    expect(value('postGlorot-tanh-drop-5')).toBeLessThan(0.25);
    expect(value('glorotUniform-tanh-drop-5')).toBeGreaterThan(0.4);
    expect(value('glorotUniform-tanh-drop-5') / value('postGlorot-tanh-drop-5')).toBeGreaterThan(3);
  });
  it('formats tiny numbers in scientific notation and refuses unknown names', () => {
    expect(formatNamed('postHe-relu-drop-20')).toMatch(/^\d\.\d × 10\^-\d+$/);
    expect(() => formatNamed('no-such-number')).toThrow(/no such number. Known: postHe-relu-ratio/);
  });
  it('every <Num of> in content/ names a known number', () => {
    const dir = resolve(import.meta.dirname, '../../content/chapters');
    const used = readdirSync(dir)
      .filter((f) => f.endsWith('.mdx'))
      .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/<Num\s+of="([^"]+)"/g)].map((m) => m[1]));
    for (const name of used) expect(Object.keys(NUMBERS)).toContain(name);
  });
});
