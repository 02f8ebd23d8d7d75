import type { EngineContext } from './build-engine-context';
import { WAD } from './wad';

/** Longest unit chain followed (weETH -> eETH -> ETH is two hops); guards against a cyclic registry. */
const MAX_HOPS = 8;

/**
 * Converts an amount of a registry token into ETH wei by following its NAV unit chain
 * (e.g. rstETH -> wstETH -> stETH -> ETH). At each hop the amount is multiplied by that token's
 * live NAV rate (unit base units per 1e18 token base units) and floored; tokens whose NAV source
 * has no rate (eETH, stETH, bridged copies) are 1:1 with their unit.
 *
 * `unitAmount`, when given, is the protocol's exact conversion of `amount` into the token's own
 * NAV unit (TokenBalance.navAmount): the first hop then uses it instead of the rate.
 *
 * Returns null when a rate on the chain could not be read or the chain does not end in ETH.
 */
export function navToEth(ctx: EngineContext, tokenId: string, amount: bigint, unitAmount?: bigint): bigint | null {
  let id = tokenId;
  let value = amount;
  if (unitAmount !== undefined) {
    const token = ctx.tokensById.get(tokenId);
    if (!token) return null;
    id = token.nav.unit;
    value = unitAmount;
  }
  for (let hop = 0; hop <= MAX_HOPS; hop++) {
    if (id === 'ETH') return value;
    const token = ctx.tokensById.get(id);
    if (!token) return null;
    if (token.nav.rate !== null) {
      const state = ctx.tokenStates.get(id)?.state;
      if (!state || !state.navRate.ok) return null;
      value = (value * state.navRate.value) / WAD;
    }
    id = token.nav.unit;
  }
  return null;
}
