/** Wei as a float ETH number, for charts only (figures shown as text use shared/format). */
export function ethNumber(wei: bigint): number {
  return Number(wei / 1_000_000_000_000n) / 1_000_000;
}
