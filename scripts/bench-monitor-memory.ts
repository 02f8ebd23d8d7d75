/**
 * Monitor memory over thousands of refreshes (issue 8, "Load"): the real monitor, notification
 * diff, engine and store (on disk, default history cap) run on a fast fake clock against an
 * in-process chain source (the engine's realistic portfolio, 7 positions per wallet, with the
 * block and time moving on every refresh), refreshing on every new block as in the apps. Every
 * `--sample-every` refreshes it forces a garbage collection and records the heap, the history
 * length, the store file size, pending timers and live listeners; a page that subscribes to
 * updates and unsubscribes again on every refresh stands for browser tabs coming and going.
 *
 *   node --expose-gc --import tsx scripts/bench-monitor-memory.ts [--refreshes 1000] [--sample-every 100]
 *     [--interval 1200] [--wallets 1] [--history-cap 4000] [--markdown]
 *
 * `npm run bench` runs it in a child process (its own heap) with `--markdown` and puts the
 * section into docs/benchmarks.md. Figures only; nothing here is a test.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMonitor, type MonitorUpdate } from '../node/monitor/create-monitor';
import { monitorStoreFrom } from '../node/monitor/monitor-store-from';
import { openStore } from '../node/store/open-store';
import { computeReport } from '../shared/engine/compute-report';
import { DEFAULT_HISTORY_MAX_POINTS } from '../shared/history/compact-history';
import { diffReports } from '../shared/notify/diff-reports';
import { registry } from '../shared/registry/registry';
import { defaultThresholds } from '../shared/settings/thresholds';
import type { ChainSnapshot } from '../shared/snapshot';
import { realisticSnapshots, realisticWallets } from '../tests/unit/engine/realistic-portfolio';
import { fakeClock } from '../tests/unit/monitor/fixtures';

interface Sample {
  readonly refreshes: number;
  readonly heapMiB: number;
  readonly historyPoints: number;
  readonly storeKiB: number;
  readonly timers: number;
  readonly listeners: number;
}

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const REFRESHES = argument('refreshes', 1000);
const SAMPLE_EVERY = argument('sample-every', 100);
// One refresh per 20 simulated minutes: 1000 refreshes span 14 days, past the 7 days after which
// the history keeps one point per hour, so its compaction is part of the run.
const BLOCK_SECONDS = argument('interval', 1200);
// The store's cap on history points (4000 by default); a lower one shows the heap with the cap held.
const HISTORY_CAP = argument('history-cap', DEFAULT_HISTORY_MAX_POINTS);
const WALLETS = argument('wallets', 1);

const gc: (() => void) | null = typeof globalThis.gc === 'function' ? globalThis.gc : null;
function heapMiB(): number {
  if (gc !== null) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** The chain at a given block: the same holdings, the block and its time moving on. */
function snapshotsAt(base: readonly ChainSnapshot[], block: bigint, timestamp: bigint): ChainSnapshot[] {
  return base.map((snap) => ({ ...snap, blockNumber: block, blockTimestamp: timestamp }));
}

// The store on tmpfs where there is one: disk latency is not what this measures.
const dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'matryoshka-bench-memory-'));
const started = Date.now();
try {
  const clock = fakeClock(1_800_000_000_000);
  const store = openStore({ dir, clock: () => new Date(clock.now()), historyMaxPoints: HISTORY_CAP });
  const wallets = realisticWallets(WALLETS);
  for (const address of wallets) store.addWallet({ address, chains: [1, 42161] });
  store.updateSettings((s) => ({
    ...s,
    enabledChains: [1, 42161],
    refresh: { ...s.refresh, pollIntervalSeconds: BLOCK_SECONDS, minRefreshIntervalSeconds: BLOCK_SECONDS },
  }));
  const base = realisticSnapshots(WALLETS);
  let block = 20_000_000n;
  let refreshes = 0;
  let notifications = 0;
  let positions = 0;
  const monitor = createMonitor({
    refresh: async (_wallets, previous) => {
      refreshes += 1;
      const now = BigInt(Math.floor(clock.now() / 1000));
      const snapshots = snapshotsAt(base, block, now);
      const report = computeReport({
        snapshots,
        registry,
        thresholds: defaultThresholds,
        now,
        previous,
        wallets: wallets.map((address) => ({ address, label: null, ens: null })),
      });
      positions = report.positions.length;
      return { report, snapshots };
    },
    getBlockNumber: async () => {
      block += 1n;
      return block;
    },
    store: monitorStoreFrom(store),
    diff: diffReports,
    notifiers: [{ name: 'count', notify: () => void (notifications += 1) }],
    clock,
    log: { info: () => undefined, warn: () => undefined, error: (...args: unknown[]) => process.stderr.write(`${args.map(String).join(' ')}\n`) },
  });

  // A long-lived subscriber (the window) and one that comes and goes on every refresh (a tab).
  let live = 0;
  monitor.onUpdate(() => void (live += 1));
  let offTab: (() => void) | null = null;
  let tabUpdates = 0;
  const subscribeTab = (): void => {
    offTab?.();
    offTab = monitor.onUpdate((update: MonitorUpdate) => {
      tabUpdates += update.report.positions.length > 0 ? 1 : 0;
    });
  };
  // Listeners are private to the monitor: count the ones that receive an update.
  const listenersNow = async (): Promise<number> => {
    const before = live + tabUpdates;
    monitor.refreshNow();
    await clock.advance(0);
    await monitor.idle();
    return live + tabUpdates - before;
  };

  const samples: Sample[] = [];
  const sample = async (): Promise<void> => {
    const listeners = await listenersNow();
    samples.push({
      refreshes,
      heapMiB: heapMiB(),
      historyPoints: store.getHistory().length,
      storeKiB: statSync(store.path).size / 1024,
      timers: clock.pendingTimers(),
      listeners,
    });
    const s = samples.at(-1);
    if (s !== undefined) process.stderr.write(`monitor-memory ${s.refreshes} refreshes: heap ${s.heapMiB.toFixed(1)} MiB, history ${s.historyPoints}, store ${s.storeKiB.toFixed(0)} KiB, timers ${s.timers}, listeners ${s.listeners}\n`);
  };

  monitor.start();
  await clock.advance(0);
  await monitor.idle();
  await sample();
  let nextSample = SAMPLE_EVERY;
  while (refreshes < REFRESHES) {
    subscribeTab();
    await clock.advance(BLOCK_SECONDS * 1000);
    await monitor.idle();
    if (refreshes >= nextSample) {
      await sample();
      nextSample += SAMPLE_EVERY;
    }
  }
  monitor.stop();
  store.close();
  const seconds = (Date.now() - started) / 1000;

  const first = samples[0];
  const last = samples.at(-1);
  const afterCap = samples.filter((s) => s.refreshes >= REFRESHES / 2);
  const lines: string[] = [];
  if (!process.argv.includes('--no-heading')) lines.push('## Monitor memory over thousands of refreshes (issue 8)', '');
  lines.push(
    `\`node --expose-gc --import tsx scripts/bench-monitor-memory.ts --refreshes ${REFRESHES} --sample-every ${SAMPLE_EVERY} --interval ${BLOCK_SECONDS} --wallets ${WALLETS} --history-cap ${HISTORY_CAP}\`${HISTORY_CAP === DEFAULT_HISTORY_MAX_POINTS ? ' (run by `npm run bench`)' : ''}: the real monitor, notification diff, engine and store (the electron-store file on tmpfs, history compaction with a cap of ${HISTORY_CAP} points) on a fake clock, a new block every ${BLOCK_SECONDS} simulated seconds and a refresh on each (${((REFRESHES * BLOCK_SECONDS) / 86_400).toFixed(1)} simulated days), the engine's realistic portfolio for ${WALLETS} wallet${WALLETS === 1 ? '' : 's'} (${positions} positions, look-through of three LRTs) as the chain, one subscriber that stays and one that unsubscribes and subscribes again on every refresh. Heap after a forced GC${gc === null ? ' (**not forced: run with --expose-gc**)' : ''}. ${REFRESHES} refreshes took ${seconds.toFixed(0)} s (${((seconds * 1000) / Math.max(1, refreshes)).toFixed(1)} ms each, store write included); ${notifications} notifications.`,
    '',
  );
  lines.push('| refreshes | heap used | history points | store file | pending timers | live listeners |', '|---:|---:|---:|---:|---:|---:|');
  for (const s of samples) lines.push(`| ${s.refreshes} | ${s.heapMiB.toFixed(1)} MiB | ${s.historyPoints} | ${s.storeKiB.toFixed(0)} KiB | ${s.timers} | ${s.listeners} |`);
  if (first !== undefined && last !== undefined) {
    const heaps = afterCap.map((s) => s.heapMiB);
    lines.push(
      '',
      `Heap before: **${first.heapMiB.toFixed(1)} MiB**, after ${last.refreshes} refreshes: **${last.heapMiB.toFixed(1)} MiB**; over the second half it stays between ${Math.min(...heaps).toFixed(1)} and ${Math.max(...heaps).toFixed(1)} MiB. "Live listeners" counts the subscribers that received the sampling refresh's update (the window and the current tab; the first sample is taken before the tab subscribes).`,
      '',
    );
  }
  process.stdout.write(process.argv.includes('--markdown') ? `${lines.join('\n')}\n` : `${JSON.stringify(samples, null, 2)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
