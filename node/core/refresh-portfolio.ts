/**
 * One refresh over every chain: the tracker reads each chain (in parallel), the engine turns the
 * snapshots into a report. Shared by the CLI scan, the monitor (desktop, web host, watch).
 */
import type { Address } from 'viem';
import type { RiskReport } from '../../shared/report';
import type { Registry } from '../../shared/registry/types';
import type { Thresholds } from '../../shared/settings/thresholds';
import type { ChainSnapshot } from '../../shared/snapshot';
import { computeReport } from '../../shared/engine/compute-report';
import type { ChainClient } from '../tracker/create-chain-client';
import { describeError } from '../tracker/describe-error';
import { readChain } from '../tracker/read-chain';

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
}

export interface RefreshPortfolioResult {
  readonly snapshots: readonly ChainSnapshot[];
  readonly report: RiskReport;
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
  const snapshots = await Promise.all(chainIds.map(async (chainId): Promise<ChainSnapshot> => {
    const cc = p.clients.get(chainId);
    const wallets = p.wallets.filter((w) => w.chains === null || w.chains.includes(chainId)).map((w) => w.address);
    if (!cc) return failedSnapshot(chainId, 'no endpoint configured');
    p.onProgress?.(chainId, 'reading', null);
    try {
      const snapshot = await readChain({ client: cc.client, chainId, registry: p.registry, wallets, stats: cc });
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
  return { snapshots, report };
}
