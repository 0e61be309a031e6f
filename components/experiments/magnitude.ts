/**
 * The half-width of one histogram range shared by several arrays (every layer's activations,
 * every recipe's weights), so that their panels compare at a glance.
 */

/**
 * The largest finite |v| over all `arrays`, or 1 when no value is finite and non-zero (a range
 * must have a width). NaN and ±Infinity are skipped: the histograms count them apart.
 * A plain function rather than a loop inside an experiment's generator: V8 optimises a hot loop
 * in an ordinary function while it runs, but not one inside a generator.
 */
export function largestMagnitude(arrays: ArrayLike<number>[]): number {
  let extent = 0;
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      const v = Math.abs(a[i]); // not a sign test: on data of random sign that branch is mispredicted half the time
      if (v > extent && v !== Infinity) extent = v; // NaN fails the comparison
    }
  }
  // `||`, not a comparison: V8 compiles the loops while the first call runs, before this line has
  // run once, and a comparison it had never seen run made it throw that code away at the end of
  // every later call (about 250 calls in a row). A truth test needs nothing learnt from a run.
  return extent || 1;
}
