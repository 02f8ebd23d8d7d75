import type { EngineContext } from './build-engine-context';
import { WAD } from './wad';

/** Longest unit chain followed (weETH -> eETH -> ETH is two hops); guards against a cyclic registry. */
const MAX_HOPS = 8;

/**
 * The hops of a NAV unit chain, as flat (numerator, denominator) pairs: at each hop an amount is
 * multiplied by the numerator and divided by the denominator, floored. A rate hop is (rate, 1e18); a
 * total-over-supply hop (registry nav.totalOverSupply, e.g. ezETH) is (total, supply), so an amount
 * is worth floor(total × amount / supply), the protocol's own arithmetic, not a rounded rate's.
 */
export type NavRates = readonly bigint[];

/**
 * The hop of one token: (total, supply) when its state carries a total-over-supply NAV, else (rate,
 * 1e18); null when a figure it needs was not read, or the supply is zero. A snapshot taken before
 * navTotal existed has none and falls back to the rate.
 */
function hopOf(ctx: EngineContext, id: string): readonly [bigint, bigint] | null {
  const state = ctx.tokenStates.get(id)?.state;
  if (!state) return null;
  if (state.navTotal !== undefined) {
    if (!state.navTotal.ok || !state.totalSupply.ok || state.totalSupply.value === 0n) return null;
    return [state.navTotal.value, state.totalSupply.value];
  }
  return state.navRate.ok ? [state.navRate.value, WAD] : null;
}

/**
 * The NAV hops navToEth applies, in order, when converting an amount of `tokenId` into ETH (with
 * `fromUnit`: an amount already in the token's NAV unit, as navToEth does with `unitAmount`). They
 * depend on the token only, so the engine reads them once per token and applies them to every
 * balance. null exactly when navToEth returns null: a figure on the chain could not be read, or the
 * chain does not end in ETH. Applying them: see applyNavRates.
 */
export function navRateChain(ctx: EngineContext, tokenId: string, fromUnit: boolean): NavRates | null {
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
    if (token.nav.rate !== null || token.nav.totalOverSupply) {
      const pair = hopOf(ctx, id);
      if (pair === null) return null;
      rates.push(...pair);
    }
    id = token.nav.unit;
  }
  return null;
}

/** `amount` through the hops of a chain from navRateChain: multiplied by each numerator and divided by its denominator, floored at every hop. */
export function applyNavRates(amount: bigint, rates: NavRates): bigint {
  let value = amount;
  for (let i = 0; i + 1 < rates.length; i += 2) value = (value * (rates[i] ?? 0n)) / (rates[i + 1] ?? 1n);
  return value;
}
