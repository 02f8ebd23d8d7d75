import { beforeAll, describe, expect, it, vi } from 'vitest';
import { API_CHANNELS, API_GLOBAL_NAME, EVENT_CHANNELS } from '../../../shared/ipc/channels';
import type { MatryoshkaApi } from '../../../shared/ipc/contract';
import { contextBridge, fakeEvent, ipcRenderer } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let api: MatryoshkaApi;

beforeAll(async () => {
  await import('../../../electron/preload');
  const [name, exposed] = contextBridge.exposeInMainWorld.mock.calls[0] ?? [];
  expect(name).toBe(API_GLOBAL_NAME);
  api = exposed as MatryoshkaApi;
});

describe('the preload', () => {
  it('exposes exactly the API methods, and nothing of ipcRenderer', () => {
    expect(Object.keys(api).sort()).toEqual(
      ['getState', 'addWallet', 'removeWallet', 'renameWallet', 'updateSettings', 'refreshNow', 'setPaused', 'testRpc', 'muteKind', 'onReport', 'onProgress', 'onOpenWarning'].sort(),
    );
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  });

  it('binds each method to its own channel, passing only the request', async () => {
    ipcRenderer.invoke.mockClear();
    await api.getState();
    await api.addWallet({ input: 'vitalik.eth', label: 'v' });
    await api.setPaused({ paused: true });
    await api.testRpc({ chainId: 1, url: 'http://127.0.0.1:8545' });
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      [API_CHANNELS.getState, undefined],
      [API_CHANNELS.addWallet, { input: 'vitalik.eth', label: 'v' }],
      [API_CHANNELS.setPaused, { paused: true }],
      [API_CHANNELS.testRpc, { chainId: 1, url: 'http://127.0.0.1:8545' }],
    ]);
  });

  it('hands subscribers the payload only, and unsubscribes', () => {
    const received: unknown[] = [];
    const off = api.onOpenWarning((payload) => received.push(payload));
    expect(ipcRenderer.listenerCount(EVENT_CHANNELS.openWarning)).toBe(1);
    ipcRenderer.emit(EVENT_CHANNELS.openWarning, fakeEvent({ sender: ipcRenderer }), { warningId: 'w1' });
    off();
    ipcRenderer.emit(EVENT_CHANNELS.openWarning, fakeEvent({ sender: ipcRenderer }), { warningId: 'w2' });
    expect(received).toEqual([{ warningId: 'w1' }]);
    expect(ipcRenderer.listenerCount(EVENT_CHANNELS.openWarning)).toBe(0);
  });

  it('keeps subscriptions of different events apart', () => {
    const reports: unknown[] = [];
    const progress: unknown[] = [];
    const offReport = api.onReport((r) => reports.push(r));
    const offProgress = api.onProgress((p) => progress.push(p));
    ipcRenderer.emit(EVENT_CHANNELS.report, fakeEvent(), { total: '1n' });
    expect(reports).toEqual([{ total: '1n' }]);
    expect(progress).toEqual([]);
    offReport();
    offProgress();
  });
});
