import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow as ElectronBrowserWindow } from 'electron';
import { BrowserWindow, fakeEvent } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { createMainWindow, hardenedWebPreferences, keepInTrayOnClose } = await import('../../../electron/window');

function lastWindow(): BrowserWindow {
  const window = BrowserWindow.instances.at(-1);
  if (window === undefined) throw new Error('no window was created');
  return window;
}

describe('createMainWindow', () => {
  beforeEach(() => {
    BrowserWindow.instances.length = 0;
  });

  it('creates the window with every hardening flag set', () => {
    createMainWindow({ preloadPath: '/app/out/preload/preload.cjs', devTools: false, onLoadError: () => undefined });
    const prefs = lastWindow().options['webPreferences'];
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
      devTools: false,
    });
    expect(prefs).not.toHaveProperty('enableRemoteModule');
  });

  it('uses the same hardened preferences everywhere, devtools only on request', () => {
    expect(hardenedWebPreferences('/p', true)).toEqual({ ...hardenedWebPreferences('/p', false), devTools: true });
  });

  it('loads the app from app://matryoshka/ and shows the window only once painted', () => {
    createMainWindow({ preloadPath: '/p', devTools: false, onLoadError: () => undefined });
    const window = lastWindow();
    expect(window.loadURL).toHaveBeenCalledWith('app://matryoshka/index.html');
    expect(window.options['show']).toBe(false);
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  it('reports a page that cannot load instead of failing silently', async () => {
    const onLoadError = vi.fn();
    BrowserWindow.failNextLoad = new Error('ERR_FILE_NOT_FOUND');
    createMainWindow({ preloadPath: '/p', devTools: false, onLoadError });
    await vi.waitFor(() => expect(onLoadError).toHaveBeenCalledWith(new Error('ERR_FILE_NOT_FOUND')));
  });
});

describe('keepInTrayOnClose', () => {
  function setup(keep: boolean, quitting: boolean) {
    const window = new BrowserWindow({});
    window.visible = true;
    // The fake has the members keepInTrayOnClose uses.
    keepInTrayOnClose(window as unknown as ElectronBrowserWindow, () => keep, () => quitting);
    const event = fakeEvent();
    window.emit('close', event);
    return { window, event };
  }

  it('hides the window instead of closing it when the setting says so', () => {
    const { window, event } = setup(true, false);
    expect(event.defaultPrevented).toBe(true);
    expect(window.visible).toBe(false);
  });

  it('lets the window close when the setting is off', () => {
    const { event } = setup(false, false);
    expect(event.defaultPrevented).toBe(false);
  });

  it('lets the window close when the app is quitting', () => {
    const { event } = setup(true, true);
    expect(event.defaultPrevented).toBe(false);
  });
});
