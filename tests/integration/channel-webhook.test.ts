/**
 * The webhook channel against a real local HTTP server: each format's request, the signature
 * (checked here with node:crypto, not with the code under test), retries on 5xx, timeouts and
 * network errors, no retry on other 4xx, and neither the secret nor the URL's token in any log line.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Ajv2020 } from 'ajv/dist/2020';
import { afterEach, describe, expect, it } from 'vitest';
import type { Notification } from '../../shared/notify/diff-reports';
import type { Warning } from '../../shared/report';
import { createWebhookSink, type WebhookSink, type WebhookSinkOptions } from '../../node/channels/webhook';

interface Received {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

type Responder = (request: Received, index: number, response: ServerResponse) => void;

interface TestServer {
  readonly base: string;
  readonly received: Received[];
  close(): Promise<void>;
}

const servers: Server[] = [];
const sinks: WebhookSink[] = [];

async function startServer(respond: Responder = (_r, _i, res) => res.writeHead(204).end()): Promise<TestServer> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const entry = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(entry);
      respond(entry, received.length - 1, res);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo; // listening on TCP: always an AddressInfo
  return {
    base: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

interface Logged { readonly level: 'info' | 'warn' | 'error'; readonly text: string }

function recordingLog(): { log: WebhookSinkOptions['log']; lines: Logged[] } {
  const lines: Logged[] = [];
  const write = (level: Logged['level']) => (...parts: unknown[]): void => {
    lines.push({ level, text: parts.map((p) => (p instanceof Error ? `${p.message} ${String(p.cause)}` : typeof p === 'string' ? p : JSON.stringify(p))).join(' ') });
  };
  return { log: { info: write('info'), warn: write('warn'), error: write('error') }, lines };
}

function sink(options: WebhookSinkOptions): WebhookSink {
  const created = createWebhookSink({ timeoutMs: 2000, backoffMs: 20, maxBackoffMs: 200, ...options });
  sinks.push(created);
  return created;
}

afterEach(async () => {
  await Promise.all(sinks.splice(0).map((s) => s.close(100)));
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => { s.closeAllConnections(); s.close(() => resolve()); })));
});

const warning: Warning = {
  id: 'depeg:ezETH@1', kind: 'depeg', severity: 'critical', title: 'ezETH trades 6.2% below its NAV', subject: 'ezETH@1',
  value: 0.062, threshold: 0.05, explanation: 'The market price is far below the redemption value.', action: 'Check the exit options.',
};

const notification: Notification = {
  key: 'new:depeg:ezETH@1', severity: 'critical', title: 'ezETH trades 6.2% below its NAV',
  body: 'The market price is far below the redemption value. Check the exit options.', warningIds: [warning.id], grouped: false,
};

function jsonOf(text: string): Record<string, unknown> {
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null) throw new Error('not an object');
  return value as Record<string, unknown>; // checked just above
}

describe('webhook formats', () => {
  it('json: our documented payload, with the events the notification is about', async () => {
    const server = await startServer();
    const { log } = recordingLog();
    const s = sink({ url: `${server.base}/hook`, format: 'json', log, eventsFor: () => [{ type: 'new', warning }] });
    s.notify(notification);
    await s.idle();
    expect(server.received).toHaveLength(1);
    const [request] = server.received;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/hook');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['x-matryoshka-signature']).toBeUndefined();
    const body = jsonOf(request?.body ?? '');
    expect(body).toEqual({
      version: 1, source: 'matryoshka', type: 'notification', key: 'new:depeg:ezETH@1', severity: 'critical',
      title: notification.title, body: notification.body, grouped: false, warningIds: ['depeg:ezETH@1'],
      events: [{ type: 'new', warning: { id: 'depeg:ezETH@1', kind: 'depeg', severity: 'critical', title: warning.title, subject: 'ezETH@1', value: 0.062, threshold: 0.05 } }],
    });
    const schema: unknown = JSON.parse(readFileSync(new URL('../../schemas/webhook-notification.schema.json', import.meta.url), 'utf8'));
    const validate = new Ajv2020({ strict: false }).compile(schema as object); // a JSON schema document
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
  });

  it('json: signed with HMAC-SHA256 over "<timestamp>.<body>", verifiable with node:crypto alone', async () => {
    const server = await startServer();
    const { log } = recordingLog();
    const secret = 'k3y-for-hmac-only';
    const s = sink({ url: `${server.base}/hook`, format: 'json', secret, log });
    const before = Math.floor(Date.now() / 1000);
    s.notify(notification);
    await s.idle();
    const [request] = server.received;
    const timestamp = String(request?.headers['x-matryoshka-timestamp']);
    expect(Number(timestamp)).toBeGreaterThanOrEqual(before);
    expect(Number(timestamp)).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    const header = String(request?.headers['x-matryoshka-signature']);
    expect(header).toMatch(/^sha256=[0-9a-f]{64}$/);
    const expected = createHmac('sha256', secret).update(`${timestamp}.${request?.body ?? ''}`).digest();
    expect(timingSafeEqual(Buffer.from(header.slice('sha256='.length), 'hex'), expected)).toBe(true);
    // The signature covers the body: another body (or key) does not verify.
    const tampered = createHmac('sha256', secret).update(`${timestamp}.${(request?.body ?? '').replace('critical', 'info')}`).digest('hex');
    expect(header).not.toBe(`sha256=${tampered}`);
    expect(header).not.toBe(`sha256=${createHmac('sha256', 'other').update(`${timestamp}.${request?.body ?? ''}`).digest('hex')}`);
  });

  it('ntfy: the text as body, to the topic URL, with Title, Priority and Tags headers', async () => {
    const server = await startServer();
    const { log } = recordingLog();
    const s = sink({ url: `${server.base}/my-topic`, format: 'ntfy', log });
    s.notify(notification);
    s.notify({ ...notification, key: 'new:x', severity: 'warning', title: 'rsETH 逐渐脱锚 ⚠' });
    await s.idle();
    expect(server.received).toHaveLength(2);
    const [first, second] = server.received;
    expect(first?.path).toBe('/my-topic');
    expect(first?.body).toBe(notification.body);
    expect(first?.headers['title']).toBe(notification.title);
    expect(first?.headers['priority']).toBe('5');
    expect(first?.headers['tags']).toBe('rotating_light,matryoshka');
    expect(second?.headers['priority']).toBe('4');
    // Non-ASCII titles travel as an RFC 2047 encoded word (ntfy decodes it).
    const encoded = String(second?.headers['title']);
    const match = /^=\?UTF-8\?B\?([A-Za-z0-9+/=]+)\?=$/.exec(encoded);
    expect(Buffer.from(match?.[1] ?? '', 'base64').toString('utf8')).toBe('rsETH 逐渐脱锚 ⚠');
  });

  it('discord: content within 2000 characters, markdown escaped, no mentions', async () => {
    const server = await startServer();
    const { log } = recordingLog();
    const s = sink({ url: `${server.base}/api/webhooks/1/tok`, format: 'discord', log });
    s.notify({ ...notification, title: '**bold** [click](https://evil.example) @everyone', body: 'x'.repeat(5000) });
    await s.idle();
    const body = jsonOf(server.received[0]?.body ?? '');
    const content = String(body['content']);
    expect(content.length).toBeLessThanOrEqual(2000);
    expect(content.length).toBeGreaterThan(1900);
    expect(content.endsWith('…')).toBe(true);
    expect(content).toContain('\\*\\*bold\\*\\* \\[click\\]\\(https://evil.example\\)');
    expect(body['allowed_mentions']).toEqual({ parse: [] });
  });

  it('slack: {text} with Slack control characters escaped', async () => {
    const server = await startServer();
    const { log } = recordingLog();
    const s = sink({ url: `${server.base}/services/T/B/x`, format: 'slack', log });
    s.notify({ ...notification, title: '<!channel> <https://evil.example|click> & more' });
    await s.idle();
    const text = String(jsonOf(server.received[0]?.body ?? '')['text']);
    expect(text).toContain('&lt;!channel&gt; &lt;https://evil.example|click&gt; &amp; more');
    expect(text).not.toContain('<');
    expect(text).toContain(notification.body);
  });

  it('credentials in the URL travel as an Authorization header (Basic, or Bearer for a bare token)', async () => {
    const server = await startServer();
    const { log } = recordingLog();
    const basic = sink({ url: server.base.replace('//', '//alice:p%40ss@') + '/hook', log });
    const bearer = sink({ url: server.base.replace('//', '//:tk_abc123@') + '/topic', format: 'ntfy', log });
    basic.notify(notification);
    await basic.idle();
    bearer.notify(notification);
    await bearer.idle();
    expect(server.received.map((r) => [r.path, r.headers['authorization']])).toEqual([
      ['/hook', `Basic ${Buffer.from('alice:p@ss').toString('base64')}`],
      ['/topic', 'Bearer tk_abc123'],
    ]);
  });

  it('sends nothing below the webhook\'s own minimum severity', async () => {
    const server = await startServer();
    const { log } = recordingLog();
    const s = sink({ url: `${server.base}/hook`, log, minimumSeverity: 'critical' });
    s.notify({ ...notification, key: 'a', severity: 'warning' });
    s.notify({ ...notification, key: 'b', severity: 'critical' });
    await s.idle();
    expect(server.received.map((r) => jsonOf(r.body)['key'])).toEqual(['b']);
  });
});

describe('webhook delivery', () => {
  it('retries a 500 with backoff, then delivers (one notification, one success)', async () => {
    const server = await startServer((_r, index, res) => res.writeHead(index < 2 ? 500 : 200).end());
    const { log, lines } = recordingLog();
    const s = sink({ url: `${server.base}/hook`, secret: 'abcd1234', log });
    s.notify(notification);
    await s.idle();
    expect(server.received).toHaveLength(3);
    expect(new Set(server.received.map((r) => r.body)).size).toBe(1);
    expect(lines.filter((l) => l.level === 'warn').map((l) => l.text)).toEqual([
      expect.stringContaining('HTTP 500 (attempt 1 of 5)'),
      expect.stringContaining('HTTP 500 (attempt 2 of 5)'),
    ]);
    expect(lines.some((l) => l.level === 'error')).toBe(false);
  });

  it('retries after a timeout and a 429', async () => {
    const server = await startServer((_r, index, res) => {
      if (index === 0) return; // never answers: the attempt times out
      if (index === 1) return void res.writeHead(429, { 'retry-after': '0' }).end();
      res.writeHead(200).end();
    });
    const { log, lines } = recordingLog();
    const s = sink({ url: `${server.base}/hook`, log, timeoutMs: 300 });
    s.notify(notification);
    await s.idle();
    expect(server.received).toHaveLength(3);
    expect(lines.map((l) => l.text)).toEqual([
      expect.stringContaining('no answer within 300 ms'),
      expect.stringContaining('HTTP 429'),
      expect.stringContaining('delivered on attempt 3'),
    ]);
  });

  it('does not retry a 400, logs it and goes on with the next notification', async () => {
    const server = await startServer((r, _i, res) => res.writeHead(jsonOf(r.body)['key'] === 'bad' ? 400 : 204).end());
    const { log, lines } = recordingLog();
    const s = sink({ url: `${server.base}/hook`, log });
    s.notify({ ...notification, key: 'bad' });
    s.notify({ ...notification, key: 'good' });
    await s.idle();
    expect(server.received.map((r) => jsonOf(r.body)['key'])).toEqual(['bad', 'good']);
    expect(lines.filter((l) => l.level === 'error').map((l) => l.text)).toEqual([expect.stringContaining('HTTP 400; not retried')]);
  });

  it('gives up after the retries on a dead endpoint, without throwing or blocking notify', async () => {
    const server = await startServer();
    const url = `${server.base}/hook`;
    await server.close();
    const { log, lines } = recordingLog();
    const s = sink({ url, log, retries: 2 });
    const started = performance.now();
    expect(s.notify(notification)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(50);
    await s.idle();
    expect(lines.filter((l) => l.level === 'warn')).toHaveLength(2);
    expect(lines.filter((l) => l.level === 'error').map((l) => l.text)).toEqual([expect.stringContaining('gave up after 3 attempts')]);
    expect(lines[0]?.text).toContain('ECONNREFUSED');
  });

  it('keeps a bounded queue: past the limit the oldest waiting notification is dropped and logged', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const server = await startServer((_r, _i, res) => void gate.then(() => res.writeHead(204).end()));
    const { log, lines } = recordingLog();
    const s = sink({ url: `${server.base}/hook`, log, queueLimit: 2, timeoutMs: 5000 });
    s.notify({ ...notification, key: 'k1' });
    await new Promise((resolve) => setTimeout(resolve, 100)); // k1 is being sent
    for (const key of ['k2', 'k3', 'k4']) s.notify({ ...notification, key });
    release();
    await s.idle();
    expect(server.received.map((r) => jsonOf(r.body)['key'])).toEqual(['k1', 'k3', 'k4']);
    expect(lines.filter((l) => l.level === 'warn').map((l) => l.text)).toEqual([expect.stringContaining('dropped the oldest ("k2")')]);
  });

  it('close() abandons a hung delivery after its grace period, and later notifications are ignored', async () => {
    const server = await startServer(() => undefined);
    const { log, lines } = recordingLog();
    const s = sink({ url: `${server.base}/hook`, log, timeoutMs: 60_000 });
    s.notify(notification);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    await s.close(200);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(lines.map((l) => l.text)).toContainEqual(expect.stringContaining('closed with 1 notification not delivered'));
    s.notify({ ...notification, key: 'after' });
    await s.idle();
    expect(server.received).toHaveLength(1);
  });

  it('never logs the secret or the URL\'s token, whatever fails', async () => {
    const token = 'T0KEN-9f8e7d6c5b4a';
    const secret = 'hmac-S3CRET-value';
    const server = await startServer((_r, index, res) => res.writeHead(index === 0 ? 503 : index === 1 ? 400 : 302, { location: `http://127.0.0.1:1/${token}` }).end());
    const { log, lines } = recordingLog();
    const url = `${server.base}/hooks/${token}?key=${token}`;
    const s = sink({ url, secret, log, retries: 1 });
    s.notify(notification);
    s.notify({ ...notification, key: 'second' });
    await s.idle();
    // And a dead endpoint (a network error, whose message comes from Node), user info included.
    const deadBase = server.base;
    await server.close();
    const dead = sink({ url: `${deadBase.replace('//', `//user:${token}@`)}/hooks/${token}`, secret, log, retries: 1 });
    dead.notify(notification);
    await dead.idle();
    expect(lines.length).toBeGreaterThanOrEqual(5);
    expect(lines.map((l) => l.text)).toContainEqual(expect.stringContaining('redirect'));
    for (const line of lines) {
      expect(line.text).not.toContain(token);
      expect(line.text).not.toContain(secret);
      expect(line.text).toContain('http://127.0.0.1:');
      expect(line.text).not.toContain('/hooks');
    }
  });
});
