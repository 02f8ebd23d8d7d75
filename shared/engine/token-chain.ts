import type { TokenInfo } from '../registry/types';
import type { EngineContext } from './build-engine-context';

/** Longest chain followed; guards against a cyclic registry. */
const MAX_DEPTH = 8;

/**
 * The tokens a registry token stands on, outermost first: a bridged copy is followed by the
 * token it is bridged from, any other token by the token it wraps, until ETH
 * (e.g. weETH@42161 -> weETH@1 -> eETH@1; rstETH@1 -> wstETH@1 -> stETH@1).
 * `endsInEth` is false when the chain stops at something the registry does not know.
 */
export function tokenChain(ctx: EngineContext, tokenId: string): { readonly tokens: readonly TokenInfo[]; readonly endsInEth: boolean } {
  const tokens: TokenInfo[] = [];
  let id: string | null = tokenId;
  for (let i = 0; i < MAX_DEPTH && id !== null && id !== 'ETH'; i++) {
    const token = ctx.tokensById.get(id);
    if (!token) return { tokens, endsInEth: false };
    tokens.push(token);
    id = token.bridgedFrom ?? token.wraps;
  }
  return { tokens, endsInEth: id === 'ETH' };
}
