import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { API_METHODS, type ApiMethod } from '../shared/ipc/contract';
import type { ApiHandlers } from '../shared/ipc/create-api-handlers';
import type { EmitApiEvent } from '../shared/ipc/subscribe-api-events';
import { isTrustedAppUrl } from './trusted-url';

export interface IpcLog {
  warn(message: string): void;
}

export interface RegisterIpcHandlersOptions {
  readonly ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  readonly handlers: ApiHandlers;
  /** The app's window's web contents, or null while there is none. */
  readonly appContents: () => WebContents | null;
  readonly log: IpcLog;
}

/**
 * True only for a message from the top frame of the app's own window, showing an app:// page:
 * the sender's id must be the window's, and the frame's URL is parsed against the app origin.
 */
export function isAppSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, appContents: WebContents | null): boolean {
  if (appContents === null || appContents.isDestroyed()) return false;
  if (event.sender.id !== appContents.id) return false;
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null) return false;
  return isTrustedAppUrl(frame.url);
}

/**
 * Registers one `ipcMain.handle` per API method. A message from anything but the app's own window
 * is dropped (logged, answered with `null`); otherwise the request goes to its handler, which
 * validates it with the contract's schema and answers `{ ok, value }` or `{ ok: false, error }`.
 * Returns a function that removes every handler it registered.
 */
export function registerIpcHandlers(options: RegisterIpcHandlersOptions): () => void {
  const { ipcMain, handlers, appContents, log } = options;
  const methods = Object.keys(API_METHODS) as ApiMethod[]; // keys of a const object: exactly ApiMethod
  for (const method of methods) {
    const channel = API_METHODS[method].channel;
    ipcMain.handle(channel, async (event, request: unknown) => {
      if (!isAppSender(event, appContents())) {
        log.warn(`dropped ${channel} from an untrusted sender (${event.senderFrame?.url ?? 'no frame'})`);
        return null;
      }
      return handlers[method](request);
    });
  }
  return () => {
    for (const method of methods) ipcMain.removeHandler(API_METHODS[method].channel);
  };
}

/** Pushes API events to the app's window, when it exists. */
export function createWindowEmitter(appContents: () => WebContents | null): EmitApiEvent {
  return (_event, channel, payload) => {
    const contents = appContents();
    if (contents !== null && !contents.isDestroyed()) contents.send(channel, payload);
  };
}
