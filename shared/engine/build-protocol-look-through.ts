import type { EngineContext } from './build-engine-context';
import type { ExposureLink } from './attribute-exposure';
import { navToEth } from './nav-to-eth';
import { underlyingTokenId } from './underlying-token-id';

const ZERO = '0x0000000000000000000000000000000000000000';

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
 * ETH) and EigenPod shares (wei), delegated to its operator, and its queued withdrawals not yet
 * completable, with the operator each was queued with, as numerators; the LRT's total NAV value
 * (totalSupply through its NAV chain) as the denominator. Undelegated stakers' deposits contribute
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
  /** A strategy amount in ETH at NAV; null (and degraded) when it cannot be valued; 0 for EIGEN and unknown strategies. */
  const ethOf = (strategy: string, underlyingToken: Parameters<typeof underlyingTokenId>[2], amount: bigint): bigint | null => {
    const underlying = underlyingTokenId(ctx, strategy, underlyingToken);
    if (underlying === null || underlying === 'EIGEN') return 0n;
    const eth = underlying === 'ETH' ? amount : navToEth(ctx, underlying, amount);
    if (eth === null) degraded = true;
    return eth;
  };
  const block = ctx.tokenStates.get(tokenId)?.blockNumber ?? null;
  for (const staker of lt.stakers) {
    // A withdrawal a staker queued stays in the LRT's backing and slashable by the operator it was
    // queued with until it can be completed (DelegationManager: block.number > startBlock + delay),
    // whether or not the staker is still delegated.
    if (staker.queuedWithdrawals.ok) {
      for (const q of staker.queuedWithdrawals.value) {
        if (q.delegatedTo.toLowerCase() === ZERO || block === null || q.completableBlock <= block) continue;
        for (const e of q.entries) {
          const strategy = e.strategy.toLowerCase();
          add(q.delegatedTo, strategy, ethOf(strategy, e.underlyingToken, e.withdrawableUnderlying) ?? 0n);
        }
      }
    } else degraded = true;
    if (!staker.delegatedTo.ok) {
      degraded = true;
      continue;
    }
    const operator = staker.delegatedTo.value;
    if (operator === null) continue;
    if (staker.deposits.ok) {
      for (const d of staker.deposits.value) {
        const strategy = d.strategy.toLowerCase();
        add(operator, strategy, ethOf(strategy, d.underlyingToken, d.withdrawableUnderlying) ?? 0n);
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
