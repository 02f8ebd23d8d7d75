import type { AppServices } from './app-services';
import { API_EVENTS, type ApiEvent, type ApiEventPayload, type MatryoshkaApi, type Unsubscribe } from './contract';
import { createApiHandlers } from './create-api-handlers';
import { subscribeApiEvents } from './subscribe-api-events';

/** A `MatryoshkaApi` served in the same process, and its controls. */
export interface InProcessApi {
  readonly api: MatryoshkaApi;
  /** Pushes an event to the API's subscribers (e.g. a notification click). */
  emit<E extends ApiEvent>(event: E, payload: ApiEventPayload<E>): void;
  /** Stops forwarding the services' events. */
  dispose(): void;
}

/** Simulates the process boundary: only JSON crosses it. */
function wire<T>(value: T): T {
  return value === undefined ? value : JSON.parse(JSON.stringify(value));
}

/**
 * The typed mock of the API: the same handlers the real faces register, called in process, with
 * every request, response and event passed through JSON as it would be over IPC or a WebSocket.
 * Renderer tests and tools use it with `createInMemoryServices` (or any `AppServices`).
 */
export function createInProcessApi<TReport extends object>(services: AppServices<TReport>): InProcessApi {
  const handlers = createApiHandlers(services);
  const listeners: { [E in ApiEvent]: Set<(payload: ApiEventPayload<E>) => void> } = {
    report: new Set(),
    progress: new Set(),
    openWarning: new Set(),
  };
  const emit = <E extends ApiEvent>(event: E, payload: ApiEventPayload<E>): void => {
    const parsed = API_EVENTS[event].payload.parse(wire(payload));
    // `listeners[event]` is the set for this very event; the generic index loses that link.
    for (const listener of listeners[event] as Set<(payload: unknown) => void>) listener(parsed);
  };
  const on =
    <E extends ApiEvent>(event: E) =>
    (listener: (payload: ApiEventPayload<E>) => void): Unsubscribe => {
      const set = listeners[event];
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    };
  const dispose = subscribeApiEvents(services, (event, _channel, payload) => emit(event, payload));
  const api = {
    getState: async () => wire(await handlers.getState(undefined)),
    addWallet: async (request) => wire(await handlers.addWallet(wire(request))),
    removeWallet: async (request) => wire(await handlers.removeWallet(wire(request))),
    renameWallet: async (request) => wire(await handlers.renameWallet(wire(request))),
    updateSettings: async (patch) => wire(await handlers.updateSettings(wire(patch))),
    refreshNow: async () => wire(await handlers.refreshNow(undefined)),
    setPaused: async (request) => wire(await handlers.setPaused(wire(request))),
    testRpc: async (request) => wire(await handlers.testRpc(wire(request))),
    muteKind: async (request) => wire(await handlers.muteKind(wire(request))),
    onReport: on('report'),
    onProgress: on('progress'),
    onOpenWarning: on('openWarning'),
  } satisfies MatryoshkaApi;
  return { api, emit, dispose };
}
