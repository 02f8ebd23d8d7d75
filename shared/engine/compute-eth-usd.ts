import type { EthUsdPrice } from '../report';
import type { Registry } from '../registry/types';
import type { ChainSnapshot } from '../snapshot';
import { ethToUsdCents } from './eth-to-usd-cents';

/** Heartbeats a feed may miss before its answer counts as stale: one late update is tolerated, two are not. */
export const ETH_USD_HEARTBEATS_ALLOWED = 2;

export interface ComputeEthUsdParameters {
  readonly snapshots: readonly ChainSnapshot[];
  readonly registry: Registry;
  /** The portfolio's total value at NAV, in wei. */
  readonly totalValueEth: bigint;
  /** Unix seconds. */
  readonly now: bigint;
}

/**
 * The portfolio's value in USD, from the ETH/USD round the tracker read on mainnet (display only):
 * `totalValueEth * answer / 10^decimals`, in US cents, floored. Stale when the round is older than
 * ETH_USD_HEARTBEATS_ALLOWED times the registry's heartbeat for the feed at `now`. null when the
 * registry has no feed or no mainnet snapshot carries a price.
 */
export function computeEthUsd(params: ComputeEthUsdParameters): EthUsdPrice | null {
  const feed = params.registry.ethUsdFeed;
  if (feed === null) return null;
  const round = params.snapshots.find((s) => s.chainId === 1 && s.ethUsd)?.ethUsd;
  if (!round || round.answer <= 0n) return null;
  const { answer, decimals, updatedAt } = round;
  const allowance = BigInt(feed.heartbeatSeconds * ETH_USD_HEARTBEATS_ALLOWED);
  return {
    answer,
    decimals,
    updatedAt,
    stale: params.now - updatedAt > allowance,
    totalValueUsdCents: ethToUsdCents(params.totalValueEth, answer, decimals),
  };
}
