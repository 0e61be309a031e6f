/**
 * Log-scale sliders move over a grid of tidy values that holds the value they show, so one key
 * press up and one down (or down and up) land exactly where they started, from any valid value.
 * The grids are those of every log-scale parameter of every widget spec.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gridText, logGrid, readGrid } from '../../../components/runtime/log-grid.ts';
import { checkValue, clampParam } from '../../../components/runtime/params-check.ts';
import type { NumberParam } from '../../../components/runtime/params-types.ts';
import { SPECS } from '../../../components/widgets/specs.ts';

const LOG_PARAMS = Object.entries(SPECS).flatMap(([widget, spec]) =>
  Object.entries(spec.params)
    .filter(([, p]) => p.kind === 'number' && p.scale === 'log')
    .map(([name, p]) => ({ where: `${widget}.${name}`, p: p as NumberParam })));

/** The grid a slider showing `value` carries, read back from its attribute as the controls do. */
const gridFor = (p: NumberParam, value: number) => readGrid(gridText(logGrid(p.min, p.max, [value])));

/** One key press on the slider: the next position up (+1) or down (−1), read as the controls read it. */
function press(p: NumberParam, grid: number[], value: number, d: 1 | -1): number {
  const at = grid.indexOf(value);
  return clampParam(p, grid[Math.min(grid.length - 1, Math.max(0, at + d))]);
}

describe('log-scale slider grids', () => {
  it('the widgets have log-scale parameters', () => {
    expect(LOG_PARAMS.length).toBeGreaterThan(0);
  });

  for (const { where, p } of LOG_PARAMS) {
    describe(where, () => {
      it('up then down, and down then up, give back any valid value exactly (5,000 values)', () => {
        fc.assert(fc.property(fc.double({ min: p.min, max: p.max, noNaN: true }), (value) => {
          const grid = gridFor(p, value);
          expect(grid.indexOf(value)).toBeGreaterThanOrEqual(0);
          const up = press(p, grid, value, 1);
          const down = press(p, grid, value, -1);
          if (value < p.max) expect(up).toBeGreaterThan(value);
          if (value > p.min) expect(down).toBeLessThan(value);
          expect(press(p, grid, up, -1)).toBe(value === p.max ? down : value);
          expect(press(p, grid, down, 1)).toBe(value === p.min ? up : value);
        }), { numRuns: 5_000 });
      });

      it('every position is an allowed value, read back unchanged', () => {
        const grid = gridFor(p, p.default);
        for (const v of grid) {
          expect(checkValue(p, v).ok).toBe(true);
          expect(clampParam(p, v)).toBe(v);
        }
        expect([grid[0], grid.at(-1)]).toEqual([p.min, p.max]);
        expect(grid).toEqual([...grid].sort((a, b) => a - b));
        expect(new Set(grid).size).toBe(grid.length);
      });

      it('positions are tidy (two significant digits) and in nearly equal ratios', () => {
        const grid = logGrid(p.min, p.max).filter((v) => v !== p.min && v !== p.max);
        for (const v of grid) expect(Number(v.toPrecision(2))).toBe(v);
        for (let i = 1; i < grid.length; i++) expect(grid[i] / grid[i - 1]).toBeLessThanOrEqual(4 / 3 + 1e-12);
      });
    });
  }

  it('from the default 0.03, up is 0.04 and down is back at 0.03', () => {
    const p: NumberParam = { kind: 'number', min: 0.001, max: 3, default: 0.03, scale: 'log', label: 'Learning rate' };
    const grid = gridFor(p, 0.03);
    expect(press(p, grid, 0.03, 1)).toBe(0.04);
    expect(press(p, grid, 0.04, -1)).toBe(0.03);
    expect(press(p, grid, 0.03, -1)).toBe(0.025);
  });
});
