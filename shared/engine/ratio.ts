const SCALE = 1_000_000_000_000n;

/**
 * `numerator / denominator` as a plain number, exact to 12 decimals, safe for values far beyond
 * 2^53 (the division happens in bigint first). Returns 0 when the denominator is not positive.
 */
export function ratio(numerator: bigint, denominator: bigint): number {
  if (denominator <= 0n) return 0;
  return Number((numerator * SCALE) / denominator) / 1e12;
}
