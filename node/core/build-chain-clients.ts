/**
 * One ChainClient per chain to read, from the user's endpoints (settings, config file or --rpc)
 * and the registry's built-in public ones.
 */
import { chains } from '../../shared/registry/chains';
import { createChainClient, type ChainClient, type CreateChainClientOptions } from '../tracker/create-chain-client';

export interface BuildChainClientsOptions {
  /** Chains to read. */
  readonly chainIds: readonly number[];
  /** The user's endpoints per chain, in order of preference. */
  readonly userRpcs: ReadonlyMap<number, readonly string[]>;
  /**
   * Whether the built-in public endpoints follow the user's own as fallbacks. Off when the user
   * named endpoints for a chain and asked for them only (the CLI), so addresses never reach a
   * server the user did not choose.
   */
  readonly publicFallback: boolean;
  readonly timeoutMs?: number;
  readonly fetchFn?: typeof fetch;
}

/** Endpoint list for one chain. */
export function endpointsFor(chainId: number, userRpcs: ReadonlyMap<number, readonly string[]>, publicFallback: boolean): readonly string[] {
  const own = userRpcs.get(chainId) ?? [];
  const builtIn: readonly string[] = chains.find((c) => c.id === chainId)?.defaultRpcs ?? [];
  if (own.length && !publicFallback) return own;
  return [...new Set([...own, ...builtIn])];
}

/** Builds the clients; a chain with no endpoint at all is left out. */
export function buildChainClients(options: BuildChainClientsOptions): Map<number, ChainClient> {
  const out = new Map<number, ChainClient>();
  for (const chainId of options.chainIds) {
    const urls = endpointsFor(chainId, options.userRpcs, options.publicFallback);
    if (!urls.length) continue;
    const clientOptions: CreateChainClientOptions = {
      chainId, urls,
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      ...(options.fetchFn === undefined ? {} : { fetchFn: options.fetchFn }),
    };
    out.set(chainId, createChainClient(clientOptions));
  }
  return out;
}
