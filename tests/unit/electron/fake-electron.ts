// A small stand-in for the parts of Electron the main process and preload use, for
// `vi.mock('electron', () => import('./fake-electron'))`. Every fake records what it was asked to
// do, so tests assert on behaviour (a navigation prevented, a permission denied), not on calls.
import { vi } from 'vitest';

type Listener = (...args: never[]) => unknown;

export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }

  removeListener(event: string, listener: Listener): this {
    this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== listener));
    return this;
  }

  /** Calls every listener of `event` with `args`; returns what they returned. */
  emit(event: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(event) ?? []).map((listener) => (listener as (...a: unknown[]) => unknown)(...args));
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

/** An Electron event: records preventDefault. */
export function fakeEvent<T extends object>(fields: T = {} as T): T & { defaultPrevented: boolean; preventDefault(): void } {
  return {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

let nextId = 1;

export class FakeWebContents extends FakeEmitter {
  readonly id = nextId++;
  url = 'app://matryoshka/index.html';
  destroyed = false;
  loading = false;
  readonly sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;

  getURL(): string {
    return this.url;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isLoading(): boolean {
    return this.loading;
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
}

export class BrowserWindow extends FakeEmitter {
  static readonly instances: BrowserWindow[] = [];
  /** Set to make the next window's `loadURL` fail. */
  static failNextLoad: Error | null = null;
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async (_url: string) => {
    const failure = BrowserWindow.failNextLoad;
    BrowserWindow.failNextLoad = null;
    if (failure !== null) throw failure;
  });
  visible = false;
  destroyed = false;
  minimized = false;

  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.instances.push(this);
  }

  show(): void {
    this.visible = true;
  }

  hide(): void {
    this.visible = false;
  }

  focus(): void {}

  restore(): void {
    this.minimized = false;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export interface FakeMenuItem {
  readonly label?: string;
  readonly type?: string;
  readonly enabled?: boolean;
  readonly click?: () => void;
}

export const Menu = {
  buildFromTemplate: (template: FakeMenuItem[]) => ({ items: template }),
};

export const nativeImage = {
  createFromPath: (path: string) => ({ path }),
};

export class Tray extends FakeEmitter {
  static readonly instances: Tray[] = [];
  image: { path: string };
  tooltip = '';
  menu: { items: FakeMenuItem[] } | null = null;
  destroyed = false;

  constructor(image: { path: string }) {
    super();
    this.image = image;
    Tray.instances.push(this);
  }

  setImage(image: { path: string }): void {
    this.image = image;
  }

  setToolTip(tooltip: string): void {
    this.tooltip = tooltip;
  }

  setContextMenu(menu: { items: FakeMenuItem[] }): void {
    this.menu = menu;
  }

  destroy(): void {
    this.destroyed = true;
  }
}

export class Notification extends FakeEmitter {
  static readonly instances: Notification[] = [];
  static readonly isSupported = vi.fn(() => true);
  /** Set to make the next `show()` throw, like a broken notification daemon. */
  static failNextShow: Error | null = null;
  shown = false;

  constructor(readonly options: { title: string; body: string; urgency?: string; silent?: boolean }) {
    super();
    Notification.instances.push(this);
  }

  show(): void {
    const failure = Notification.failNextShow;
    Notification.failNextShow = null;
    if (failure !== null) throw failure;
    this.shown = true;
  }
}

export const shell = { openExternal: vi.fn(async (_url: string) => undefined) };

export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn(),
};

export const safeStorage = {
  isEncryptionAvailable: vi.fn(() => true),
  // Reversible, but visibly not the plain text; decryption fails on anything it did not produce.
  encryptString: (plain: string) => Buffer.from(`sealed:${[...plain].reverse().join('')}`, 'utf8'),
  decryptString: (data: Buffer) => {
    const text = data.toString('utf8');
    if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return [...text.slice('sealed:'.length)].reverse().join('');
  },
};

export class FakeSession {
  permissionRequestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | null = null;
  permissionCheckHandler: ((contents: unknown, permission: string, origin: string, details: unknown) => boolean) | null = null;
  devicePermissionHandler: ((details: unknown) => boolean) | null = null;
  headersListener: ((details: { url: string; responseHeaders?: Record<string, string[]> }, callback: (response: { responseHeaders?: Record<string, string[]> }) => void) => void) | null = null;

  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']): void {
    this.permissionCheckHandler = handler;
  }

  setDevicePermissionHandler(handler: FakeSession['devicePermissionHandler']): void {
    this.devicePermissionHandler = handler;
  }

  readonly webRequest = {
    onHeadersReceived: (listener: FakeSession['headersListener']) => {
      this.headersListener = listener;
    },
  };
}

export const session = { defaultSession: new FakeSession() };

export class FakeIpcMain {
  readonly handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();

  handle(channel: string, handler: (event: unknown, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
}

export const ipcMain = new FakeIpcMain();

class FakeIpcRenderer extends FakeEmitter {
  readonly invoke = vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => ({ ok: true, value: null }));
}

export const ipcRenderer = new FakeIpcRenderer();

export const contextBridge = { exposeInMainWorld: vi.fn() };

class FakeApp extends FakeEmitter {
  readonly quit = vi.fn();
  hasLock = true;
  loginItem = { openAtLogin: false, wasOpenedAsHidden: false };
  readonly setLoginItemSettings = vi.fn((settings: { openAtLogin: boolean }) => {
    this.loginItem = { ...this.loginItem, openAtLogin: settings.openAtLogin };
  });

  requestSingleInstanceLock(): boolean {
    return this.hasLock;
  }

  getLoginItemSettings(): { openAtLogin: boolean; wasOpenedAsHidden: boolean } {
    return this.loginItem;
  }
}

export const app = new FakeApp();
