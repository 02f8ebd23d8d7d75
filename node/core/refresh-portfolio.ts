/**
 * One refresh over every chain: the tracker reads each chain (in parallel), the engine turns the
 * snapshots into a report. Shared by the CLI scan, the monitor (desktop, web host, watch).
 */
import type { Address } from 'viem';
import type { RiskReport } from '../../shared/report';
import type { Registry } from '../../shared/registry/types';
import type { Thresholds } from '../../shared/settings/thresholds';
import type { ScanCursor } from '../../shared/redemption';
import { DEFAULT_LOG_BLOCK_RANGE } from '../../shared/settings/settings';
import type { ChainSnapshot } from '../../shared/snapshot';
import { computeReport } from '../../shared/engine/compute-report';
import type { ChainClient } from '../tracker/create-chain-client';
import { describeError } from '../tracker/describe-error';
import { readChain } from '../tracker/read-chain';
import type { LearnedLogRanges } from '../tracker/learned-log-ranges';
import { attachRedemptions } from '../tracker/redemptions-attach';

export interface WalletRef {
  readonly address: Address;
  readonly label: string | null;
  readonly ens: string | null;
  /** Chains to read this wallet on; null: every chain read. */
  readonly chains: readonly number[] | null;
}

export type ChainProgressState = 'pending' | 'reading' | 'done' | 'failed';

/** How far one chain's redemption log scans have got (summed over its scanned contracts). */
export interface ChainScanProgress {
  readonly scannedBlocks: bigint;
  readonly totalBlocks: bigint;
}

export interface RefreshPortfolioParameters {
  readonly clients: ReadonlyMap<number, ChainClient>;
  readonly wallets: readonly WalletRef[];
  readonly registry: Registry;
  readonly thresholds: Thresholds;
  /** Unix seconds. */
  readonly now: bigint;
  readonly previous: RiskReport | null;
  readonly onProgress?: (chainId: number, state: ChainProgressState, error: string | null) => void;
  /** A chain's redemption log scan advanced (while the chain is `reading`): at its start and after every eth_getLogs chunk. */
  readonly onScanProgress?: (chainId: number, progress: ChainScanProgress) => void;
  /**
   * Pending LRT redemptions (issue 10): the log-scan cursors from the store (all chains), the eth_getLogs
   * range to use (per chain, else DEFAULT_LOG_BLOCK_RANGE), the session's memory of
   * ranges endpoints refused (node/tracker/learned-log-ranges.ts), and where a first scan starts (by
   * lowercase contract; default ETHERFI_SCAN_DEFAULT_FROM_BLOCK). Omitted: redemptions are not read.
   */
  readonly redemptions?: {
    readonly cursors: readonly ScanCursor[];
    readonly maxBlockRanges?: ReadonlyMap<number, bigint>;
    readonly learnedRanges?: LearnedLogRanges;
    readonly scanStartBlocks?: ReadonlyMap<string, bigint>;
  };
}

export interface RefreshPortfolioResult {
  readonly snapshots: readonly ChainSnapshot[];
  readonly report: RiskReport;
  /** The redemption scan cursors to persist (null when redemptions were not read). */
  readonly redemptionCursors: readonly ScanCursor[] | null;
}

/** A snapshot for a chain that could not be read at all (never mistaken for empty holdings). */
export function failedSnapshot(chainId: number, error: string): ChainSnapshot {
  return {
    chainId, status: 'failed', blockNumber: null, blockTimestamp: null, endpoint: null,
    failedReads: [{ key: 'chain', target: null, call: 'eth_blockNumber', error }],
    wallets: [], tokens: [], eigen: null, operators: [], lookThrough: [], rpcRequests: 0,
  };
}

/** Reads every chain and computes the report. Never throws for an RPC failure. */
export async function refreshPortfolio(p: RefreshPortfolioParameters): Promise<RefreshPortfolioResult> {
  const chainIds = [...p.clients.keys()].sort((a, b) => a - b);
  for (const id of chainIds) p.onProgress?.(id, 'pending', null);
  const cursorsByChain = new Map<number, readonly ScanCursor[]>();
  const snapshots = await Promise.all(chainIds.map(async (chainId): Promise<ChainSnapshot> => {
    const cc = p.clients.get(chainId);
    const wallets = p.wallets.filter((w) => w.chains === null || w.chains.includes(chainId)).map((w) => w.address);
    if (!cc) return failedSnapshot(chainId, 'no endpoint configured');
    p.onProgress?.(chainId, 'reading', null);
    const httpBefore = cc.httpRequests();
    try {
      let snapshot = await readChain({ client: cc.client, chainId, registry: p.registry, wallets, stats: cc });
      if (p.redemptions) {
        const r = p.redemptions;
        const configured = r.maxBlockRanges?.get(chainId) ?? BigInt(DEFAULT_LOG_BLOCK_RANGE);
        const endpoint = cc.activeEndpoint();
        const scans = new Map<string, ChainScanProgress>();
        const onScanProgress = p.onScanProgress;
        const attached = await attachRedemptions(cc.client, snapshot, {
          registry: p.registry, wallets, cursors: r.cursors.filter((c) => c.chainId === chainId), countRequests: false,
          maxBlockRange: r.learnedRanges?.rangeFor(chainId, endpoint, configured) ?? configured,
          ...(r.scanStartBlocks === undefined ? {} : { scanStartBlocks: r.scanStartBlocks }),
          ...(onScanProgress === undefined ? {} : {
            onProgress: (progress) => {
              scans.set(progress.contract.toLowerCase(), progress);
              let scannedBlocks = 0n, totalBlocks = 0n;
              for (const s of scans.values()) { scannedBlocks += s.scannedBlocks; totalBlocks += s.totalBlocks; }
              onScanProgress(chainId, { scannedBlocks, totalBlocks });
            },
          }),
        });
        // Learned only when one endpoint served the whole scan: a range another endpoint refused says nothing of this one.
        if (r.learnedRanges !== undefined && attached.maxBlockRange !== null && cc.activeEndpoint() === endpoint) {
          r.learnedRanges.learn(chainId, endpoint, configured, attached.maxBlockRange);
        }
        snapshot = { ...attached.snapshot, rpcRequests: cc.httpRequests() - httpBefore };
        cursorsByChain.set(chainId, attached.cursors);
      }
      const error = snapshot.status === 'failed' ? snapshot.failedReads[0]?.error ?? 'chain could not be read' : null;
      p.onProgress?.(chainId, snapshot.status === 'failed' ? 'failed' : 'done', error);
      return snapshot;
    } catch (error) {
      const message = describeError(error);
      p.onProgress?.(chainId, 'failed', message);
      return failedSnapshot(chainId, message);
    }
  }));
  const report = computeReport({
    snapshots, registry: p.registry, thresholds: p.thresholds, now: p.now, previous: p.previous,
    wallets: p.wallets.map((w) => ({ address: w.address, label: w.label, ens: w.ens })),
  });
  const redemptionCursors = p.redemptions
    ? [...p.redemptions.cursors.filter((c) => !cursorsByChain.has(c.chainId)), ...[...cursorsByChain.values()].flat()]
    : null;
  return { snapshots, report, redemptionCursors };
}
