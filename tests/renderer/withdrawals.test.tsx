import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureReport, fixtureState } from './fixture-report';
import { createMockApi } from './mock-api';
import { renderApp } from './render-app';

vi.mock('react-chartjs-2', () => import('./chart-stub'));
afterEach(cleanup);

describe('Withdrawals view', () => {
  it('puts EigenLayer withdrawals and LRT redemptions on one timeline, claimable first, with countdowns', async () => {
    await renderApp(createMockApi(), 'withdrawals');
    const items = within(screen.getAllByRole('list')[0] as HTMLElement).getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(items).toHaveLength(2);
    expect(items[0]).toContain('claimable now');
    expect(items[0]).toContain('LRT redemption');
    expect(items[0]).toContain('2 ETH');
    // 21,600 blocks after block 21,000,000 at 12 s: 3 days.
    expect(items[1]).toContain('claimable in 3d');
    expect(items[1]).toContain('EigenLayer withdrawal');
    expect(items[1]).toContain('bob.eth');
    expect(screen.getByText(/Locked in queues: 34 ETH \(68\.0%\)/)).toBeTruthy();
  });

  it('charts the ETH unlocking per day', async () => {
    await renderApp(createMockApi(), 'withdrawals');
    const bars = within(screen.getByTestId('chart-bar')).getAllByRole('listitem').map((li) => li.textContent);
    expect(bars).toEqual(['claimable now=2', '+3d=32']);
  });

  it('says so when nothing is in a queue', async () => {
    const base = fixtureReport();
    const report = fixtureReport({ metrics: { ...base.metrics, exit: { ...base.metrics.exit, pendingWithdrawals: [] } } });
    await renderApp(createMockApi(fixtureState({}, report)), 'withdrawals');
    expect(screen.getByText('No pending withdrawals or redemptions.')).toBeTruthy();
  });
});
