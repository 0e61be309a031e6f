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
      const v = a[i] < 0 ? -a[i] : a[i];
      if (v > extent && v !== Infinity) extent = v; // NaN fails the comparison
    }
  }
  return extent > 0 ? extent : 1;
}
