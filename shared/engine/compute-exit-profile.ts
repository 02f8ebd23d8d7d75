import type { ExitProfile, PendingWithdrawal } from '../report';
import type { PositionFacts } from './build-positions';
import { compareText } from './compare-text';
import { ratio } from './ratio';

const BUCKET_DAYS = [1, 7, 30] as const;
const BUCKET_SECONDS = BUCKET_DAYS.map((d) => BigInt(d) * 86_400n);

/**
 * How fast the portfolio can leave at NAV. A position counts in the `d`-day bucket when its
 * at-NAV exit takes at most d days (buckets are cumulative); positions with no known at-NAV path
 * count as later. `beyondHorizon` is the value whose at-NAV exit takes longer than the user's
 * horizon (unknown counts as longer). `locked` is the value in a queue not yet claimable.
 */
export function computeExitProfile(facts: readonly PositionFacts[], total: bigint, horizonDays: number): ExitProfile {
  const horizon = BigInt(Math.round(horizonDays * 86_400));
  const within = BUCKET_DAYS.map(() => 0n);
  let unknownEth = 0n;
  let instantEth = 0n;
  let beyondHorizonEth = 0n;
  let lockedEth = 0n;
  const pending: PendingWithdrawal[] = [];
  for (const { position: p } of facts) {
    const v = p.valueEth;
    const queued = p.kind === 'queued-withdrawal' || p.kind === 'redemption';
    if (queued) {
      pending.push({
        positionId: p.id, wallet: p.wallet, chainId: p.chainId, kind: p.kind, valueEth: v,
        claimableAtBlock: p.exit.claimableAtBlock, claimableAt: p.exit.claimableAt, claimable: p.exit.atNavSeconds === 0n,
      });
    }
    if (v === null) continue;
    if (p.exit.instantEth !== null) instantEth += p.exit.instantEth;
    const seconds = p.exit.atNavSeconds;
    if (queued && seconds !== 0n) lockedEth += v;
    if (seconds === null) {
      unknownEth += v;
      beyondHorizonEth += v;
      continue;
    }
    if (seconds > horizon) beyondHorizonEth += v;
    for (let i = 0; i < BUCKET_SECONDS.length; i++) {
      const limit = BUCKET_SECONDS[i];
      if (limit !== undefined && seconds <= limit) within[i] = (within[i] ?? 0n) + v;
    }
  }
  const buckets = BUCKET_DAYS.map((d, i) => ({ withinDays: d, valueEth: within[i] ?? 0n, share: ratio(within[i] ?? 0n, total) }));
  const laterEth = total - (within[within.length - 1] ?? 0n);
  // Soonest first; unknown dates last.
  pending.sort((a, b) => {
    if (a.claimableAt === b.claimableAt) return compareText(a.positionId, b.positionId);
    if (a.claimableAt === null) return 1;
    if (b.claimableAt === null) return -1;
    return a.claimableAt < b.claimableAt ? -1 : 1;
  });
  return {
    buckets,
    laterEth,
    laterShare: ratio(laterEth, total),
    unknownEth,
    instantEth,
    instantShare: ratio(instantEth, total),
    beyondHorizonEth,
    beyondHorizonShare: ratio(beyondHorizonEth, total),
    horizonDays,
    lockedEth,
    lockedShare: ratio(lockedEth, total),
    pendingWithdrawals: pending,
  };
}
