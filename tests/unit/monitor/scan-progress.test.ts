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
import { createMonitor, type MonitorStore } from '../../../node/monitor/create-monitor';
import { chain, fakeClock, report, WALLET } from './fixtures';

describe('createMonitor: scan progress', () => {
  it('passes the scan detail of a reading chain to its progress listeners, and drops it when the chain is done', async () => {
    const clock = fakeClock();
    const settings = settingsSchema.parse({ enabledChains: [1] });
    const wallets = [walletSchema.parse({ address: WALLET, addedAt: '2025-01-01T00:00:00Z', chains: [1] })];
    const store: MonitorStore = {
      getWallets: () => wallets, getSettings: () => settings, getLastReport: () => null, getNotifyState: () => emptyNotifyState,
      setNotifyState: () => {}, saveReport: () => {}, appendHistory: () => {},
    };
    const monitor = createMonitor({
      refresh: async (_wallets, _previous, onProgress) => {
        onProgress({ chainId: 1, state: 'reading' });
        for (const scannedBlocks of [0, 400, 800, 1000]) onProgress({ chainId: 1, state: 'reading', scan: { scannedBlocks, totalBlocks: 1000 } });
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
    for (const p of seen) expect(progressSchema.safeParse(p).success).toBe(true);
    expect(seen.map((p) => p.chains[0]?.scan?.scannedBlocks).filter((n) => n !== undefined)).toEqual([0, 400, 800, 1000]);
    expect(seen.find((p) => p.chains[0]?.scan !== undefined)?.chains[0]?.scan?.totalBlocks).toBe(1000);
    const last = seen.at(-1);
    expect(last?.chains[0]?.state).toBe('done');
    expect(last?.chains[0]).not.toHaveProperty('scan');
  });
});
