/**
 * Adds the redemption reads to a chain snapshot the tracker has just read: same block, same client, its
 * requests counted in the snapshot's rpcRequests, its failures in the snapshot's failedReads (status
 * `partial`). Returns the scan cursors for the caller to persist with the store (one per chain and
 * contract), and the eth_getLogs range that worked. A failed chain is returned unchanged.
 */
import type { Address, PublicClient } from 'viem';
import type { Registry } from '../../shared/registry/types';
import type { ScanCursor, SnapshotWithRedemptions } from '../../shared/redemption';
import type { ChainSnapshot } from '../../shared/snapshot';
import { countJsonRpcRequests } from './count-json-rpc-requests';
import { readRedemptions } from './read-redemptions';
import type { LogScanProgress } from './scan-transfer-logs';

export interface AttachRedemptionsParameters {
  readonly registry: Registry;
  readonly wallets: readonly Address[];
  /** Cursors from the store (all chains; the others are passed through). */
  readonly cursors: readonly ScanCursor[];
  readonly maxBlockRange?: bigint;
  readonly reorgRewindBlocks?: bigint;
  /** First block of a first scan, by lowercase contract (e.g. the demo world's genesis block). */
  readonly scanStartBlocks?: ReadonlyMap<string, bigint>;
  readonly onProgress?: (progress: LogScanProgress) => void;
  /** Count this part's JSON-RPC requests into snapshot.rpcRequests (false when the client counts HTTP itself, e.g. createChainClient stats). */
  readonly countRequests?: boolean;
}

export interface AttachRedemptionsReturnType {
  readonly snapshot: SnapshotWithRedemptions;
  readonly cursors: readonly ScanCursor[];
  readonly maxBlockRange: bigint | null;
}

/** Reads the wallets' redemption requests at the snapshot's block and attaches them as `snapshot.redemptions`. */
export async function attachRedemptions(client: PublicClient, snapshot: ChainSnapshot, params: AttachRedemptionsParameters): Promise<AttachRedemptionsReturnType> {
  if (snapshot.status === 'failed' || snapshot.blockNumber === null) return { snapshot, cursors: params.cursors, maxBlockRange: params.maxBlockRange ?? null };
  const counted = countJsonRpcRequests(client);
  const result = await readRedemptions(counted.client, {
    chainId: snapshot.chainId, registry: params.registry, wallets: params.wallets, blockNumber: snapshot.blockNumber,
    ...(snapshot.blockTimestamp === null ? {} : { blockTimestamp: snapshot.blockTimestamp }),
    cursors: params.cursors,
    ...(params.maxBlockRange === undefined ? {} : { maxBlockRange: params.maxBlockRange }),
    ...(params.reorgRewindBlocks === undefined ? {} : { reorgRewindBlocks: params.reorgRewindBlocks }),
    ...(params.scanStartBlocks === undefined ? {} : { scanStartBlocks: params.scanStartBlocks }),
    ...(params.onProgress === undefined ? {} : { onProgress: params.onProgress }),
  });
  const failedReads = [...snapshot.failedReads, ...result.failedReads];
  return {
    snapshot: {
      ...snapshot,
      status: result.failedReads.length > 0 ? 'partial' : snapshot.status,
      failedReads,
      rpcRequests: snapshot.rpcRequests + (params.countRequests === false ? 0 : counted.count()),
      redemptions: { requests: result.requests, unread: result.unread, scans: result.scans, failedReads: result.failedReads },
    },
    cursors: result.cursors,
    maxBlockRange: result.maxBlockRange,
  };
}
