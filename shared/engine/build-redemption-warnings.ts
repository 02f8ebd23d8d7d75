import { formatEther } from 'viem';
import type { Warning } from '../report';
import type { RedemptionNote } from './build-redemption-positions';
import { compareText } from './compare-text';
import { shortAddress } from './short-address';

const eth = (wei: bigint): string => {
  const [whole = '0', decimals = ''] = formatEther(wei).split('.');
  const cut = decimals.slice(0, 4).replace(/0+$/, '');
  return `${whole}${cut ? `.${cut}` : ''} ETH`;
};
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
    const what = `${r.protocol} redemption #${r.requestId.includes(':') ? r.requestId.split(':').pop() ?? r.requestId : r.requestId}`;
    if (r.status === 'claimable') {
      const value = r.expectedAsset === 'ETH' ? eth(r.expectedAmount) : `${formatEther(r.expectedAmount)} ${r.expectedAsset}`;
      out.push({
        id: `redemption-claimable:${n.positionId}`, kind: 'redemption-claimable', severity: 'info',
        title: `${what} can be claimed: ${value}`, subject: n.positionId,
        value: Number(formatEther(r.expectedAmount)), threshold: null,
        explanation: `The ${r.protocol} queue has processed the request of ${shortAddress(r.owner)}; until it is claimed it earns nothing.`,
        action: `Claim it from ${shortAddress(r.owner)} on ${r.protocol}'s app (queue ${shortAddress(r.contract)}).`,
      });
    }
    if (n.overdueSeconds !== null && n.expectedDelaySeconds !== null) {
      const expected = days(n.expectedDelaySeconds);
      out.push({
        id: `redemption-overdue:${n.positionId}`, kind: 'redemption-overdue', severity: 'warning',
        title: `${what} is past its expected delay`, subject: n.positionId,
        value: days(n.expectedDelaySeconds + n.overdueSeconds), threshold: expected,
        explanation: `The request has waited ${days(n.expectedDelaySeconds + n.overdueSeconds)} days, against ${expected} days ${n.delayOnChain ? 'read on chain' : 'documented (no on-chain getter)'}; `
          + 'a queue that stops processing is where the money sits in a crisis.',
        action: `Check ${r.protocol}'s status page and announcements; the request stays yours, but its exit is not moving.`,
      });
    }
  }
  return out.sort((a, b) => compareText(a.id, b.id));
}
