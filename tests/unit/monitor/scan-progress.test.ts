/**
 * The monitor's per-chain progress carries the redemption log scan's detail while the chain is reading
 * (issue 10: a first scan is many eth_getLogs calls behind one "reading" state), checked by the wire schema,
 * and drops it once the chain is done.
 */
import { describe, expect, it } from 'vitest';
import { progressSchema, type Progress } from '../../../shared/ipc/contract';
import { diffReports } from '../../../shared/notify/diff-reports';
import { emptyNotifyState } from '../../../shared/notify/notify-state';
import { settingsSchema, walletSchema } from '../../../shared/settings/settings';
import { createMonitor, SCAN_PROGRESS_INTERVAL_MS, type ChainProgressUpdate, type MonitorStore } from '../../../node/monitor/create-monitor';
import { chain, fakeClock, report, WALLET, type FakeClock } from './fixtures';

/** A monitor on chain 1 whose refresh reports `steps` through onProgress; its progress events, once it has run. */
async function progressOf(clock: FakeClock, steps: (onProgress: (update: ChainProgressUpdate) => void) => void): Promise<Progress[]> {
  const settings = settingsSchema.parse({ enabledChains: [1] });
  const wallets = [walletSchema.parse({ address: WALLET, addedAt: '2025-01-01T00:00:00Z', chains: [1] })];
  const store: MonitorStore = {
    getWallets: () => wallets, getSettings: () => settings, getLastReport: () => null, getNotifyState: () => emptyNotifyState,
    setNotifyState: () => {}, saveReport: () => {}, appendHistory: () => {},
  };
  const monitor = createMonitor({
    refresh: async (_wallets, _previous, onProgress) => {
      steps(onProgress);
      return { report: report({ chains: [chain(1)] }), snapshots: [] };
    },
    getBlockNumber: async () => 100n,
    store, diff: diffReports, notifiers: [], clock, log: { info: () => {}, warn: () => {}, error: () => {} },
  });
  const seen: Progress[] = [];
  monitor.onProgress((p) => void seen.push(p));
  monitor.start();
  await clock.advance(0);
  monitor.stop();
  return seen;
}

describe('createMonitor: scan progress', () => {
  it('passes the scan detail of a reading chain to its progress listeners, and drops it when the chain is done', async () => {
    const seen = await progressOf(fakeClock(), (onProgress) => {
      onProgress({ chainId: 1, state: 'reading' });
      for (const scannedBlocks of [0, 400, 800, 1000]) onProgress({ chainId: 1, state: 'reading', scan: { scannedBlocks, totalBlocks: 1000 } });
    });
    for (const p of seen) expect(progressSchema.safeParse(p).success).toBe(true);
    // All in one instant: the first step and the last reach the listeners, the ones between are held back.
    expect(seen.map((p) => p.chains[0]?.scan?.scannedBlocks).filter((n) => n !== undefined)).toEqual([0, 1000]);
    expect(seen.find((p) => p.chains[0]?.scan !== undefined)?.chains[0]?.scan?.totalBlocks).toBe(1000);
    const last = seen.at(-1);
    expect(last?.chains[0]?.state).toBe('done');
    expect(last?.chains[0]).not.toHaveProperty('scan');
  });

  it('publishes at most one scan step per interval, whatever the number of chunks', async () => {
    const base = fakeClock();
    let skew = 0;
    const clock = { ...base, now: () => base.now() + skew };
    const seen = await progressOf(clock, (onProgress) => {
      onProgress({ chainId: 1, state: 'reading' });
      // 500 chunks of 2 blocks, one every 10 ms: 5 s of scanning.
      for (let i = 0; i <= 500; i++) {
        onProgress({ chainId: 1, state: 'reading', scan: { scannedBlocks: i * 2, totalBlocks: 1000 } });
        skew += 10;
      }
    });
    const steps = seen.flatMap((p) => (p.chains[0]?.scan === undefined ? [] : [p.chains[0].scan.scannedBlocks]));
    // 5,000 ms at one step per SCAN_PROGRESS_INTERVAL_MS, plus the first and the last.
    expect(steps.length).toBeLessThanOrEqual(5_000 / SCAN_PROGRESS_INTERVAL_MS + 2);
    expect(steps.length).toBeGreaterThanOrEqual(5_000 / SCAN_PROGRESS_INTERVAL_MS - 1);
    expect(steps[0]).toBe(0);
    expect(steps.at(-1)).toBe(1000);
    expect(steps.every((n, i) => i === 0 || n > (steps[i - 1] ?? 0))).toBe(true);
  });
});
