/**
 * One refresh over every chain: the tracker reads each chain (in parallel), the engine turns the
 * snapshots into a report. Shared by the CLI scan, the monitor (desktop, web host, watch).
 */
import type { Address } from 'viem';
import type { RiskReport } from '../../shared/report';
import type { Registry } from '../../shared/registry/types';
import type { Thresholds } from '../../shared/settings/thresholds';
import type { ScanCursor } from '../../shared/redemption';
import type { ChainSnapshot } from '../../shared/snapshot';
import { computeReport } from '../../shared/engine/compute-report';
import type { ChainClient } from '../tracker/create-chain-client';
import { describeError } from '../tracker/describe-error';
import { readChain } from '../tracker/read-chain';
import { attachRedemptions } from '../tracker/redemptions-attach';

export interface WalletRef {
  readonly address: Address;
  readonly label: string | null;
  readonly ens: string | null;
  /** Chains to read this wallet on; null: every chain read. */
  readonly chains: readonly number[] | null;
}

export type ChainProgressState = 'pending' | 'reading' | 'done' | 'failed';

export interface RefreshPortfolioParameters {
  readonly clients: ReadonlyMap<number, ChainClient>;
  readonly wallets: readonly WalletRef[];
  readonly registry: Registry;
  readonly thresholds: Thresholds;
  /** Unix seconds. */
  readonly now: bigint;
  readonly previous: RiskReport | null;
  readonly onProgress?: (chainId: number, state: ChainProgressState, error: string | null) => void;
  /**
   * Pending LRT redemptions (issue 10): the log-scan cursors from the store (all chains), the eth_getLogs
   * range to use, and where a first scan starts (by lowercase contract; default ETHERFI_SCAN_DEFAULT_FROM_BLOCK).
   * Omitted: redemptions are not read.
   */
  readonly redemptions?: { readonly cursors: readonly ScanCursor[]; readonly maxBlockRange?: bigint; readonly scanStartBlocks?: ReadonlyMap<string, bigint> };
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
        const attached = await attachRedemptions(cc.client, snapshot, {
          registry: p.registry, wallets, cursors: r.cursors.filter((c) => c.chainId === chainId), countRequests: false,
          ...(r.maxBlockRange === undefined ? {} : { maxBlockRange: r.maxBlockRange }),
          ...(r.scanStartBlocks === undefined ? {} : { scanStartBlocks: r.scanStartBlocks }),
        });
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
