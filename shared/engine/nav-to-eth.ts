import type { EngineContext } from './build-engine-context';
import { applyNavRates, navRateChain } from './nav-rate-chain';

/**
 * Converts an amount of a registry token into ETH wei by following its NAV unit chain
 * (e.g. rstETH -> wstETH -> stETH -> ETH). At each hop the amount is multiplied by that token's
 * live NAV rate (unit base units per 1e18 token base units) and floored, or, for a total-over-supply
 * NAV (ezETH), worth floor(total × amount / supply); tokens whose NAV source has neither (eETH,
 * stETH, bridged copies) are 1:1 with their unit.
 *
 * `unitAmount`, when given, is the protocol's exact conversion of `amount` into the token's own
 * NAV unit (TokenBalance.navAmount): the first hop then uses it instead of the rate.
 *
 * Returns null when a rate on the chain could not be read or the chain does not end in ETH.
 */
export function navToEth(ctx: EngineContext, tokenId: string, amount: bigint, unitAmount?: bigint): bigint | null {
  const rates = navRateChain(ctx, tokenId, unitAmount !== undefined);
  return rates === null ? null : applyNavRates(unitAmount ?? amount, rates);
}
