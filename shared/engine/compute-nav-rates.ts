import type { NavDrop, NavRate, RiskReport } from '../report';
import type { EngineContext } from './build-engine-context';
import { compareText } from './compare-text';
import { navToEth } from './nav-to-eth';
import { ratio } from './ratio';
import { WAD } from './wad';

/**
 * NAV of every token read this refresh, in ETH wei per 1e18 base units (through the whole unit
 * chain), plus the previous report's rates for tokens that could not be valued now (so a failed
 * read does not reset the baseline). NAV drops compare tokens valued now with the previous rate:
 * drop = (previous - current) / previous. Both lists sorted by token id.
 */
export function computeNavRates(ctx: EngineContext, previous: RiskReport | null): { readonly navRates: NavRate[]; readonly navDrops: NavDrop[] } {
  const rates = new Map<string, NavRate>();
  for (const r of previous?.navRates ?? []) rates.set(r.token, r);
  const drops: NavDrop[] = [];
  for (const [id, indexed] of ctx.tokenStates) {
    const ethPerToken = navToEth(ctx, id, WAD);
    if (ethPerToken === null) continue;
    const prev = rates.get(id);
    if (prev && prev.ethPerToken > 0n) {
      drops.push({ token: id, previousEthPerToken: prev.ethPerToken, ethPerToken, drop: ratio(prev.ethPerToken - ethPerToken, prev.ethPerToken) });
    }
    rates.set(id, { token: id, ethPerToken, asOf: indexed.blockTimestamp });
  }
  return {
    navRates: [...rates.values()].sort((a, b) => compareText(a.token, b.token)),
    navDrops: drops.sort((a, b) => compareText(a.token, b.token)),
  };
}
