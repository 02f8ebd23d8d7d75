/**
 * The channels behind the real monitor, notification diff and store: a json webhook receives the
 * events its notification is about (warning id, kind, severity, subject, value, threshold), a
 * webhook whose server never answers and a desktop sink that throws hold up neither the monitor
 * nor the other channel, and the desktop app's dispatcher follows webhook settings as they change.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChannelSinks } from '../../node/channels/create-channel-sinks';
import { createWebhookDispatcher } from '../../node/channels/create-webhook-dispatcher';
import { createMonitor } from '../../node/monitor/create-monitor';
import { monitorStoreFrom } from '../../node/monitor/monitor-store-from';
import { openStore, type Store } from '../../node/store/open-store';
import { diffReports } from '../../shared/notify/diff-reports';
import type { RiskReport, Warning } from '../../shared/report';
import { webhookConfigSchema, type WebhookConfig } from '../../shared/settings/settings';
import { fakeClock, report, WALLET } from '../unit/monitor/fixtures';

interface Hook { readonly url: string; readonly bodies: unknown[]; readonly server: Server }

const servers: Server[] = [];
let dir = '';
const stores: Store[] = [];

async function hook(answer: boolean): Promise<Hook> {
  const bodies: unknown[] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => { text += chunk.toString(); });
    req.on('end', () => {
      bodies.push(JSON.parse(text));
      if (answer) res.writeHead(204).end();
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo; // TCP listener
  return { url: `http://127.0.0.1:${port}/hook`, bodies, server };
}

async function until(condition: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

const depeg: Warning = {
  id: 'depeg:ezETH@1', kind: 'depeg', severity: 'critical', title: 'ezETH trades 6.2% below its NAV', subject: 'ezETH@1',
  value: 0.062, threshold: 0.05, explanation: 'The market price is far below NAV.', action: 'Check the exit options.',
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'matryoshka-channels-'));
});

afterEach(async () => {
  for (const store of stores.splice(0)) store.close();
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => { s.closeAllConnections(); s.close(() => resolve()); })));
  rmSync(dir, { recursive: true, force: true });
});

function storeWith(): Store {
  const store = openStore({ dir });
  stores.push(store);
  store.addWallet({ address: WALLET, chains: [1] });
  return store;
}

describe('channels behind the monitor', () => {
  it('a json webhook gets the warning behind the notification; a hung webhook and a throwing desktop block nothing', async () => {
    const good = await hook(true);
    const hung = await hook(false);
    const webhooks: WebhookConfig[] = [webhookConfigSchema.parse({ url: good.url }), webhookConfigSchema.parse({ url: hung.url })];
    const channels = await createChannelSinks({
      notify: ['webhook', 'desktop'], webhooks, env: {}, log: quiet,
      createDesktop: () => Promise.resolve({ name: 'desktop', notify: () => { throw new Error('notification daemon gone'); } }),
    });
    if (!channels.ok) throw new Error(channels.error);
    const store = storeWith();
    const clock = fakeClock();
    let current: RiskReport = report();
    const monitor = createMonitor({
      refresh: async () => ({ report: current, snapshots: [] }), getBlockNumber: async () => 1n,
      store: monitorStoreFrom(store), diff: diffReports, notifiers: channels.sinks, clock, log: quiet,
    });
    monitor.onUpdate(channels.observe);
    monitor.start();
    await clock.advance(0);
    current = report({ warnings: [depeg] });
    monitor.refreshNow();
    await clock.advance(0);
    await monitor.idle();
    // The monitor is done with this refresh while the hung webhook still waits for its answer.
    await until(() => good.bodies.length === 1 && hung.bodies.length === 1);
    expect(good.bodies[0]).toMatchObject({
      key: 'new:depeg:ezETH@1', severity: 'critical', warningIds: ['depeg:ezETH@1'],
      events: [{ type: 'new', warning: { id: 'depeg:ezETH@1', kind: 'depeg', severity: 'critical', subject: 'ezETH@1', value: 0.062, threshold: 0.05, title: depeg.title } }],
    });
    // Another refresh runs and notifies while the hung request is still open.
    current = report({ warnings: [depeg, { ...depeg, id: 'depeg:rsETH@1', subject: 'rsETH@1', title: 'rsETH trades 7% below its NAV' }] });
    monitor.refreshNow();
    await clock.advance(0);
    await monitor.idle();
    await until(() => good.bodies.length === 2);
    expect(good.bodies[1]).toMatchObject({ key: 'new:depeg:rsETH@1', events: [{ type: 'new', warning: { subject: 'rsETH@1' } }] });
    monitor.stop();
    const started = Date.now();
    await channels.close();
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it('the desktop app dispatcher follows the webhook settings as they change', async () => {
    const first = await hook(true);
    const second = await hook(true);
    let configured: WebhookConfig[] = [webhookConfigSchema.parse({ url: first.url })];
    const dispatcher = createWebhookDispatcher({ webhooks: () => configured, log: quiet });
    const n = (key: string) => ({ key, severity: 'warning' as const, title: key, body: 'b', warningIds: [], grouped: false });
    dispatcher.notify(n('one'));
    await until(() => first.bodies.length === 1);
    configured = [webhookConfigSchema.parse({ url: second.url })];
    dispatcher.notify(n('two'));
    await until(() => second.bodies.length === 1);
    configured = [];
    dispatcher.notify(n('three'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(first.bodies.map((b) => (b as { key: string }).key)).toEqual(['one']); // our own JSON
    expect(second.bodies.map((b) => (b as { key: string }).key)).toEqual(['two']); // our own JSON
    await dispatcher.close();
  });
});
