import { app, ipcMain, session, type BrowserWindow } from 'electron';
import type { AppServices } from '../shared/ipc/app-services';
import { API_EVENTS } from '../shared/ipc/contract';
import { createApiHandlers, type ApiHandlers } from '../shared/ipc/create-api-handlers';
import type { Settings } from '../shared/settings/settings';
import { subscribeApiEvents } from '../shared/ipc/subscribe-api-events';
import type { Severity } from '../shared/report';
import { handleAppProtocol } from './app-protocol';
import { createWindowEmitter, registerIpcHandlers } from './ipc';
import { applyLaunchAtLogin } from './launch-at-login';
import { createNotifier, type Notifier } from './notifier';
import { hardenSession, hardenWebContents } from './security';
import { createAppTray } from './tray';
import type { TrayLevel } from './tray-state';
import { createMainWindow, keepInTrayOnClose } from './window';

export interface DesktopLog {
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface StartDesktopAppOptions<TReport extends object> {
  readonly services: AppServices<TReport>;
  /** Severities of a report's warnings, for the tray icon. */
  readonly severitiesOf: (report: TReport) => readonly Severity[];
  readonly preloadPath: string;
  readonly rendererDir: string;
  readonly trayIconPath: (level: TrayLevel) => string;
  readonly windowIconPath?: string;
  /** Started at login: stay in the tray until the user opens the window. */
  readonly startHidden: boolean;
  readonly devTools: boolean;
  readonly log: DesktopLog;
}

export interface DesktopApp {
  showWindow(): void;
  /** Shows the window and tells the renderer to open this warning. */
  openWarning(warningId: string | null): void;
  /** Native notifications; the monitor hands it what the notification diff produced. */
  readonly notifier: Notifier;
}

/**
 * Wires the services into the Electron shell (call after `app.whenReady()`): hardened session and
 * web contents, the app:// protocol, IPC handlers, events to the window, the tray, close-to-tray,
 * launch at login, and the notifier.
 */
export async function startDesktopApp<TReport extends object>(options: StartDesktopAppOptions<TReport>): Promise<DesktopApp> {
  const { services, log } = options;
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));
  hardenSession(session.defaultSession);
  handleAppProtocol(options.rendererDir);

  const state = await services.getState();
  let desktop: Pick<Settings, 'closeToTray' | 'launchAtLogin'> = state.settings;
  let paused = state.paused;
  let severities: readonly Severity[] | null = state.report === null ? null : options.severitiesOf(state.report);
  let window: BrowserWindow | null = null;
  let pendingWarning: string | null = null;
  let quitting = false;

  const appContents = () => (window === null || window.isDestroyed() ? null : window.webContents);
  const emit = createWindowEmitter(appContents);

  const tray = createAppTray(options.trayIconPath, {
    open: () => showWindow(),
    refreshNow: () => void handlers.refreshNow(undefined),
    setPaused: (next) => void handlers.setPaused({ paused: next }),
    quit: () => app.quit(),
  });
  const redrawTray = (): void => tray.update({ severities, paused });
  redrawTray();

  const onSettings = (settings: Settings): void => {
    desktop = settings;
    applyLaunchAtLogin(app, desktop.launchAtLogin, process.platform);
  };
  const base = createApiHandlers(services);
  const handlers: ApiHandlers = {
    ...base,
    updateSettings: async (request) => {
      const result = await base.updateSettings(request);
      if (result.ok) onSettings(result.value);
      return result;
    },
    muteKind: async (request) => {
      const result = await base.muteKind(request);
      if (result.ok) onSettings(result.value);
      return result;
    },
    setPaused: async (request) => {
      const result = await base.setPaused(request);
      if (result.ok) {
        paused = result.value.paused;
        redrawTray();
      }
      return result;
    },
  };
  const unregisterIpc = registerIpcHandlers({ ipcMain, handlers, appContents, log });
  const stopEvents = subscribeApiEvents(services, emit);
  const stopTrayUpdates = services.onReport((report) => {
    severities = options.severitiesOf(report);
    redrawTray();
  });
  applyLaunchAtLogin(app, desktop.launchAtLogin, process.platform);

  function sendPendingWarning(): void {
    if (pendingWarning === null) return;
    emit('openWarning', API_EVENTS.openWarning.channel, { warningId: pendingWarning });
    pendingWarning = null;
  }

  function showWindow(): void {
    if (window === null || window.isDestroyed()) {
      const created = createMainWindow({
        preloadPath: options.preloadPath,
        devTools: options.devTools,
        onLoadError: (error) => log.error('the window could not load the app', error),
        ...(options.windowIconPath === undefined ? {} : { iconPath: options.windowIconPath }),
      });
      keepInTrayOnClose(created, () => desktop.closeToTray, () => quitting);
      created.on('closed', () => {
        if (window === created) window = null;
      });
      // A warning clicked before the page was ready is sent once it has loaded.
      created.webContents.on('did-finish-load', sendPendingWarning);
      window = created;
      return;
    }
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  }

  function openWarning(warningId: string | null): void {
    pendingWarning = warningId;
    const loading = window === null || window.isDestroyed() || window.webContents.isLoading();
    showWindow();
    if (!loading) sendPendingWarning();
  }

  app.on('activate', () => showWindow());
  app.on('before-quit', () => {
    quitting = true;
  });
  // Without this handler Electron quits when the last window closes; with close-to-tray the
  // window only hides, so reaching here means the user really closed it.
  app.on('window-all-closed', () => {
    if (!desktop.closeToTray) app.quit();
  });
  app.on('will-quit', () => {
    stopTrayUpdates();
    stopEvents();
    unregisterIpc();
    tray.destroy();
  });

  if (!options.startHidden) showWindow();
  return { showWindow, openWarning, notifier: createNotifier(openWarning, log) };
}
