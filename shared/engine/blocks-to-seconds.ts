/**
 * Blocks turned into seconds at a chain's block time (which may be fractional, e.g. 0.25 s),
 * floored to whole seconds.
 */
export function blocksToSeconds(blocks: bigint, blockTimeSeconds: number): bigint {
  const millis = BigInt(Math.round(blockTimeSeconds * 1000));
  return (blocks * millis) / 1000n;
}
