import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../../node/store/open-store';
import type { RefreshParts, Store } from '../../../node/store/open-store';
import { StoreError } from '../../../node/store/store-error';
import type { HistoryPoint } from '../../../shared/history/history-point';
import { diffReports } from '../../../shared/notify/diff-reports';
import type { NotifyState } from '../../../shared/notify/notify-state';
import type { ScanCursor } from '../../../shared/redemption';
import type { Warning } from '../../../shared/report';
import { defaultThresholds } from '../../../shared/settings/thresholds';

const ALICE = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const QUEUE = '0x7d5706f6ef3F89B3951E23e557CDFBC3239D4E2c';
const FIXED = new Date('2026-11-25T06:00:00.000Z');
const NOW = Math.floor(FIXED.getTime() / 1000);
const clock = (): Date => FIXED;

let dirs: string[] = [];
const opened: Store[] = [];

function freshDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'matryoshka-save-refresh-'));
  dirs.push(dir);
  return dir;
}

function open(dir: string, historyMaxPoints = 6): Store {
  const store = openStore({ dir, clock, historyMaxPoints });
  opened.push(store);
  return store;
}

function onDisk(store: Store): unknown {
  return JSON.parse(fs.readFileSync(store.path, 'utf8'));
}

function point(i: number): HistoryPoint {
  return {
    t: NOW - 600 + i * 60,
    totalValueEth: (10n ** 18n * BigInt(i + 1)).toString(),
    riskScore: i * 3,
    exposure: { layer: { lrt: String(i) }, protocol: { 'ether.fi': String(i) } },
    warnings: { info: i, warning: 0, critical: i % 2 },
  };
}

function cursor(scannedTo: number): ScanCursor {
  return {
    chainId: 1,
    contract: QUEUE,
    wallets: [ALICE.toLowerCase() as `0x${string}`], // a lowercase literal of a valid address
    fromBlock: '100',
    scannedTo: String(scannedTo),
    scannedToHash: `0x${'ab'.repeat(32)}`,
    seen: [{ wallet: ALICE.toLowerCase() as `0x${string}`, tokenId: String(scannedTo), block: '150', minted: true }], // as above
  };
}

function notifyState(store: Store, round: number): NotifyState {
  const warnings: Warning[] = [
    { id: `depeg:t${round}`, kind: 'depeg', severity: 'critical', title: 'depeg', subject: `t${round}`, value: 0.05, threshold: 0.03, explanation: 'x', action: 'y' },
  ];
  const settings = store.get().settings;
  return diffReports(store.getNotifyState(), warnings, {
    now: BigInt(NOW + round),
    settings: settings.notifications,
    thresholds: defaultThresholds,
    localMinutesOfDay: 600,
  }).state;
}

function refreshReport(round: number): unknown {
  return { generatedAt: BigInt(NOW + round), metrics: { totalValueEth: 10n ** 30n + BigInt(round) }, positions: [{ id: `p${round}`, valueEth: -5n }] };
}

beforeEach(() => {
  dirs = [];
});

afterEach(() => {
  vi.restoreAllMocks();
  for (const store of opened.splice(0)) store.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('Store.saveRefresh', () => {
  it('saves notification state, report, history point and scan cursors in one write of the file', () => {
    const store = open(freshDir());
    store.addWallet({ address: ALICE });
    const writes = vi.spyOn(Conf.prototype, 'store', 'set');
    const result = store.saveRefresh({ notifyState: notifyState(store, 1), report: refreshReport(1), historyPoint: point(1), scanCursors: [cursor(200)] });
    expect(writes).toHaveBeenCalledTimes(1);
    expect(result.rejected).toEqual([]);
    const reopened = open(store.path.replace(/config\.json$/, ''));
    expect(reopened.getLastReport()).toEqual(refreshReport(1));
    expect(reopened.getHistory()).toEqual([point(1)]);
    expect(reopened.get().scanCursors).toEqual([cursor(200)]);
    expect(Object.keys(reopened.getNotifyState().active)).toEqual(['depeg:t1']);
    expect(reopened.get().wallets.map((wallet) => wallet.address)).toEqual([ALICE]);
  });

  it('leaves the file exactly as the separate writes do, history compaction included', () => {
    const separate = open(freshDir());
    const batched = open(freshDir());
    for (const store of [separate, batched]) store.addWallet({ address: ALICE });
    // Ten refreshes against a cap of six points: compaction runs on both paths.
    for (let round = 0; round < 10; round += 1) {
      const withHistory = round % 3 !== 2;
      separate.setNotifyState(notifyState(separate, round));
      separate.saveReport(refreshReport(round));
      if (withHistory) separate.appendHistory(point(round));
      // As start-app-core.ts saved them before they joined the refresh's write.
      const c = cursor(200 + round);
      separate.update((draft) => ({ ...draft, scanCursors: [{ ...c, wallets: [...c.wallets], seen: c.seen.map((x) => ({ ...x })) }] }));

      const parts: RefreshParts = { notifyState: notifyState(batched, round), report: refreshReport(round), scanCursors: [cursor(200 + round)] };
      batched.saveRefresh(withHistory ? { ...parts, historyPoint: point(round) } : parts);
    }
    expect(separate.getHistory().length).toBeLessThanOrEqual(6);
    expect(separate.getHistory().length).toBeGreaterThan(1);
    expect(onDisk(batched)).toEqual(onDisk(separate));
    expect(fs.readFileSync(batched.path.replace(/\.json$/, '.last-good.json'), 'utf8')).toBe(fs.readFileSync(batched.path, 'utf8'));
  });

  it('leaves out the parts it was not given', () => {
    const store = open(freshDir());
    store.saveRefresh({ notifyState: notifyState(store, 1), report: refreshReport(1), historyPoint: point(1), scanCursors: [cursor(200)] });
    const before = store.get();
    store.saveRefresh({ report: refreshReport(2) });
    expect(store.getLastReport()).toEqual(refreshReport(2));
    expect(store.get().notify).toEqual(before.notify);
    expect(store.getHistory()).toEqual(before.history);
    expect(store.get().scanCursors).toEqual(before.scanCursors);
  });

  it('an invalid part is refused and named; the valid parts are still saved in one write', () => {
    const store = open(freshDir());
    store.saveRefresh({ report: refreshReport(1), historyPoint: point(1) });
    const writes = vi.spyOn(Conf.prototype, 'store', 'set');
    const circular: Record<string, unknown> = { generatedAt: 1n };
    circular['self'] = circular;
    const result = store.saveRefresh({
      notifyState: notifyState(store, 2),
      report: circular,
      historyPoint: { ...point(2), t: -1 },
      scanCursors: [cursor(300)],
    });
    expect(result.rejected.map((entry) => entry.part)).toEqual(['report', 'historyPoint']);
    expect(result.rejected.every((entry) => entry.reason.length > 0)).toBe(true);
    expect(writes).toHaveBeenCalledTimes(1);
    const reopened = open(store.path.replace(/config\.json$/, ''));
    expect(reopened.getLastReport()).toEqual(refreshReport(1));
    expect(reopened.getHistory()).toEqual([point(1)]);
    expect(reopened.get().scanCursors).toEqual([cursor(300)]);
    expect(Object.keys(reopened.getNotifyState().active)).toEqual(['depeg:t2']);
  });

  it('writes nothing when every part is invalid, and says which', () => {
    const store = open(freshDir());
    store.saveRefresh({ report: refreshReport(1) });
    const file = fs.readFileSync(store.path, 'utf8');
    const writes = vi.spyOn(Conf.prototype, 'store', 'set');
    const circular: Record<string, unknown> = {};
    circular['self'] = circular;
    const bad = { ...cursor(1), scannedToHash: '0x12' };
    const result = store.saveRefresh({ report: circular, scanCursors: [bad as unknown as ScanCursor] }); // deliberately invalid input
    expect(result.rejected.map((entry) => entry.part)).toEqual(['report', 'scanCursors']);
    expect(writes).not.toHaveBeenCalled();
    expect(fs.readFileSync(store.path, 'utf8')).toBe(file);
  });

  it('throws StoreError and saves nothing on a closed store', () => {
    const dir = freshDir();
    const store = open(dir);
    store.saveRefresh({ report: refreshReport(1) });
    const file = fs.readFileSync(store.path, 'utf8');
    store.close();
    let thrown: unknown = null;
    try {
      store.saveRefresh({ notifyState: notifyState(store, 2), report: refreshReport(2), historyPoint: point(2) });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StoreError);
    expect(thrown instanceof StoreError && thrown.code).toBe('closed');
    expect(fs.readFileSync(store.path, 'utf8')).toBe(file);
  });
});
