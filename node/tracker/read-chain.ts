/**
 * One chain's refresh: every watched wallet's restaked positions, the registry tokens' state, the
 * LRTs' own stakers and every operator involved, read through Multicall3 in a few levels of
 * dependent reads pinned to one block. Never throws for a chain failure: what could not be read is
 * in `failedReads`, and a chain that could not be read at all has status `failed`, blockNumber null.
 */
import type { Address, PublicClient } from 'viem';
import type { Registry } from '../../shared/registry/types';
import type { ChainSnapshot } from '../../shared/snapshot';
import { countJsonRpcRequests } from './count-json-rpc-requests';
import type { RpcStats } from './create-chain-client';
import { createMulticallReader, NO_MULTICALL3 } from './create-multicall-reader';
import { createNaiveReader } from './create-naive-reader';
import type { ContractReader } from './contract-reader';
import { readChainWith } from './read-chain-with';
import { redactUrl } from './redact-url';

export interface ReadChainParameters {
  readonly client: PublicClient;
  readonly chainId: number;
  readonly registry: Registry;
  readonly wallets: readonly Address[];
  /** The client's transport stats when it comes from createChainClient (counts HTTP requests, names the endpoint). */
  readonly stats?: RpcStats;
  /** Largest Multicall3 batch in calldata bytes (see createMulticallReader). */
  readonly maxBatchBytes?: number;
}

/** Runs a refresh with the reader `makeReader` builds, counting requests and naming the endpoint. */
export async function readChainUsing(params: ReadChainParameters, makeReader: (client: PublicClient) => ContractReader): Promise<ChainSnapshot> {
  const counted = countJsonRpcRequests(params.client);
  const httpBefore = params.stats?.httpRequests() ?? 0;
  const snapshot = await readChainWith(makeReader(counted.client), params);
  const transport: unknown = params.client.transport;
  const url = typeof transport === 'object' && transport !== null && 'url' in transport && typeof transport.url === 'string' ? redactUrl(transport.url) : null;
  return {
    ...snapshot,
    endpoint: params.stats ? params.stats.activeEndpoint() : url,
    rpcRequests: params.stats ? params.stats.httpRequests() - httpBefore : counted.count(),
  };
}

/**
 * Reads one chain for `wallets` through Multicall3, pinned to one block. Never throws for a chain
 * failure: see the snapshot's status and failedReads.
 */
/**
 * Reads one chain through Multicall3. A node without the canonical Multicall3 (a bare local or
 * private chain) is read again with one eth_call per read, so its figures still come out: slower,
 * never wrong.
 */
export async function readChain(params: ReadChainParameters): Promise<ChainSnapshot> {
  const batched = await readChainUsing(params, (client) => createMulticallReader(client, {
    multicall3: params.registry.multicall3,
    ...(params.maxBatchBytes === undefined ? {} : { maxBatchBytes: params.maxBatchBytes }),
  }));
  const noMulticall = batched.status === 'failed' && batched.failedReads.some((f) => f.error.startsWith(NO_MULTICALL3));
  if (!noMulticall) return batched;
  const naive = await readChainUsing(params, (client) => createNaiveReader(client));
  return { ...naive, rpcRequests: naive.rpcRequests + batched.rpcRequests };
}
