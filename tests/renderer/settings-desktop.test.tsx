import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMockApi } from './mock-api';
import { renderApp } from './render-app';

vi.mock('react-chartjs-2', () => import('./chart-stub'));
afterEach(cleanup);

describe('Settings view: the desktop app\'s own settings', () => {
  it('in the desktop app (no browser notifications), saves close-to-tray and launch-at-login at once', async () => {
    const mock = createMockApi();
    await renderApp(mock, 'settings');
    const tray = screen.getByLabelText(/Keep watching in the tray/) as HTMLInputElement;
    const login = screen.getByLabelText(/Start at login/) as HTMLInputElement;
    expect(tray.checked).toBe(true);
    expect(login.checked).toBe(false);
    fireEvent.click(tray);
    await waitFor(() => expect(mock.api.updateSettings).toHaveBeenCalledWith({ closeToTray: false }));
    fireEvent.click(login);
    await waitFor(() => expect(mock.api.updateSettings).toHaveBeenCalledWith({ launchAtLogin: true }));
  });

  it('in the web face (browser notifications), does not offer them', async () => {
    const mock = createMockApi();
    await renderApp(mock, 'settings', { onNotification: () => () => undefined });
    expect(screen.queryByLabelText(/Keep watching in the tray/)).toBeNull();
    expect(screen.queryByLabelText(/Start at login/)).toBeNull();
  });
});
