/**
 * The web face end to end in one process: store in a temporary data directory, the monitor over
 * the real tracker and engine reading a real anvil node, the services, and the web host; driven
 * through a real WebSocket exactly as the page drives it.
 */
import { createHmac } from 'node:crypto';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getAddress } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { decodeBigints, type Encoded } from '../../shared/ipc/codec';
import { WS_PATH, wsServerMessageSchema, type WsServerMessage } from '../../shared/ipc/ws-protocol';
import type { RiskReport } from '../../shared/report';
import { startAnvil, type Anvil } from '../../world/anvil';
import { connectWorld } from '../../world/context';
import { deployTokens, type TokensWorld } from '../../world/tokens-world';
import { startWebApp, type WebApp } from '../../node/web/start-web-app';

const ALICE = getAddress('0xa11ce00000000000000000000000000000000001');
const BOB = getAddress('0xb0b0000000000000000000000000000000000002');

let anvil: Anvil;
let tokens: TokensWorld;
let root: string;
let app: WebApp;
let ws: WebSocket;
/** A webhook receiver on loopback: every POST it got, with its headers and raw body. */
let receiver: Server;
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
const messages: WsServerMessage[] = [];
const waiters: { test: (m: WsServerMessage) => boolean; resolve: (m: WsServerMessage) => void }[] = [];

function next(test: (m: WsServerMessage) => boolean, from = 0, timeoutMs = 30_000): Promise<WsServerMessage> {
  const found = messages.slice(from).find(test);
  if (found !== undefined) return Promise.resolve(found);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no such message in time')), timeoutMs);
    waiters.push({ test, resolve: (m) => (clearTimeout(timer), resolve(m)) });
  });
}

let nextId = 1;
async function call(method: string, params?: unknown): Promise<WsServerMessage> {
  const id = nextId;
  nextId += 1;
  ws.send(JSON.stringify({ id, method, ...(params === undefined ? {} : { params }) }));
  return next((m) => 'id' in m && m.id === id);
}

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  anvil = await startAnvil();
  tokens = await deployTokens(connectWorld(anvil.rpcUrl));
  await tokens.mint('weETH', ALICE, 10n * 10n ** 18n);
  root = await mkdtemp(join(tmpdir(), 'matryoshka-webapp-'));
  await mkdir(join(root, 'renderer'));
  await writeFile(join(root, 'renderer', 'index.html'), '<!doctype html><title>Matryoshka</title>');
  app = await startWebApp({
    dataDir: join(root, 'data'),
    rendererDir: join(root, 'renderer'),
    port: 0,
    host: '127.0.0.1',
    allowRemote: false,
    demo: { rpcUrl: anvil.rpcUrl, wallets: [{ address: ALICE, label: 'alice' }], stop: async () => {} },
    log: { info: () => {}, warn: () => {}, error: () => {} },
  });
  ws = new WebSocket(`ws://127.0.0.1:${app.host.port}${WS_PATH}`, { origin: app.host.origin });
  ws.on('message', (data: Buffer) => {
    const message = wsServerMessageSchema.parse(JSON.parse(data.toString('utf8')));
    messages.push(message);
    for (const waiter of waiters.splice(0)) {
      if (waiter.test(message)) waiter.resolve(message);
      else waiters.push(waiter);
    }
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ token: app.host.token }));
  await next((m) => 'event' in m && m.event === 'ready');
});

afterAll(async () => {
  ws?.terminate();
  await app?.close();
  await new Promise((resolve) => receiver?.close(resolve));
  await anvil?.stop();
  if (root !== undefined) await rm(root, { recursive: true, force: true });
});

describe('web app over a real node', () => {
  it('starts with the demo wallet and the demo node as the only endpoint', async () => {
    const state = await call('getState');
    expect(state).toMatchObject({ ok: true, result: { wallets: [{ address: ALICE, label: 'alice', chains: [1] }], paused: false } });
    const result = 'result' in state ? state.result : null;
    expect(result).toMatchObject({ settings: { enabledChains: [1], rpcEndpoints: { '1': [anvil.rpcUrl] } } });
  });

  it('pushes progress and a report read from the node', async () => {
    const before = messages.length;
    await call('refreshNow');
    const pushed = await next((m) => 'event' in m && m.event === 'report', before);
    if (!('event' in pushed) || pushed.event !== 'report') throw new Error('not a report');
    const report = decodeBigints<RiskReport>(pushed.payload as unknown as Encoded<RiskReport>); // The payload is an encoded RiskReport (checked by the fields read below).
    expect(report.chains.map((c) => c.chainId)).toEqual([1]);
    expect(typeof report.chains[0]?.blockNumber).toBe('bigint');
    expect(report.wallets.map((w) => w.address)).toEqual([ALICE]);
    const weeth = report.positions.find((p) => p.wallet === ALICE && p.asset.symbol === 'weETH');
    expect(weeth?.amount).toBe(10n * 10n ** 18n);
    // 10 weETH at a NAV above 1 ETH per weETH.
    expect(weeth?.valueEth ?? 0n).toBeGreaterThan(10n * 10n ** 18n);
    const states = messages.slice(before).flatMap((m) => ('event' in m && m.event === 'progress' ? m.payload.chains.map((c) => c.state) : []));
    expect(states).toContain('pending');
    expect(states.some((s) => s === 'done' || s === 'failed')).toBe(true);
  });

  it('adds a wallet through the socket, saves it to disk and refreshes', async () => {
    const before = messages.length;
    const added = await call('addWallet', { input: BOB.toLowerCase(), label: 'bob' });
    expect(added).toMatchObject({ ok: true, result: { address: BOB, label: 'bob' } });
    const onDisk = JSON.parse(await readFile(join(root, 'data', 'config.json'), 'utf8')) as { wallets: { address: string }[] };
    expect(onDisk.wallets.map((w) => w.address)).toEqual([ALICE, BOB]);
    const pushed = await next((m) => 'event' in m && m.event === 'report' && JSON.stringify(m.payload).includes(BOB), before);
    expect(pushed).toBeDefined();
    expect(await call('addWallet', { input: BOB })).toMatchObject({ ok: false, error: { code: 'duplicate' } });
  });

  it('answers unknown wallets and bad input with typed errors', async () => {
    expect(await call('removeWallet', { address: '0x000000000000000000000000000000000000dEaD' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('updateSettings', { refresh: { pollIntervalSeconds: -1 } })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('a depeg on chain reaches the page as a browser notification, and the webhook in the settings', async () => {
    const address = receiver.address();
    if (address === null || typeof address === 'string') throw new Error('the receiver has no port');
    const webhook = { url: `http://127.0.0.1:${address.port}/hook`, format: 'json', secret: 'web-host-secret' };
    expect(await call('updateSettings', { channels: { webhooks: [webhook] } })).toMatchObject({ ok: true });
    const before = messages.length;
    // Market at 80 % of NAV: far beyond the default depeg thresholds.
    await tokens.setMarketPrice('weETH', (tokens.navRate('weETH') * 80n) / 100n);
    expect(await call('refreshNow')).toEqual(expect.objectContaining({ ok: true, result: null }));
    const notification = await next((m) => 'event' in m && m.event === 'notification', before);
    expect(notification).toMatchObject({ event: 'notification', payload: { severity: 'critical', warningId: 'depeg:weETH@1' } });
    // The same notification, POSTed to the configured webhook and signed with its secret.
    for (let i = 0; i < 100 && !received.some((r) => r.body.includes('depeg:weETH@1')); i += 1) await new Promise((r) => setTimeout(r, 100));
    const post = received.find((r) => r.body.includes('depeg:weETH@1'));
    if (post === undefined) throw new Error('the webhook got no depeg notification');
    const timestamp = String(post.headers['x-matryoshka-timestamp']);
    const expected = `sha256=${createHmac('sha256', 'web-host-secret').update(`${timestamp}.${post.body}`).digest('hex')}`;
    expect(post.headers['x-matryoshka-signature']).toBe(expected);
    expect(JSON.parse(post.body)).toMatchObject({ severity: 'critical' });
  });

  it('tests an endpoint and pauses', async () => {
    const probe = await call('testRpc', { chainId: 1, url: anvil.rpcUrl });
    expect(probe).toMatchObject({ ok: true, result: { chainId: 1 } });
    expect(await call('testRpc', { chainId: 10, url: anvil.rpcUrl })).toMatchObject({ ok: false, error: { code: 'rpc-error' } });
    expect(await call('setPaused', { paused: true })).toEqual(expect.objectContaining({ ok: true, result: { paused: true } }));
    expect(app.monitor.isPaused()).toBe(true);
  });
});
