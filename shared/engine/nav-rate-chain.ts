import type { EngineContext } from './build-engine-context';
import { WAD } from './wad';

/** Longest unit chain followed (weETH -> eETH -> ETH is two hops); guards against a cyclic registry. */
const MAX_HOPS = 8;

/**
 * The live NAV rates navToEth multiplies by, in order, when converting an amount of `tokenId`
 * into ETH (with `fromUnit`: an amount already in the token's NAV unit, as navToEth does with
 * `unitAmount`). They depend on the token only, so the engine reads them once per token and
 * applies them to every balance. null exactly when navToEth returns
 * null: a rate on the chain could not be read, or the chain does not end in ETH. Applying the
 * rates: multiply by each and divide by 1e18, flooring at every hop (navToEth's arithmetic).
 */
export function navRateChain(ctx: EngineContext, tokenId: string, fromUnit: boolean): readonly bigint[] | null {
  let id = tokenId;
  if (fromUnit) {
    const token = ctx.tokensById.get(tokenId);
    if (!token) return null;
    id = token.nav.unit;
  }
  const rates: bigint[] = [];
  for (let hop = 0; hop <= MAX_HOPS; hop++) {
    if (id === 'ETH') return rates;
    const token = ctx.tokensById.get(id);
    if (!token) return null;
    if (token.nav.rate !== null) {
      const state = ctx.tokenStates.get(id)?.state;
      if (!state || !state.navRate.ok) return null;
      rates.push(state.navRate.value);
    }
    id = token.nav.unit;
  }
  return null;
}

/**
 * `amount` through each rate of a chain from navRateChain: multiplied by the rate and divided by
 * 1e18, floored at every hop.
 */
export function applyNavRates(amount: bigint, rates: readonly bigint[]): bigint {
  let value = amount;
  for (const rate of rates) value = (value * rate) / WAD;
  return value;
}
