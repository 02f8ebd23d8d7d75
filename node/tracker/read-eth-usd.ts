/**
 * The registry's ETH/USD feed, read on mainnet in the refresh's first batch (no extra round trip),
 * for showing the portfolio's value in USD. Display only: nothing the engine judges depends on it.
 */
import type { Registry } from '../../shared/registry/types';
import type { EthUsdRound } from '../../shared/snapshot';
import type { ContractReader } from './contract-reader';
import { readChainlinkRound } from './read-chainlink-round';

/** Chain the registry's ETH/USD feed lives on. */
export const ETH_USD_CHAIN_ID = 1;

/**
 * failedReads key of the ETH/USD read. A `token.<what>:<id>` key whose id no position can hold,
 * so the engine lists its failure as one that none of the user's positions depends on.
 */
export const ETH_USD_READ_KEY = 'token.market:ETH/USD';

export interface ReadEthUsdParameters {
  readonly feed: Registry['ethUsdFeed'];
}

/** The feed's latest round; null when it failed or its answer is not a price (the failure is recorded). */
export async function readEthUsd(reader: ContractReader, params: ReadEthUsdParameters): Promise<EthUsdRound | null> {
  const { feed } = params;
  if (feed === null) return null;
  const round = await readChainlinkRound(reader, { key: ETH_USD_READ_KEY, address: feed.address });
  if (!round.answer.ok || round.updatedAt === null) return null;
  return { answer: round.answer.value, decimals: feed.decimals, updatedAt: round.updatedAt };
}
