/**
 * A <DecisionBoundary> that starts from all-zero weights teaches symmetry: at the page's settings
 * every hidden layer ends with one distinct unit and the boundary is a straight line, and the
 * recipe its caption says to switch to, at the same settings, bends the boundary around the data.
 * Widgets, settings and the recipe are read from content/; the claims are measured by the engine.
 */
import { describe, expect, it } from 'vitest';
import { decisionBoundary, type DecisionBoundaryResult, type DecisionBoundaryState } from '../../components/experiments/decision-boundary.ts';
import { runToEnd } from '../../components/runtime/experiment.ts';
import { parseProps } from '../../components/runtime/params.ts';
import { decisionBoundaryWidget } from '../../components/widgets/decision-boundary/definition.ts';
import { INITIALIZER_NAMES_SHORT } from '../../components/widgets/labels.ts';
import { chapters, tags } from '../helpers/mdx-tags.ts';

/** Runs of the full widget settings (a second or two each); generous, as the test machines are shared. */
const SLOW = { timeout: 60_000 };

type Grid = DecisionBoundaryResult['grid'];

/**
 * Whether the cells on one side of ½ form a convex set on the grid: no two of them have a midpoint
 * (where it is a cell centre) on the other side. Both sides are convex exactly when the boundary
 * is a straight line; a boundary that bends leaves one side with a dent.
 */
function convex(grid: Grid, side: (p: number) => boolean): boolean {
  const cells: [number, number][] = [];
  for (let j = 0; j < grid.ny; j++) for (let i = 0; i < grid.nx; i++) if (side(grid.values[j * grid.nx + i])) cells.push([i, j]);
  for (let a = 0; a < cells.length; a++) {
    for (let b = a + 1; b < cells.length; b++) {
      const [i, j] = [cells[a][0] + cells[b][0], cells[a][1] + cells[b][1]];
      if (i % 2 === 0 && j % 2 === 0 && !side(grid.values[(j / 2) * grid.nx + i / 2])) return false;
    }
  }
  return true;
}
const straight = (grid: Grid) => convex(grid, (p) => p > 0.5) && convex(grid, (p) => p < 0.5);
const finalAccuracy = (r: DecisionBoundaryResult) => r.history.trainAccuracy.at(-1)!;

/** The recipe a caption says to switch to ("Switch the initializer to Glorot uniform"), by engine name. */
function switchedTo(caption: string): DecisionBoundaryState['initializer'] | undefined {
  const named = Object.entries(INITIALIZER_NAMES_SHORT)
    .filter(([, short]) => /[Ss]witch the initializer to (.*)/.exec(caption)?.[1].startsWith(short))
    .sort(([, a], [, b]) => b.length - a.length); // the longest name that fits
  return named[0]?.[0] as DecisionBoundaryState['initializer'] | undefined;
}

describe('the all-zero start of a <DecisionBoundary> and the recipe its caption switches to', () => {
  const cases = chapters().flatMap(({ file, mdx }) => tags(mdx, 'DecisionBoundary')
    .filter((props) => props.initializer === 'zeros')
    .map((props) => ({ file, props, state: parseProps(decisionBoundaryWidget.spec, props, file) as DecisionBoundaryState })));

  it('finds a widget that starts from zeros', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases.map((c) => [c.file, String(c.props.id), c] as const))('%s, <DecisionBoundary id="%s">', SLOW, (_file, _id, c) => {
    const caption = String(c.props.caption);
    expect(caption, 'the caption states the number of epochs').toContain(`${c.state.epochs} epochs`);
    const zeros = runToEnd(decisionBoundary, c.state);
    expect(zeros.divergence).toBeNull();
    expect(zeros.distinctUnits, 'every hidden layer is one unit repeated').toEqual(zeros.distinctUnits.map(() => 1));
    expect(straight(zeros.grid), 'the all-zero start draws a straight boundary').toBe(true);

    const recipe = switchedTo(caption);
    expect(recipe, `the caption names a recipe to switch to: "${caption}"`).toBeDefined();
    const other = runToEnd(decisionBoundary, { ...c.state, initializer: recipe! });
    expect(other.divergence).toBeNull();
    expect(other.distinctUnits).toEqual(other.distinctUnits.map(() => c.state.width));
    expect(straight(other.grid), `${recipe} bends the boundary`).toBe(false);
    expect(finalAccuracy(other), 'and fits the training points better than any straight line the zeros found')
      .toBeGreaterThan(finalAccuracy(zeros) + 0.1);
  });
});
