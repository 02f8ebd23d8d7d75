import { BrowserWindow, type WebPreferences } from 'electron';
import { APP_ENTRY_URL } from './trusted-url';

/** The only web preferences any window of the app gets. */
export function hardenedWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    // The page and the preload live in separate JavaScript worlds: the page cannot reach Electron internals.
    contextIsolation: true,
    // The renderer runs in Chromium's OS-level sandbox; the preload gets only a tiny Electron API.
    sandbox: true,
    // The page never gets `require` or `process`.
    nodeIntegration: false,
    // Web workers do not get Node either.
    nodeIntegrationInWorker: false,
    // Subframes do not get the preload or Node.
    nodeIntegrationInSubFrames: false,
    // No <webview>: it would embed content outside these rules.
    webviewTag: false,
    // There is no `remote` module to switch off: Electron removed it, and @electron/remote is not a dependency.
    // Same-origin policy stays on.
    webSecurity: true,
    // No http content in an app page, ever.
    allowRunningInsecureContent: false,
    // No experimental Blink features with unknown security properties.
    experimentalFeatures: false,
    // No drag-and-drop or devtools-driven navigation away from the app (navigation is blocked too).
    navigateOnDragDrop: false,
    // The spellchecker downloads dictionaries from Google; the app has no free text to check.
    spellcheck: false,
    // Developer tools only in development builds; a packaged app has none.
    devTools,
  };
}

export interface CreateMainWindowOptions {
  readonly preloadPath: string;
  readonly devTools: boolean;
  readonly iconPath?: string;
  /** Called when the renderer cannot be loaded (missing build, broken protocol handler). */
  readonly onLoadError: (error: unknown) => void;
}

/**
 * The one factory for the app's window: hardened preferences, hidden until the first paint, loads
 * the renderer from `app://matryoshka/`.
 */
export function createMainWindow(options: CreateMainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 800,
    minHeight: 600,
    show: false,
    title: 'Matryoshka',
    backgroundColor: '#111418',
    ...(options.iconPath === undefined ? {} : { icon: options.iconPath }),
    webPreferences: hardenedWebPreferences(options.preloadPath, options.devTools),
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch(options.onLoadError);
  return window;
}

/**
 * Closing the window hides it instead (monitoring goes on in the tray) while `keepInTray()` says
 * so, unless the app is quitting.
 */
export function keepInTrayOnClose(window: BrowserWindow, keepInTray: () => boolean, isQuitting: () => boolean): void {
  window.on('close', (event) => {
    if (isQuitting() || !keepInTray()) return;
    event.preventDefault();
    window.hide();
  });
}
