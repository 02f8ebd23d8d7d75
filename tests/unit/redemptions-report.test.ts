/**
 * Pending LRT redemptions through the whole engine (computeReport): they add to the portfolio next to the
 * LRT balance (never double), fill the locked-liquidity metric with EigenLayer withdrawals, and raise their
 * warnings among the report's.
 */
import { describe, expect, it } from 'vitest';
import { ADDR } from '../../shared/registry/tokens';
import type { RedemptionRequest, SnapshotWithRedemptions } from '../../shared/redemption';
import { E18, TIME, WALLET_A, balance, eth, report, snapshot, tokenState, wallet } from './engine/snapshot-builder';

const DAY = 86_400n;
const NOW = TIME + 12n;

const req = (o: Partial<RedemptionRequest> & Pick<RedemptionRequest, 'requestId' | 'status' | 'expectedAmount'>): RedemptionRequest => ({
  protocol: 'Renzo', token: 'ezETH@1', contract: ADDR.renzoWithdrawQueue, owner: WALLET_A, assetGiven: 'ezETH@1', amountLocked: o.expectedAmount,
  expectedAsset: 'ETH', claimableAtBlock: null, claimableAt: null, createdAt: null, startBlock: null, blockedReason: null, ...o,
});

function withRedemptions(requests: RedemptionRequest[], ezEth: bigint): SnapshotWithRedemptions {
  return {
    ...snapshot({ tokens: [tokenState('ezETH@1', { navRate: eth(1.05), redemptionDelaySeconds: 7n * DAY })], wallets: [wallet(WALLET_A, [balance('ezETH@1', ezEth)])] }),
    redemptions: { requests, unread: [], scans: [], failedReads: [] },
  };
}

describe('computeReport with pending redemptions', () => {
  it('adds each request to the total beside the LRT balance, and counts the unclaimed ones as locked', () => {
    const pending = req({ requestId: '1', status: 'pending', expectedAmount: eth(3), createdAt: NOW - DAY, claimableAt: NOW + 6n * DAY });
    const claimable = req({ requestId: '2', status: 'claimable', expectedAmount: eth(1), createdAt: NOW - 8n * DAY, claimableAt: NOW - DAY });
    const r = report([withRedemptions([pending, claimable], eth(2))], { now: NOW });
    const kinds = r.positions.map((p) => p.kind).sort();
    expect(kinds).toEqual(['redemption', 'redemption', 'token']);
    // 2 ezETH at 1.05 + 3 ETH + 1 ETH.
    expect(r.metrics.totalValueEth).toBe((eth(2) * eth(1.05)) / E18 + eth(3) + eth(1));
    expect(r.metrics.exit.lockedEth).toBe(eth(3));
    expect(r.metrics.exit.pendingWithdrawals.map((p) => p.claimable)).toEqual([true, false]);
    expect(r.warnings.filter((w) => w.kind === 'redemption-claimable')).toHaveLength(1);
    expect(r.wallets[0]?.positionCount).toBe(3);
  });

  it('warns when the share locked in queues passes the threshold', () => {
    const pending = req({ requestId: '1', status: 'pending', expectedAmount: eth(9), createdAt: NOW, claimableAt: NOW + 7n * DAY });
    const r = report([withRedemptions([pending], eth(1))], { now: NOW, thresholds: { lockedShareWarning: 0.5 } });
    const locked = r.warnings.find((w) => w.kind === 'liquidity-locked');
    expect(locked?.severity).toBe('warning');
    expect(r.metrics.exit.lockedShare).toBeGreaterThan(0.8);
  });
});
