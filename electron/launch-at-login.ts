import type { App } from 'electron';

/**
 * Registers or unregisters the app as a login item, started hidden in the tray. Only macOS and
 * Windows have login items in Electron; elsewhere this does nothing and returns false.
 */
export function applyLaunchAtLogin(app: Pick<App, 'setLoginItemSettings' | 'getLoginItemSettings'>, enabled: boolean, platform: NodeJS.Platform): boolean {
  if (platform !== 'darwin' && platform !== 'win32') return false;
  if (app.getLoginItemSettings().openAtLogin === enabled) return true;
  app.setLoginItemSettings({ openAtLogin: enabled, args: enabled ? ['--hidden'] : [] });
  return true;
}
