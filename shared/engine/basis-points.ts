/**
 * A percent (plain number, clamped to 0..100) as whole basis points, rounded: multiply an amount
 * by it and divide by 10_000n. Rounding is monotonic, so a larger percent never gives fewer points.
 */
export function basisPoints(percent: number): bigint {
  return BigInt(Math.round(Math.min(Math.max(Number.isFinite(percent) ? percent : 0, 0), 100) * 100));
}
