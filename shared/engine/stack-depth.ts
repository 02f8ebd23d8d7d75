import type { StackLayer } from '../report';
import { ratio } from './ratio';
import { stackInfo } from './stack-info';

/**
 * Value-weighted average nesting depth over positions with an ETH value, and the largest depth.
 * Depth counts a stack's layers, all operator layers as one level and all AVS layers as one
 * (they sit side by side, not inside each other). `byStack`: value of the non-zero positions per
 * stack (see sumPositions).
 */
export function stackDepth(byStack: ReadonlyMap<readonly StackLayer[], bigint>, total: bigint): { readonly weighted: number; readonly max: number } {
  const byDepth = new Map<number, bigint>();
  let max = 0;
  for (const [stack, v] of byStack) {
    const d = stackInfo(stack).depth;
    byDepth.set(d, (byDepth.get(d) ?? 0n) + v);
    if (d > max) max = d;
  }
  let weightedSum = 0n;
  for (const [d, v] of byDepth) weightedSum += BigInt(d) * v;
  return { weighted: ratio(weightedSum, total), max };
}
