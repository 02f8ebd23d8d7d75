// The renderer's one way to the core: the Electron preload's object, or else the web host's
// WebSocket client.
import { API_GLOBAL_NAME } from '../../shared/ipc/channels';
import type { MatryoshkaApi } from '../../shared/ipc/contract';
import { createWebApiClient, type WebApiClient } from './web-api-client';

declare global {
  interface Window {
    readonly matryoshka?: MatryoshkaApi;
  }
}

/** The API and, in the web face, its browser-notification events. */
export interface RendererApi {
  readonly api: MatryoshkaApi;
  /** Present in the web face only: the host pushes notifications for the page to show. */
  readonly web: WebApiClient | null;
}

let cached: RendererApi | null = null;

export function getApi(): RendererApi {
  if (cached !== null) return cached;
  const bridged = window[API_GLOBAL_NAME];
  if (bridged !== undefined) {
    cached = { api: bridged, web: null };
  } else {
    const client = createWebApiClient(window.location);
    cached = { api: client, web: client };
  }
  return cached;
}
