// MatryoshkaApi over the web host's WebSocket (shared/ipc/ws-protocol.ts). The page's cookie
// authenticates the socket; a `?token=` left in the URL is sent as the first frame instead.
import type { ApiMethod, ApiResult, EncodedReport, MatryoshkaApi, Progress, Unsubscribe, ApiEventPayload } from '../../shared/ipc/contract';
import { WS_PATH, wsServerMessageSchema, type WsNotification } from '../../shared/ipc/ws-protocol';

export interface WebApiClient extends MatryoshkaApi {
  onNotification(listener: (notification: WsNotification) => void): Unsubscribe;
  close(): void;
}

interface Pending {
  readonly resolve: (result: ApiResult<unknown>) => void;
}

type Listeners = {
  report: Set<(report: EncodedReport) => void>;
  progress: Set<(progress: Progress) => void>;
  openWarning: Set<(event: ApiEventPayload<'openWarning'>) => void>;
  notification: Set<(notification: WsNotification) => void>;
};

/** Minimal shape of the page location the client needs (testable without a browser). */
export interface ClientLocation {
  readonly protocol: string;
  readonly host: string;
  readonly search: string;
}

export function createWebApiClient(location: ClientLocation, makeSocket: (url: string) => WebSocket = (url) => new WebSocket(url)): WebApiClient {
  const url = `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${WS_PATH}`;
  const token = new URLSearchParams(location.search).get('token');
  const pending = new Map<number, Pending>();
  const listeners: Listeners = { report: new Set(), progress: new Set(), openWarning: new Set(), notification: new Set() };
  let nextId = 1;
  let socket: WebSocket | null = null;
  let open: Promise<WebSocket> | null = null;
  let closed = false;
  let retryMs = 500;

  function failAll(message: string): void {
    for (const entry of pending.values()) entry.resolve({ ok: false, error: { code: 'internal', message } });
    pending.clear();
  }

  function handle(text: string): void {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return;
    }
    const parsed = wsServerMessageSchema.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    if ('event' in message) {
      if (message.event === 'report') for (const l of listeners.report) l(message.payload);
      else if (message.event === 'progress') for (const l of listeners.progress) l(message.payload);
      else if (message.event === 'openWarning') for (const l of listeners.openWarning) l(message.payload);
      else if (message.event === 'notification') for (const l of listeners.notification) l(message.payload);
      return;
    }
    if (typeof message.id !== 'number') return;
    const entry = pending.get(message.id);
    if (entry === undefined) return;
    pending.delete(message.id);
    entry.resolve(message.ok ? { ok: true, value: message.result } : { ok: false, error: message.error });
  }

  function connect(): Promise<WebSocket> {
    if (open !== null) return open;
    open = new Promise<WebSocket>((resolve, reject) => {
      const ws = makeSocket(url);
      ws.addEventListener('open', () => {
        retryMs = 500;
        if (token !== null) ws.send(JSON.stringify({ token }));
        socket = ws;
        resolve(ws);
      });
      ws.addEventListener('message', (event: MessageEvent) => {
        if (typeof event.data === 'string') handle(event.data);
      });
      ws.addEventListener('close', (event: CloseEvent) => {
        socket = null;
        open = null;
        failAll(event.reason === '' ? 'the connection to the web host closed' : event.reason);
        reject(new Error('closed'));
        // Reconnect so pushed events keep coming after a host restart.
        if (!closed && event.code !== 4401) {
          setTimeout(() => void connect().catch(() => undefined), retryMs);
          retryMs = Math.min(retryMs * 2, 10_000);
        }
      });
    });
    return open;
  }

  async function call<T>(method: ApiMethod, params?: unknown): Promise<ApiResult<T>> {
    let ws: WebSocket;
    try {
      ws = socket ?? (await connect());
    } catch {
      return { ok: false, error: { code: 'internal', message: 'cannot connect to the web host' } };
    }
    const id = nextId++;
    // The host answers with this method's contract result (checked there against its schema).
    const result = new Promise<ApiResult<T>>((resolve) => pending.set(id, { resolve: resolve as (r: ApiResult<unknown>) => void }));
    ws.send(JSON.stringify(params === undefined ? { id, method } : { id, method, params }));
    return result;
  }

  function subscribe<K extends keyof Listeners>(key: K, listener: Parameters<Listeners[K]['add']>[0]): Unsubscribe {
    const set = listeners[key] as Set<typeof listener>;
    set.add(listener);
    void connect().catch(() => undefined);
    return () => {
      set.delete(listener);
    };
  }

  return {
    getState: () => call('getState'),
    addWallet: (request) => call('addWallet', request),
    removeWallet: (request) => call('removeWallet', request),
    renameWallet: (request) => call('renameWallet', request),
    updateSettings: (patch) => call('updateSettings', patch),
    refreshNow: () => call('refreshNow'),
    setPaused: (request) => call('setPaused', request),
    testRpc: (request) => call('testRpc', request),
    muteKind: (request) => call('muteKind', request),
    onReport: (listener) => subscribe('report', listener),
    onProgress: (listener) => subscribe('progress', listener),
    onOpenWarning: (listener) => subscribe('openWarning', listener),
    onNotification: (listener) => subscribe('notification', listener),
    close: () => {
      closed = true;
      socket?.close();
    },
  };
}
