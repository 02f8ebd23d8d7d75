import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { App } from 'electron';
import { app as fakeApp } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

// The fake implements the members these functions use.
const app = fakeApp as unknown as App & typeof fakeApp;
const { acquireSingleInstance } = await import('../../../electron/single-instance');
const { applyLaunchAtLogin } = await import('../../../electron/launch-at-login');

describe('acquireSingleInstance', () => {
  beforeEach(() => {
    app.quit.mockClear();
    app.listeners.clear();
  });

  it('quits when another instance holds the lock', () => {
    app.hasLock = false;
    expect(acquireSingleInstance(app, vi.fn())).toBe(false);
    expect(app.quit).toHaveBeenCalledTimes(1);
  });

  it('keeps running with the lock and shows the window when launched again', () => {
    app.hasLock = true;
    const show = vi.fn();
    expect(acquireSingleInstance(app, show)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    app.emit('second-instance', {}, ['matryoshka'], '/');
    expect(show).toHaveBeenCalledTimes(1);
  });
});

describe('applyLaunchAtLogin', () => {
  beforeEach(() => {
    app.setLoginItemSettings.mockClear();
    app.loginItem = { openAtLogin: false, wasOpenedAsHidden: false };
  });

  it('registers a hidden login item on macOS and Windows, and removes it', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      expect(applyLaunchAtLogin(app, true, platform)).toBe(true);
      expect(app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: true, args: ['--hidden'] });
      expect(applyLaunchAtLogin(app, false, platform)).toBe(true);
      expect(app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: false, args: [] });
    }
  });

  it('does not rewrite a login item that is already as wanted', () => {
    app.loginItem = { openAtLogin: true, wasOpenedAsHidden: false };
    applyLaunchAtLogin(app, true, 'darwin');
    expect(app.setLoginItemSettings).not.toHaveBeenCalled();
  });

  it('does nothing where Electron has no login items', () => {
    expect(applyLaunchAtLogin(app, true, 'linux')).toBe(false);
    expect(app.setLoginItemSettings).not.toHaveBeenCalled();
  });
});
