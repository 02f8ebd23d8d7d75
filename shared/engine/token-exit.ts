import type { TokenInfo } from '../registry/types';
import type { EngineContext } from './build-engine-context';
import { blocksToSeconds } from './blocks-to-seconds';

/**
 * Seconds until an at-NAV exit (redemption) of a token completes: the delay read on chain in
 * seconds, else the delay read on chain in blocks times the chain's block time, else the
 * registry's documented default. A bridged copy exits through the token it is bridged from
 * (the bridge hop itself is not counted). null when no path is known.
 */
export function tokenExit(ctx: EngineContext, token: TokenInfo): { readonly atNavSeconds: bigint | null; readonly onChain: boolean } {
  if (token.bridgedFrom !== null) {
    const origin = ctx.tokensById.get(token.bridgedFrom);
    return origin && origin.bridgedFrom === null ? tokenExit(ctx, origin) : { atNavSeconds: null, onChain: false };
  }
  const indexed = ctx.tokenStates.get(token.id);
  const state = indexed?.state;
  if (state?.redemptionDelaySeconds?.ok) return { atNavSeconds: state.redemptionDelaySeconds.value, onChain: true };
  if (state?.redemptionDelayBlocks?.ok) {
    const blockTime = ctx.chains.get(token.chainId)?.blockTimeSeconds ?? 12;
    return { atNavSeconds: blocksToSeconds(state.redemptionDelayBlocks.value, blockTime), onChain: true };
  }
  const delay = token.redemption?.delay;
  if (delay?.kind === 'default') return { atNavSeconds: BigInt(Math.round(delay.seconds)), onChain: false };
  return { atNavSeconds: null, onChain: false };
}
