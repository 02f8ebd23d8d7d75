/**
 * Reads the watched wallets' pending LRT redemptions on one chain (issue 10), pinned to the snapshot's
 * block: ether.fi from an incremental Transfer-log scan of its WithdrawRequestNFT (cursor per chain and
 * contract, persisted by the caller) then one multicall level; Renzo, Kelp and Swell through their
 * per-user views in multicall levels shared by all protocols (createRedemptionsBatch). Only tokens whose
 * registry redemption says `requestsTracked` are read (Puffer is not: it has no per-user view).
 * Never throws for a chain failure: what could not be read is in `unread` and `failedReads`.
 */
import { getAddress, type Address, type PublicClient } from 'viem';
import { getBlock } from 'viem/actions';
import type { Registry, TokenInfo } from '../../shared/registry/types';
import {
  ETHERFI_SCAN_DEFAULT_FROM_BLOCK, NATIVE_ETH_ADDRESS, type RedemptionRequest, type RedemptionScanProgress, type RedemptionsSnapshot,
  type RedemptionUnread, type ScanCursor,
} from '../../shared/redemption';
import type { FailedRead } from '../../shared/snapshot';
import { describeError } from './describe-error';
import { findDeploymentBlock } from './find-deployment-block';
import { createRedemptionsBatch } from './redemptions-batch';
import type { RedemptionsContext, RedemptionsPart } from './redemptions-context';
import { readEtherFiRedemptions } from './redemptions-etherfi';
import { readKelpRedemptions } from './redemptions-kelp';
import { readRenzoRedemptions } from './redemptions-renzo';
import { readSwellRedemptions } from './redemptions-swell';
import { scanTransferLogs, type LogScanProgress } from './scan-transfer-logs';

export interface ReadRedemptionsParameters {
  readonly chainId: number;
  readonly registry: Registry;
  readonly wallets: readonly Address[];
  /** The block every read is pinned to (the chain snapshot's block). */
  readonly blockNumber: bigint;
  /** That block's timestamp; read from the node when omitted. */
  readonly blockTimestamp?: bigint;
  /** Scan cursors the previous refresh returned (any chain or contract: the others are passed through). */
  readonly cursors: readonly ScanCursor[];
  /** Largest eth_getLogs range (see scanTransferLogs). */
  readonly maxBlockRange?: bigint;
  readonly reorgRewindBlocks?: bigint;
  /** First block of a first scan, by lowercase contract address; default ETHERFI_SCAN_DEFAULT_FROM_BLOCK. */
  readonly scanStartBlocks?: ReadonlyMap<string, bigint>;
  /** Each log scan's progress (one per scanned contract), as scanTransferLogs reports it. */
  readonly onProgress?: (progress: LogScanProgress) => void;
}

export interface ReadRedemptionsReturnType extends RedemptionsSnapshot {
  /** Every cursor to persist (the scanned ones updated, the others unchanged). */
  readonly cursors: readonly ScanCursor[];
  /** The eth_getLogs range that worked last: persist it too, so the next refresh does not start too wide. */
  readonly maxBlockRange: bigint | null;
}

type ProtocolReader = (ctx: RedemptionsContext) => Promise<RedemptionsPart>;
const READERS: Readonly<Record<string, ProtocolReader>> = {
  Renzo: readRenzoRedemptions,
  'Kelp DAO': (ctx) => readKelpRedemptions(ctx),
  Swell: readSwellRedemptions,
};
const ETHERFI = 'ether.fi';

/** One queue per contract: eETH and weETH share ether.fi's; the token that wraps ETH directly names it. */
function queues(registry: Registry, chainId: number): { token: TokenInfo; contract: Address }[] {
  const byContract = new Map<string, { token: TokenInfo; contract: Address }>();
  for (const t of registry.tokens) {
    const r = t.redemption;
    if (t.chainId !== chainId || r === null || !r.requestsTracked || r.contract === null) continue;
    const k = r.contract.toLowerCase();
    const existing = byContract.get(k);
    if (!existing || (existing.token.wraps !== 'ETH' && t.wraps === 'ETH')) byContract.set(k, { token: t, contract: getAddress(r.contract) });
  }
  return [...byContract.values()].sort((a, b) => (a.token.id < b.token.id ? -1 : 1));
}

const compareRequests = (a: RedemptionRequest, b: RedemptionRequest): number => {
  if (a.token !== b.token) return a.token < b.token ? -1 : 1;
  const oa = a.owner.toLowerCase();
  const ob = b.owner.toLowerCase();
  if (oa !== ob) return oa < ob ? -1 : 1;
  if (a.requestId.length !== b.requestId.length) return a.requestId.length - b.requestId.length;
  return a.requestId < b.requestId ? -1 : a.requestId > b.requestId ? 1 : 0;
};

/** Reads every tracked redemption queue of `chainId` for `wallets` at `blockNumber`. */
export async function readRedemptions(client: PublicClient, params: ReadRedemptionsParameters): Promise<ReadRedemptionsReturnType> {
  const wallets = [...new Set(params.wallets.map((w) => getAddress(w)))];
  const list = queues(params.registry, params.chainId);
  const failedReads: FailedRead[] = [];
  const failAll = (error: string): ReadRedemptionsReturnType => ({
    requests: [], scans: [], failedReads, cursors: params.cursors, maxBlockRange: params.maxBlockRange ?? null,
    unread: list.flatMap((q) => wallets.map((wallet) => ({ wallet, token: q.token.id, error }))),
  });
  if (list.length === 0 || wallets.length === 0) return { requests: [], unread: [], scans: [], failedReads, cursors: params.cursors, maxBlockRange: params.maxBlockRange ?? null };

  let blockTimestamp = params.blockTimestamp;
  if (blockTimestamp === undefined) {
    try {
      blockTimestamp = (await getBlock(client, { blockNumber: params.blockNumber })).timestamp;
    } catch (error) {
      failedReads.push({ key: 'redemption:block', target: null, call: 'eth_getBlockByNumber', error: describeError(error) });
      return failAll(describeError(error));
    }
  }
  const batch = createRedemptionsBatch(client, { multicall3: params.registry.multicall3, blockNumber: params.blockNumber });
  const assetId = (address: Address): string => {
    if (address.toLowerCase() === NATIVE_ETH_ADDRESS.toLowerCase()) return 'ETH';
    const t = params.registry.tokens.find((x) => x.chainId === params.chainId && x.address.toLowerCase() === address.toLowerCase());
    return t ? t.id : address.toLowerCase();
  };
  const scans: RedemptionScanProgress[] = [];
  const cursors = new Map<string, ScanCursor>(params.cursors.map((c) => [`${c.chainId}:${c.contract.toLowerCase()}`, c]));
  let maxBlockRange = params.maxBlockRange ?? null;

  const parts = await Promise.all(list.map(async ({ token, contract }): Promise<RedemptionsPart> => {
    const ctx: RedemptionsContext = { batch, token, contract, wallets, blockNumber: params.blockNumber, blockTimestamp: blockTimestamp ?? 0n, assetId };
    if (token.protocol === ETHERFI) {
      const cursorKey = `${params.chainId}:${contract.toLowerCase()}`;
      const cursor = cursors.get(cursorKey) ?? null;
      // A first scan starts where the contract was deployed on this chain (found on chain), else at the documented default.
      const startBlock = params.scanStartBlocks?.get(contract.toLowerCase())
        ?? (cursor === null ? await findDeploymentBlock(client, params.chainId, contract, params.blockNumber) : null)
        ?? ETHERFI_SCAN_DEFAULT_FROM_BLOCK;
      const scan = await scanTransferLogs(client, {
        chainId: params.chainId, contract, wallets, toBlock: params.blockNumber, startBlock, cursor,
        ...(maxBlockRange === null ? {} : { maxBlockRange }),
        ...(params.reorgRewindBlocks === undefined ? {} : { reorgRewindBlocks: params.reorgRewindBlocks }),
        ...(params.onProgress === undefined ? {} : { onProgress: params.onProgress }),
      });
      cursors.set(cursorKey, scan.cursor);
      maxBlockRange = scan.maxBlockRange;
      scans.push({ contract, fromBlock: BigInt(scan.cursor.fromBlock), scannedTo: BigInt(scan.cursor.scannedTo), targetBlock: params.blockNumber, complete: scan.complete });
      if (scan.error !== null) failedReads.push({ key: `redemption:${token.id}:scan`, target: contract, call: 'eth_getLogs', error: scan.error });
      const mintBlocks = new Map<string, bigint>();
      for (const s of scan.cursor.seen) if (s.minted) mintBlocks.set(s.tokenId, BigInt(s.block));
      return readEtherFiRedemptions(ctx, { candidates: scan.candidates, mintBlocks, scanError: scan.complete ? null : (scan.error ?? 'the log scan did not reach the snapshot block') });
    }
    const reader = READERS[token.protocol];
    if (!reader) return { requests: [], unread: wallets.map((wallet) => ({ wallet, token: token.id, error: `no reader for ${token.protocol} redemptions` })) };
    return reader(ctx);
  }));

  const requests = parts.flatMap((p) => p.requests).sort(compareRequests);
  const unread: RedemptionUnread[] = parts.flatMap((p) => p.unread)
    .sort((a, b) => (a.token === b.token ? (a.wallet.toLowerCase() < b.wallet.toLowerCase() ? -1 : 1) : a.token < b.token ? -1 : 1));
  failedReads.push(...batch.failedReads());
  return { requests, unread, scans, failedReads, cursors: [...cursors.values()], maxBlockRange };
}
