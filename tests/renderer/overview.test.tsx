import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeBigints } from '../../shared/ipc/codec';
import { ezEthPosition, fixtureReport, fixtureState, NOW, ETH } from './fixture-report';
import { createMockApi } from './mock-api';
import { renderApp } from './render-app';

vi.mock('react-chartjs-2', () => import('./chart-stub'));
afterEach(cleanup);

describe('Overview', () => {
  it('shows total value, risk score with components and the most severe warnings', async () => {
    await renderApp(createMockApi(), 'overview');
    expect(screen.getByTestId('total-value').textContent).toBe('49.7 ETH');
    expect(screen.getByText('42 / 100')).toBeTruthy();
    expect(screen.getByText('Operator concentration')).toBeTruthy();
    const top = screen.getByRole('heading', { name: 'Most severe warnings' }).parentElement as HTMLElement;
    const items = within(top).getAllByRole('listitem').map((li) => li.textContent);
    expect(items[0]).toContain('Critical');
    expect(items[0]).toContain('ezETH trades');
  });

  it('keeps positions whose reads failed in the total, and says how much is last known figures', async () => {
    // The monitor carried the ezETH position over (its read failed): the engine's total lacks its 5 ETH.
    const complete = fixtureReport();
    const positions = complete.positions.map((p) => (p.id === ezEthPosition.id ? { ...p, degraded: true } : p));
    const failed = { ...complete, positions, metrics: { ...complete.metrics, totalValueEth: complete.metrics.totalValueEth - 5n * ETH } };
    await renderApp(createMockApi(fixtureState({}, failed)), 'overview');
    expect(screen.getByTestId('total-value').textContent).toBe('49.7 ETH');
    expect(screen.getByTestId('last-known-value').textContent).toBe('includes 5 ETH at last known figures (some reads failed)');
  });

  it('says nothing about last known figures when every read succeeded', async () => {
    await renderApp(createMockApi(), 'overview');
    expect(screen.queryByTestId('last-known-value')).toBeNull();
  });

  it('switches the exposure doughnut between protocol, operator and layer', async () => {
    await renderApp(createMockApi(), 'overview');
    const chart = (): string => screen.getByTestId('chart-doughnut').textContent ?? '';
    expect(chart()).toContain('ether.fi=10.7');
    expect(chart()).toContain('direct=32');
    fireEvent.click(screen.getByLabelText('Operator'));
    expect(chart()).toContain('Operator A=6');
    expect(chart()).toContain('Operator B=4.7');
    expect(chart()).not.toContain('ether.fi');
    fireEvent.click(screen.getByLabelText('Layer'));
    expect(chart()).toContain('LRT=17.7');
  });

  it('shows the exit profile as incremental shares within 1, 7, 30 days and later', async () => {
    await renderApp(createMockApi(), 'overview');
    const exit = screen.getByRole('heading', { name: 'Exit profile (at NAV)' }).parentElement as HTMLElement;
    const text = within(within(exit).getAllByRole('list')[0] as HTMLElement).getAllByRole('listitem').map((li) => li.textContent);
    expect(text).toEqual(['within 1 d: 4.0%', 'within 7 d: 86.0%', 'within 30 d: 0.0%', 'later or unknown: 10.0%']);
  });

  it('explains that history appears after a few refreshes, then draws it', async () => {
    const mock = createMockApi();
    await renderApp(mock, 'overview');
    expect(screen.getByText('History appears after a few refreshes.')).toBeTruthy();
    const next = fixtureReport({ generatedAt: BigInt(NOW + 12), metrics: { ...fixtureReport().metrics, totalValueEth: 50n * ETH } });
    mock.state = fixtureState({}, next);
    act(() => mock.emitReport(encodeBigints(next)));
    expect((await screen.findByTestId('chart-line')).textContent).toContain('50');
  });

  it('draws the stored history at once (it survives restarts)', async () => {
    const point = (t: number, eth: bigint) => ({ t, totalValueEth: (eth * ETH).toString(), riskScore: 40, exposure: { layer: {}, protocol: {} }, warnings: { info: 0, warning: 0, critical: 0 } });
    await renderApp(createMockApi(fixtureState({ history: [point(NOW - 7200, 45n), point(NOW - 3600, 47n)] })), 'overview');
    const line = await screen.findByTestId('chart-line');
    expect(line.textContent).toContain('45');
    expect(line.textContent).toContain('47');
  });

  it('shows progress per chain while a refresh runs', async () => {
    const mock = createMockApi();
    await renderApp(mock, 'overview');
    act(() =>
      mock.emitProgress({ running: true, startedAt: NOW * 1000, finishedAt: null, chains: [{ chainId: 1, state: 'reading', error: null }, { chainId: 8453, state: 'failed', error: 'timeout' }] }),
    );
    const status = await screen.findByText(/Refreshing/);
    expect(status.textContent).toContain('Ethereum: reading');
    expect(status.textContent).toContain('Base: failed');
  });

  it('warns visibly when the data is old or a chain was read only partly', async () => {
    const old = fixtureReport({
      generatedAt: BigInt(NOW - 3600),
      chains: [{ chainId: 1, blockNumber: 1n, blockTimestamp: 1n, status: 'partial', failedReads: [{ key: 'k', target: null, call: 'balanceOf', error: 'boom' }] }],
    });
    await renderApp(createMockApi(fixtureState({}, old)), 'overview');
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent);
    expect(alerts.some((a) => a?.includes('last report 1h ago'))).toBe(true);
    expect(alerts.some((a) => a?.includes('Ethereum was read only partly'))).toBe(true);
  });

  it('offers the demo and the way to add a wallet when nothing is watched', async () => {
    await renderApp(createMockApi(fixtureState({ wallets: [] }, null)), 'overview');
    expect(screen.getByText('No wallet watched yet')).toBeTruthy();
    expect(screen.getByText(/npm run web -- --demo/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add a wallet' }));
    expect(screen.getByRole('tab', { name: 'Wallets', selected: true })).toBeTruthy();
    expect(screen.getByLabelText('Address or ENS name')).toBeTruthy();
  });

  it('shows a clear error when the core cannot be reached, with a retry', async () => {
    const mock = createMockApi();
    mock.api.getState.mockResolvedValueOnce({ ok: false, error: { code: 'internal', message: 'socket closed' } });
    const { App } = await import('../../renderer/App');
    const { render } = await import('@testing-library/react');
    render(<App api={mock.api} clock={() => NOW * 1000} />);
    expect((await screen.findByRole('alert')).textContent).toContain('Cannot reach the app core: socket closed');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByTestId('total-value')).toBeTruthy();
  });

  it('moves between tabs with the arrow keys', async () => {
    await renderApp(createMockApi(), 'overview');
    const overview = screen.getByRole('tab', { name: 'Overview' });
    expect(overview.getAttribute('tabindex')).toBe('0');
    fireEvent.keyDown(overview, { key: 'ArrowRight' });
    const wallets = screen.getByRole('tab', { name: 'Wallets' });
    expect(wallets.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(wallets);
    fireEvent.keyDown(wallets, { key: 'End' });
    expect(screen.getByRole('tab', { name: 'Settings' }).getAttribute('aria-selected')).toBe('true');
  });
});
