import { describe, expect, it } from 'vitest';
import { exposureChart } from '../../renderer/charts/exposure-chart';
import { unlockChart, unlockTimeline } from '../../renderer/charts/unlock-chart';
import { exitChart } from '../../renderer/charts/exit-chart';
import { ETH, fixtureReport, NOW, queuedPosition, redemptionPosition } from './fixture-report';

describe('chart configurations', () => {
  it('exposure: largest first, safe labels, the tail folded into "other"', () => {
    const base = fixtureReport();
    const many = Array.from({ length: 10 }, (_, i) => ({ key: `p${i}`, label: i === 0 ? `evil\u202E${'x'.repeat(60)}` : `P${i}`, valueEth: BigInt(20 - i) * ETH, share: 0.1 }));
    const report = fixtureReport({ metrics: { ...base.metrics, exposure: { ...base.metrics.exposure, protocol: many } } });
    const chart = exposureChart(report, 'protocol', 'Other');
    expect(chart.labels).toHaveLength(9);
    expect(chart.labels[0]).toBe(`evil${'x'.repeat(23)}…`);
    expect(chart.labels[8]).toBe('Other');
    expect(chart.values[0]).toBe(20);
    expect(chart.values[8]).toBe(12 + 11);
  });

  it('exit: incremental bars from cumulative buckets', () => {
    const bars = exitChart(fixtureReport(), (d) => `${d}d`, 'later');
    expect(bars.map((b) => [b.label, Number(b.share.toFixed(4))])).toEqual([['1d', 0.04], ['7d', 0.86], ['30d', 0], ['later', 0.1]]);
  });

  it('unlock: block-based items get a time from the chain head, and amounts sum per day', () => {
    const items = unlockTimeline(fixtureReport(), () => 12);
    expect(items.map((i) => i.at)).toEqual([NOW - 60, NOW + 21_600 * 12]);
    expect(unlockChart(items, NOW)).toEqual({ days: [0, 3], values: [2, 32] });
  });

  it('unlock: a redemption known only by an estimate is placed at its estimated time', () => {
    const base = fixtureReport();
    const estimateAt = BigInt(NOW + 2 * 86_400);
    const positions = base.positions.map((p) => (p.id !== redemptionPosition.id ? p : {
      ...p,
      exit: { ...p.exit, claimableAt: null },
      redemption: {
        protocol: 'ether.fi', requestId: '7', queue: p.wallet, status: 'pending' as const, assetGiven: p.asset, amountLocked: p.amount,
        expectedAmount: p.amount, timing: 'estimate' as const, estimatedClaimableAt: estimateAt, expectedDelaySeconds: 432_000n,
        expectedDelayOnChain: false, overdueSeconds: null, createdAt: null, startBlock: null, blockedReason: null,
      },
    }));
    const pendingWithdrawals = base.metrics.exit.pendingWithdrawals.map((w) => (w.positionId !== redemptionPosition.id ? w : { ...w, claimableAt: null, claimable: false }));
    const report = fixtureReport({ positions, metrics: { ...base.metrics, exit: { ...base.metrics.exit, pendingWithdrawals } } });
    const items = unlockTimeline(report, () => 12);
    expect(items.map((i) => [i.withdrawal.positionId, i.at])).toEqual([[redemptionPosition.id, Number(estimateAt)], [queuedPosition.id, NOW + 21_600 * 12]]);
    expect(unlockChart(items, NOW)).toEqual({ days: [2, 3], values: [2, 32] });
  });
});
