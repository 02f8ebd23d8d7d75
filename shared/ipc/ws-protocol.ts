/**
 * The web host's WebSocket wire protocol: the same API as the Electron preload (./contract),
 * carried as JSON text frames. The server side lives in node/web/ (see node/web/ws-protocol.ts for
 * the full description, security rules included); a browser client needs only this module.
 *
 * Summary (every frame is one JSON object):
 * - Client -> server, authentication (only when the page's cookie did not already authenticate
 *   the socket): `{ "token": "<token>" }` as the first frame.
 * - Client -> server, a call: `{ "id": 1, "method": "addWallet", "params": { "input": "0x…" } }`.
 *   `method` is a key of `API_METHODS`; `params` is the method's request (omitted or `null` for
 *   methods without one).
 * - Server -> client, the answer: `{ "id": 1, "ok": true, "result": … }` or
 *   `{ "id": 1, "ok": false, "error": { "code": "invalid-input", "message": "…" } }`.
 *   `id` is `null` when the frame was too malformed to carry one.
 * - Server -> client, a pushed event: `{ "event": "report", "payload": … }` for each key of
 *   `WS_EVENTS` (the contract's `API_EVENTS` plus `ready` and `notification`).
 * - Calls may be sent before `ready` arrives (right after the auth frame); each is answered by id,
 *   not necessarily in the order sent.
 *
 * Bigints travel as tagged strings (./codec), exactly as over Electron IPC.
 */
import { z } from 'zod';
import { API_METHODS, API_EVENTS, apiErrorSchema, type ApiMethod } from './contract';
import { SEVERITIES } from '../report';

/** Version of this protocol, announced in the `ready` event. */
export const WS_PROTOCOL_VERSION = 1;

/** Path of the WebSocket endpoint on the web host. */
export const WS_PATH = '/api';

/**
 * Name of the HttpOnly cookie that carries the session token. Cookies are shared by every port of
 * a host, so the name carries the port: two web hosts on one machine never overwrite each other's.
 */
export function wsTokenCookieName(port: number): string {
  return `matryoshka_token_${port}`;
}

/** Close codes the server uses (4000-4999 is the application range). */
export const WS_CLOSE_CODES = {
  /** No valid token (cookie or first frame). */
  unauthorized: 4401,
  /** No authentication frame in time. */
  authTimeout: 4408,
  /** The host is shutting down. */
  goingAway: 1001,
} as const;

/** A request id chosen by the client: a non-negative integer or a short string. */
export const wsRequestIdSchema = z.union([z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER), z.string().min(1).max(100)]);
export type WsRequestId = z.infer<typeof wsRequestIdSchema>;

/** The method names a client may call. */
const methodNames = Object.keys(API_METHODS) as [ApiMethod, ...ApiMethod[]]; // Object.keys loses the literal key type.

/** First frame of a socket that the cookie did not authenticate. */
export const wsAuthMessageSchema = z.strictObject({ token: z.string().min(1).max(200) });
export type WsAuthMessage = z.infer<typeof wsAuthMessageSchema>;

/**
 * A call. `params` is checked by the method's own request schema on the server (an invalid one
 * is answered with `invalid-input`), so here it is any JSON value.
 */
export const wsRequestSchema = z.strictObject({
  id: wsRequestIdSchema,
  method: z.enum(methodNames),
  params: z.json().optional(),
});
export type WsRequest = z.infer<typeof wsRequestSchema>;

/** The answer to one call: a result or a typed error (the contract's `{ code, message }`). */
export const wsResponseSchema = z.discriminatedUnion('ok', [
  z.strictObject({ id: wsRequestIdSchema, ok: z.literal(true), result: z.json() }),
  z.strictObject({ id: wsRequestIdSchema.nullable(), ok: z.literal(false), error: apiErrorSchema }),
]);
export type WsResponse = z.infer<typeof wsResponseSchema>;

/** A notification the web face shows with the browser's Notification API. */
export const wsNotificationSchema = z.strictObject({
  title: z.string().max(500),
  body: z.string().max(4000),
  severity: z.enum(SEVERITIES),
  /** The warning to open when the user clicks it; null for a summary of several. */
  warningId: z.string().min(1).max(500).nullable(),
});
export type WsNotification = z.infer<typeof wsNotificationSchema>;

/** Every event the server pushes, with its payload schema. */
export const WS_EVENTS = {
  /** Sent once the socket is authenticated. */
  ready: z.strictObject({ protocol: z.literal(WS_PROTOCOL_VERSION) }),
  report: API_EVENTS.report.payload,
  progress: API_EVENTS.progress.payload,
  /** Open this warning (sent by the host through `broadcast`; a click on a browser notification is handled in the page). */
  openWarning: API_EVENTS.openWarning.payload,
  notification: wsNotificationSchema,
} as const;
export type WsEventName = keyof typeof WS_EVENTS;
export type WsEventPayload<E extends WsEventName> = z.output<(typeof WS_EVENTS)[E]>;

/** A pushed event frame. */
export const wsEventMessageSchema = z.discriminatedUnion('event', [
  z.strictObject({ event: z.literal('ready'), payload: WS_EVENTS.ready }),
  z.strictObject({ event: z.literal('report'), payload: WS_EVENTS.report }),
  z.strictObject({ event: z.literal('progress'), payload: WS_EVENTS.progress }),
  z.strictObject({ event: z.literal('openWarning'), payload: WS_EVENTS.openWarning }),
  z.strictObject({ event: z.literal('notification'), payload: WS_EVENTS.notification }),
]);
export type WsEventMessage = z.infer<typeof wsEventMessageSchema>;

/** Any frame the server sends. */
export const wsServerMessageSchema = z.union([wsResponseSchema, wsEventMessageSchema]);
export type WsServerMessage = z.infer<typeof wsServerMessageSchema>;
