import { describe, expect, it } from 'vitest';
import type { Progress } from '../../../shared/ipc/contract';
import type { HistoryPoint } from '../../../shared/history/history-point';
import { diffReports, type Notification } from '../../../shared/notify/diff-reports';
import { emptyNotifyState, type NotifyState } from '../../../shared/notify/notify-state';
import type { RiskReport } from '../../../shared/report';
import { settingsSchema, walletSchema, type Settings } from '../../../shared/settings/settings';
import { createMonitor, type ChainProgressUpdate, type MonitorStore, type MonitorUpdate, type NotificationSink } from '../../../node/monitor/create-monitor';
import { chain, deferred, fakeClock, position, report, unread, warning, WALLET, type Deferred } from './fixtures';

interface Call {
  readonly at: number;
  readonly previous: RiskReport | null;
  readonly onProgress: (update: ChainProgressUpdate) => void;
}

interface HarnessOptions {
  readonly poll?: number;
  readonly minInterval?: number;
  readonly backoffMax?: number;
  readonly chains?: number[];
  /** Answers each refresh; by default a complete report with no positions. */
  readonly respond?: (call: Call, index: number) => Promise<RiskReport>;
  readonly sinks?: NotificationSink[];
}

function harness(options: HarnessOptions = {}) {
  const clock = fakeClock();
  const chains = options.chains ?? [1];
  const settings: Settings = settingsSchema.parse({
    enabledChains: [1, 42161, 8453],
    refresh: { pollIntervalSeconds: options.poll ?? 12, minRefreshIntervalSeconds: options.minInterval ?? 12, backoffMaxSeconds: options.backoffMax ?? 300 },
    notifications: { minimumSeverity: 'warning', groupThreshold: 10, cooldownSeconds: 0 },
  });
  const wallets = [walletSchema.parse({ address: WALLET, addedAt: '2025-01-01T00:00:00Z', chains })];
  const saved = { notify: emptyNotifyState as NotifyState, reports: [] as RiskReport[], history: [] as HistoryPoint[] };
  const store: MonitorStore = {
    getWallets: () => wallets,
    getSettings: () => settings,
    getLastReport: () => saved.reports.at(-1) ?? null,
    getNotifyState: () => saved.notify,
    setNotifyState: (state) => {
      saved.notify = state;
    },
    saveReport: (r) => {
      saved.reports.push(r);
    },
    appendHistory: (point) => {
      saved.history.push(point);
    },
  };
  const blocks = new Map<number, bigint>(chains.map((id) => [id, 100n]));
  const calls: Call[] = [];
  const respond = options.respond ?? (async () => report());
  const updates: MonitorUpdate[] = [];
  const progress: Progress[] = [];
  const notified: Notification[] = [];
  const logs: string[] = [];
  const sink: NotificationSink = { name: 'test', notify: (n) => void notified.push(n) };
  const monitor = createMonitor({
    refresh: (_wallets, previous, onProgress) => {
      const call = { at: clock.now(), previous, onProgress };
      calls.push(call);
      return respond(call, calls.length - 1).then((r) => ({ report: r, snapshots: [] }));
    },
    getBlockNumber: async (chainId) => {
      const block = blocks.get(chainId);
      if (block === undefined) throw new Error(`no chain ${chainId}`);
      return block;
    },
    store,
    diff: diffReports,
    notifiers: [...(options.sinks ?? []), sink],
    clock,
    log: { info: (m: string) => void logs.push(m), warn: (m: string) => void logs.push(m), error: (m: string) => void logs.push(m) },
  });
  monitor.onUpdate((u) => void updates.push(u));
  monitor.onProgress((p) => void progress.push(p));
  const bump = (chainId = 1): void => {
    blocks.set(chainId, (blocks.get(chainId) ?? 0n) + 1n);
  };
  const start = clock.now();
  const times = (): number[] => calls.map((c) => (c.at - start) / 1000);
  return { clock, monitor, calls, updates, progress, notified, logs, saved, bump, times, blocks };
}

describe('createMonitor: scheduling', () => {
  it('refreshes once at start and once per new block, not on polls that see the same block', async () => {
    const h = harness({ poll: 12, minInterval: 12 });
    h.monitor.start();
    await h.clock.advance(0);
    expect(h.calls).toHaveLength(1);
    await h.clock.advance(36_000);
    expect(h.calls).toHaveLength(1);
    h.bump();
    await h.clock.advance(12_000);
    expect(h.calls).toHaveLength(2);
    await h.clock.advance(60_000);
    expect(h.calls).toHaveLength(2);
    h.monitor.stop();
  });

  it('refreshes at most once per minimum interval however many blocks arrive', async () => {
    const h = harness({ poll: 12, minInterval: 60 });
    h.monitor.start();
    for (let i = 0; i < 10; i += 1) {
      h.bump();
      await h.clock.advance(12_000);
    }
    // Blocks at 12, 24, …, 120 s: refreshes at 0, then at 60 and 120 (one minute apart).
    expect(h.times()).toEqual([0, 60, 120]);
    h.monitor.stop();
  });

  it('never runs two refreshes at once and queues exactly one follow-up', async () => {
    const pending: Deferred<RiskReport>[] = [];
    const h = harness({
      respond: () => {
        const d = deferred<RiskReport>();
        pending.push(d);
        return d.promise;
      },
    });
    h.monitor.start();
    await h.clock.advance(0);
    expect(h.calls).toHaveLength(1);
    h.monitor.refreshNow();
    h.monitor.refreshNow();
    h.monitor.changed();
    h.bump();
    await h.clock.advance(30_000);
    expect(h.calls).toHaveLength(1);
    pending[0]?.resolve(report());
    await h.clock.advance(0);
    expect(h.calls).toHaveLength(2);
    pending[1]?.resolve(report());
    await h.clock.advance(0);
    expect(h.calls).toHaveLength(2);
    h.monitor.stop();
  });

  it('refreshNow and a change run at once, inside the minimum interval', async () => {
    const h = harness({ minInterval: 600 });
    h.monitor.start();
    await h.clock.advance(5_000);
    h.monitor.refreshNow();
    await h.clock.advance(0);
    h.monitor.changed();
    await h.clock.advance(0);
    expect(h.times()).toEqual([0, 5, 5]);
    h.monitor.stop();
  });

  it('backs off exponentially after repeated failures, up to the cap, and resets after a success', async () => {
    let fail = true;
    const h = harness({ minInterval: 10, backoffMax: 40, respond: async () => (fail ? Promise.reject(new Error('HTTP 429')) : report()) });
    h.monitor.start();
    await h.clock.advance(115_000);
    expect(h.times()).toEqual([0, 10, 30, 70, 110]);
    fail = false;
    await h.clock.advance(40_000);
    expect(h.times()).toEqual([0, 10, 30, 70, 110, 150]);
    // Now at 155 s: a manual refresh runs at once; its failure backs off from the base again.
    fail = true;
    h.monitor.refreshNow();
    await h.clock.advance(10_000);
    expect(h.times()).toEqual([0, 10, 30, 70, 110, 150, 155, 165]);
    h.monitor.stop();
  });

  it('a new block during backoff waits for the backoff', async () => {
    const h = harness({ poll: 12, minInterval: 12, backoffMax: 300, respond: async (_call, index) => (index < 2 ? Promise.reject(new Error('down')) : report()) });
    h.monitor.start();
    await h.clock.advance(1_000);
    h.bump();
    await h.clock.advance(12_000);
    // Failure 1 at 0 -> retry at 12; failure 2 at 12 -> next not before 36 even though blocks arrive.
    h.bump();
    await h.clock.advance(12_000);
    expect(h.times()).toEqual([0, 12]);
    await h.clock.advance(12_000);
    expect(h.times()).toEqual([0, 12, 36]);
    h.monitor.stop();
  });

  it('pause stops polling and automatic refreshes; refreshNow still works; resume refreshes', async () => {
    const h = harness({ minInterval: 12 });
    h.monitor.start();
    await h.clock.advance(0);
    h.monitor.setPaused(true);
    expect(h.monitor.isPaused()).toBe(true);
    expect(h.clock.pendingTimers()).toBe(0);
    h.bump();
    await h.clock.advance(120_000);
    expect(h.calls).toHaveLength(1);
    h.monitor.refreshNow();
    await h.clock.advance(0);
    expect(h.calls).toHaveLength(2);
    h.monitor.changed();
    await h.clock.advance(0);
    expect(h.calls).toHaveLength(3);
    expect(h.clock.pendingTimers()).toBe(0);
    // Resuming refreshes as soon as the minimum interval since the last refresh allows.
    h.monitor.setPaused(false);
    await h.clock.advance(12_000);
    expect(h.calls).toHaveLength(4);
    h.monitor.stop();
  });

  it('stop clears every timer and drops the result of a refresh still running', async () => {
    const pending = deferred<RiskReport>();
    const h = harness({ respond: async (_call, index) => (index === 0 ? report() : pending.promise) });
    h.monitor.start();
    await h.clock.advance(20_000);
    h.monitor.refreshNow();
    await h.clock.advance(0);
    expect(h.clock.pendingTimers()).toBeGreaterThan(0);
    const updatesBefore = h.updates.length;
    h.monitor.stop();
    expect(h.clock.pendingTimers()).toBe(0);
    pending.resolve(report({ warnings: [warning('depeg', 'ezETH@1', 'critical')] }));
    await h.clock.advance(600_000);
    expect(h.clock.pendingTimers()).toBe(0);
    expect(h.updates).toHaveLength(updatesBefore);
    expect(h.notified).toEqual([]);
    expect(h.calls).toHaveLength(2);
  });
});

describe('createMonitor: each refresh', () => {
  it('reports progress per chain: pending, reading, done or failed', async () => {
    const h = harness({
      chains: [1, 42161],
      respond: async (call) => {
        call.onProgress({ chainId: 1, state: 'reading' });
        call.onProgress({ chainId: 42161, state: 'reading' });
        return report({ chains: [chain(1), chain(42161, 'failed', 'connect ECONNREFUSED')] });
      },
    });
    h.monitor.start();
    await h.clock.advance(0);
    const states = h.progress.map((p) => p.chains.map((c) => `${c.chainId}:${c.state}`).join(','));
    expect(states[0]).toBe('1:pending,42161:pending');
    expect(states).toContain('1:reading,42161:reading');
    expect(states.at(-1)).toBe('1:done,42161:failed');
    const last = h.progress.at(-1);
    expect(last?.running).toBe(false);
    expect(last?.chains[1]?.error).toBe('connect ECONNREFUSED');
    expect(h.progress[0]?.running).toBe(true);
    h.monitor.stop();
  });

  it('a failing refresh emits failed progress, no update, no notification and keeps the notify state', async () => {
    const h = harness({ chains: [1, 8453], respond: async () => Promise.reject(new Error('all endpoints failed')) });
    h.monitor.start();
    await h.clock.advance(0);
    const last = h.progress.at(-1);
    expect(last?.chains).toEqual([
      { chainId: 1, state: 'failed', error: 'all endpoints failed' },
      { chainId: 8453, state: 'failed', error: 'all endpoints failed' },
    ]);
    expect(h.updates).toEqual([]);
    expect(h.notified).toEqual([]);
    expect(h.saved.notify).toBe(emptyNotifyState);
    expect(h.saved.reports).toEqual([]);
    h.monitor.stop();
  });

  it('diffs, notifies every sink, persists and pushes the update', async () => {
    const first = report({ positions: [position('1:w:token:weETH', 10n ** 18n)], warnings: [warning('depeg', 'ezETH@1', 'critical')] });
    const h = harness({ respond: async () => first });
    h.monitor.start();
    await h.clock.advance(0);
    expect(h.notified.map((n) => n.warningIds)).toEqual([['depeg:ezETH@1']]);
    expect(h.updates).toHaveLength(1);
    expect(h.updates[0]?.events.map((e) => `${e.type}:${e.warning.id}`)).toEqual(['new:depeg:ezETH@1']);
    expect(h.updates[0]?.report).toBe(first);
    expect(Object.keys(h.saved.notify.active)).toEqual(['depeg:ezETH@1']);
    expect(h.saved.reports).toEqual([first]);
    expect(h.saved.history).toHaveLength(1);
    expect(h.saved.history[0]).toMatchObject({ totalValueEth: (10n ** 18n).toString(), riskScore: 42, warnings: { critical: 1, warning: 0, info: 0 } });
    // The same warning again: no second notification.
    h.monitor.refreshNow();
    await h.clock.advance(0);
    expect(h.notified).toHaveLength(1);
    expect(h.updates[1]?.events).toEqual([]);
    h.monitor.stop();
  });

  it('a failing notifier is logged and stops neither the other sinks nor the monitor', async () => {
    const broken: NotificationSink = {
      name: 'broken',
      notify: () => {
        throw new Error('no notification daemon');
      },
    };
    const rejecting: NotificationSink = { name: 'rejecting', notify: async () => Promise.reject(new Error('denied')) };
    let n = 0;
    const h = harness({ sinks: [broken, rejecting], respond: async () => report({ warnings: [warning('depeg', `t${(n += 1)}`)] }) });
    h.monitor.start();
    await h.clock.advance(0);
    h.monitor.refreshNow();
    await h.clock.advance(0);
    expect(h.calls).toHaveLength(2);
    expect(h.notified).toHaveLength(2);
    expect(h.updates).toHaveLength(2);
    expect(h.logs.filter((l) => l.includes('notifier broken failed'))).toHaveLength(2);
    expect(h.logs.filter((l) => l.includes('notifier rejecting failed'))).toHaveLength(2);
    h.monitor.stop();
  });

  it('keeps the last good positions of a failed read, marked degraded, across several failures', async () => {
    const weeth = position('1:0xW:token:weETH@1', 5n * 10n ** 18n);
    const ezeth = position('1:0xW:token:ezETH@1', 2n * 10n ** 18n);
    const good = report({ positions: [ezeth, weeth] });
    const failedWeeth = report({ positions: [ezeth], unread: [unread('1:0xW:token:weETH@1')], chains: [chain(1, 'partial')] });
    const h = harness({ respond: async (_call, index) => (index === 0 ? good : failedWeeth) });
    h.monitor.start();
    await h.clock.advance(0);
    h.monitor.refreshNow();
    await h.clock.advance(0);
    h.monitor.refreshNow();
    await h.clock.advance(0);
    for (const update of h.updates.slice(1)) {
      expect(update.report.positions.map((p) => [p.id, p.valueEth, p.degraded])).toEqual([
        [ezeth.id, ezeth.valueEth, false],
        [weeth.id, weeth.valueEth, true],
      ]);
    }
    expect(h.calls[2]?.previous?.positions.map((p) => p.id)).toEqual([ezeth.id, weeth.id]);
    expect(h.monitor.getReport()?.positions).toHaveLength(2);
    // A degraded refresh adds no history point (its totals miss what could not be read).
    expect(h.saved.history).toHaveLength(1);
    h.monitor.stop();
  });

  it('after a degraded refresh, the next ones compare with the last complete report', async () => {
    // What the engine keeps its hysteresis and NAV drops against: a degraded report lacks the
    // warnings of what could not be read, so a warning inside its margin would resolve after an outage.
    const good = report({ positions: [position('1:0xW:token:weETH@1', 5n)], warnings: [warning('slashable-exposure', 'portfolio')] });
    const failed = report({ chains: [chain(1, 'failed')], unread: [unread('1:0xW:')], warnings: [warning('stale-data', '1')] });
    const h = harness({ respond: async (_call, index) => (index === 1 || index === 2 ? failed : good) });
    h.monitor.start();
    await h.clock.advance(0);
    for (let i = 0; i < 3; i += 1) {
      h.monitor.refreshNow();
      await h.clock.advance(0);
    }
    expect(h.calls.map((c) => c.previous?.warnings.map((w) => w.id) ?? null)).toEqual([
      null, ['slashable-exposure:portfolio'], ['slashable-exposure:portfolio'], ['slashable-exposure:portfolio'],
    ]);
    // The positions carried over are the same either way.
    expect(h.calls[3]?.previous?.positions.map((p) => p.id)).toEqual(['1:0xW:token:weETH@1']);
    h.monitor.stop();
  });

  it('a failed read notifies only the data-quality warnings, and resolves nothing', async () => {
    const good = report({ warnings: [warning('slashable-exposure', 'portfolio')] });
    const degraded = report({
      unread: [unread('1:0xW:token:weETH@1')],
      chains: [chain(1, 'partial')],
      warnings: [warning('failed-reads', '1'), warning('concentration-protocol', 'renzo'), warning('depeg', 'rsETH@1')],
    });
    const h = harness({ respond: async (_call, index) => (index === 0 ? good : degraded) });
    h.monitor.start();
    await h.clock.advance(0);
    expect(h.notified.map((n) => n.warningIds[0])).toEqual(['slashable-exposure:portfolio']);
    for (let i = 0; i < 3; i += 1) {
      h.monitor.refreshNow();
      await h.clock.advance(0);
    }
    expect(h.notified.map((n) => n.warningIds[0])).toEqual(['slashable-exposure:portfolio', 'depeg:rsETH@1', 'failed-reads:1']);
    const events = h.updates.flatMap((u) => u.events.map((e) => `${e.type}:${e.warning.id}`));
    expect(events).not.toContain('resolved:slashable-exposure:portfolio');
    expect(events).not.toContain('new:concentration-protocol:renzo');
    expect(Object.keys(h.saved.notify.active).sort()).toEqual(['depeg:rsETH@1', 'failed-reads:1', 'slashable-exposure:portfolio']);
    h.monitor.stop();
  });

  it('loads the stored report at start and passes it to the first refresh', async () => {
    const h = harness();
    const stored = report({ positions: [position('1:0xW:token:weETH@1', 1n)] });
    h.saved.reports.push(stored);
    h.monitor.start();
    await h.clock.advance(0);
    expect(h.calls[0]?.previous).toBe(stored);
    h.monitor.stop();
  });

  it('unsubscribing stops the updates', async () => {
    const h = harness();
    const seen: MonitorUpdate[] = [];
    const off = h.monitor.onUpdate((u) => void seen.push(u));
    h.monitor.start();
    await h.clock.advance(0);
    off();
    h.monitor.refreshNow();
    await h.clock.advance(0);
    expect(seen).toHaveLength(1);
    expect(h.updates).toHaveLength(2);
    h.monitor.stop();
  });
});
