/** Small statistics for benchmark samples. Pure. */

/** The median of `values` (the mean of the middle two for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/**
 * The `p`-th percentile (0–100) of `values`, interpolating between the two
 * nearest ranks; NaN when empty.
 */
export function percentile(values: readonly number[], p: number): number {
  const finite = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (finite.length === 0) return Number.NaN;
  const rank = (Math.min(100, Math.max(0, p)) / 100) * (finite.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return finite[low]! + (finite[high]! - finite[low]!) * (rank - low);
}

/** `numerator / denominator`, or NaN when either is missing or the denominator is not positive. */
export function ratio(numerator: number | null | undefined, denominator: number | null | undefined): number {
  if (numerator === null || numerator === undefined || denominator === null || denominator === undefined) {
    return Number.NaN;
  }
  return denominator > 0 ? numerator / denominator : Number.NaN;
}

/** The median of a field over samples, skipping samples where it is null. */
export function medianOf<T>(samples: readonly T[], field: (sample: T) => number | null | undefined): number {
  return median(samples.map(field).filter((value): value is number => typeof value === 'number'));
}

/** The sum of `values` (NaN entries skipped). */
export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => (Number.isFinite(value) ? total + value : total), 0);
}
