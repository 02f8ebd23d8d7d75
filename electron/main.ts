// Composition root of the desktop app: builds the pieces and hands them to each other; no logic.
import path from 'node:path';
import { app } from 'electron';
import { createInMemoryServices } from '../shared/ipc/in-memory-services';
import type { RiskReport } from '../shared/report';
import { registerAppScheme } from './app-protocol';
import { acquireSingleInstance } from './single-instance';
import { startDesktopApp, type DesktopApp } from './start-desktop-app';

const log = {
  warn: (message: string) => console.warn(`[matryoshka] ${message}`),
  error: (message: string, error?: unknown) => console.error(`[matryoshka] ${message}`, error ?? ''),
};

// Bundled to out/main/main.cjs; the preload, renderer and icons sit beside it under out/.
const outDir = path.join(__dirname, '..');

registerAppScheme();

let desktop: DesktopApp | null = null;
if (acquireSingleInstance(app, () => desktop?.showWindow())) {
  app
    .whenReady()
    .then(async () => {
      // TEMPORARY until the monitor and store are wired (issue 5): in-memory services, no chain reads.
      const services = createInMemoryServices<RiskReport>({ now: () => Date.now() });
      desktop = await startDesktopApp({
        services,
        severitiesOf: (report) => report.warnings.map((warning) => warning.severity),
        preloadPath: path.join(outDir, 'preload', 'preload.cjs'),
        rendererDir: path.join(outDir, 'renderer'),
        trayIconPath: (level) => path.join(outDir, 'icons', `tray-${level}.png`),
        windowIconPath: path.join(outDir, 'icons', 'icon.png'),
        startHidden: process.argv.includes('--hidden') || app.getLoginItemSettings().wasOpenedAsHidden,
        devTools: !app.isPackaged,
        log,
      });
    })
    .catch((error: unknown) => {
      log.error('the app could not start', error);
      app.quit();
    });
}
