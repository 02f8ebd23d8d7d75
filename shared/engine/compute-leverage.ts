import type { Address } from 'viem';
import type { OperatorLeverage } from '../report';
import type { EngineContext } from './build-engine-context';
import { compareText } from './compare-text';
import type { GroupExposure } from './group-exposure';
import { ratio } from './ratio';
import { WAD } from './wad';

/**
 * Restaking leverage of every operator the portfolio is exposed to, over the strategies through
 * which it is exposed: the number of distinct operator sets with a non-zero allocation, the
 * largest sum of allocated magnitudes over max magnitude, and the smallest max magnitude
 * (below 1 means the operator has been slashed). Sorted by exposure, largest first.
 */
export function computeLeverage(ctx: EngineContext, groups: readonly GroupExposure[]): OperatorLeverage[] {
  const byOperator = new Map<string, { operator: Address; exposureEth: bigint; strategies: Set<string> }>();
  for (const g of groups) {
    const strategiesOf = new Map(g.profile.operators.map((o) => [o.operatorKey, o.strategies]));
    for (const o of g.attribution.operators) {
      const key = o.operator.toLowerCase();
      const entry = byOperator.get(key) ?? { operator: o.operator, exposureEth: 0n, strategies: new Set<string>() };
      entry.exposureEth += o.valueEth;
      for (const s of strategiesOf.get(key) ?? []) entry.strategies.add(s);
      byOperator.set(key, entry);
    }
  }
  const list: OperatorLeverage[] = [];
  for (const [key, { operator, exposureEth, strategies }] of byOperator) {
    const op = ctx.operators.get(key);
    const sets = new Set<string>();
    let magnitudeSum: number | null = null;
    let minMax: bigint | null = null;
    let degraded = !op || op.maxMagnitudes === null || op.allocations === null;
    for (const strategy of [...strategies].sort()) {
      const allocations = op?.allocations?.get(strategy) ?? [];
      for (const a of allocations) sets.add(a.key);
      const max = op?.maxMagnitudes?.get(strategy);
      if (max === undefined) {
        degraded = true;
        continue;
      }
      minMax = minMax === null || max < minMax ? max : minMax;
      const allocated = allocations.reduce((acc, a) => acc + a.magnitude, 0n);
      const sum = max > 0n ? ratio(allocated, max) : 0;
      magnitudeSum = magnitudeSum === null ? sum : Math.max(magnitudeSum, sum);
    }
    const maxMagnitude = minMax === null ? null : ratio(minMax, WAD);
    // Number division, not ratio(): a cut of a single wei (1e-18) must not round to zero.
    const slashedFraction = minMax === null ? null : minMax >= WAD ? 0 : Number(WAD - minMax) / 1e18;
    list.push({ operator: op?.operator ?? operator, exposureEth, sets: sets.size, magnitudeSum, maxMagnitude, slashedFraction, degraded });
  }
  return list.sort((a, b) => (a.exposureEth === b.exposureEth ? compareText(a.operator.toLowerCase(), b.operator.toLowerCase()) : a.exposureEth > b.exposureEth ? -1 : 1));
}
