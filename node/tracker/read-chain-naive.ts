/**
 * The benchmark's baseline: the same refresh as readChain, same figures, with one eth_call per read
 * and no Multicall3.
 */
import type { ChainSnapshot } from '../../shared/snapshot';
import { createNaiveReader } from './create-naive-reader';
import { readChainUsing, type ReadChainParameters } from './read-chain';

/** readChain with one eth_call per read: the same snapshot, for the benchmark's baseline. */
export function readChainNaive(params: ReadChainParameters): Promise<ChainSnapshot> {
  return readChainUsing(params, (client) => createNaiveReader(client));
}
