import type { EngineContext } from './build-engine-context';
import type { ExposureLink } from './attribute-exposure';
import { navToEth } from './nav-to-eth';
import { underlyingTokenId } from './underlying-token-id';

/** An LRT protocol's restaked ETH per operator and strategy, against the LRT's whole NAV value. */
export interface ProtocolLookThrough {
  /** The token whose stakers were read (e.g. `eETH@1` for weETH). */
  readonly token: string;
  /** One link per operator and strategy, numerator = the protocol's ETH there; sorted by operator, strategy. */
  readonly links: readonly ExposureLink[];
  /** totalSupply of `token` valued at NAV in ETH; null when it could not be valued. */
  readonly totalNavEth: bigint | null;
  /** Some staker, supply or rate read failed. */
  readonly degraded: boolean;
}

/**
 * For one LRT with look-through data: each staker's withdrawable underlying (valued at NAV in
 * ETH) and EigenPod shares (wei), delegated to its operator, as numerators; the LRT's total NAV
 * value (totalSupply through its NAV chain) as the denominator. Undelegated stakers contribute
 * nothing (their ETH stays unrestaked); EIGEN and unknown strategies have no ETH value.
 */
export function buildProtocolLookThrough(ctx: EngineContext, tokenId: string): ProtocolLookThrough | null {
  const lt = ctx.lookThrough.get(tokenId);
  if (!lt) return null;
  let degraded = false;
  const byKey = new Map<string, ExposureLink>();
  const add = (operator: ExposureLink['operator'], strategy: string, numerator: bigint): void => {
    if (numerator <= 0n) return;
    const key = `${operator.toLowerCase()}|${strategy}`;
    const prev = byKey.get(key);
    byKey.set(key, { operator: prev?.operator ?? operator, strategy, numerator: (prev?.numerator ?? 0n) + numerator });
  };
  for (const staker of lt.stakers) {
    if (!staker.delegatedTo.ok) {
      degraded = true;
      continue;
    }
    const operator = staker.delegatedTo.value;
    if (operator === null) continue;
    if (staker.deposits.ok) {
      for (const d of staker.deposits.value) {
        const strategy = d.strategy.toLowerCase();
        const underlying = underlyingTokenId(ctx, strategy, d.underlyingToken);
        if (underlying === null || underlying === 'EIGEN') continue;
        const eth = underlying === 'ETH' ? d.withdrawableUnderlying : navToEth(ctx, underlying, d.withdrawableUnderlying);
        if (eth === null) {
          degraded = true;
          continue;
        }
        add(operator, strategy, eth);
      }
    } else degraded = true;
    if (staker.pod.ok) {
      if (staker.pod.value) add(operator, ctx.beaconStrategy, staker.pod.value.withdrawableShares);
    } else degraded = true;
  }
  const state = ctx.tokenStates.get(tokenId)?.state;
  const totalNavEth = state && state.totalSupply.ok ? navToEth(ctx, tokenId, state.totalSupply.value) : null;
  if (totalNavEth === null) degraded = true;
  const links = [...byKey.keys()].sort().map((k) => byKey.get(k)).filter((l): l is ExposureLink => l !== undefined);
  return { token: tokenId, links, totalNavEth, degraded };
}
