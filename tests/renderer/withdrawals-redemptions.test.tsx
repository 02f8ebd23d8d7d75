// The Withdrawals view's LRT redemption requests (issue 10): each says its status in words, its
// protocol and request id, what was given up and what it pays; an estimated claim time says "about …
// (estimate)"; and a protocol whose requests the app does not read (pufETH: Puffer) is named, in
// English and in simplified Chinese, with or without anything in a queue.
import { cleanup, screen, within } from '@testing-library/react';
import { getAddress } from 'viem';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PendingWithdrawal, Position, PositionRedemption, RiskReport } from '../../shared/report';
import { ADDR } from '../../shared/registry/tokens';
import { defaultSettings, type Language } from '../../shared/settings/settings';
import { ETH, NOW, alice, bob, fixtureReport, fixtureState, position } from './fixture-report';
import { createMockApi } from './mock-api';
import { renderApp } from './render-app';

vi.mock('react-chartjs-2', () => import('./chart-stub'));
afterEach(cleanup);

const DAY = 86_400n;
const eEth = { symbol: 'eETH', address: getAddress(ADDR.eETH), decimals: 18, tokenId: 'eETH@1' } as const;
const ethAsset = { symbol: 'ETH', address: null, decimals: 18, tokenId: null } as const;

function detail(o: Partial<PositionRedemption> & Pick<PositionRedemption, 'requestId' | 'status' | 'timing'>): PositionRedemption {
  return {
    protocol: 'ether.fi', queue: getAddress(ADDR.etherfiWithdrawRequestNFT), assetGiven: eEth, amountLocked: 2n * ETH, expectedAmount: 2n * ETH,
    estimatedClaimableAt: null, expectedDelaySeconds: 5n * DAY, expectedDelayOnChain: false, overdueSeconds: null,
    createdAt: null, startBlock: null, blockedReason: null, ...o,
  };
}

// Pending for a documented 5-day default, 1 hour of it elapsed: an estimate.
const LEFT = 5n * DAY - 3_600n;
const pending = position({
  id: `1:${alice.toLowerCase()}:redemption:eETH@1:40002`, wallet: alice, kind: 'redemption', asset: ethAsset, amount: 2n * ETH, marketValueEth: null,
  exit: { instantEth: null, atNavSeconds: LEFT, atNavDelayOnChain: false, claimableAtBlock: null, claimableAt: null },
  redemption: detail({ requestId: '40002', status: 'pending', timing: 'estimate', estimatedClaimableAt: BigInt(NOW) + LEFT }),
});
const invalidated = position({
  id: `1:${alice.toLowerCase()}:redemption:eETH@1:40005`, wallet: alice, kind: 'redemption', asset: ethAsset, amount: ETH, marketValueEth: null,
  redemption: detail({ requestId: '40005', status: 'finalized', timing: 'unknown', amountLocked: ETH, expectedAmount: ETH, blockedReason: 'invalidated' }),
});
const pufEth = position({
  id: `1:${bob.toLowerCase()}:token:pufETH@1`, wallet: bob, kind: 'token',
  asset: { symbol: 'pufETH', address: getAddress(ADDR.pufETH), decimals: 18, tokenId: 'pufETH@1' }, amount: 5n * ETH,
});

const pendingOf = (p: Position): PendingWithdrawal => ({
  positionId: p.id, wallet: p.wallet, chainId: 1, kind: 'redemption', valueEth: p.valueEth,
  claimableAtBlock: p.exit.claimableAtBlock, claimableAt: p.exit.claimableAt, claimable: p.exit.atNavSeconds === 0n,
});

function report(positions: Position[]): RiskReport {
  const base = fixtureReport();
  const queued = positions.filter((p) => p.kind === 'redemption').map(pendingOf);
  return fixtureReport({ positions, metrics: { ...base.metrics, exit: { ...base.metrics.exit, pendingWithdrawals: queued } } });
}

async function show(positions: Position[], language: Language = 'en') {
  await renderApp(createMockApi(fixtureState({}, report(positions), { ...defaultSettings, language })), 'withdrawals');
}

const timeline = (): string[] => within(screen.getAllByRole('list')[0] as HTMLElement).getAllByRole('listitem').map((li) => li.textContent ?? '');

describe('Withdrawals view: LRT redemption requests', () => {
  it('says each request\'s status, id, what was given up and what it pays, and marks an estimated time as one', async () => {
    await show([pending, invalidated, pufEth]);
    const items = timeline();
    const etherfi = items.find((t) => t.includes('#40002'));
    expect(etherfi).toContain('ether.fi request #40002');
    expect(etherfi).toContain('status: pending');
    expect(etherfi).toContain('gave up 2 eETH');
    expect(etherfi).toContain('expects 2 ETH');
    // 5 days minus the hour already waited, from a documented default: an estimate, not "unknown".
    expect(etherfi).toContain('claimable in about 4d 23h (estimate)');
    expect(etherfi).not.toContain('claim time unknown');
    // Its date once, as an estimate ("about …"), not also as a plain date.
    const date = new Date((NOW + Number(LEFT)) * 1000).toLocaleString();
    expect(etherfi?.split(date)).toHaveLength(2);
    expect(etherfi).toContain(`about ${date}`);
    const blocked = items.find((t) => t.includes('#40005'));
    expect(blocked).toContain('status: finalized');
    expect(blocked).toContain('claim time unknown (invalidated)');
  });

  it('names a held token\'s protocol whose requests are not tracked (bob.eth holds pufETH)', async () => {
    await show([pending, pufEth]);
    const section = screen.getByRole('region', { name: 'Redemptions not tracked' });
    expect(section.textContent).toContain('bob.eth holds pufETH: pending Puffer redemptions are not tracked');
  });

  it('says so even when nothing is in a queue, and not at all for tracked protocols only', async () => {
    await show([pufEth]);
    expect(screen.getByText('No pending withdrawals or redemptions.')).toBeTruthy();
    expect(screen.getByText(/bob\.eth holds pufETH: pending Puffer redemptions are not tracked/)).toBeTruthy();
    cleanup();
    await show([pending]);
    expect(screen.queryByRole('region', { name: 'Redemptions not tracked' })).toBeNull();
  });

  it('says it in simplified Chinese', async () => {
    await show([pending, pufEth], 'zh-CN');
    const etherfi = timeline().find((t) => t.includes('#40002'));
    expect(etherfi).toContain('状态：待处理');
    expect(etherfi).toContain('交出 2 eETH');
    expect(etherfi).toContain('约 4d 23h 后可领取（估计）');
    const section = screen.getByRole('region', { name: '未跟踪的赎回' });
    expect(section.textContent).toContain('未跟踪 Puffer 的待处理赎回');
  });
});
