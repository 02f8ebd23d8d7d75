// Composition root of the desktop app: builds the pieces and hands them to each other; no logic.
import path from 'node:path';
import { app, dialog } from 'electron';
import { createWebhookDispatcher } from '../node/channels/create-webhook-dispatcher';
import { startAppCore, type AppCore } from '../node/core/start-app-core';
import type { NotificationSink } from '../node/monitor/create-monitor';
import { DataDirLockError } from '../node/store/data-dir-lock';
import { registerAppScheme } from './app-protocol';
import { quitAfter } from './quit-after';
import { decryptSecret, encryptSecret } from './secrets';
import { acquireSingleInstance } from './single-instance';
import { startDesktopApp, type DesktopApp } from './start-desktop-app';

const log = {
  info: (message: string) => console.info(`[matryoshka] ${message}`),
  warn: (message: string) => console.warn(`[matryoshka] ${message}`),
  error: (message: string, error?: unknown) => console.error(`[matryoshka] ${message}`, error ?? ''),
};

// Bundled to out/main/main.cjs; the preload, renderer and icons sit beside it under out/.
const outDir = path.join(__dirname, '..');

registerAppScheme();

let desktop: DesktopApp | null = null;
let core: AppCore | null = null;
if (acquireSingleInstance(app, () => desktop?.showWindow())) {
  app
    .whenReady()
    .then(async () => {
      // Notifications reach the native notifier once the shell is up (unless the user turned the
      // desktop channel off); a failure is logged by it.
      const nativeSink: NotificationSink = {
        name: 'desktop',
        notify: (n) => (core?.store.get().settings.channels.desktop.enabled === false ? undefined : desktop?.notifier.show([n])),
      };
      // The webhooks in the settings, as they are at each notification (node/channels).
      const webhooks = createWebhookDispatcher({ webhooks: () => core?.store.get().settings.channels.webhooks ?? [], log });
      core = startAppCore({
        // electron-store's format and place; RPC URLs (which can carry API keys) and webhook URLs
        // and secrets sealed with safeStorage.
        store: { dir: app.getPath('userData'), encryptSecret, decryptSecret },
        face: 'desktop',
        sinks: [nativeSink, webhooks],
        log,
      });
      core.monitor.onUpdate(webhooks.observe);
      desktop = await startDesktopApp({
        services: core.services,
        severitiesOf: (report) => report.warnings.map((warning) => warning.severity),
        preloadPath: path.join(outDir, 'preload', 'preload.cjs'),
        rendererDir: path.join(outDir, 'renderer'),
        trayIconPath: (level) => path.join(outDir, 'icons', `tray-${level}.png`),
        windowIconPath: path.join(outDir, 'icons', 'icon.png'),
        startHidden: process.argv.includes('--hidden') || app.getLoginItemSettings().wasOpenedAsHidden,
        devTools: !app.isPackaged,
        log,
      });
      core.monitor.start();
      // Queued webhooks go out (a few seconds at most) and the store is closed before the app exits.
      quitAfter(app, async () => {
        await webhooks.close();
        await core?.close();
      }, log);
    })
    .catch((error: unknown) => {
      log.error('the app could not start', error);
      // A watch or web host on the same data directory: say so rather than quit without a word.
      if (error instanceof DataDirLockError && error.code === 'held') {
        dialog.showErrorBox('Matryoshka cannot start', `${error.message.charAt(0).toUpperCase()}${error.message.slice(1)}. Stop it, then start Matryoshka again.`);
      }
      app.quit();
    });
}
