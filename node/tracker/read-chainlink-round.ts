/**
 * One Chainlink AggregatorV3 feed's latest round, as a price: the raw answer (in the feed's own
 * decimals) and when it was updated. A zero or negative answer is no price: it is recorded as a
 * failed read under `key`, like a call that reverted. Shared by token market feeds and ETH/USD.
 */
import type { Address } from 'viem';
import { chainlinkAbi } from '../../shared/abi/chainlink-abi';
import type { Read } from '../../shared/snapshot';
import type { ContractReader } from './contract-reader';

export interface ReadChainlinkRoundParameters {
  /** Key for the snapshot's failedReads, e.g. `token.market:weETH@1`. */
  readonly key: string;
  readonly address: Address;
}

export interface ChainlinkRound {
  /** latestRoundData's answer, in the feed's decimals; failed when the call failed or the answer is not positive. */
  readonly answer: Read<bigint>;
  /** latestRoundData's updatedAt (unix seconds); null when the call failed. */
  readonly updatedAt: bigint | null;
}

/** Queues latestRoundData() on the feed (in the reader's current batch) and checks the answer is a price. */
export async function readChainlinkRound(reader: ContractReader, params: ReadChainlinkRoundParameters): Promise<ChainlinkRound> {
  const { key, address } = params;
  const round = await reader.read({ key, address, abi: chainlinkAbi, functionName: 'latestRoundData', args: [] });
  if (!round.ok) return { answer: round, updatedAt: null };
  const [, answer, , updatedAt] = round.value;
  if (answer <= 0n) {
    const error = `feed answer is ${answer}, not a price`;
    reader.fail({ key, target: address, call: 'latestRoundData()', error });
    return { answer: { ok: false, error }, updatedAt };
  }
  return { answer: { ok: true, value: answer }, updatedAt };
}
