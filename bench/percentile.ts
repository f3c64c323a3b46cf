/** The `p`th percentile (0–100, nearest rank) of a list sorted in ascending order; NaN when it is empty. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (!(p >= 0 && p <= 100)) throw new TypeError(`Expected a percentile between 0 and 100, got ${p}`);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}
