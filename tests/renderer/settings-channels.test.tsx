import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiRequest, ApiResult, AppState } from '../../shared/ipc/contract';
import type { SettingsPatch } from '../../shared/ipc/settings-patch';
import { MAX_WEBHOOKS, defaultSettings, type Settings } from '../../shared/settings/settings';
import { fixtureState } from './fixture-report';
import { createMockApi, type MockApi } from './mock-api';
import { renderApp } from './render-app';

vi.mock('react-chartjs-2', () => import('./chart-stub'));
afterEach(cleanup);

type Webhook = Settings['channels']['webhooks'][number];

const saved: Webhook = { url: 'https://ntfy.sh/secret-topic-one?auth=tok1', format: 'ntfy', secret: null, minimumSeverity: 'warning' };
const signed: Webhook = { url: 'https://hooks.example.org/path/token-two', format: 'json', secret: 'hmac-key-two', minimumSeverity: null };

/** A mock whose updateSettings merges the `channels` group one level deeper, as the real core does. */
function channelMock(webhooks: readonly Webhook[] = [], desktop = true): MockApi {
  const settings: Settings = { ...defaultSettings, channels: { desktop: { enabled: desktop }, webhooks: [...webhooks] } };
  const mock = createMockApi(fixtureState({}, undefined, settings));
  mock.api.updateSettings.mockImplementation((patch: ApiRequest<'updateSettings'>) => {
    const p = patch as SettingsPatch;
    const current = mock.state.settings;
    const next: Settings = {
      ...current,
      channels: {
        desktop: { enabled: p.channels?.desktop?.enabled ?? current.channels.desktop.enabled },
        webhooks: (p.channels?.webhooks as Webhook[] | undefined) ?? current.channels.webhooks,
      },
    };
    mock.state = { ...mock.state, settings: next } satisfies AppState;
    return Promise.resolve<ApiResult<Settings>>({ ok: true, value: next });
  });
  return mock;
}

function lastPatch(mock: MockApi): SettingsPatch | undefined {
  return mock.api.updateSettings.mock.calls.at(-1)?.[0] as SettingsPatch | undefined;
}

function section(): HTMLElement {
  return screen.getByRole('region', { name: 'Notification channels' });
}

describe('Settings: notification channels', () => {
  it('switches desktop notifications off with a channels.desktop patch only', async () => {
    const mock = channelMock();
    await renderApp(mock, 'settings');
    const toggle = screen.getByLabelText('Desktop notifications');
    expect(toggle).toHaveProperty('checked', true);
    fireEvent.click(toggle);
    await waitFor(() => expect(mock.api.updateSettings).toHaveBeenCalledTimes(1));
    expect(lastPatch(mock)).toEqual({ channels: { desktop: { enabled: false } } });
    await waitFor(() => expect(screen.getByLabelText('Desktop notifications')).toHaveProperty('checked', false));
  });

  it('adds a webhook by sending the whole list with the new one appended', async () => {
    const mock = channelMock([saved]);
    await renderApp(mock, 'settings');
    fireEvent.change(screen.getByLabelText('Webhook URL'), { target: { value: ' https://discord.com/api/webhooks/123/abc ' } });
    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'discord' } });
    fireEvent.change(screen.getByLabelText('Signing secret (optional)'), { target: { value: 'my-hmac-key' } });
    fireEvent.change(screen.getByLabelText('Minimum severity for this webhook'), { target: { value: 'critical' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add webhook' }));
    await waitFor(() => expect(mock.api.updateSettings).toHaveBeenCalledTimes(1));
    expect(lastPatch(mock)).toEqual({
      channels: { webhooks: [saved, { url: 'https://discord.com/api/webhooks/123/abc', format: 'discord', secret: 'my-hmac-key', minimumSeverity: 'critical' }] },
    });
    expect(await screen.findByText(/Webhook added\./)).toBeTruthy();
    // The form is emptied for the next one.
    expect(screen.getByLabelText('Webhook URL')).toHaveProperty('value', '');
    expect(screen.getByLabelText('Signing secret (optional)')).toHaveProperty('value', '');
    const rows = within(section()).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(rows[1]?.textContent).toContain('https://discord.com/…');
    expect(rows[1]?.textContent).toContain('Discord');
    expect(rows[1]?.textContent).toMatch(/\bsigned\b/);
    expect(rows[1]?.textContent).toContain('minimum Critical');
  });

  it('adds an unsigned webhook for all severities with null secret and null minimum severity', async () => {
    const mock = channelMock();
    await renderApp(mock, 'settings');
    expect(within(section()).getByText('No webhooks yet.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Webhook URL'), { target: { value: 'http://192.168.1.5:8080/hook' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add webhook' }));
    await waitFor(() => expect(mock.api.updateSettings).toHaveBeenCalledTimes(1));
    expect(lastPatch(mock)).toEqual({ channels: { webhooks: [{ url: 'http://192.168.1.5:8080/hook', format: 'json', secret: null, minimumSeverity: null }] } });
    const row = await within(section()).findByRole('listitem');
    expect(row.textContent).toContain('http://192.168.1.5:8080/…');
    expect(row.textContent).toContain('unsigned');
    expect(row.textContent).toContain('all severities');
  });

  it('removes a webhook by sending the list without it', async () => {
    const mock = channelMock([saved, signed]);
    await renderApp(mock, 'settings');
    fireEvent.click(screen.getByRole('button', { name: 'Remove webhook 1' }));
    await waitFor(() => expect(mock.api.updateSettings).toHaveBeenCalledTimes(1));
    expect(lastPatch(mock)).toEqual({ channels: { webhooks: [signed] } });
    await waitFor(() => expect(within(section()).getAllByRole('listitem')).toHaveLength(1));
    expect(within(section()).getByRole('listitem').textContent).toContain('https://hooks.example.org/…');
  });

  it.each([
    ['not a URL', 'ntfy.sh/topic'],
    ['another scheme', 'ftp://example.org/hook'],
    ['a websocket', 'wss://example.org/hook'],
    ['empty', '   '],
    ['too long', `https://example.org/${'a'.repeat(2100)}`],
  ])('refuses %s with an inline error and sends nothing', async (_name, url) => {
    const mock = channelMock();
    await renderApp(mock, 'settings');
    fireEvent.change(screen.getByLabelText('Webhook URL'), { target: { value: url } });
    fireEvent.click(screen.getByRole('button', { name: 'Add webhook' }));
    expect(await screen.findByText(/Enter a full http:\/\/ or https:\/\/ URL/)).toBeTruthy();
    expect(screen.getByLabelText('Webhook URL').getAttribute('aria-invalid')).toBe('true');
    expect(mock.api.updateSettings).not.toHaveBeenCalled();
    // What was typed stays, to be corrected (a URL input's value never has outer spaces).
    expect(screen.getByLabelText('Webhook URL')).toHaveProperty('value', url.trim());
  });

  it('refuses the same URL and format twice', async () => {
    const mock = channelMock([saved]);
    await renderApp(mock, 'settings');
    fireEvent.change(screen.getByLabelText('Webhook URL'), { target: { value: saved.url } });
    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'ntfy' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add webhook' }));
    expect(await screen.findByText(/already in the list/)).toBeTruthy();
    expect(mock.api.updateSettings).not.toHaveBeenCalled();
  });

  it('shows the save error inline and keeps the form as typed', async () => {
    const mock = channelMock();
    mock.api.updateSettings.mockResolvedValue({ ok: false, error: { code: 'invalid-input', message: 'keychain locked \u202Etxt.exe' } });
    await renderApp(mock, 'settings');
    fireEvent.change(screen.getByLabelText('Webhook URL'), { target: { value: 'https://example.org/hook' } });
    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'slack' } });
    fireEvent.change(screen.getByLabelText('Signing secret (optional)'), { target: { value: 'k' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add webhook' }));
    const alert = await within(section()).findByText(/Could not save: keychain locked/);
    expect(alert.textContent).not.toContain('\u202E');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add webhook' })).toHaveProperty('disabled', false));
    expect(screen.getByLabelText('Webhook URL')).toHaveProperty('value', 'https://example.org/hook');
    expect(screen.getByLabelText('Format')).toHaveProperty('value', 'slack');
    expect(screen.getByLabelText('Signing secret (optional)')).toHaveProperty('value', 'k');
    expect(within(section()).getByText('No webhooks yet.')).toBeTruthy();
  });

  it('never shows a saved URL path, query, user info or secret', async () => {
    const withUser: Webhook = { url: 'https://user:p4ssw0rd@alerts.example.org:8443/x/TOKEN3?k=QUERY3#FRAG3', format: 'slack', secret: 'SECRET3', minimumSeverity: 'info' };
    const mock = channelMock([saved, signed]);
    await renderApp(mock, 'settings');
    fireEvent.change(screen.getByLabelText('Webhook URL'), { target: { value: withUser.url } });
    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'slack' } });
    fireEvent.change(screen.getByLabelText('Signing secret (optional)'), { target: { value: 'SECRET3' } });
    fireEvent.change(screen.getByLabelText('Minimum severity for this webhook'), { target: { value: 'info' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add webhook' }));
    await within(section()).findByText('https://alerts.example.org:8443/…');
    expect(lastPatch(mock)?.channels?.webhooks?.[2]).toEqual(withUser);
    const html = document.body.innerHTML;
    const text = document.body.textContent;
    for (const leaked of ['secret-topic-one', 'tok1', 'hmac-key-two', 'token-two', '/path', 'user', 'p4ssw0rd', 'TOKEN3', 'QUERY3', 'FRAG3', 'SECRET3']) {
      expect(text).not.toContain(leaked);
      // Nor in an attribute (title, value, placeholder, aria-*).
      expect(html).not.toContain(leaked);
    }
    expect(text).toContain('https://ntfy.sh/…');
    expect(text).toContain('https://hooks.example.org/…');
  });

  it('enforces the maximum number of webhooks with a clear message', async () => {
    const many = Array.from({ length: MAX_WEBHOOKS }, (_, i): Webhook => ({ url: `https://h${i}.example.org/t`, format: 'json', secret: null, minimumSeverity: null }));
    const mock = channelMock(many);
    await renderApp(mock, 'settings');
    expect(within(section()).getByText(`✕ At most ${MAX_WEBHOOKS} webhooks: remove one to add another.`)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add webhook' })).toHaveProperty('disabled', true);
    expect(screen.getByLabelText('Webhook URL')).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('button', { name: `Remove webhook ${MAX_WEBHOOKS}` }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add webhook' })).toHaveProperty('disabled', false));
    expect(lastPatch(mock)).toEqual({ channels: { webhooks: many.slice(0, -1) } });
    expect(within(section()).queryByText(/At most/)).toBeNull();
  });

  it('shows hostile text from the host name as inert text', async () => {
    const mock = channelMock([{ url: 'https://xn--80ak6aa92e.com/<img src=x onerror=alert(1)>', format: 'json', secret: null, minimumSeverity: null }]);
    await renderApp(mock, 'settings');
    expect(within(section()).getByRole('listitem').textContent).toContain('https://xn--80ak6aa92e.com/…');
    expect(document.querySelector('img')).toBeNull();
  });

  it('speaks simplified Chinese', async () => {
    const mock = channelMock([signed]);
    mock.state = { ...mock.state, settings: { ...mock.state.settings, language: 'zh-CN' } };
    await renderApp(mock, 'settings');
    expect(screen.getByRole('region', { name: '通知渠道' })).toBeTruthy();
    expect(screen.getByLabelText('桌面通知')).toBeTruthy();
    expect(screen.getByRole('button', { name: '添加 Webhook' })).toBeTruthy();
    expect(screen.getByRole('listitem').textContent).toContain('已签名');
  });
});
