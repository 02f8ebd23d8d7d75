/**
 * What a redemption position says about its request (issue 10's "Model and report"): protocol, request
 * id, status, the LRT given up and the amount locked, what it pays, and how its claim time is known (an
 * estimate from a delay is marked as one, with its estimated moment); the protocols whose requests are
 * not tracked; and both in the CLI's JSON.
 */
import { getAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { registry } from '../../../shared/registry/registry';
import { ADDR } from '../../../shared/registry/tokens';
import type { RedemptionRequest, SnapshotWithRedemptions } from '../../../shared/redemption';
import type { Position } from '../../../shared/report';
import { buildEngineContext } from '../../../shared/engine/build-engine-context';
import { buildRedemptionPositions } from '../../../shared/engine/build-redemption-positions';
import { redemptionsNotTracked } from '../../../shared/engine/redemptions-not-tracked';
import { toScanReportJson } from '../../../shared/scan-report-json';
import { BLOCK, TIME, WALLET_A, WALLET_B, balance, eth, report, snapshot, tokenState, wallet } from './snapshot-builder';

const DAY = 86_400n;
const NOW = TIME + 12n;
const ETHERFI_DELAY = (() => {
  const d = registry.tokens.find((t) => t.id === 'eETH@1')?.redemption?.delay;
  return d?.kind === 'default' ? BigInt(d.seconds) : 0n;
})();

function request(o: Partial<RedemptionRequest> & Pick<RedemptionRequest, 'token' | 'requestId' | 'status'>): RedemptionRequest {
  const t = registry.tokens.find((x) => x.id === o.token);
  return {
    protocol: t?.protocol ?? '?', contract: t?.redemption?.contract ?? ADDR.etherfiWithdrawRequestNFT, owner: WALLET_A,
    assetGiven: o.token, amountLocked: eth(2), expectedAmount: eth(2), expectedAsset: 'ETH',
    claimableAtBlock: null, claimableAt: null, createdAt: null, startBlock: null, blockedReason: null, ...o,
  };
}

const tokens = [
  tokenState('ezETH@1', { navRate: eth(1.05), redemptionDelaySeconds: 7n * DAY }),
  tokenState('rsETH@1', { navRate: eth(1.06), redemptionDelayBlocks: 57_600n }),
  tokenState('weETH@1', { navRate: eth(1.075) }),
  tokenState('pufETH@1', { navRate: eth(1.06) }),
];

function withRequests(requests: RedemptionRequest[], balances = [wallet(WALLET_A)]): SnapshotWithRedemptions {
  return { ...snapshot({ tokens, wallets: balances }), redemptions: { requests, unread: [], scans: [], failedReads: [] } };
}

function detailOf(requests: RedemptionRequest[], requestId: string): Position {
  const s = withRequests(requests);
  const built = buildRedemptionPositions(buildEngineContext([s], registry), [s], NOW);
  const found = built.facts.find((f) => f.position.redemption?.requestId === requestId)?.position;
  if (found === undefined) throw new Error(`no position for request ${requestId}`);
  return found;
}

describe('redemption positions carry their request', () => {
  it('names the protocol, request, status, the LRT given up and the amount locked beside what it pays', () => {
    // Renzo: 1.5 ezETH locked, 1.575 ETH expected.
    const renzo = request({ token: 'ezETH@1', requestId: '7', status: 'pending', amountLocked: eth(1.5), expectedAmount: eth(1.575), createdAt: NOW - DAY, claimableAt: NOW + 6n * DAY });
    const p = detailOf([renzo], '7');
    expect(p.amount).toBe(eth(1.575));
    expect(p.redemption).toMatchObject({
      protocol: 'Renzo', requestId: '7', queue: ADDR.renzoWithdrawQueue, status: 'pending',
      assetGiven: { symbol: 'ezETH', address: ADDR.ezETH, decimals: 18, tokenId: 'ezETH@1' },
      amountLocked: eth(1.5), expectedAmount: eth(1.575),
      timing: 'on-chain', estimatedClaimableAt: null, expectedDelaySeconds: 7n * DAY, expectedDelayOnChain: true, createdAt: NOW - DAY,
    });
  });

  it('marks a time counted from the documented default as an estimate, with the moment it implies', () => {
    // ether.fi, made 7,200 blocks (1 day) ago: the default delay minus that day.
    const p = detailOf([request({ token: 'eETH@1', requestId: '40002', status: 'pending', startBlock: BLOCK - 7_200n })], '40002');
    expect(ETHERFI_DELAY).toBeGreaterThan(DAY);
    expect(p.exit).toMatchObject({ atNavSeconds: ETHERFI_DELAY - DAY, atNavDelayOnChain: false, claimableAt: null });
    expect(p.redemption).toMatchObject({ timing: 'estimate', estimatedClaimableAt: TIME + ETHERFI_DELAY - DAY, expectedDelaySeconds: ETHERFI_DELAY, expectedDelayOnChain: false, startBlock: BLOCK - 7_200n });
  });

  it('tells claimable, block-counted, overdue and blocked requests apart', () => {
    const requests = [
      request({ token: 'eETH@1', requestId: '40001', status: 'claimable' }),
      request({ token: 'rsETH@1', requestId: 'eth:3', status: 'pending', startBlock: BLOCK - 100n, claimableAtBlock: BLOCK + 57_500n }),
      request({ token: 'eETH@1', requestId: '40004', status: 'pending', startBlock: BLOCK - 100_000n }),
      request({ token: 'eETH@1', requestId: '40005', status: 'finalized', blockedReason: 'invalidated' }),
    ];
    const timing = (id: string) => detailOf(requests, id).redemption;
    expect(timing('40001')).toMatchObject({ status: 'claimable', timing: 'now', estimatedClaimableAt: null });
    expect(timing('eth:3')).toMatchObject({ status: 'pending', timing: 'on-chain', expectedDelaySeconds: 57_600n * 12n, expectedDelayOnChain: true });
    // 100,000 blocks of 12 s waited against the documented delay.
    expect(timing('40004')).toMatchObject({ timing: 'overdue', overdueSeconds: 1_200_000n - ETHERFI_DELAY, estimatedClaimableAt: null });
    expect(timing('40005')).toMatchObject({ status: 'finalized', timing: 'unknown', blockedReason: 'invalidated' });
  });
});

describe('redemptionsNotTracked', () => {
  const holdings = [wallet(WALLET_A, [balance('pufETH@1', eth(5)), balance('weETH@1', eth(20))]), wallet(WALLET_B, [balance('weETH@1', eth(1))])];
  const r = report([snapshot({ tokens, wallets: holdings })], { now: NOW, wallets: [WALLET_A, WALLET_B] });

  it('names, per wallet, the held tokens whose protocol\'s requests the registry does not track', () => {
    expect(redemptionsNotTracked(r.positions, registry.tokens)).toEqual([
      { wallet: WALLET_A, protocol: 'Puffer', queue: ADDR.pufferWithdrawalManager, tokens: ['pufETH@1'], symbols: ['pufETH'] },
    ]);
  });

  it('counts a bridged copy under the protocol it is bridged from', () => {
    const onBase = r.positions.filter((p) => p.asset.tokenId === 'pufETH@1').map((p) => ({ ...p, chainId: 8453, asset: { ...p.asset, tokenId: 'pufETH@8453' } }));
    expect(redemptionsNotTracked(onBase, registry.tokens).map((n) => [n.protocol, n.tokens])).toEqual([['Puffer', ['pufETH@8453']]]);
  });

  it('puts both in the CLI JSON: the request per position, the untracked protocols at the top', () => {
    const s = withRequests([request({ token: 'eETH@1', requestId: '40002', status: 'pending', startBlock: BLOCK - 7_200n })], holdings);
    const doc = toScanReportJson(report([s], { now: NOW, wallets: [WALLET_A, WALLET_B] }));
    const positions = doc['positions'] as { kind: string; redemption?: Record<string, unknown> }[];
    const redemption = positions.find((p) => p.kind === 'redemption')?.redemption;
    expect(redemption).toMatchObject({
      protocol: 'ether.fi', requestId: '40002', status: 'pending', amountLocked: eth(2).toString(), expectedAmount: eth(2).toString(),
      assetGiven: { symbol: 'eETH', tokenId: 'eETH@1' }, timing: 'estimate', estimatedClaimableAt: (TIME + ETHERFI_DELAY - DAY).toString(),
      expectedDelaySeconds: Number(ETHERFI_DELAY), expectedDelayOnChain: false,
    });
    expect(positions.filter((p) => p.kind !== 'redemption').every((p) => !('redemption' in p))).toBe(true);
    expect(doc['redemptionsNotTracked']).toEqual([{ wallet: getAddress(WALLET_A), protocol: 'Puffer', queue: ADDR.pufferWithdrawalManager, tokens: ['pufETH@1'] }]);
  });
});
