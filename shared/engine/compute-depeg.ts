import type { TokenDepeg } from '../report';
import type { EngineContext } from './build-engine-context';
import { compareText } from './compare-text';
import { navToEth } from './nav-to-eth';
import { ratio } from './ratio';

/**
 * Market price against NAV for every token with a readable market price and NAV:
 * depeg = marketEthPerToken / navEthPerToken - 1, where both are ETH wei per one whole token
 * (NAV through the whole unit chain). `held` marks the tokens whose price applies to a position.
 * Sorted by token id.
 */
export function computeDepeg(ctx: EngineContext, heldMarketTokens: ReadonlySet<string>): TokenDepeg[] {
  const list: TokenDepeg[] = [];
  for (const [id, indexed] of ctx.tokenStates) {
    const market = indexed.state.marketRate;
    const token = ctx.tokensById.get(id);
    if (!token || market === null || !market.ok) continue;
    const nav = navToEth(ctx, id, 10n ** BigInt(token.decimals));
    if (nav === null || nav <= 0n) continue;
    list.push({
      token: id, symbol: token.symbol, chainId: token.chainId,
      navEthPerToken: nav, marketEthPerToken: market.value,
      depeg: ratio(market.value - nav, nav), held: heldMarketTokens.has(id),
    });
  }
  return list.sort((a, b) => compareText(a.token, b.token));
}
