import { beforeEach, describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../../../shared/ipc/contract';
import { createInMemoryServices } from '../../../shared/ipc/in-memory-services';
import { EVENT_CHANNELS } from '../../../shared/ipc/channels';
import type { Severity } from '../../../shared/report';
import { BrowserWindow, FakeWebContents, Notification, Tray, app, fakeEvent, ipcMain, protocol, session } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { startDesktopApp } = await import('../../../electron/start-desktop-app');

interface FakeReport {
  readonly warnings: readonly { readonly severity: Severity }[];
  readonly total: bigint;
}

const top = { url: 'app://matryoshka/index.html', parent: null };

async function start(startHidden = false) {
  const services = createInMemoryServices<FakeReport>({ now: () => 0 });
  const log = { warn: vi.fn(), error: vi.fn() };
  const desktop = await startDesktopApp({
    services,
    severitiesOf: (report) => report.warnings.map((w) => w.severity),
    preloadPath: '/out/preload/preload.cjs',
    rendererDir: '/out/renderer',
    trayIconPath: (level) => `/out/icons/tray-${level}.png`,
    startHidden,
    devTools: false,
    log,
  });
  const tray = Tray.instances.at(-1);
  if (tray === undefined) throw new Error('no tray');
  const window = () => BrowserWindow.instances.at(-1);
  const invoke = (method: keyof typeof API_METHODS, request: unknown) => {
    const contents = window()?.webContents;
    const handler = ipcMain.handlers.get(API_METHODS[method].channel);
    if (contents === undefined || handler === undefined) throw new Error('no window or handler');
    return handler({ sender: contents, senderFrame: top }, request);
  };
  return { services, desktop, tray, window, invoke, log };
}

describe('startDesktopApp', () => {
  beforeEach(() => {
    app.listeners.clear();
    app.quit.mockClear();
    ipcMain.handlers.clear();
    BrowserWindow.instances.length = 0;
    Tray.instances.length = 0;
    Notification.instances.length = 0;
    protocol.handle.mockClear();
  });

  it('hardens the session and every web contents, serves app://, opens the window', async () => {
    const { window } = await start();
    expect(session.defaultSession.permissionRequestHandler).not.toBeNull();
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect([...ipcMain.handlers.keys()]).toHaveLength(Object.keys(API_METHODS).length);
    expect(window()?.loadURL).toHaveBeenCalledWith('app://matryoshka/index.html');
    const other = new FakeWebContents();
    app.emit('web-contents-created', {}, other);
    const navigation = fakeEvent({ url: 'https://evil.com/' });
    other.emit('will-navigate', navigation);
    expect(navigation.defaultPrevented).toBe(true);
  });

  it('stays in the tray when started hidden, and opens the window from the tray menu', async () => {
    const { tray, window } = await start(true);
    expect(window()).toBeUndefined();
    tray.menu?.items.find((i) => i.label === 'Open Matryoshka')?.click?.();
    expect(window()).toBeDefined();
  });

  it('pushes each report to the window (encoded) and shows its worst severity in the tray', async () => {
    const { services, tray, window } = await start();
    expect(tray.image.path).toBe('/out/icons/tray-unknown.png');
    services.publishReport({ warnings: [{ severity: 'info' }, { severity: 'critical' }], total: 5n });
    expect(tray.image.path).toBe('/out/icons/tray-critical.png');
    expect(window()?.webContents.sent).toContainEqual({ channel: EVENT_CHANNELS.report, payload: { warnings: [{ severity: 'info' }, { severity: 'critical' }], total: '5n' } });
  });

  it('pausing from the window or the tray shows in the tray', async () => {
    const { tray, invoke, services } = await start();
    await expect(invoke('setPaused', { paused: true })).resolves.toEqual({ ok: true, value: { paused: true } });
    expect(tray.image.path).toBe('/out/icons/tray-paused.png');
    tray.menu?.items.find((i) => i.label === 'Resume monitoring')?.click?.();
    await vi.waitFor(async () => expect((await services.getState()).paused).toBe(false));
    expect(tray.image.path).toBe('/out/icons/tray-unknown.png');
  });

  it('keeps running in the tray when the window is closed, unless the setting is off', async () => {
    const { window, invoke } = await start();
    const close = fakeEvent();
    window()?.emit('close', close);
    expect(close.defaultPrevented).toBe(true);
    await invoke('updateSettings', { closeToTray: false });
    const closeAgain = fakeEvent();
    window()?.emit('close', closeAgain);
    expect(closeAgain.defaultPrevented).toBe(false);
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledTimes(1);
  });

  it('lets the window close when quitting', async () => {
    const { window } = await start();
    app.emit('before-quit');
    const close = fakeEvent();
    window()?.emit('close', close);
    expect(close.defaultPrevented).toBe(false);
  });

  it('a notification click opens the window on its warning, after the page has loaded', async () => {
    const { desktop, window } = await start(true);
    desktop.notifier.show([{ key: 'new:depeg:ezETH', severity: 'critical', title: 'ezETH depeg', body: 'b', warningIds: ['depeg:ezETH'], grouped: false }]);
    Notification.instances[0]?.emit('click', {});
    const created = window();
    expect(created?.webContents.sent).toEqual([]);
    created?.webContents.emit('did-finish-load');
    expect(created?.webContents.sent).toEqual([{ channel: EVENT_CHANNELS.openWarning, payload: { warningId: 'depeg:ezETH' } }]);
    desktop.openWarning('slashed:0xabc');
    expect(created?.visible).toBe(true);
    expect(created?.webContents.sent.at(-1)).toEqual({ channel: EVENT_CHANNELS.openWarning, payload: { warningId: 'slashed:0xabc' } });
  });

  it('unregisters IPC and removes the tray on quit', async () => {
    const { tray, services, window } = await start();
    app.emit('will-quit');
    expect(ipcMain.handlers.size).toBe(0);
    expect(tray.destroyed).toBe(true);
    services.publishReport({ warnings: [], total: 1n });
    expect(window()?.webContents.sent).toEqual([]);
  });
});
