// A thousand warnings appearing (and later vanishing) in one refresh: the real monitor, the real
// notification diff and the real store on disk must hand every sink exactly one grouped
// notification, not a thousand.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMonitor, type Monitor, type MonitorUpdate, type NotificationSink } from '../../../node/monitor/create-monitor';
import { monitorStoreFrom } from '../../../node/monitor/monitor-store-from';
import { openStore, type Store } from '../../../node/store/open-store';
import { diffReports, type Notification } from '../../../shared/notify/diff-reports';
import type { RiskReport, Warning } from '../../../shared/report';
import { fakeClock, report, warning, WALLET, type FakeClock } from './fixtures';

const FLOOD = 1000;
const quietLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** 1000 distinct warnings over ten kinds; one in a hundred critical. */
function flood(): Warning[] {
  return Array.from({ length: FLOOD }, (_, i) => warning(`kind${i % 10}`, `subject-${String(i).padStart(4, '0')}`, i % 100 === 7 ? 'critical' : 'warning'));
}

interface Harness {
  readonly monitor: Monitor;
  readonly clock: FakeClock;
  readonly store: Store;
  /** What each sink received, by sink name. */
  readonly received: Map<string, Notification[]>;
  readonly updates: MonitorUpdate[];
  /** Sets the report the next refreshes answer with. */
  answer(next: RiskReport): void;
  /** Asks for a refresh and waits for it. */
  refresh(): Promise<void>;
}

let dir = '';
let harness: Harness | null = null;

function start(notifications: Record<string, unknown> = {}): Harness {
  const store = openStore({ dir });
  store.updateSettings((s) => ({ ...s, notifications: { ...s.notifications, ...notifications } }));
  store.addWallet({ address: WALLET, chains: [1] });
  const clock = fakeClock();
  let current = report();
  const received = new Map<string, Notification[]>();
  const sink = (name: string): NotificationSink => {
    received.set(name, []);
    return { name, notify: (n) => void received.get(name)?.push(n) };
  };
  // One sink that fails must not keep the others from their single notification.
  const failing: NotificationSink = {
    name: 'failing',
    notify: () => {
      throw new Error('notification daemon gone');
    },
  };
  const monitor = createMonitor({
    refresh: async () => ({ report: { ...current, generatedAt: BigInt(Math.floor(clock.now() / 1000)) }, snapshots: [] }),
    getBlockNumber: async () => 1n,
    store: monitorStoreFrom(store),
    diff: diffReports,
    notifiers: [sink('desktop'), failing, sink('browser')],
    clock,
    log: quietLog,
  });
  const updates: MonitorUpdate[] = [];
  monitor.onUpdate((u) => void updates.push(u));
  monitor.start();
  return {
    monitor,
    clock,
    store,
    received,
    updates,
    answer(next) {
      current = next;
    },
    async refresh() {
      // Past the cooldown of every earlier notification, so only grouping keeps the count at one.
      await clock.advance(2 * 3600 * 1000);
      monitor.refreshNow();
      await clock.advance(0);
      await monitor.idle();
    },
  };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'matryoshka-flood-'));
});

afterEach(() => {
  harness?.monitor.stop();
  harness?.store.close();
  harness = null;
  rmSync(dir, { recursive: true, force: true });
});

describe('a flood of 1000 warnings', () => {
  it('reaches every sink as exactly one grouped notification, with every warning in it', async () => {
    harness = start();
    const h = harness;
    await h.monitor.idle();
    expect(h.received.get('desktop')).toEqual([]);

    h.answer(report({ warnings: flood() }));
    await h.refresh();

    const update = h.updates.at(-1);
    expect(update?.events.filter((e) => e.type === 'new')).toHaveLength(FLOOD);
    for (const name of ['desktop', 'browser']) {
      const got = h.received.get(name) ?? [];
      expect(got, name).toHaveLength(1);
      const [summary] = got;
      expect(summary?.grouped).toBe(true);
      expect(new Set(summary?.warningIds)).toEqual(new Set(flood().map((w) => w.id)));
      // The worst of the flood sets the severity; the title counts them.
      expect(summary?.severity).toBe('critical');
      expect(summary?.title).toMatch(/1000 risk warnings/);
      expect(summary?.title).toMatch(/10 critical/);
      // A readable summary: ten lines and a count of the rest, not a thousand lines.
      expect(summary?.body.split('\n')).toHaveLength(11);
      expect(summary?.body).toMatch(/and 990 more$/);
    }
    // The state persisted for the next refresh tracks all of them.
    expect(Object.keys(h.store.getNotifyState().active)).toHaveLength(FLOOD);
  });

  it('stays silent while the same 1000 warnings persist', async () => {
    harness = start();
    const h = harness;
    h.answer(report({ warnings: flood() }));
    await h.refresh();
    for (let i = 0; i < 3; i += 1) await h.refresh();
    expect(h.received.get('desktop')).toHaveLength(1);
    expect(h.received.get('browser')).toHaveLength(1);
    expect(h.updates.at(-1)?.events).toEqual([]);
  });

  it('announces the flood clearing as one grouped resolution, after the hysteresis', async () => {
    harness = start({ notifyOnResolve: true, hysteresisRefreshes: 2 });
    const h = harness;
    h.answer(report({ warnings: flood() }));
    await h.refresh();
    h.answer(report());
    await h.refresh();
    // One refresh without them is not enough (hysteresis 2).
    expect(h.received.get('browser')).toHaveLength(1);
    await h.refresh();
    const got = h.received.get('browser') ?? [];
    expect(got).toHaveLength(2);
    expect(got[1]?.grouped).toBe(true);
    expect(got[1]?.warningIds).toHaveLength(FLOOD);
    expect(got[1]?.title).toMatch(/1000 resolved/);
    expect(h.updates.at(-1)?.events.filter((e) => e.type === 'resolved')).toHaveLength(FLOOD);
    expect(h.store.getNotifyState().active).toEqual({});
  });
});
