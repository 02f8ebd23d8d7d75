import type { Metrics, OperatorSetSlashable } from '../report';
import type { EngineContext } from './build-engine-context';
import { compareText } from './compare-text';
import type { GroupExposure } from './group-exposure';
import { ratio } from './ratio';
import { shortAddress } from './short-address';

/**
 * Slashable exposure per operator set, the worst case if every set slashed all it can
 * (per group: min(value, sum of its sets' slashable ETH)), and how much of the delegated value is
 * only nominal (delegated but allocated to no set). Computed over the exposure groups.
 */
export function computeSlashable(ctx: EngineContext, groups: readonly GroupExposure[], total: bigint): Metrics['slashable'] {
  const sets = new Map<string, { avs: OperatorSetSlashable['avs']; id: number; operator: OperatorSetSlashable['operator']; slashableEth: bigint }>();
  let worstCaseEth = 0n;
  let delegatedEth = 0n;
  let nominalEth = 0n;
  for (const g of groups) {
    for (const s of g.attribution.operatorSets) {
      const key = `${s.operator.toLowerCase()}|${s.avs.toLowerCase()}:${s.id}`;
      const prev = sets.get(key);
      if (prev) prev.slashableEth += s.slashableEth;
      else sets.set(key, { avs: s.avs, id: s.id, operator: s.operator, slashableEth: s.slashableEth });
    }
    worstCaseEth += g.attribution.slashableEth;
    delegatedEth += g.valueEth - g.attribution.unrestakedEth;
    nominalEth += g.attribution.nominalEth;
  }
  const perOperatorSet: OperatorSetSlashable[] = [...sets.entries()]
    .sort(([ka, a], [kb, b]) => (a.slashableEth === b.slashableEth ? compareText(ka, kb) : a.slashableEth > b.slashableEth ? -1 : 1))
    .map(([, s]) => {
      const name = ctx.avsNames.get(s.avs.toLowerCase()) ?? `AVS ${shortAddress(s.avs)}`;
      return { ...s, label: `${name} set ${s.id} via operator ${shortAddress(s.operator)}`, share: ratio(s.slashableEth, total) };
    });
  return {
    perOperatorSet,
    worstCaseEth,
    worstCaseShare: ratio(worstCaseEth, total),
    delegatedEth,
    nominalEth,
    nominalShare: ratio(nominalEth, total),
    nominalShareOfDelegated: ratio(nominalEth, delegatedEth),
    unrestakedEth: total - delegatedEth,
  };
}
