import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EthUsdPrice, RiskReport } from '../../shared/report';
import { ETH, ezEthPosition, fixtureReport, fixtureState, NOW } from './fixture-report';
import { createMockApi } from './mock-api';
import { renderApp } from './render-app';

vi.mock('react-chartjs-2', () => import('./chart-stub'));
afterEach(cleanup);

// 3,456.789 USD per ETH with the feed's 8 decimals.
const ANSWER = 345_678_900_000n;

function withPrice(price: Partial<EthUsdPrice>, report: RiskReport = fixtureReport()): RiskReport {
  const ethUsd: EthUsdPrice = { answer: ANSWER, decimals: 8, updatedAt: BigInt(NOW - 600), stale: false, totalValueUsdCents: 0n, ...price };
  return { ...report, metrics: { ...report.metrics, ethUsd } };
}

describe('Overview in USD', () => {
  it('shows the total in USD at the feed price, with the price and its time', async () => {
    await renderApp(createMockApi(fixtureState({}, withPrice({}))), 'overview');
    // 49.7 ETH x 3,456.789 = 171,802.4133 USD, floored to the cent.
    expect(screen.getByTestId('usd-value').textContent).toBe('≈ 171,802.41 USD');
    const price = screen.getByTestId('usd-price').textContent ?? '';
    expect(price).toContain('at 3,456.78 USD/ETH');
    expect(price).toContain(new Date((NOW - 600) * 1000).toLocaleString());
  });

  it('marks a stale price in words', async () => {
    await renderApp(createMockApi(fixtureState({}, withPrice({ stale: true }))), 'overview');
    expect(screen.getByTestId('usd-value').textContent).toBe('≈ 171,802.41 USD (stale price)');
  });

  it('values the listed total, last known figures included, like the ETH headline', async () => {
    const complete = fixtureReport();
    const positions = complete.positions.map((p) => (p.id === ezEthPosition.id ? { ...p, degraded: true } : p));
    const failed = { ...complete, positions, metrics: { ...complete.metrics, totalValueEth: complete.metrics.totalValueEth - 5n * ETH } };
    await renderApp(createMockApi(fixtureState({}, withPrice({}, failed))), 'overview');
    expect(screen.getByTestId('usd-value').textContent).toBe('≈ 171,802.41 USD');
  });

  it('shows no USD line when the report has no price', async () => {
    const report = fixtureReport();
    await renderApp(createMockApi(fixtureState({}, { ...report, metrics: { ...report.metrics, ethUsd: null } })), 'overview');
    expect(screen.queryByTestId('usd-value')).toBeNull();
    expect(screen.getByTestId('total-value').textContent).toBe('49.7 ETH');
  });
});
