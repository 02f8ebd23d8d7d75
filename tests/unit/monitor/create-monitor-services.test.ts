import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getAddress } from 'viem';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/ipc/api-error';
import { createApiHandlers } from '../../../shared/ipc/create-api-handlers';
import type { Progress } from '../../../shared/ipc/contract';
import type { RiskReport } from '../../../shared/report';
import type { Monitor, MonitorUpdate } from '../../../node/monitor/create-monitor';
import { createMonitorServices } from '../../../node/monitor/create-monitor-services';
import { openStore, type Store } from '../../../node/store/open-store';
import { report } from './fixtures';

const ALICE = getAddress('0xa11ce00000000000000000000000000000000001');

function fakeMonitor() {
  const calls: string[] = [];
  let paused = false;
  const updates = new Set<(u: MonitorUpdate) => void>();
  const progress: Progress = { running: false, startedAt: null, finishedAt: null, chains: [] };
  const monitor: Monitor = {
    start: () => void calls.push('start'),
    stop: () => void calls.push('stop'),
    refreshNow: () => void calls.push('refreshNow'),
    changed: () => void calls.push('changed'),
    setPaused: (next) => {
      paused = next;
      calls.push(`paused:${next}`);
    },
    isPaused: () => paused,
    getProgress: () => progress,
    getReport: () => null,
    onUpdate: (listener) => {
      updates.add(listener);
      return () => void updates.delete(listener);
    },
    onProgress: () => () => {},
    idle: async () => {},
  };
  const push = (r: RiskReport): void => {
    for (const listener of updates) listener({ report: r, events: [], notifications: [] });
  };
  return { monitor, calls, push };
}

let dir: string;
let store: Store;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'matryoshka-services-'));
  store = openStore({ dir });
});

afterEach(async () => {
  store.close();
  await rm(dir, { recursive: true, force: true });
});

function services(resolve?: (input: string) => Promise<{ address: `0x${string}`; ensName: string | null }>) {
  const fake = fakeMonitor();
  const settingsSeen: unknown[] = [];
  const handlers = createApiHandlers(
    createMonitorServices({
      store,
      monitor: fake.monitor,
      resolveWallet: resolve ?? (async (input) => ({ address: getAddress(input), ensName: null })),
      probeRpc: async () => ({ chainId: 1, blockNumber: 123n }),
      onSettingsChanged: (settings) => void settingsSeen.push(settings),
    }),
  );
  return { handlers, ...fake, settingsSeen };
}

describe('createMonitorServices', () => {
  it('adds a wallet to the store and refreshes; a second add is a duplicate', async () => {
    const s = services();
    const added = await s.handlers.addWallet({ input: ALICE.toLowerCase(), label: 'alice' });
    expect(added).toMatchObject({ ok: true, value: { address: ALICE, label: 'alice', ensName: null } });
    expect(store.get().wallets.map((w) => w.address)).toEqual([ALICE]);
    expect(s.calls).toEqual(['changed']);
    expect(await s.handlers.addWallet({ input: ALICE })).toMatchObject({ ok: false, error: { code: 'duplicate' } });
    expect(s.calls).toEqual(['changed']);
  });

  it('maps a failed ENS resolution to ens-unresolved and saves nothing', async () => {
    const s = services(async () => {
      throw new Error('nobody.eth does not resolve to an address');
    });
    expect(await s.handlers.addWallet({ input: 'nobody.eth' })).toMatchObject({ ok: false, error: { code: 'ens-unresolved' } });
    const t = services(async () => {
      throw new ApiError('ens-unresolved', 'no');
    });
    expect(await t.handlers.addWallet({ input: 'nobody.eth' })).toMatchObject({ ok: false, error: { code: 'ens-unresolved', message: 'no' } });
    expect(store.get().wallets).toEqual([]);
    expect(s.calls).toEqual([]);
  });

  it('renames and removes wallets; unknown wallets are not-found', async () => {
    const s = services();
    await s.handlers.addWallet({ input: ALICE });
    expect(await s.handlers.renameWallet({ address: ALICE.toLowerCase(), label: 'cold' })).toMatchObject({ ok: true, value: { label: 'cold' } });
    expect(store.get().wallets[0]?.label).toBe('cold');
    expect(await s.handlers.removeWallet({ address: '0x000000000000000000000000000000000000dEaD' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await s.handlers.removeWallet({ address: ALICE })).toEqual({ ok: true, value: null });
    expect(store.get().wallets).toEqual([]);
    expect(s.calls).toEqual(['changed', 'changed']);
  });

  it('saves settings patches, tells the composition root, and refreshes', async () => {
    const s = services();
    const result = await s.handlers.updateSettings({ refresh: { minRefreshIntervalSeconds: 120 } });
    expect(result).toMatchObject({ ok: true, value: { refresh: { minRefreshIntervalSeconds: 120, pollIntervalSeconds: 12 } } });
    expect(store.get().settings.refresh.minRefreshIntervalSeconds).toBe(120);
    expect(s.settingsSeen).toHaveLength(1);
    expect(s.calls).toEqual(['changed']);
  });

  it('mutes a kind without a refresh, pauses, and checks the chain id of a tested endpoint', async () => {
    const s = services();
    expect(await s.handlers.muteKind({ kind: 'depeg', muted: true })).toMatchObject({ ok: true, value: { notifications: { mutedKinds: ['depeg'] } } });
    expect(store.get().settings.notifications.mutedKinds).toEqual(['depeg']);
    expect(await s.handlers.setPaused({ paused: true })).toEqual({ ok: true, value: { paused: true } });
    expect(await s.handlers.testRpc({ chainId: 1, url: 'http://127.0.0.1:1' })).toEqual({ ok: true, value: { chainId: 1, blockNumber: '123n' } });
    expect(await s.handlers.testRpc({ chainId: 10, url: 'http://127.0.0.1:1' })).toMatchObject({ ok: false, error: { code: 'rpc-error' } });
    expect(s.calls).toEqual(['paused:true']);
  });

  it('forwards reports and gives the state with store problems', async () => {
    const fake = fakeMonitor();
    const svc = createMonitorServices({ store, monitor: fake.monitor, resolveWallet: async () => ({ address: ALICE, ensName: null }), probeRpc: async () => ({ chainId: 1, blockNumber: 1n }) });
    const seen: RiskReport[] = [];
    const off = svc.onReport((r) => void seen.push(r));
    const r = report();
    fake.push(r);
    off();
    fake.push(r);
    expect(seen).toEqual([r]);
    const state = await svc.getState();
    expect(state).toMatchObject({ wallets: [], report: null, paused: false, problems: [] });
  });
});
