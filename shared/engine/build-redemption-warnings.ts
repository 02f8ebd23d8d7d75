import { formatEther } from 'viem';
import { ethParam } from '../i18n/eth-param';
import { warningMessage } from '../i18n/warning-params';
import { renderWarningText } from '../i18n/warning-text';
import type { Warning } from '../report';
import type { RedemptionNote } from './build-redemption-positions';
import { compareText } from './compare-text';
import { shortAddress } from './short-address';
import { requestNumber } from '../redemption';

const days = (seconds: bigint): number => Math.round(Number(seconds) / 864) / 100;

/**
 * Warnings about pending LRT redemptions (issue 10), one per request:
 * - `redemption-claimable` (info): the request can be claimed now (it stays while unclaimed, so the
 *   notification diff reports it once);
 * - `redemption-overdue` (warning): not processed although its protocol's expected delay has passed
 *   (Kelp: past withdrawalStartBlock + withdrawalDelayBlocks and still locked; ether.fi: older than the
 *   documented delay and not finalized). Value and threshold are in days.
 * The share of the portfolio locked in queues is the report's `liquidity-locked` warning: redemption
 * positions count in `metrics.exit.lockedEth` with EigenLayer withdrawals. Sorted by id.
 */
export function buildRedemptionWarnings(notes: readonly RedemptionNote[]): Warning[] {
  const out: Warning[] = [];
  for (const n of notes) {
    const r = n.request;
    const request = requestNumber(r.requestId);
    if (r.status === 'claimable') {
      const message = warningMessage('redemption-claimable', {
        protocol: r.protocol, request, amount: r.expectedAsset === 'ETH' ? ethParam(r.expectedAmount) : formatEther(r.expectedAmount), asset: r.expectedAsset,
        owner: shortAddress(r.owner), queue: shortAddress(r.contract),
      });
      const text = renderWarningText(message, 'en');
      out.push({
        id: `redemption-claimable:${n.positionId}`, kind: 'redemption-claimable', severity: 'info',
        title: text.title, subject: n.positionId,
        value: Number(formatEther(r.expectedAmount)), threshold: null,
        explanation: text.explanation, action: text.action, message,
      });
    }
    if (n.overdueSeconds !== null && n.expectedDelaySeconds !== null) {
      const expected = days(n.expectedDelaySeconds);
      const waited = days(n.expectedDelaySeconds + n.overdueSeconds);
      const message = warningMessage(n.delayOnChain ? 'redemption-overdue' : 'redemption-overdue-documented', { protocol: r.protocol, request, waitedDays: waited, expectedDays: expected });
      const text = renderWarningText(message, 'en');
      out.push({
        id: `redemption-overdue:${n.positionId}`, kind: 'redemption-overdue', severity: 'warning',
        title: text.title, subject: n.positionId,
        value: waited, threshold: expected,
        explanation: text.explanation, action: text.action, message,
      });
    }
  }
  return out.sort((a, b) => compareText(a.id, b.id));
}
