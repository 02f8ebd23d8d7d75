import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SettingsPatch } from '../../shared/ipc/settings-patch';
import { createMockApi } from './mock-api';
import { renderApp } from './render-app';

vi.mock('react-chartjs-2', () => import('./chart-stub'));
afterEach(cleanup);

describe('Settings view', () => {
  it('tests an RPC endpoint and shows chain id and latest block', async () => {
    const mock = createMockApi();
    await renderApp(mock, 'settings');
    fireEvent.change(screen.getByLabelText('Endpoints for Ethereum'), { target: { value: 'https://rpc.example.org/key' } });
    fireEvent.click(screen.getByRole('button', { name: 'Test Ethereum' }));
    expect(await screen.findByText(/OK: chain 1, latest block 21,000,123/)).toBeTruthy();
    expect(mock.api.testRpc).toHaveBeenCalledWith({ chainId: 1, url: 'https://rpc.example.org/key' });
  });

  it('shows the error when the endpoint fails', async () => {
    const mock = createMockApi();
    mock.api.testRpc.mockResolvedValue({ ok: false, error: { code: 'rpc-error', message: 'connection refused' } });
    await renderApp(mock, 'settings');
    fireEvent.click(screen.getByRole('button', { name: 'Test Base' }));
    expect(await screen.findByText(/Failed: connection refused/)).toBeTruthy();
    expect(mock.api.testRpc).toHaveBeenCalledWith({ chainId: 8453, url: 'https://mainnet.base.org' });
  });

  it('saves thresholds, refresh policy and notification preferences through updateSettings', async () => {
    const mock = createMockApi();
    await renderApp(mock, 'settings');
    fireEvent.change(screen.getByLabelText('Depeg: warning above (fraction)'), { target: { value: '0.02' } });
    fireEvent.change(screen.getByLabelText('Poll every (seconds)'), { target: { value: '30' } });
    fireEvent.change(screen.getByLabelText('Minimum severity'), { target: { value: 'critical' } });
    fireEvent.click(screen.getByLabelText(/Enable quiet hours/));
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(mock.api.updateSettings).toHaveBeenCalled());
    // The contract types the request as the schema's input, which the settings patch schema leaves untyped.
    const patch = mock.api.updateSettings.mock.calls[0]?.[0] as SettingsPatch | undefined;
    expect(patch?.thresholds?.depegWarning).toBe(0.02);
    expect(patch?.thresholds?.depegCritical).toBe(0.03);
    expect(patch?.refresh?.pollIntervalSeconds).toBe(30);
    expect(patch?.notifications?.minimumSeverity).toBe('critical');
    expect(patch?.notifications?.quietHours?.enabled).toBe(true);
    expect(await screen.findByText(/Saved\./)).toBeTruthy();
  });

  it('refuses to save a threshold that is not a number', async () => {
    const mock = createMockApi();
    await renderApp(mock, 'settings');
    fireEvent.change(screen.getByLabelText('Exit horizon (days)'), { target: { value: '' } });
    expect(screen.getByText(/Enter a number/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save settings' })).toHaveProperty('disabled', true);
    expect(mock.api.updateSettings).not.toHaveBeenCalled();
  });

  it('switches the whole interface to simplified Chinese', async () => {
    const mock = createMockApi();
    await renderApp(mock, 'settings');
    expect(screen.getByRole('tab', { name: 'Positions' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'zh-CN' } });
    expect(await screen.findByRole('tab', { name: '持仓' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '保存设置' })).toBeTruthy();
    expect(mock.api.updateSettings).toHaveBeenCalledWith({ language: 'zh-CN' });
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('offers browser notifications in the web face only', async () => {
    await renderApp(createMockApi(), 'settings');
    expect(screen.queryByText('Browser notifications')).toBeNull();
    cleanup();
    const requestPermission = vi.fn(() => Promise.resolve('granted' as const));
    vi.stubGlobal('Notification', Object.assign(vi.fn(), { permission: 'default', requestPermission }));
    try {
      await renderApp(createMockApi(), 'settings', { onNotification: () => () => undefined });
      fireEvent.click(screen.getByRole('button', { name: 'Allow browser notifications' }));
      expect(await screen.findByText(/Browser notifications are allowed/)).toBeTruthy();
      expect(requestPermission).toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
