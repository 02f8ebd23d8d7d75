import type { Address } from 'viem';
import type { EngineContext } from './build-engine-context';

/**
 * The registry id of what an EigenLayer strategy holds: `ETH` for the beacon-chain strategy,
 * the registry's `underlying` for a known strategy (`stETH@1`, `EIGEN`), else the mainnet
 * registry token at the strategy's reported underlying address; null when unknown.
 */
export function underlyingTokenId(ctx: EngineContext, strategy: string, underlyingAddress: Address | null): string | null {
  const key = strategy.toLowerCase();
  if (key === ctx.beaconStrategy) return 'ETH';
  const known = ctx.strategies.get(key);
  if (known) return known.underlying;
  if (underlyingAddress === null) return null;
  return ctx.tokensByAddress.get(`${ctx.registry.eigenLayer.chainId}:${underlyingAddress.toLowerCase()}`)?.id ?? null;
}
