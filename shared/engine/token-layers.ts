import type { StackLayer } from '../report';
import type { EngineContext } from './build-engine-context';
import { tokenChain } from './token-chain';

/** The layers a token contributes to a stack, split around where venue, operators and AVSs go. */
export interface TokenLayers {
  /** Bridge and LRT wrapper layers, outermost first. */
  readonly outer: readonly StackLayer[];
  /** The first restaking venue named by an LRT in the chain, if any. */
  readonly venue: string | null;
  /** LST layers, outermost first (below the venue: the LST is what is restaked). */
  readonly inner: readonly StackLayer[];
  readonly endsInEth: boolean;
  /** Token ids of the whole chain, outermost first. */
  readonly tokenIds: readonly string[];
}

/** Splits a token's chain (see tokenChain) into stack layers. */
export function tokenLayers(ctx: EngineContext, tokenId: string): TokenLayers {
  const { tokens, endsInEth } = tokenChain(ctx, tokenId);
  const outer: StackLayer[] = [];
  const inner: StackLayer[] = [];
  let venue: string | null = null;
  for (const t of tokens) {
    if (t.bridgedFrom !== null) {
      const chain = ctx.chains.get(t.chainId);
      outer.push({ layer: 'bridge', protocol: chain?.bridge ?? 'bridge', address: t.address, label: `${t.symbol} on ${chain?.name ?? `chain ${t.chainId}`}` });
    } else if (t.kind === 'lrt') {
      outer.push({ layer: 'lrt', protocol: t.protocol, address: t.address, label: `${t.protocol} ${t.symbol}` });
      venue ??= t.venue;
    } else {
      inner.push({ layer: 'lst', protocol: t.protocol, address: t.address, label: `${t.protocol} ${t.symbol}` });
    }
  }
  return { outer, venue, inner, endsInEth, tokenIds: tokens.map((t) => t.id) };
}
