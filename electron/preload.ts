import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_CHANNELS, API_GLOBAL_NAME, EVENT_CHANNELS } from '../shared/ipc/channels';
import type { ApiMethod, ApiResult, MatryoshkaApi, Unsubscribe } from '../shared/ipc/contract';

// The only things the page gets: one method per channel, and subscriptions that hand over the
// payload (never the IPC event, never ipcRenderer itself).

function invoke<T>(method: ApiMethod, request?: unknown): Promise<ApiResult<T>> {
  // The main process answers with the contract's result for this method (checked there against its schema).
  return ipcRenderer.invoke(API_CHANNELS[method], request) as Promise<ApiResult<T>>;
}

function subscribe<T>(channel: (typeof EVENT_CHANNELS)[keyof typeof EVENT_CHANNELS], listener: (payload: T) => void): Unsubscribe {
  const relay = (_event: IpcRendererEvent, payload: T): void => listener(payload);
  ipcRenderer.on(channel, relay);
  return () => {
    ipcRenderer.removeListener(channel, relay);
  };
}

const api = {
  getState: () => invoke('getState'),
  addWallet: (request) => invoke('addWallet', request),
  removeWallet: (request) => invoke('removeWallet', request),
  renameWallet: (request) => invoke('renameWallet', request),
  updateSettings: (patch) => invoke('updateSettings', patch),
  refreshNow: () => invoke('refreshNow'),
  setPaused: (request) => invoke('setPaused', request),
  testRpc: (request) => invoke('testRpc', request),
  muteKind: (request) => invoke('muteKind', request),
  onReport: (listener) => subscribe(EVENT_CHANNELS.report, listener),
  onProgress: (listener) => subscribe(EVENT_CHANNELS.progress, listener),
  onOpenWarning: (listener) => subscribe(EVENT_CHANNELS.openWarning, listener),
} satisfies MatryoshkaApi;

contextBridge.exposeInMainWorld(API_GLOBAL_NAME, api);
