/**
 * RPC faults against the simulated world, through the real tracker, engine and monitor: a fault
 * proxy sits in front of anvil and, for each fault, the test runs a good refresh, a faulty one and a
 * healthy one again. It checks what a user would notice: the last good positions are kept (marked
 * degraded), nothing is reported as vanished or as zero, the only new warnings are the data-quality
 * ones, a fallback endpoint takes over, and the next healthy refresh recovers.
 * docs/reliability.md's fault matrix records these results.
 */
import { erc20Abi, getAddress, parseEther, type Address } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshPortfolio } from '../../node/core/refresh-portfolio';
import { createMonitor, type MonitorClock, type MonitorStore, type MonitorUpdate } from '../../node/monitor/create-monitor';
import { DATA_QUALITY_KINDS } from '../../node/monitor/warnings-for-diff';
import { createChainClient, type ChainClient } from '../../node/tracker/create-chain-client';
import { redactUrl } from '../../node/tracker/redact-url';
import { diffReports, type Notification } from '../../shared/notify/diff-reports';
import { emptyNotifyState, type NotifyState } from '../../shared/notify/notify-state';
import { registry } from '../../shared/registry/registry';
import type { Position, RiskReport } from '../../shared/report';
import { defaultSettings, type Settings, type Wallet } from '../../shared/settings/settings';
import type { ChainSnapshot } from '../../shared/snapshot';
import { startAnvil, type Anvil } from '../../world/anvil';
import { connectWorld, type WorldContext } from '../../world/context';
import { deployEigenLayer, type EigenLayerWorld } from '../../world/eigenlayer-world';
import { deployRedemptions } from '../../world/redemptions-world';
import { deployTokens, type TokensWorld } from '../../world/tokens-world';
import { startFaultProxy, type Fault, type FaultProxy } from '../support/fault-proxy';

const ALICE = getAddress('0xa11ce0000000000000000000000000000000a11c');
const WEETH = parseEther('20');
const EZETH = parseEther('7');
const STETH_DEPOSIT = parseEther('4');
/** Blocks mined after the holdings are set, 12 s apart: room for the lag and reorg faults. */
const HISTORY_BLOCKS = 200;
/** Faulty refreshes in a row: one more than the notifier's hysteresis before it resolves a warning. */
const FAULTY_REFRESHES = defaultSettings.notifications.hysteresisRefreshes + 1;

let anvil: Anvil;
let ctx: WorldContext;
let tokens: TokensWorld;
let el: EigenLayerWorld;
let proxy: FaultProxy;

beforeAll(async () => {
  anvil = await startAnvil();
  ctx = connectWorld(anvil.rpcUrl);
  tokens = await deployTokens(ctx);
  el = await deployEigenLayer(ctx);
  await deployRedemptions(ctx);
  await tokens.mint('weETH', ALICE, WEETH);
  await tokens.mint('ezETH', ALICE, EZETH);
  await el.depositToStrategy(ALICE, el.addresses.strategies.stETH, STETH_DEPOSIT);
  await ctx.mine(HISTORY_BLOCKS);
  proxy = await startFaultProxy({ upstream: anvil.rpcUrl });
}, 180_000);

afterAll(async () => {
  await proxy?.stop();
  await anvil?.stop();
});

/** The head block's timestamp: the refresh's `now`, so a lagging endpoint shows as old data. */
async function headTime(): Promise<bigint> {
  return (await ctx.publicClient.getBlock({ blockTag: 'latest' })).timestamp;
}

interface Harness {
  readonly updates: MonitorUpdate[];
  readonly notified: Notification[];
  readonly snapshots: ChainSnapshot[][];
  /** Runs one refresh to the end and returns its update. */
  refresh(): Promise<MonitorUpdate>;
  /** Replaces the chain client (what a settings change does: build-chain-clients runs again). */
  rebuild(urls: readonly string[]): void;
  stop(): void;
}

const WALLET: Wallet = { address: ALICE, label: 'alice', ensName: null, chains: [1], addedAt: '2026-01-01T00:00:00.000Z' };

function client(urls: readonly string[]): ChainClient {
  // Short timeouts and one retry: the faults show in seconds, not after the production 10 s.
  return createChainClient({ chainId: 1, urls, timeoutMs: 1_500, retryCount: 1, retryDelayMs: 20 });
}

/** The real monitor over the real refresh, with an in-memory store, a collecting notifier and a clock that only moves when asked. */
function harness(urls: readonly string[]): Harness {
  let clients = new Map<number, ChainClient>([[1, client(urls)]]);
  const settings: Settings = { ...defaultSettings, enabledChains: [1] };
  let notifyState: NotifyState = emptyNotifyState;
  let last: RiskReport | null = null;
  const store: MonitorStore = {
    getWallets: () => [WALLET],
    getSettings: () => settings,
    getLastReport: () => last,
    getNotifyState: () => notifyState,
    setNotifyState: (state) => { notifyState = state; },
    saveReport: (report) => { last = report; },
    appendHistory: () => {},
  };
  let nowMs = 1_800_000_000_000;
  const clock: MonitorClock = {
    now: () => nowMs,
    // Nothing fires by itself: each refresh in these tests is asked for.
    setTimeout: () => Symbol('timer'),
    clearTimeout: () => {},
    localMinutesOfDay: () => 12 * 60,
  };
  const updates: MonitorUpdate[] = [];
  const notified: Notification[] = [];
  const snapshots: ChainSnapshot[][] = [];
  const monitor = createMonitor({
    refresh: async (wallets, previous) => {
      const result = await refreshPortfolio({
        clients,
        wallets: wallets.map((w) => ({ address: w.address, label: w.label, ens: w.ensName, chains: w.chains })),
        registry,
        thresholds: settings.thresholds,
        now: await headTime(),
        previous,
      });
      snapshots.push([...result.snapshots]);
      return result;
    },
    getBlockNumber: () => ctx.publicClient.getBlockNumber(),
    store,
    diff: diffReports,
    notifiers: [{ name: 'collect', notify: (n) => void notified.push(n) }],
    clock,
    log: { info: () => {}, warn: () => {}, error: () => {} },
  });
  monitor.onUpdate((u) => void updates.push(u));
  let started = false;
  return {
    updates,
    notified,
    snapshots,
    async refresh() {
      const before = updates.length;
      nowMs += 60_000;
      if (started) monitor.refreshNow();
      else {
        started = true;
        monitor.start();
      }
      await monitor.idle();
      const update = updates[before];
      if (update === undefined) throw new Error('the refresh produced no update');
      return update;
    },
    rebuild(next) {
      clients = new Map([[1, client(next)]]);
    },
    stop: () => monitor.stop(),
  };
}

const byId = (positions: readonly Position[]): Map<string, Position> => new Map(positions.map((p) => [p.id, p]));

/** Every position of `good` is in `report` with the same amount; none is zero. */
function expectKept(report: RiskReport, good: RiskReport): void {
  const now = byId(report.positions);
  expect(good.positions.length).toBeGreaterThan(0);
  for (const p of good.positions) {
    const kept = now.get(p.id);
    expect(kept, `position ${p.id} vanished`).toBeDefined();
    expect(kept?.amount).toBe(p.amount);
    expect(kept?.valueEth).toBe(p.valueEth);
  }
}

/** No event other than the data-quality warnings (stale data, failed reads). */
function expectOnlyDataQualityEvents(update: MonitorUpdate): void {
  const other = update.events.filter((e) => !DATA_QUALITY_KINDS.has(e.warning.kind));
  expect(other.map((e) => `${e.type} ${e.warning.id}`)).toEqual([]);
  for (const n of update.notifications) {
    for (const id of n.warningIds) expect(DATA_QUALITY_KINDS.has(id.split(':')[0] ?? ''), `notification about ${id}`).toBe(true);
  }
}

/** The good refresh every scenario starts from: every holding read, status ok. */
async function goodRefresh(h: Harness): Promise<RiskReport> {
  proxy.setFault({ kind: 'none' });
  const { report } = await h.refresh();
  expect(report.chains.map((c) => c.status)).toEqual(['ok']);
  expect(report.unread).toEqual([]);
  const ids = report.positions.map((p) => p.id);
  expect(ids.some((id) => id.includes('weETH'))).toBe(true);
  expect(ids.some((id) => id.includes('ezETH'))).toBe(true);
  expect(report.positions.some((p) => p.kind !== 'token')).toBe(true);
  return report;
}

/** After the fault is gone: everything is read again, nothing degraded, nothing new to say. */
async function expectRecovered(h: Harness, good: RiskReport): Promise<void> {
  proxy.setFault({ kind: 'none' });
  const update = await h.refresh();
  expect(update.report.chains.map((c) => c.status)).toEqual(['ok']);
  expect(update.report.unread).toEqual([]);
  expect(update.report.positions.every((p) => !p.degraded)).toBe(true);
  expect(update.report.positions.map((p) => [p.id, p.amount])).toEqual(good.positions.map((p) => [p.id, p.amount]));
  // Recovery may resolve the data-quality warnings; it never announces anything else.
  expectOnlyDataQualityEvents(update);
  expect(update.events.filter((e) => e.type !== 'resolved')).toEqual([]);
}

interface FailingCase {
  readonly name: string;
  readonly fault: Fault;
  /**
   * Whether the chain client moves to the next endpoint (it does for every fault here: a wrongly
   * typed answer marks the endpoint failing, see createChainClient's malformedAnswer).
   */
  readonly fallback: boolean;
  /** Least time the faulty refresh takes (the client waits out Retry-After), ms. */
  readonly minMs?: number;
}

/** Faults that leave the only endpoint unable to answer. */
const failing: readonly FailingCase[] = [
  { name: 'timeout (never answers)', fault: { kind: 'timeout' }, fallback: true },
  { name: 'dropped connection', fault: { kind: 'drop' }, fallback: true },
  { name: '429 with Retry-After', fault: { kind: 'rate-limit', retryAfterSeconds: 1 }, fallback: true, minMs: 1_000 },
  { name: '500', fault: { kind: 'server-error' }, fallback: true },
  { name: 'malformed JSON', fault: { kind: 'malformed-json' }, fallback: true },
  { name: 'wrongly typed results', fault: { kind: 'wrong-types' }, fallback: true },
];

describe.each(failing)('fault: $name', ({ fault, minMs }) => {
  it('one endpoint: keeps the last good positions (degraded), lists the unread, no false alarm, then recovers', async () => {
    const h = harness([proxy.url]);
    try {
      const good = await goodRefresh(h);
      proxy.setFault(fault);
      proxy.resetCounts();
      // Past the notifier's hysteresis: an outage that lasts never turns into a false "all clear".
      for (let i = 0; i < FAULTY_REFRESHES; i += 1) {
        const started = performance.now();
        const faulty = await h.refresh();
        if (minMs !== undefined) expect(performance.now() - started).toBeGreaterThanOrEqual(minMs);
        expect(faulty.report.chains.map((c) => c.status)).not.toEqual(['ok']);
        expect(faulty.report.unread.length).toBeGreaterThan(0);
        expectKept(faulty.report, good);
        // What is shown comes from the last good refresh, and says so.
        expect(faulty.report.positions.every((p) => p.degraded)).toBe(true);
        expect(faulty.report.warnings.some((w) => DATA_QUALITY_KINDS.has(w.kind))).toBe(true);
        expectOnlyDataQualityEvents(faulty);
      }
      expect(proxy.requests()).toBeGreaterThan(0);
      await expectRecovered(h, good);
    } finally {
      h.stop();
    }
  }, 60_000);
});

describe.each(failing.filter((c) => c.fallback))('fault with a fallback: $name', ({ fault }) => {
  it('faulty endpoint first, anvil second: the fallback takes over with the same figures', async () => {
    const h = harness([proxy.url, anvil.rpcUrl]);
    try {
      const good = await goodRefresh(h);
      expect(h.snapshots.at(-1)?.[0]?.endpoint).toBe(redactUrl(proxy.url));
      proxy.setFault(fault);
      const faulty = await h.refresh();
      expect(faulty.report.chains.map((c) => c.status)).toEqual(['ok']);
      expect(faulty.report.unread).toEqual([]);
      expect(faulty.report.positions.map((p) => [p.id, p.amount, p.degraded])).toEqual(good.positions.map((p) => [p.id, p.amount, false]));
      expect(h.snapshots.at(-1)?.[0]?.endpoint).toBe(redactUrl(anvil.rpcUrl));
      expect(faulty.events).toEqual([]);
      expect(faulty.notifications).toEqual([]);
    } finally {
      h.stop();
    }
  }, 60_000);
});

describe('fault: latency below the timeout', () => {
  it('slow answers change nothing', async () => {
    const h = harness([proxy.url]);
    try {
      const good = await goodRefresh(h);
      proxy.setFault({ kind: 'latency', ms: 150 });
      const slow = await h.refresh();
      expect(slow.report.chains.map((c) => c.status)).toEqual(['ok']);
      expect(slow.report.unread).toEqual([]);
      expect(slow.report.positions.map((p) => [p.id, p.amount, p.degraded])).toEqual(good.positions.map((p) => [p.id, p.amount, false]));
      expect(slow.events).toEqual([]);
      await expectRecovered(h, good);
    } finally {
      h.stop();
    }
  }, 60_000);
});

describe('fault: an endpoint that claims another chain', () => {
  it('is refused with a message naming both chains; positions kept; a rebuilt client (settings change) recovers', async () => {
    const h = harness([proxy.url]);
    try {
      const good = await goodRefresh(h);
      // A client checks the chain id once per endpoint: the claim shows on a new client (restart,
      // settings change), which is when an endpoint can start answering for another chain.
      proxy.setFault({ kind: 'wrong-chain', chainId: 10 });
      h.rebuild([proxy.url]);
      const faulty = await h.refresh();
      expect(faulty.report.chains.map((c) => c.status)).toEqual(['failed']);
      expect(faulty.report.chains[0]?.failedReads.map((f) => f.error).join(' ')).toContain('answers for chain 10, expected 1');
      expectKept(faulty.report, good);
      expect(faulty.report.positions.every((p) => p.degraded)).toBe(true);
      expectOnlyDataQualityEvents(faulty);
      proxy.setFault({ kind: 'none' });
      h.rebuild([proxy.url]);
      await expectRecovered(h, good);
    } finally {
      h.stop();
    }
  }, 60_000);

  it('with a fallback: the impostor is refused and the fallback serves the same figures', async () => {
    const h = harness([proxy.url, anvil.rpcUrl]);
    try {
      const good = await goodRefresh(h);
      proxy.setFault({ kind: 'wrong-chain', chainId: 10 });
      h.rebuild([proxy.url, anvil.rpcUrl]);
      const faulty = await h.refresh();
      expect(faulty.report.chains.map((c) => c.status)).toEqual(['ok']);
      expect(faulty.report.positions.map((p) => [p.id, p.amount, p.degraded])).toEqual(good.positions.map((p) => [p.id, p.amount, false]));
      expect(h.snapshots.at(-1)?.[0]?.endpoint).toBe(redactUrl(anvil.rpcUrl));
      expect(faulty.events).toEqual([]);
    } finally {
      h.stop();
    }
  }, 60_000);
});

describe('fault: an endpoint lagging 100 blocks (20 minutes) behind', () => {
  it('reads the old block, flags stale data, keeps every position, raises nothing else, and recovers', async () => {
    const h = harness([proxy.url]);
    try {
      const good = await goodRefresh(h);
      const head = await ctx.publicClient.getBlockNumber();
      proxy.setFault({ kind: 'lag', blocks: 100 });
      const lagging = await h.refresh();
      expect(h.snapshots.at(-1)?.[0]?.blockNumber).toBe(head - 100n);
      expect(lagging.report.chains.map((c) => c.status)).toEqual(['ok']);
      expect(lagging.report.positions.map((p) => [p.id, p.amount, p.degraded])).toEqual(good.positions.map((p) => [p.id, p.amount, false]));
      const stale = lagging.report.warnings.find((w) => w.id === 'stale-data:1');
      expect(stale?.severity).toBe('warning');
      expect(lagging.events.map((e) => `${e.type} ${e.warning.id}`)).toEqual(['new stale-data:1']);
      expectOnlyDataQualityEvents(lagging);
      await expectRecovered(h, good);
    } finally {
      h.stop();
    }
  }, 60_000);
});

describe('fault: reorganised chain', () => {
  it('a reorg of empty blocks changes nothing the user sees', async () => {
    const h = harness([proxy.url]);
    try {
      const good = await goodRefresh(h);
      const before = await ctx.publicClient.getBlock({ blockTag: 'latest' });
      await proxy.reorg(5);
      const after = await ctx.publicClient.getBlock({ blockTag: 'latest' });
      expect(after.hash).not.toBe(before.hash);
      const update = await h.refresh();
      expect(update.report.chains.map((c) => c.status)).toEqual(['ok']);
      expect(update.report.positions.map((p) => [p.id, p.amount, p.degraded])).toEqual(good.positions.map((p) => [p.id, p.amount, false]));
      expect(update.events).toEqual([]);
    } finally {
      h.stop();
    }
  }, 60_000);

  it('a reorg that drops a transfer: the next refresh follows the new chain, at one consistent block', async () => {
    const h = harness([proxy.url]);
    const extra = parseEther('5');
    try {
      const good = await goodRefresh(h);
      await tokens.mint('weETH', ALICE, extra);
      const minted = await h.refresh();
      const weethId = (r: RiskReport): Position | undefined => r.positions.find((p) => p.kind === 'token' && p.id.includes('weETH'));
      expect(weethId(minted.report)?.amount).toBe(WEETH + extra);
      await proxy.reorg(1);
      const onChain = await ctx.publicClient.readContract({ address: tokenAddress('weETH'), abi: erc20Abi, functionName: 'balanceOf', args: [ALICE] });
      const update = await h.refresh();
      expect(update.report.chains.map((c) => c.status)).toEqual(['ok']);
      expect(weethId(update.report)?.amount).toBe(WEETH);
      expect(onChain).toBe(WEETH);
      // Every other position is untouched.
      expect(update.report.positions.filter((p) => !p.id.includes('weETH')).map((p) => [p.id, p.amount]))
        .toEqual(good.positions.filter((p) => !p.id.includes('weETH')).map((p) => [p.id, p.amount]));
    } finally {
      h.stop();
    }
  }, 60_000);
});

function tokenAddress(symbol: string): Address {
  const token = registry.tokens.find((t) => t.symbol === symbol && t.chainId === 1);
  if (!token) throw new Error(`no ${symbol} on chain 1 in the registry`);
  return token.address;
}
