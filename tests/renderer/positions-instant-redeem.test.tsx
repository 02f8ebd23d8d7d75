// ether.fi's instant redemption in the Positions view: under the market value, in the user's language,
// capped or unavailable said in words, and nothing on positions without the path.
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Position } from '../../shared/report';
import { defaultSettings, type Language } from '../../shared/settings/settings';
import { alice, ezEthPosition, fixtureReport, fixtureState, position, weEthPosition } from './fixture-report';
import { createMockApi } from './mock-api';
import { renderApp } from './render-app';

vi.mock('react-chartjs-2', () => import('./chart-stub'));
afterEach(cleanup);

const withInstant = (exit: Partial<Position['exit']>, base: Position = weEthPosition): Position => ({ ...base, exit: { ...base.exit, ...exit } });

async function show(positions: Position[], language: Language = 'en') {
  await renderApp(createMockApi(fixtureState({}, fixtureReport({ positions }), { ...defaultSettings, language })), 'positions');
}
const rowOf = (name: RegExp) => screen.getAllByRole('button', { name })[0]?.closest('tr') as HTMLElement;

describe('Positions view: ether.fi instant redemption', () => {
  it('shows what the instant path pays now next to the market value', async () => {
    await show([withInstant({ instantRedeemEth: 10_668_900_000_000_000_000n, instantRedeemCapped: false }), ezEthPosition]);
    const row = rowOf(/weETH/);
    expect(within(row).getByText('Instant redemption now: 10.6689 ETH')).toBeTruthy();
    expect(within(row).getByText('Instant redemption now: 10.6689 ETH').closest('td')?.textContent).toContain('10.65 ETH');
    expect(within(rowOf(/ezETH/)).queryByText(/Instant redemption/)).toBeNull();
  });

  it('says when the position is more than redeemable now', async () => {
    await show([withInstant({ instantRedeemEth: 2n * 10n ** 18n, instantRedeemCapped: true })]);
    expect(within(rowOf(/weETH/)).getByText(/Instant redemption now: 2 ETH \(capped: more than redeemable now\)/)).toBeTruthy();
  });

  it('says unavailable on mainnet and mainnet only on an L2', async () => {
    const l2 = position({ ...withInstant({ instantRedeemEth: null, instantRedeemCapped: false }), id: `42161:${alice}:token:weETH`, chainId: 42161 });
    await show([withInstant({ instantRedeemEth: null, instantRedeemCapped: false }), l2]);
    const captionOf = (text: string) => screen.getByText(text).closest('section')?.querySelector('caption')?.textContent ?? '';
    expect(captionOf('Instant redemption unavailable (paused or not read)')).toMatch(/on Ethereum/);
    expect(captionOf('Instant redemption: mainnet only (bridge back first)')).toMatch(/on Arbitrum/);
  });

  it('in simplified Chinese', async () => {
    await show([withInstant({ instantRedeemEth: 2n * 10n ** 18n, instantRedeemCapped: true })], 'zh-CN');
    expect(within(rowOf(/weETH/)).getByText(/现在即时赎回：2 ETH \(受限：超过当前可赎回额度\)/)).toBeTruthy();
  });
});
