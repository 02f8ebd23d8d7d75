/**
 * Fuzzing the web host's WebSocket messages: 8,000 random frames through the frame parser
 * (parseClientFrame), then 3,000 over a real authenticated socket to a real web host (loopback,
 * in-memory services); at least 10,000 of them malformed in all (issue 8), counted as they are
 * rejected. Every frame that is not a well-formed call is answered with a typed
 * `invalid-input` `{ code, message }` (its id echoed when it had a valid one), a well-formed call
 * with a result or a typed error, and the socket keeps serving: a valid call succeeds afterwards.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { API_ERROR_CODES, API_METHODS } from '../../../shared/ipc/contract';
import { createInMemoryServices } from '../../../shared/ipc/in-memory-services';
import { WS_PATH, wsServerMessageSchema, type WsServerMessage } from '../../../shared/ipc/ws-protocol';
import { startWebHost, type WebHost } from '../../../node/web/start-web-host';
import { parseClientFrame } from '../../../node/web/ws-protocol';

const WALLET = '0x00000000219ab540356cBB839Cbe05303d7705Fa';
/** Issue 8: at least this many malformed payloads, each rejected with a typed error. */
const MALFORMED_REQUIRED = 10_000;
/** Malformed frames each surface rejected with a typed invalid-input, counted as the tests run. */
const malformed = { parser: 0, socket: 0 };
const METHOD_NAMES = Object.keys(API_METHODS);
const HOSTILE = ['<script>alert(1)</script>', '\u202Egnp.exe', '__proto__', 'constructor', 'toString', 'a'.repeat(5000), '\u0000', '🪆', '\uD800'];

const hostile = fc.oneof(fc.constantFrom(...HOSTILE), fc.string());
const id = fc.oneof(fc.nat(), fc.string({ maxLength: 120 }), fc.integer({ min: -5, max: -1 }), fc.double(), fc.constant(null), fc.boolean());
const method = fc.oneof(fc.constantFrom(...METHOD_NAMES), hostile);
const params = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.dictionary(fc.constantFrom('input', 'address', 'label', 'paused', 'chainId', 'url', 'kind', 'muted', 'refresh'), fc.jsonValue({ maxDepth: 2 })));
/** Call-shaped frames with wrong pieces: extra keys, wrong ids, unknown methods, bad params. */
const callLike = fc.record({ id, method, params, extra: fc.jsonValue({ maxDepth: 1 }) }, { requiredKeys: [] }).map((o) => JSON.stringify(o));
/** Text frames of every kind: not JSON, JSON of the wrong kind, truncated JSON, call-shaped frames. */
const frameText = fc.oneof(
  { weight: 2, arbitrary: callLike },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
  { weight: 1, arbitrary: callLike.map((s) => s.slice(0, Math.max(1, s.length - 2))) },
  { weight: 1, arbitrary: hostile },
);

function isTypedInvalid(frame: ReturnType<typeof parseClientFrame>): boolean {
  return frame.kind === 'invalid' && frame.error.code === 'invalid-input' && frame.error.message.length > 0;
}

describe('parseClientFrame under fuzzing', () => {
  it('never throws; anything but a well-formed call or auth frame is a typed invalid-input', () => {
    fc.assert(fc.property(frameText, fc.boolean(), (text, binary) => {
      const frame = parseClientFrame(binary ? Buffer.from(text) : text, binary);
      if (binary) expect(isTypedInvalid(frame)).toBe(true);
      if (frame.kind === 'request') {
        expect(METHOD_NAMES).toContain(frame.request.method);
      } else if (frame.kind === 'invalid') {
        expect(isTypedInvalid(frame)).toBe(true);
        malformed.parser += 1;
      }
    }), { numRuns: 8_000, seed: 8_2028 });
    expect(malformed.parser).toBeGreaterThanOrEqual(7_000);
  });
});

/** A socket that hands out its messages one at a time, in order. */
class Socket {
  private readonly queue: WsServerMessage[] = [];
  private waiter: ((m: WsServerMessage) => void) | null = null;
  constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const message = wsServerMessageSchema.parse(JSON.parse(data.toString('utf8')));
      if (this.waiter) {
        const w = this.waiter;
        this.waiter = null;
        w(message);
      } else this.queue.push(message);
    });
  }

  next(timeoutMs = 3000): Promise<WsServerMessage> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no answer in time')), timeoutMs);
      this.waiter = (m) => {
        clearTimeout(timer);
        resolve(m);
      };
    });
  }

  /** The next answer to a call (pushed events are skipped). */
  async answer(): Promise<Extract<WsServerMessage, { ok: boolean }>> {
    for (;;) {
      const m = await this.next();
      if ('ok' in m) return m;
    }
  }
}

let root: string;
let host: WebHost;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'matryoshka-fuzz-'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>fuzz</title>');
  host = await startWebHost({
    services: createInMemoryServices({ now: () => 1_700_000_000_000 }),
    rendererDir: root,
    log: { info: () => {}, warn: () => {}, error: () => {} },
  });
});

afterAll(async () => {
  await host.close();
  await rm(root, { recursive: true, force: true });
});

async function connect(): Promise<Socket> {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}${WS_PATH}`, { origin: host.origin });
  const socket = new Socket(ws);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ token: host.token }));
  const ready = await socket.next();
  expect(ready).toMatchObject({ event: 'ready' });
  return socket;
}

describe('a real web host under fuzzing', () => {
  it('answers 3,000 malformed frames with typed errors on one socket, which keeps serving', async () => {
    const socket = await connect();
    await fc.assert(fc.asyncProperty(frameText, fc.boolean(), async (text, binary) => {
      const parsed = parseClientFrame(binary ? Buffer.from(text) : text, binary);
      if (parsed.kind === 'auth') return;
      socket.ws.send(binary ? Buffer.from(text) : text, { binary });
      const answer = await socket.answer();
      if (parsed.kind === 'invalid') {
        malformed.socket += 1;
        expect(answer).toMatchObject({ id: parsed.id, ok: false, error: { code: 'invalid-input' } });
      } else {
        expect(answer.id).toBe(parsed.request.id);
      }
      if (!answer.ok) {
        expect(API_ERROR_CODES).toContain(answer.error.code);
        expect(answer.error.message.length).toBeGreaterThan(0);
      }
    }), { numRuns: 3_000, seed: 8_2029 });
    expect(malformed.socket).toBeGreaterThanOrEqual(2_500);
    expect(socket.ws.readyState).toBe(WebSocket.OPEN);

    socket.ws.send(JSON.stringify({ id: 'after', method: 'addWallet', params: { input: WALLET, label: '<b>not bold</b>' } }));
    expect(await socket.answer()).toMatchObject({ id: 'after', ok: true, result: { address: WALLET, label: '<b>not bold</b>' } });
    socket.ws.close();
  }, 60_000);

  it('a second socket still connects and serves after the fuzzing', async () => {
    const socket = await connect();
    socket.ws.send(JSON.stringify({ id: 1, method: 'getState' }));
    expect(await socket.answer()).toMatchObject({ id: 1, ok: true });
    socket.ws.close();
  });
});

describe('the fuzzing as a whole (runs after both surfaces above)', () => {
  it(`rejected at least ${MALFORMED_REQUIRED.toLocaleString('en-US')} malformed payloads, each with a typed error`, () => {
    expect(malformed.parser + malformed.socket).toBeGreaterThanOrEqual(MALFORMED_REQUIRED);
  });
});
