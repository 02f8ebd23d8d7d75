import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import type { AppServices } from '../../shared/ipc/app-services';
import { createApiHandlers } from '../../shared/ipc/create-api-handlers';
import { subscribeApiEvents } from '../../shared/ipc/subscribe-api-events';
import {
  WS_CLOSE_CODES,
  WS_PATH,
  WS_PROTOCOL_VERSION,
  wsTokenCookieName,
  type WsEventName,
  type WsEventPayload,
  type WsRequestId,
  type WsResponse,
} from '../../shared/ipc/ws-protocol';
import type { ApiErrorData } from '../../shared/ipc/contract';
import { contentSecurityPolicy } from './content-security-policy';
import { contentTypeOf } from './content-type-of';
import { createRequestGuard } from './create-request-guard';
import { parseClientFrame } from './ws-protocol';
import { readCookie } from './read-cookie';
import { resolveStaticPath } from './resolve-static-path';
import { tokensEqual } from './tokens-equal';

export type WebHostLog = Pick<Console, 'info' | 'warn' | 'error'>;

export interface StartWebHostOptions<TReport extends object> {
  readonly services: AppServices<TReport>;
  /** The built renderer (out/renderer): index.html and its assets. */
  readonly rendererDir: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Interface to bind; loopback only unless `allowRemote` is set. */
  readonly host?: string;
  /** Allow a non-loopback `host` (a warning is logged). */
  readonly allowRemote?: boolean;
  /** Extra host names the Host/Origin checks accept (for a remote bind reached by a LAN name). */
  readonly allowedHostNames?: readonly string[];
  /** Session token; a random 256-bit one by default. At least 16 of `A-Za-z0-9_-`. */
  readonly token?: string;
  /** Unauthenticated sockets are closed after this long (default 10 s). */
  readonly authTimeoutMs?: number;
  readonly log?: WebHostLog;
}

export interface WebHost {
  /** The URL to open, token included. */
  readonly url: string;
  /** The page's origin, e.g. `http://127.0.0.1:8790`. */
  readonly origin: string;
  readonly host: string;
  readonly port: number;
  readonly token: string;
  /** Pushes an event to every authenticated socket (report and progress are pushed already). */
  broadcast<E extends WsEventName>(event: E, payload: WsEventPayload<E>): void;
  /** Authenticated sockets open now. */
  connectionCount(): number;
  /** Closes every socket and the server; stops listening to the services. */
  close(): Promise<void>;
}

const MAX_PAYLOAD = 1024 * 1024;
const MAX_SOCKETS = 32;
const MAX_IN_FLIGHT = 64;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,200}$/;

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Serves the built renderer and the app's API over a WebSocket on loopback. Every HTTP request and
 * socket needs the session token (query parameter once, then an HttpOnly SameSite=Strict cookie;
 * for sockets the cookie or a first `{ token }` frame), a loopback Host header and, when present
 * (always, for sockets), a matching Origin. See ./ws-protocol for the wire protocol.
 */
export async function startWebHost<TReport extends object>(options: StartWebHostOptions<TReport>): Promise<WebHost> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? console;
  if (!isLoopback(host)) {
    if (options.allowRemote !== true) {
      throw new Error(`refusing to serve on ${host}: the web host binds loopback only unless remote access is allowed explicitly`);
    }
    log.warn(`warning: serving on ${host}, reachable from other machines; anyone with the token can see and change your watch list`);
  }
  const token = options.token ?? randomBytes(32).toString('base64url');
  if (!TOKEN_PATTERN.test(token)) throw new Error('the token must be at least 16 characters of A-Z, a-z, 0-9, _ and -');
  const authTimeoutMs = options.authTimeoutMs ?? 10_000;
  const handlers = createApiHandlers(options.services);

  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the server has no TCP address');
  const port = address.port;

  const extraNames = [...(isLoopback(host) || host === '0.0.0.0' || host === '::' ? [] : [host]), ...(options.allowedHostNames ?? [])];
  const guard = createRequestGuard({ port, extraHostNames: extraNames });
  const csp = contentSecurityPolicy(port, ['127.0.0.1', 'localhost', ...extraNames]);
  const cookieName = wsTokenCookieName(port);
  const origin = `http://${urlHost(host)}:${port}`;
  const sockets = new Set<WebSocket>();

  const baseHeaders: Record<string, string> = {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };

  function sendText(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
    res.writeHead(status, { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8', ...extra });
    res.end(`${text}\n`);
  }

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!guard.hostAllowed(req.headers.host)) return sendText(res, 403, 'Forbidden: unexpected Host header.');
    if (!guard.originAllowed(req.headers.origin, false)) return sendText(res, 403, 'Forbidden: foreign Origin.');
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed.', { Allow: 'GET, HEAD' });
    const raw = req.url ?? '/';
    if (!raw.startsWith('/')) return sendText(res, 400, 'Bad request path.');
    let url: URL;
    try {
      url = new URL(raw, origin);
    } catch {
      return sendText(res, 400, 'Bad request path.');
    }
    if (hasDotSegment(raw.split('?')[0] ?? '')) return sendText(res, 400, 'Bad request path.');

    const queryToken = url.searchParams.get('token');
    if (queryToken !== null) {
      if (!tokensEqual(queryToken, token)) return sendText(res, 401, 'Unauthorized: wrong token. Open the URL the web host printed when it started.');
      url.searchParams.delete('token');
      res.writeHead(303, {
        ...baseHeaders,
        'Set-Cookie': `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: `${url.pathname}${url.search}`,
      });
      res.end();
      return;
    }
    if (!tokensEqual(readCookie(req.headers.cookie, cookieName), token)) {
      return sendText(res, 401, 'Unauthorized: open the URL the web host printed when it started (it carries the token).');
    }
    if (url.pathname === WS_PATH) return sendText(res, 426, 'This path speaks WebSocket.', { Upgrade: 'websocket' });

    const file = await resolveStaticPath(options.rendererDir, url.pathname);
    if (file === null) {
      return sendText(res, 404, url.pathname === '/' ? 'The app is not built yet: run `npm run build`, then reload.' : 'Not found.');
    }
    const body = await readFile(file);
    res.writeHead(200, { ...baseHeaders, 'Content-Type': contentTypeOf(file), 'Content-Length': String(body.length) });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  server.on('request', (req, res) => {
    handleHttp(req, res).catch((error: unknown) => {
      log.error('web host: request failed', error);
      if (!res.headersSent) sendText(res, 500, 'Internal error.');
      else res.destroy();
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD });

  function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    socket.destroy();
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', (error) => log.warn('web host: socket error during upgrade', error));
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', origin).pathname;
    } catch {
      return refuseUpgrade(socket, 400, 'Bad Request');
    }
    if (pathname !== WS_PATH) return refuseUpgrade(socket, 404, 'Not Found');
    if (!guard.hostAllowed(req.headers.host)) return refuseUpgrade(socket, 403, 'Forbidden');
    if (!guard.originAllowed(req.headers.origin, true)) return refuseUpgrade(socket, 403, 'Forbidden');
    if (sockets.size >= MAX_SOCKETS) return refuseUpgrade(socket, 503, 'Service Unavailable');
    const cookieOk = tokensEqual(readCookie(req.headers.cookie, cookieName), token);
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, cookieOk));
  });

  function send(ws: WebSocket, message: WsResponse | { event: WsEventName; payload: unknown }): void {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
  }

  function fail(ws: WebSocket, id: WsRequestId | null, error: ApiErrorData): void {
    send(ws, { id, ok: false, error });
  }

  function serveSocket(ws: WebSocket, cookieOk: boolean): void {
    let authenticated = false;
    let inFlight = 0;
    let authTimer: NodeJS.Timeout | null = null;
    const authenticate = (): void => {
      authenticated = true;
      sockets.add(ws);
      send(ws, { event: 'ready', payload: { protocol: WS_PROTOCOL_VERSION } });
    };
    if (cookieOk) authenticate();
    else authTimer = setTimeout(() => ws.close(WS_CLOSE_CODES.authTimeout, 'authentication timeout'), authTimeoutMs);

    ws.on('message', (data: RawData, isBinary: boolean) => {
      const frame = parseClientFrame(toBuffer(data), isBinary);
      if (!authenticated) {
        if (authTimer !== null) clearTimeout(authTimer);
        authTimer = null;
        if (frame.kind === 'auth' && tokensEqual(frame.token, token)) authenticate();
        else ws.close(WS_CLOSE_CODES.unauthorized, 'unauthorized');
        return;
      }
      if (frame.kind === 'auth') return fail(ws, null, { code: 'invalid-input', message: 'the socket is already authenticated' });
      if (frame.kind === 'invalid') return fail(ws, frame.id, frame.error);
      const { id, method, params } = frame.request;
      if (inFlight >= MAX_IN_FLIGHT) return fail(ws, id, { code: 'invalid-input', message: `more than ${MAX_IN_FLIGHT} calls in flight` });
      inFlight += 1;
      handlers[method](params === null ? undefined : params)
        .then((result) => send(ws, result.ok ? { id, ok: true, result: result.value } : { id, ok: false, error: result.error }))
        .catch((error: unknown) => {
          // createApiHandlers never rejects; this guards a broken service all the same.
          log.error('web host: handler rejected', error);
          fail(ws, id, { code: 'internal', message: 'internal error' });
        })
        .finally(() => {
          inFlight -= 1;
        });
    });
    ws.on('close', () => {
      if (authTimer !== null) clearTimeout(authTimer);
      sockets.delete(ws);
    });
    ws.on('error', (error) => log.warn('web host: socket error', error));
  }

  function broadcast<E extends WsEventName>(event: E, payload: WsEventPayload<E>): void {
    const text = JSON.stringify({ event, payload });
    for (const ws of sockets) if (ws.readyState === WebSocket.OPEN) ws.send(text);
  }

  const unsubscribe = subscribeApiEvents(options.services, (event, _channel, payload) => broadcast(event, payload));

  return {
    url: `${origin}/?token=${token}`,
    origin,
    host,
    port,
    token,
    broadcast,
    connectionCount: () => sockets.size,
    close: async () => {
      unsubscribe();
      for (const ws of wss.clients) ws.close(WS_CLOSE_CODES.goingAway, 'server closing');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

/** True when a raw request path has a `.` or `..` segment, plain or percent-encoded. */
function hasDotSegment(path: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return true;
  }
  return decoded.split(/[/\\]/).some((segment) => segment === '..' || segment === '.');
}
