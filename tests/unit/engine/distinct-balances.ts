import type { ChainSnapshot, Read } from '../../../shared/snapshot';

const ok = <T>(value: T): Read<T> => ({ ok: true, value });

/**
 * The same snapshots with every non-zero token balance and every EigenPod made a distinct
 * amount of wei (a few gwei apart). The realistic fixture repeats about forty amounts across its
 * wallets; real wallets do not, so the engine benchmark and the oracle tests also run on this.
 */
export function distinctBalances(snapshots: readonly ChainSnapshot[]): ChainSnapshot[] {
  let k = 1n;
  return snapshots.map((s) => ({
    ...s,
    wallets: s.wallets.map((w) => ({
      ...w,
      balances: w.balances.map((b) => (b.balance.ok && b.balance.value > 0n ? { ...b, balance: ok(b.balance.value + 1_234_567_891n * k++) } : b)),
      eigen: w.eigen && w.eigen.pod.ok && w.eigen.pod.value
        ? { ...w.eigen, pod: ok({ ...w.eigen.pod.value, withdrawableShares: w.eigen.pod.value.withdrawableShares + 987_654_321n * k++ }) }
        : w.eigen,
    })),
  }));
}
