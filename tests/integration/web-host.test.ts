import { mkdtemp, mkdir, rm, writeFile, symlink } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createInMemoryServices, type InMemoryServices } from '../../shared/ipc/in-memory-services';
import { WS_CLOSE_CODES, WS_PATH, wsServerMessageSchema, wsTokenCookieName, type WsServerMessage } from '../../shared/ipc/ws-protocol';
import { startWebHost, type WebHost } from '../../node/web/start-web-host';

const WALLET = '0x00000000219ab540356cBB839Cbe05303d7705Fa';
const INDEX_HTML = '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body>matryoshka page</body></html>';
const SECRET = 'top secret outside the renderer';

interface HttpAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A raw HTTP GET: unlike fetch, it sends the path and the Host header exactly as given. */
function get(port: number, path: string, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET', headers: { Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Collects every frame a socket receives, and lets a test wait for one. */
class Client {
  readonly messages: WsServerMessage[] = [];
  readonly raw: unknown[] = [];
  private waiters: { test: (m: WsServerMessage) => boolean; resolve: (m: WsServerMessage) => void }[] = [];
  closed: Promise<{ code: number; reason: string }>;

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const json: unknown = JSON.parse(data.toString('utf8'));
      this.raw.push(json);
      const message = wsServerMessageSchema.parse(json);
      this.messages.push(message);
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(message)) return true;
        w.resolve(message);
        return false;
      });
    });
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  next(test: (m: WsServerMessage) => boolean, timeoutMs = 5000): Promise<WsServerMessage> {
    const found = this.messages.find(test);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no such message in time')), timeoutMs);
      this.waiters.push({ test, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  }

  response(id: number | string): Promise<WsServerMessage> {
    return this.next((m) => 'id' in m && m.id === id);
  }

  send(value: unknown): void {
    this.ws.send(typeof value === 'string' ? value : JSON.stringify(value));
  }
}

/** `origin: null` sends no Origin header (as a non-browser client would). */
function connect(host: WebHost, headers: Record<string, string> = {}, origin: string | null = host.origin): Promise<Client> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}${WS_PATH}`, { headers, ...(origin === null ? {} : { origin }) });
    const client = new Client(ws);
    ws.once('open', () => resolve(client));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

let root: string;
let rendererDir: string;
let services: InMemoryServices<{ total: bigint; label: string }>;
let host: WebHost;
const open: Client[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'matryoshka-web-'));
  rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), INDEX_HTML);
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
  await writeFile(join(root, 'secret.txt'), SECRET);
  await symlink(join(root, 'secret.txt'), join(rendererDir, 'assets', 'link.txt'));
  services = createInMemoryServices({ now: () => 1_700_000_000_000 });
  host = await startWebHost({ services, rendererDir, log: { info: () => {}, warn: () => {}, error: () => {} } });
});

afterEach(() => {
  for (const client of open.splice(0)) client.ws.terminate();
});

afterAll(async () => {
  await host.close();
  await rm(root, { recursive: true, force: true });
});

async function cookieHeader(): Promise<string> {
  const answer = await get(host.port, `/?token=${host.token}`);
  const setCookie = answer.headers['set-cookie'];
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  if (first === undefined) throw new Error('no cookie set');
  return first.split(';')[0] ?? '';
}

describe('web host: the page', () => {
  it('binds loopback and prints a URL with the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
  });

  it('refuses the page without the token', async () => {
    const answer = await get(host.port, '/');
    expect(answer.status).toBe(401);
    expect(answer.body).not.toContain('matryoshka page');
    const asset = await get(host.port, '/assets/app.js');
    expect(asset.status).toBe(401);
  });

  it('refuses a wrong token', async () => {
    const answer = await get(host.port, '/?token=not-the-token-at-all');
    expect(answer.status).toBe(401);
    expect(answer.headers['set-cookie']).toBeUndefined();
  });

  it('sets an HttpOnly SameSite=Strict cookie for the token and then serves the page and its assets', async () => {
    const first = await get(host.port, `/?token=${host.token}`);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const setCookie = String(first.headers['set-cookie']);
    expect(setCookie).toContain(`${wsTokenCookieName(host.port)}=${host.token}`);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');

    const cookie = await cookieHeader();
    const page = await get(host.port, '/', { Cookie: cookie });
    expect(page.status).toBe(200);
    expect(page.body).toBe(INDEX_HTML);
    expect(page.headers['content-type']).toContain('text/html');
    const script = await get(host.port, '/assets/app.js', { Cookie: cookie });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toContain('text/javascript');
  });

  it('sends the strict CSP and nosniff on every answer', async () => {
    for (const answer of [await get(host.port, '/'), await get(host.port, '/', { Cookie: await cookieHeader() })]) {
      const csp = String(answer.headers['content-security-policy']);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${host.port}`);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("form-action 'none'");
      expect(csp).not.toContain('unsafe');
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it.each([
    ['evil.example.com'],
    [`evil.example.com:PORT`],
    [`127.0.0.1.evil.example.com:PORT`],
    [`127.0.0.1:PORT.evil.example.com`],
    [`evil.example.com@127.0.0.1:PORT`],
    ['127.0.0.1:1'],
  ])('refuses the Host header %s (DNS rebinding)', async (value) => {
    const answer = await get(host.port, '/', { Host: value.replace('PORT', String(host.port)), Cookie: await cookieHeader() });
    expect(answer.status).toBe(403);
    expect(answer.body).not.toContain('matryoshka page');
  });

  it('accepts localhost and [::1] Host headers', async () => {
    const cookie = await cookieHeader();
    for (const value of [`localhost:${host.port}`, `[::1]:${host.port}`, `LOCALHOST:${host.port}`]) {
      expect((await get(host.port, '/', { Host: value, Cookie: cookie })).status).toBe(200);
    }
  });

  it.each([['http://evil.example.com'], ['http://127.0.0.1:PORT.evil.example.com'], ['null'], ['https://127.0.0.1:PORT'], ['http://127.0.0.1:1']])(
    'refuses the foreign Origin %s',
    async (value) => {
      const answer = await get(host.port, '/', { Origin: value.replace('PORT', String(host.port)), Cookie: await cookieHeader() });
      expect(answer.status).toBe(403);
    },
  );

  it.each([
    ['/../secret.txt'],
    ['/assets/../../secret.txt'],
    ['/%2e%2e/secret.txt'],
    ['/..%2fsecret.txt'],
    ['/assets/..%2f..%2fsecret.txt'],
    ['/..%5csecret.txt'],
    ['/assets/link.txt'],
    ['/%00index.html'],
  ])('refuses the path %s', async (path) => {
    const answer = await get(host.port, path, { Cookie: await cookieHeader() });
    expect([400, 404]).toContain(answer.status);
    expect(answer.body).not.toContain(SECRET);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: host.port, path: '/', method: 'POST', headers: { Host: `127.0.0.1:${host.port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(405);
  });
});

describe('web host: the socket', () => {
  it('refuses an upgrade from a foreign Origin, without an Origin, or with a bad Host', async () => {
    const cookie = await cookieHeader();
    await expect(connect(host, { Cookie: cookie }, 'http://evil.example.com')).rejects.toThrow('403');
    await expect(connect(host, { Cookie: cookie }, null)).rejects.toThrow('403');
    await expect(connect(host, { Cookie: cookie, Host: `evil.example.com:${host.port}` })).rejects.toThrow('403');
  });

  it('closes a socket whose first frame is not the token', async () => {
    const client = await connect(host);
    open.push(client);
    client.send({ id: 1, method: 'getState' });
    const closed = await client.closed;
    expect(closed.code).toBe(WS_CLOSE_CODES.unauthorized);
    expect(client.messages).toEqual([]);
  });

  it('closes a socket with a wrong token', async () => {
    const client = await connect(host);
    open.push(client);
    client.send({ token: 'wrong-token-wrong-token' });
    expect((await client.closed).code).toBe(WS_CLOSE_CODES.unauthorized);
    expect(client.messages).toEqual([]);
  });

  it('closes a socket that never authenticates', async () => {
    const quick = await startWebHost({ services, rendererDir, authTimeoutMs: 100, log: { info: () => {}, warn: () => {}, error: () => {} } });
    try {
      const client = await connect(quick);
      open.push(client);
      expect((await client.closed).code).toBe(WS_CLOSE_CODES.authTimeout);
    } finally {
      await quick.close();
    }
  });

  it('authenticates by token frame and round-trips calls through the API handlers', async () => {
    const client = await connect(host);
    open.push(client);
    client.send({ token: host.token });
    await client.next((m) => 'event' in m && m.event === 'ready');

    client.send({ id: 1, method: 'addWallet', params: { input: WALLET.toLowerCase(), label: 'deposit' } });
    const added = await client.response(1);
    expect(added).toMatchObject({ id: 1, ok: true, result: { address: WALLET, label: 'deposit' } });

    client.send({ id: 'second', method: 'addWallet', params: { input: WALLET } });
    expect(await client.response('second')).toMatchObject({ id: 'second', ok: false, error: { code: 'duplicate' } });

    client.send({ id: 3, method: 'getState' });
    const state = await client.response(3);
    expect(state).toMatchObject({ id: 3, ok: true });
    expect('result' in state ? state.result : null).toMatchObject({ wallets: [{ address: WALLET }], paused: false });

    client.send({ id: 4, method: 'removeWallet', params: { address: WALLET } });
    expect(await client.response(4)).toEqual({ id: 4, ok: true, result: null });
  });

  it('authenticates by cookie and pushes reports with bigints encoded', async () => {
    const client = await connect(host, { Cookie: await cookieHeader() });
    open.push(client);
    await client.next((m) => 'event' in m && m.event === 'ready');
    services.publishReport({ total: 12345678901234567890n, label: 'r1' });
    const pushed = await client.next((m) => 'event' in m && m.event === 'report');
    expect(pushed).toEqual({ event: 'report', payload: { total: '12345678901234567890n', label: 'r1' } });
    host.broadcast('notification', { title: 'ezETH depeg', body: 'below NAV', severity: 'critical', warningId: 'depeg:ezETH@1' });
    expect(await client.next((m) => 'event' in m && m.event === 'notification')).toMatchObject({ payload: { warningId: 'depeg:ezETH@1' } });
  });

  it('answers malformed frames with typed errors and keeps serving', async () => {
    const client = await connect(host, { Cookie: await cookieHeader() });
    open.push(client);
    await client.next((m) => 'event' in m && m.event === 'ready');
    client.send('this is not json');
    client.send('[1,2,3]');
    client.send({ id: 10, method: 'dropDatabase' });
    client.send({ id: 11, method: 'renameWallet', params: { address: 'not-an-address', label: 'x' } });
    client.send({ id: 12, method: 'getState', extra: true });
    client.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    client.send({ id: 13, method: 'setPaused', params: { paused: true } });
    expect(await client.response(13)).toEqual({ id: 13, ok: true, result: { paused: true } });

    const errors = client.raw.filter((m): m is { id: unknown; ok: false; error: { code: string; message: string } } =>
      typeof m === 'object' && m !== null && 'ok' in m && m.ok === false);
    // Calls are answered as they finish, not in order: compare as a multiset.
    const byId = (e: { id: unknown }): string => JSON.stringify(e.id);
    expect(errors.map((e) => [e.id, e.error.code]).sort((a, b) => byId({ id: a[0] }).localeCompare(byId({ id: b[0] })))).toEqual([
      [10, 'invalid-input'],
      [11, 'invalid-input'],
      [12, 'invalid-input'],
      [null, 'invalid-input'],
      [null, 'invalid-input'],
      [null, 'invalid-input'],
    ]);
    expect(errors.find((e) => e.id === 10)?.error.message).toContain('unknown method');
    expect(errors.find((e) => e.id === 11)?.error.message).toContain('address');
    expect(client.ws.readyState).toBe(WebSocket.OPEN);
  });
});

describe('web host: binding', () => {
  it('refuses a non-loopback host unless remote access is allowed explicitly', async () => {
    await expect(startWebHost({ services, rendererDir, host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });

  it('warns when remote access is allowed', async () => {
    const warnings: string[] = [];
    const remote = await startWebHost({
      services,
      rendererDir,
      host: '0.0.0.0',
      allowRemote: true,
      log: { info: () => {}, warn: (message: string) => warnings.push(message), error: () => {} },
    });
    await remote.close();
    expect(warnings.join('\n')).toMatch(/0\.0\.0\.0/);
  });
});
