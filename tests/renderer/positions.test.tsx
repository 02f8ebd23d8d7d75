import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureReport, fixtureState, position, weEthPosition, alice, ETH } from './fixture-report';
import { createMockApi } from './mock-api';
import { renderApp } from './render-app';

vi.mock('react-chartjs-2', () => import('./chart-stub'));
afterEach(cleanup);

describe('Positions view', () => {
  it('groups by wallet and chain and draws the stack outer to inner', async () => {
    await renderApp(createMockApi(), 'positions');
    expect(screen.getByText('Main on Ethereum')).toBeTruthy();
    expect(screen.getByText('bob.eth on Ethereum')).toBeTruthy();
    const row = screen.getByRole('button', { name: /weETH/ }).closest('tr') as HTMLElement;
    expect(within(row).getByText(/10 weETH/)).toBeTruthy();
    expect(within(row).getByText('10.7 ETH')).toBeTruthy();
    expect(within(row).getByText('10.65 ETH')).toBeTruthy();
    expect(within(row).getByText('7d')).toBeTruthy();
    const stack = row.querySelector('.stack') as HTMLElement;
    expect(stack.getAttribute('aria-label')).toBe('ether.fi weETH → EigenLayer → Operator A → Beacon chain ETH');
    // Nested: the beacon chip sits inside the operator chip, inside the venue chip, inside the LRT chip.
    expect(stack.querySelector('.chip-lrt .chip-venue .chip-operator .chip-beacon')).not.toBeNull();
  });

  it('expands a row to show operators and operator sets with slashable amounts', async () => {
    await renderApp(createMockApi(), 'positions');
    expect(screen.queryByText('Operator sets')).toBeNull();
    const toggle = screen.getByRole('button', { name: /weETH/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const panel = document.getElementById(toggle.getAttribute('aria-controls') ?? '') as HTMLElement;
    expect(within(panel).getByText('Operator sets')).toBeTruthy();
    expect(within(panel).getByText('#3')).toBeTruthy();
    expect(within(panel).getByText('1.25 ETH')).toBeTruthy();
    expect(within(panel).getByText('6 ETH')).toBeTruthy();
    expect(within(panel).getByText('4.7 ETH')).toBeTruthy();
    expect(within(panel).getByText(/nominal\): 2 ETH/)).toBeTruthy();
    fireEvent.click(toggle);
    expect(screen.queryByText('Operator sets')).toBeNull();
  });

  it('shows the warnings that concern a position, severity in words', async () => {
    await renderApp(createMockApi(), 'positions');
    const row = screen.getAllByRole('button', { name: /ezETH/ })[0]?.closest('tr') as HTMLElement;
    expect(within(row).getByText(/Critical/)).toBeTruthy();
    expect(within(row).getByText(/ezETH trades 4.0% below NAV/)).toBeTruthy();
    // A warning about an operator shows on the positions exposed to it through look-through.
    const weRow = screen.getByRole('button', { name: /weETH/ }).closest('tr') as HTMLElement;
    expect(within(weRow).getByText(/One operator holds 45%/)).toBeTruthy();
    expect(within(row).queryByText(/One operator holds 45%/)).toBeNull();
  });

  it('renders a hostile token symbol and a bidi override as inert text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const bidi = 'USDC\u202Egnp.exe';
    const report = fixtureReport({
      positions: [
        position({ id: `1:${alice}:token:evil`, wallet: alice, kind: 'token', asset: { symbol: hostile, address: null, decimals: 18, tokenId: null }, amount: ETH }),
        position({ id: `1:${alice}:token:bidi`, wallet: alice, kind: 'token', asset: { symbol: bidi, address: null, decimals: 18, tokenId: null }, amount: ETH, stack: [{ layer: 'lrt', protocol: 'x', address: null, label: bidi }] }),
        weEthPosition,
      ],
    });
    const { container } = await renderApp(createMockApi(fixtureState({}, report)), 'positions');
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('button', { name: /<img src=x/ })).toBeTruthy();
    expect(container.textContent).not.toContain('\u202E');
    expect(container.textContent).toContain('USDCgnp.exe');
  });
});
