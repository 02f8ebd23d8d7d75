/**
 * Issue 10 in the renderer: the refresh banner shows how far a chain's redemption log scan has got (a first
 * scan is many eth_getLogs calls), and the Settings view edits the eth_getLogs block range per chain.
 */
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SettingsPatch } from '../../shared/ipc/settings-patch';
import { defaultSettings } from '../../shared/settings/settings';
import { createMockApi } from './mock-api';
import { fixtureState, NOW } from './fixture-report';
import { renderApp } from './render-app';

vi.mock('react-chartjs-2', () => import('./chart-stub'));
afterEach(cleanup);

const reading = (scan?: { scannedBlocks: number; totalBlocks: number }) => ({
  running: true, startedAt: NOW * 1000, finishedAt: null,
  chains: [{ chainId: 1, state: 'reading' as const, error: null, ...(scan === undefined ? {} : { scan }) }, { chainId: 42161, state: 'done' as const, error: null }],
});

describe('refresh banner', () => {
  it('shows the redemption log scan as it advances, and the plain state without one', async () => {
    const mock = createMockApi();
    await renderApp(mock);
    act(() => mock.emitProgress(reading()));
    expect(await screen.findByText('Ethereum: reading')).toBeTruthy();
    act(() => mock.emitProgress(reading({ scannedBlocks: 250_000, totalBlocks: 1_000_000 })));
    expect(await screen.findByText('Ethereum: scanning redemption logs 25% (250,000 of 1,000,000 blocks)')).toBeTruthy();
    act(() => mock.emitProgress(reading({ scannedBlocks: 999_999, totalBlocks: 1_000_000 })));
    expect(await screen.findByText('Ethereum: scanning redemption logs 99% (999,999 of 1,000,000 blocks)')).toBeTruthy();
    expect(screen.getByText('Arbitrum One: done')).toBeTruthy();
  });

  it('says it in simplified Chinese too', async () => {
    const mock = createMockApi(fixtureState({}, undefined, { ...defaultSettings, language: 'zh-CN' }));
    await renderApp(mock);
    act(() => mock.emitProgress(reading({ scannedBlocks: 500, totalBlocks: 2_000 })));
    expect(await screen.findByText('Ethereum：正在扫描赎回事件日志 25%（500 / 2,000 个区块）')).toBeTruthy();
  });
});

describe('Settings: eth_getLogs block range', () => {
  it('shows the stored range per chain and saves a new one', async () => {
    const mock = createMockApi(fixtureState({}, undefined, { ...defaultSettings, logBlockRange: { '42161': 10_000 } }));
    await renderApp(mock, 'settings');
    const mainnet = screen.getByLabelText('Ethereum: blocks per eth_getLogs call');
    expect((mainnet as HTMLInputElement).value).toBe('');
    expect((mainnet as HTMLInputElement).placeholder).toBe('2000');
    expect((screen.getByLabelText('Arbitrum One: blocks per eth_getLogs call') as HTMLInputElement).value).toBe('10000');
    fireEvent.change(mainnet, { target: { value: '500' } });
    fireEvent.change(screen.getByLabelText('Arbitrum One: blocks per eth_getLogs call'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(mock.api.updateSettings).toHaveBeenCalled());
    const patch = mock.api.updateSettings.mock.calls[0]?.[0] as SettingsPatch | undefined;
    // Mainnet set; Arbitrum cleared back to the default (a patch cannot delete a chain's key).
    expect(patch?.logBlockRange).toEqual({ '1': 500, '42161': 2_000 });
  });

  it.each([['0'], ['1000001'], ['1.5']])('refuses to save a range of %s blocks', async (value) => {
    const mock = createMockApi();
    await renderApp(mock, 'settings');
    fireEvent.change(screen.getByLabelText('Base: blocks per eth_getLogs call'), { target: { value } });
    expect(screen.getByText(/A whole number of blocks from 1 to 1000000/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save settings' })).toHaveProperty('disabled', true);
  });
});
