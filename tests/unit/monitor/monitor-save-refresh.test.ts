import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMonitor, type MonitorRefreshWrite, type MonitorStore, type MonitorUpdate } from '../../../node/monitor/create-monitor';
import { monitorStoreFrom } from '../../../node/monitor/monitor-store-from';
import { openStore, type Store } from '../../../node/store/open-store';
import { StoreError } from '../../../node/store/store-error';
import { diffReports } from '../../../shared/notify/diff-reports';
import type { ScanCursor } from '../../../shared/redemption';
import type { RiskReport } from '../../../shared/report';
import { chain, fakeClock, position, report, unread, warning, WALLET } from './fixtures';

const QUEUE = '0x7d5706f6ef3F89B3951E23e557CDFBC3239D4E2c';

function cursor(scannedTo: number): ScanCursor {
  return {
    chainId: 1,
    contract: QUEUE,
    wallets: [WALLET.toLowerCase() as `0x${string}`], // a lowercase literal of a valid address
    fromBlock: '100',
    scannedTo: String(scannedTo),
    scannedToHash: `0x${'cd'.repeat(32)}`,
    seen: [],
  };
}

let dir: string;
let store: Store | null = null;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'matryoshka-monitor-save-'));
});

afterEach(() => {
  vi.restoreAllMocks();
  store?.close();
  store = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  readonly report: RiskReport;
  readonly cursors?: readonly ScanCursor[] | null;
}

/** The monitor over `monitorStore` (or the real store on disk), answering each refresh with the next of `answers`. */
function harness(answers: readonly Answer[], wrap: (real: MonitorStore) => MonitorStore = (real) => real) {
  const clock = fakeClock();
  store = openStore({ dir, clock: () => new Date(clock.now()) });
  store.addWallet({ address: WALLET, chains: [1] });
  const logs: { level: string; text: string }[] = [];
  const updates: MonitorUpdate[] = [];
  let index = 0;
  const monitor = createMonitor({
    refresh: async () => {
      const answer = answers[Math.min(index, answers.length - 1)];
      index += 1;
      if (answer === undefined) throw new Error('no answer');
      return { report: answer.report, snapshots: [], redemptionCursors: answer.cursors ?? null };
    },
    getBlockNumber: async () => 100n,
    store: wrap(monitorStoreFrom(store)),
    diff: diffReports,
    notifiers: [],
    clock,
    log: {
      info: (text: string) => void logs.push({ level: 'info', text }),
      warn: (text: string) => void logs.push({ level: 'warn', text }),
      error: (text: string) => void logs.push({ level: 'error', text }),
    },
  });
  monitor.onUpdate((update) => void updates.push(update));
  return { clock, monitor, logs, updates, real: store };
}

const complete = report({ positions: [position('weETH@1', 10n ** 18n)], warnings: [warning('depeg', 'ezETH', 'critical')] });

describe('createMonitor with the real store: one write per refresh', () => {
  it('saves the notification state, the report, a history point and the scan cursors in one write', async () => {
    const writes = vi.spyOn(Conf.prototype, 'store', 'set');
    const h = harness([{ report: complete, cursors: [cursor(500)] }]);
    const before = writes.mock.calls.length;
    h.monitor.start();
    await h.clock.advance(0);
    await h.monitor.idle();
    h.monitor.stop();
    expect(h.updates).toHaveLength(1);
    expect(writes.mock.calls.length - before).toBe(1);
    const saved = openStore({ dir });
    try {
      expect(saved.getLastReport()).toEqual(complete);
      expect(saved.getHistory()).toHaveLength(1);
      expect(saved.getHistory()[0]?.totalValueEth).toBe((10n ** 18n).toString());
      expect(Object.keys(saved.getNotifyState().active)).toEqual(['depeg:ezETH']);
      expect(saved.get().scanCursors).toEqual([cursor(500)]);
    } finally {
      saved.close();
    }
    expect(h.logs.filter((entry) => entry.level === 'error')).toEqual([]);
  });

  it('a degraded refresh saves the report and the cursors in one write, with no history point', async () => {
    const degraded = report({ chains: [chain(1, 'partial')], unread: [unread('weETH@1')] });
    const writes = vi.spyOn(Conf.prototype, 'store', 'set');
    const h = harness([{ report: complete }, { report: degraded, cursors: [cursor(600)] }]);
    h.monitor.start();
    await h.clock.advance(0);
    await h.monitor.idle();
    const before = writes.mock.calls.length;
    h.monitor.refreshNow();
    await h.clock.advance(0);
    await h.monitor.idle();
    h.monitor.stop();
    expect(h.updates).toHaveLength(2);
    expect(writes.mock.calls.length - before).toBe(1);
    expect(h.real.getHistory()).toHaveLength(1);
    expect(h.real.get().scanCursors).toEqual([cursor(600)]);
    expect(h.real.getLastReport()).toEqual(h.updates[1]?.report);
  });

  it('when the write fails, logs once what was not saved and goes on refreshing', async () => {
    let attempts = 0;
    const h = harness([{ report: complete, cursors: [cursor(700)] }], (real) => ({
      ...real,
      saveRefresh: (write: MonitorRefreshWrite) => {
        attempts += 1;
        if (attempts === 1) throw new StoreError('invalid', 'disk on fire');
        return real.saveRefresh?.(write) ?? [];
      },
    }));
    h.monitor.start();
    await h.clock.advance(0);
    await h.monitor.idle();
    const errors = h.logs.filter((entry) => entry.level === 'error').map((entry) => entry.text);
    expect(errors).toEqual(['monitor: could not save the notification state, last report, history and redemption scan cursors']);
    expect(h.updates).toHaveLength(1);
    expect(h.real.getLastReport()).toBeNull();

    h.monitor.refreshNow();
    await h.clock.advance(0);
    await h.monitor.idle();
    h.monitor.stop();
    expect(h.updates).toHaveLength(2);
    expect(h.real.getLastReport()).toEqual(complete);
    expect(h.real.get().scanCursors).toEqual([cursor(700)]);
    expect(h.logs.filter((entry) => entry.level === 'error')).toHaveLength(1);
  });

  it('names the parts the store refused and keeps the rest', async () => {
    // A history point the store refuses: the report's total cannot be a wei string when negative.
    const negative = report({ positions: [position('weETH@1', -1n)] });
    const h = harness([{ report: negative, cursors: [cursor(800)] }]);
    h.monitor.start();
    await h.clock.advance(0);
    await h.monitor.idle();
    h.monitor.stop();
    const errors = h.logs.filter((entry) => entry.level === 'error').map((entry) => entry.text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^monitor: could not save the history \(invalid: totalValueEth: .+\); the rest was saved$/);
    expect(h.real.getHistory()).toEqual([]);
    expect(h.real.getLastReport()).toEqual(negative);
    expect(h.real.get().scanCursors).toEqual([cursor(800)]);
  });
});
