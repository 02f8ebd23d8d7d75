/**
 * The web host's WebSocket protocol, server side. The schemas are in shared/ipc/ws-protocol.ts so
 * that a browser client can use them; this module reads the frames a client sends.
 *
 * ## Connecting
 * 1. Open the page with the URL the host prints (`http://127.0.0.1:PORT/?token=T`). The host sets
 *    the HttpOnly, SameSite=Strict cookie `matryoshka_token_PORT` and redirects to `/` (the token
 *    leaves the address bar and the history).
 * 2. Open `ws://127.0.0.1:PORT/api` (`WS_PATH`) from that page. The upgrade request must carry an
 *    `Origin` equal to the page's origin and a loopback `Host` (`127.0.0.1:PORT`, `localhost:PORT`
 *    or `[::1]:PORT`; DNS rebinding defence), or it is refused with HTTP 403 before any frame.
 * 3. When the cookie came with the upgrade the socket is authenticated at once. Otherwise the
 *    first frame must be `{ "token": "T" }` (a non-browser client, or a browser without the cookie);
 *    any other first frame, or a wrong token, closes the socket with code 4401; no frame within
 *    10 s closes it with 4408.
 * 4. Once authenticated the server sends `{ "event": "ready", "payload": { "protocol": 1 } }`.
 *
 * ## Calls
 * `{ "id": 7, "method": "renameWallet", "params": { "address": "0x…", "label": "cold" } }`
 * - `id`: a non-negative integer or a string of 1-100 characters, echoed in the answer.
 * - `method`: a key of the contract's `API_METHODS` (getState, addWallet, removeWallet,
 *   renameWallet, updateSettings, refreshNow, setPaused, testRpc, muteKind).
 * - `params`: the method's request, exactly as the preload's method takes it; omit it (or send
 *   `null`) for methods without one.
 * The handler is the same `createApiHandlers` (shared/ipc) the Electron main process registers,
 * so validation and error codes are identical. Answers:
 * - `{ "id": 7, "ok": true, "result": <the method's response, bigints as tagged strings> }`
 * - `{ "id": 7, "ok": false, "error": { "code": "not-found", "message": "…" } }`
 * A frame that is not JSON, not text, not an object of the shape above, or names an unknown
 * method is answered with `invalid-input` (`id` echoed when the frame had a valid one, else
 * `null`) and the socket keeps serving.
 *
 * ## Pushed events
 * `{ "event": E, "payload": P }` for E in `WS_EVENTS`: `report` (encoded report after every
 * refresh), `progress`, `openWarning`, `notification` (to show with the browser's Notification
 * API), and `ready` (above).
 *
 * ## Limits
 * Frames above 1 MiB close the socket (1009). At most 64 calls in flight per socket; more are
 * answered with `invalid-input`.
 */
import { z } from 'zod';
import type { ApiErrorData } from '../../shared/ipc/contract';
import { wsAuthMessageSchema, wsRequestIdSchema, wsRequestSchema, type WsRequest, type WsRequestId } from '../../shared/ipc/ws-protocol';

/** What one client frame turned out to be. */
export type ClientFrame =
  | { readonly kind: 'request'; readonly request: WsRequest }
  | { readonly kind: 'auth'; readonly token: string }
  | { readonly kind: 'invalid'; readonly id: WsRequestId | null; readonly error: ApiErrorData };

/**
 * Reads one frame a client sent. Never throws: anything that is not a well-formed call or
 * authentication frame comes back as `invalid` with a typed `invalid-input` error.
 */
export function parseClientFrame(data: string | Buffer, isBinary: boolean): ClientFrame {
  if (isBinary) return invalid(null, 'binary frames are not accepted; send JSON text');
  const text = typeof data === 'string' ? data : data.toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return invalid(null, 'the frame is not valid JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return invalid(null, 'a frame must be a JSON object');
  }
  const auth = wsAuthMessageSchema.safeParse(json);
  if (auth.success) return { kind: 'auth', token: auth.data.token };

  const rawId = 'id' in json ? wsRequestIdSchema.safeParse(json.id) : null;
  const id = rawId?.success === true ? rawId.data : null;
  const request = wsRequestSchema.safeParse(json);
  if (!request.success) {
    const method = 'method' in json ? json.method : undefined;
    if (typeof method === 'string' && request.error.issues.some((issue) => issue.path[0] === 'method')) {
      return invalid(id, `unknown method ${JSON.stringify(method.slice(0, 100))}`);
    }
    return invalid(id, `malformed call: ${z.prettifyError(request.error).slice(0, 1000)}`);
  }
  return { kind: 'request', request: request.data };
}

function invalid(id: WsRequestId | null, message: string): ClientFrame {
  return { kind: 'invalid', id, error: { code: 'invalid-input', message } };
}
