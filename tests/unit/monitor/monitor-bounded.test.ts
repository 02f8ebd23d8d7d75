// What a long-running monitor keeps must not grow with the number of refreshes: the history stays
// within its cap, the notification memory forgets what is gone, timers do not pile up, and an
// unsubscribed listener is really gone. Hundreds of refreshes on a fake clock, the real store on disk.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMonitor, type Monitor } from '../../../node/monitor/create-monitor';
import { monitorStoreFrom } from '../../../node/monitor/monitor-store-from';
import { openStore, type Store } from '../../../node/store/open-store';
import { diffReports } from '../../../shared/notify/diff-reports';
import type { Warning } from '../../../shared/report';
import { fakeClock, position, report, warning, WALLET, type FakeClock } from './fixtures';

const HISTORY_CAP = 50;
const REFRESHES = 250;
const STEP_MS = 60 * 1000;
const COOLDOWN_SECONDS = 600;
const quietLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

let dir = '';
let store: Store | null = null;
let monitor: Monitor | null = null;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'matryoshka-bounded-'));
});

afterEach(() => {
  monitor?.stop();
  store?.close();
  monitor = null;
  store = null;
  rmSync(dir, { recursive: true, force: true });
});

/** Five warnings that change every refresh (new ids), so the notifier sees constant churn. */
function churn(n: number): Warning[] {
  return Array.from({ length: 5 }, (_, i) => warning(`kind${i}`, `refresh-${n}`));
}

function startMonitor(clock: FakeClock, respond: (n: number) => ReturnType<typeof report>): { readonly monitor: Monitor; readonly store: Store; refreshes: () => number } {
  const opened = openStore({ dir, historyMaxPoints: HISTORY_CAP, clock: () => new Date(clock.now()) });
  opened.addWallet({ address: WALLET, chains: [1] });
  // Poll and refresh once a minute (a new block at every poll); a 10-minute notification cooldown.
  opened.updateSettings((s) => ({
    ...s,
    refresh: { ...s.refresh, pollIntervalSeconds: STEP_MS / 1000, minRefreshIntervalSeconds: STEP_MS / 1000 },
    notifications: { ...s.notifications, cooldownSeconds: COOLDOWN_SECONDS },
  }));
  let count = 0;
  let block = 0n;
  const created = createMonitor({
    refresh: async () => {
      count += 1;
      return { report: { ...respond(count), generatedAt: BigInt(Math.floor(clock.now() / 1000)) }, snapshots: [] };
    },
    // A new block at every poll: the monitor refreshes on its own, no refreshNow needed.
    getBlockNumber: async () => {
      block += 1n;
      return block;
    },
    store: monitorStoreFrom(opened),
    diff: diffReports,
    notifiers: [{ name: 'nothing', notify: () => undefined }],
    clock,
    log: quietLog,
  });
  store = opened;
  monitor = created;
  return { monitor: created, store: opened, refreshes: () => count };
}

describe('a long-running monitor', () => {
  it('keeps the history within its cap and the notification memory small over 250 refreshes', async () => {
    const clock = fakeClock();
    const m = startMonitor(clock, (n) => report({ positions: [position(`p${n % 3}`, 10n ** 18n * BigInt(1 + (n % 7)))], warnings: churn(n) }));
    m.monitor.start();
    const historySizes: number[] = [];
    const timers: number[] = [];
    while (m.refreshes() < REFRESHES) {
      await clock.advance(STEP_MS);
      historySizes.push(m.store.getHistory().length);
      timers.push(clock.pendingTimers());
    }
    expect(m.refreshes()).toBeGreaterThanOrEqual(REFRESHES);
    expect(Math.max(...historySizes)).toBeLessThanOrEqual(HISTORY_CAP);
    // The cap was reached (else this proves nothing) and held.
    expect(historySizes.at(-1)).toBeGreaterThan(HISTORY_CAP / 2);
    // The poll timer and at most one scheduled refresh: never a pile of timers.
    expect(Math.max(...timers)).toBeLessThanOrEqual(2);
    // Only this refresh's five warnings (plus the previous refresh's, held by hysteresis) are tracked,
    // and the cooldown memory forgets ids notified more than a cooldown ago (ten refreshes).
    const state = m.store.getNotifyState();
    expect(Object.keys(state.active).length).toBeLessThanOrEqual(10);
    expect(Object.keys(state.notified).length).toBeLessThanOrEqual(5 * (COOLDOWN_SECONDS / (STEP_MS / 1000) + 1));
    expect(state.held).toEqual([]);

    m.monitor.stop();
    expect(clock.pendingTimers()).toBe(0);
  }, 120_000);

  it('drops an unsubscribed listener: 1000 subscribe/unsubscribe cycles leave only the live one', async () => {
    const clock = fakeClock();
    const m = startMonitor(clock, () => report());
    let stale = 0;
    let live = 0;
    for (let i = 0; i < 1000; i += 1) {
      const offUpdate = m.monitor.onUpdate(() => {
        stale += 1;
      });
      const offProgress = m.monitor.onProgress(() => {
        stale += 1;
      });
      offUpdate();
      offProgress();
    }
    m.monitor.onUpdate(() => {
      live += 1;
    });
    m.monitor.start();
    await clock.advance(60_000);
    expect(live).toBeGreaterThan(0);
    expect(stale).toBe(0);
  });
});
