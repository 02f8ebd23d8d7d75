/**
 * The monitor against the simulated world, with a clock that moves only when asked: scenario
 * changes on chain (an LRT depegs, an operator is slashed, a withdrawal becomes claimable) give
 * exactly the expected notification events, an unchanged chain gives none, and an RPC outage
 * gives one stale-data event and nothing else (never a resolution, never a vanished position).
 */
import { parseEther } from 'viem';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { refreshPortfolio } from '../../node/core/refresh-portfolio';
import { createMonitor, type MonitorStore, type MonitorUpdate } from '../../node/monitor/create-monitor';
import { createChainClient, type ChainClient } from '../../node/tracker/create-chain-client';
import { diffReports } from '../../shared/notify/diff-reports';
import { emptyNotifyState, type NotifyState } from '../../shared/notify/notify-state';
import { registry } from '../../shared/registry/registry';
import type { RiskReport } from '../../shared/report';
import { defaultSettings, type Settings, type Wallet } from '../../shared/settings/settings';
import { freePort, startAnvil, type Anvil } from '../../world/anvil';
import { buildWorld, type World } from '../../world/demo-world';
import { setUpRestaker, type RestakerScenario } from '../support/restaker-scenario';

let anvil: Anvil;
let world: World;
let scenario: RestakerScenario;
let clients: Map<number, ChainClient>;
let nowMs = 1_800_000_000_000;
const updates: MonitorUpdate[] = [];
let monitor: ReturnType<typeof createMonitor>;

beforeAll(async () => {
  anvil = await startAnvil();
  world = await buildWorld(anvil.rpcUrl);
  scenario = await setUpRestaker(world, { name: 'monitor', lrt: 'weETH', operatorSetId: 7, withdrawalDelayBlocks: 20 });
  const wallet: Wallet = { address: scenario.holder, label: 'holder', ensName: null, chains: [1], addedAt: '2026-01-01T00:00:00.000Z' };

  clients = new Map([[1, createChainClient({ chainId: 1, urls: [anvil.rpcUrl], timeoutMs: 1_500, retryCount: 0 })]]);
  const settings: Settings = { ...defaultSettings, enabledChains: [1] };
  let notifyState: NotifyState = emptyNotifyState;
  let last: RiskReport | null = null;
  const store: MonitorStore = {
    getWallets: () => [wallet], getSettings: () => settings, getLastReport: () => last,
    getNotifyState: () => notifyState, setNotifyState: (s) => { notifyState = s; },
    saveReport: (r) => { last = r; }, appendHistory: () => {},
  };
  monitor = createMonitor({
    refresh: async (wallets, previous) => refreshPortfolio({
      clients, registry, thresholds: settings.thresholds, previous,
      wallets: wallets.map((w) => ({ address: w.address, label: w.label, ens: w.ensName, chains: w.chains })),
      now: (await world.ctx.publicClient.getBlock({ blockTag: 'latest' })).timestamp,
    }),
    getBlockNumber: () => world.ctx.publicClient.getBlockNumber({ cacheTime: 0 }),
    store, diff: diffReports, notifiers: [],
    clock: { now: () => nowMs, setTimeout: () => Symbol('timer'), clearTimeout: () => {}, localMinutesOfDay: () => 12 * 60 },
    log: { info: () => {}, warn: () => {}, error: () => {} },
  });
  monitor.onUpdate((u) => void updates.push(u));
  monitor.start();
  await monitor.idle();
}, 180_000);

afterAll(async () => {
  monitor?.stop();
  await anvil?.stop();
});

/** The id of the AVS concentration warning of the scenario's operator set. */
const avsConcentrationId = (): string => `concentration-avs:${scenario.set.avs.toLowerCase()}`;

/** One refresh; returns its events as `type warning-id`. */
async function refresh(): Promise<string[]> {
  const before = updates.length;
  nowMs += 60_000;
  monitor.refreshNow();
  await monitor.idle();
  const update = updates[before];
  if (!update) throw new Error('no update');
  return update.events.map((e) => `${e.type} ${e.warning.id}`).sort();
}

it('says nothing when nothing changed', async () => {
  expect(await refresh()).toEqual([]);
});

it('an LRT depeg on chain: one new depeg event', async () => {
  await world.tokens.setMarketPrice('weETH', (world.tokens.navRate('weETH') * 90n) / 100n);
  expect(await refresh()).toEqual(['new depeg:weETH@1']);
});

it('an operator slashed on chain: exactly one new event, naming it', async () => {
  await world.eigen.slash(scenario.operator, scenario.set, scenario.strategy, parseEther('0.3'));
  expect(await refresh()).toEqual([`new operator-slashed:${scenario.operator.toLowerCase()}`]);
  // The slash also took the AVS's slashable share below its line (less the hysteresis margin): the
  // warning leaves the report now, and the diff resolves it only after hysteresisRefreshes (2) refreshes.
  expect(updates.at(-1)?.report.warnings.map((w) => w.id)).not.toContain(avsConcentrationId());
});

it('a queued withdrawal becomes claimable: exactly its event, and the resolution held back from the slash', async () => {
  await world.ctx.mine(25);
  const roots = await world.ctx.read('ElDelegationManager', world.eigen.addresses.delegationManager, 'getQueuedWithdrawalRoots', [scenario.holder]);
  expect(roots).toHaveLength(1);
  const root = String((roots as readonly unknown[])[0]);
  expect(await refresh()).toEqual([
    `new withdrawal-claimable:1:${scenario.holder.toLowerCase()}:queued-withdrawal:${root}`,
    `resolved ${avsConcentrationId()}`,
  ].sort());
});

it('an RPC outage: one stale-data event, then none; positions kept, nothing resolved', async () => {
  const good = updates.at(-1)?.report;
  clients.set(1, createChainClient({ chainId: 1, urls: [`http://127.0.0.1:${await freePort()}`], timeoutMs: 500, retryCount: 0 }));
  const perRefresh: string[][] = [];
  for (let i = 0; i < 3; i++) {
    perRefresh.push(await refresh());
    const report = updates.at(-1)?.report;
    expect(report?.positions.map((p) => p.id).sort()).toEqual(good?.positions.map((p) => p.id).sort());
  }
  // The failed chain is announced once; the warnings its missing data would clear stay tracked (no
  // resolution, no de-escalation), and nothing else is said while it lasts.
  expect(perRefresh).toEqual([['new stale-data:1'], [], []]);
});
