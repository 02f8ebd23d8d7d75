import type { PendingWithdrawal, RiskReport } from '../../shared/report';
import { ethNumber } from '../eth-number';

export interface UnlockItem {
  readonly withdrawal: PendingWithdrawal;
  /** Unix seconds when it becomes claimable; null when only a block (or nothing) is known. */
  readonly at: number | null;
}

/** Pending withdrawals and redemptions, soonest first (claimable now, then by time, unknown last). */
export function unlockTimeline(report: RiskReport, blockSecondsOf: (chainId: number) => number): UnlockItem[] {
  const estimates = new Map<string, bigint>();
  for (const p of report.positions) {
    const at = p.redemption?.estimatedClaimableAt;
    if (at !== undefined && at !== null) estimates.set(p.id, at);
  }
  const items = report.metrics.exit.pendingWithdrawals.map((withdrawal): UnlockItem => {
    if (withdrawal.claimableAt !== null) return { withdrawal, at: Number(withdrawal.claimableAt) };
    // A redemption whose time is only estimated (documented default delay): placed at the estimate.
    const estimate = estimates.get(withdrawal.positionId);
    if (estimate !== undefined) return { withdrawal, at: Number(estimate) };
    const chain = report.chains.find((c) => c.chainId === withdrawal.chainId);
    if (withdrawal.claimableAtBlock !== null && chain?.blockNumber != null && chain.blockTimestamp != null) {
      const blocks = Number(withdrawal.claimableAtBlock - chain.blockNumber);
      return { withdrawal, at: Number(chain.blockTimestamp) + Math.max(0, blocks) * blockSecondsOf(withdrawal.chainId) };
    }
    return { withdrawal, at: null };
  });
  const rank = (item: UnlockItem): number => (item.withdrawal.claimable ? -1 : item.at ?? Number.MAX_SAFE_INTEGER);
  return items.sort((a, b) => rank(a) - rank(b) || a.withdrawal.positionId.localeCompare(b.withdrawal.positionId));
}

export interface UnlockChart {
  /** Day offsets from `nowSeconds` (0 = today or already claimable). */
  readonly days: number[];
  readonly values: number[];
}

/** ETH becoming claimable per day from now, for the items whose time is known. */
export function unlockChart(items: readonly UnlockItem[], nowSeconds: number): UnlockChart {
  const perDay = new Map<number, bigint>();
  for (const item of items) {
    const value = item.withdrawal.valueEth;
    if (value === null) continue;
    let day: number;
    if (item.withdrawal.claimable) day = 0;
    else if (item.at === null) continue;
    else day = Math.max(0, Math.ceil((item.at - nowSeconds) / 86_400));
    perDay.set(day, (perDay.get(day) ?? 0n) + value);
  }
  const days = [...perDay.keys()].sort((a, b) => a - b);
  return { days, values: days.map((d) => ethNumber(perDay.get(d) ?? 0n)) };
}
