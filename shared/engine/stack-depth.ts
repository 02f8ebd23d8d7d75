import type { PositionFacts } from './build-positions';
import { ratio } from './ratio';
import { stackInfo } from './stack-info';

/**
 * Value-weighted average nesting depth over positions with an ETH value, and the largest depth.
 * Depth counts a stack's layers, all operator layers as one level and all AVS layers as one
 * (they sit side by side, not inside each other).
 */
export function stackDepth(facts: readonly PositionFacts[], total: bigint): { readonly weighted: number; readonly max: number } {
  const byDepth = new Map<number, bigint>();
  let max = 0;
  for (const { position: p } of facts) {
    if (p.valueEth === null || p.valueEth === 0n) continue;
    const d = stackInfo(p.stack).depth;
    byDepth.set(d, (byDepth.get(d) ?? 0n) + p.valueEth);
    if (d > max) max = d;
  }
  let weightedSum = 0n;
  for (const [d, v] of byDepth) weightedSum += BigInt(d) * v;
  return { weighted: ratio(weightedSum, total), max };
}
