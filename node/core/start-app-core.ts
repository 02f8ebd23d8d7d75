/**
 * The app's core as every long-running face uses it (desktop, web host, watch): the data
 * directory's lock (one process per data dir: node/store/data-dir-lock.ts), the store in it, chain
 * clients from the settings (rebuilt when they change), the monitor over the tracker and the
 * engine, and the API services over them. Faces add their own notification sinks and their own
 * way of showing things.
 */
import { createPublicClient, getAddress, http } from 'viem';
import { diffReports } from '../../shared/notify/diff-reports';
import { registry } from '../../shared/registry/registry';
import type { RiskReport } from '../../shared/report';
import type { AppServices } from '../../shared/ipc/app-services';
import { logBlockRangeFor, type Settings } from '../../shared/settings/settings';
import { createMonitor, type Monitor, type MonitorLog, type NotificationSink } from '../monitor/create-monitor';
import { createMonitorServices } from '../monitor/create-monitor-services';
import { monitorStoreFrom } from '../monitor/monitor-store-from';
import { systemClock } from '../monitor/system-clock';
import { acquireDataDirLock, DataDirLockError, describeHolder, type DataDirFace, type DataDirLock } from '../store/data-dir-lock';
import { openStore, type OpenStoreOptions, type Store } from '../store/open-store';
import type { ChainClient } from '../tracker/create-chain-client';
import { createLearnedLogRanges } from '../tracker/learned-log-ranges';
import { resolveWalletInput } from '../tracker/resolve-ens';
import { buildChainClients } from './build-chain-clients';
import { refreshPortfolio } from './refresh-portfolio';

/** The simulated world, as world/demo-world.ts provides it. */
export interface DemoWorldHandle {
  readonly rpcUrl: string;
  readonly wallets: readonly { readonly address: string; readonly label: string; readonly ens?: string | null }[];
  stop(): Promise<void>;
}

export interface StartAppCoreOptions {
  readonly store: OpenStoreOptions;
  /** The face, as named in the data dir's lock and so in another process's refusal. Default 'app'. */
  readonly face?: DataDirFace;
  /** Watch this world's sample wallets through its node only (no public endpoint). */
  readonly demo?: DemoWorldHandle;
  readonly sinks: readonly NotificationSink[];
  readonly log: MonitorLog;
  /**
   * Whether the built-in public endpoints back up the user's own (default: yes, except for the demo).
   * Off for a face whose user named endpoints and asked for them only (watch with --rpc), so their
   * addresses never reach a server they did not choose.
   */
  readonly publicFallback?: boolean;
}

export interface AppCore {
  readonly store: Store;
  readonly monitor: Monitor;
  readonly services: AppServices<RiskReport>;
  /** Stops the monitor, closes the store, releases the data dir's lock and stops the demo world. */
  close(): Promise<void>;
}

function userRpcs(settings: Settings): Map<number, readonly string[]> {
  return new Map(Object.entries(settings.rpcEndpoints).map(([chainId, urls]) => [Number(chainId), urls]));
}

/**
 * Takes the data dir's lock; null when the dir cannot be written (the store then keeps working in
 * memory and says so, and each face decides whether it may run that way).
 */
function lockDataDir(dir: string, face: DataDirFace, log: MonitorLog): DataDirLock | null {
  try {
    const lock = acquireDataDirLock(dir, { face });
    if (lock.tookOver) log.info(`took over the data dir lock ${lock.path} of ${lock.replaced === null ? 'a damaged lock file' : `${describeHolder(lock.replaced)}, no longer running`}`);
    return lock;
  } catch (error) {
    if (error instanceof DataDirLockError && error.code === 'unwritable') return null;
    throw error;
  }
}

/**
 * Builds the core; the monitor is created but not started (the face starts it when ready). Throws
 * `DataDirLockError` ('held') when another process uses the data dir.
 */
export function startAppCore(options: StartAppCoreOptions): AppCore {
  const lock = lockDataDir(options.store.dir, options.face ?? 'app', options.log);
  try {
    return buildCore(options, lock);
  } catch (error) {
    lock?.release();
    throw error;
  }
}

function buildCore(options: StartAppCoreOptions, lock: DataDirLock | null): AppCore {
  const { log, demo } = options;
  const store = openStore(options.store);
  for (const problem of store.problems) log.warn(`store: ${problem.message}`);

  if (demo !== undefined) {
    store.updateSettings((settings) => ({ ...settings, enabledChains: [1], rpcEndpoints: { ...settings.rpcEndpoints, '1': [demo.rpcUrl] } }));
    for (const wallet of demo.wallets) {
      if (!store.get().wallets.some((w) => w.address.toLowerCase() === wallet.address.toLowerCase())) {
        store.addWallet({ address: wallet.address, label: wallet.label, ensName: wallet.ens ?? null, chains: [1] });
      }
    }
  }
  // The demo must never reach a public endpoint: its node alone serves it.
  const publicFallback = demo === undefined && options.publicFallback !== false;
  let clients: Map<number, ChainClient> = new Map();
  const rebuildClients = (settings: Settings): void => {
    clients = buildChainClients({ chainIds: settings.enabledChains, userRpcs: userRpcs(settings), publicFallback });
  };
  rebuildClients(store.get().settings);
  // eth_getLogs ranges endpoints refused, for this core's lifetime (node/tracker/learned-log-ranges.ts).
  const learnedRanges = createLearnedLogRanges();

  const monitor = createMonitor({
    refresh: async (wallets, previous, onProgress) => {
      const settings = store.get().settings;
      const wanted = new Set(wallets.flatMap((w) => w.chains));
      const active = new Map([...clients].filter(([chainId]) => wanted.has(chainId)));
      const result = await refreshPortfolio({
        clients: active,
        redemptions: {
          cursors: store.get().scanCursors, learnedRanges,
          maxBlockRanges: new Map([...active.keys()].map((chainId) => [chainId, BigInt(logBlockRangeFor(settings, chainId))])),
        },
        wallets: wallets.map((w) => ({ address: w.address, label: w.label === '' ? null : w.label, ens: w.ensName, chains: w.chains })),
        registry,
        thresholds: settings.thresholds,
        now: BigInt(Math.floor(systemClock.now() / 1000)),
        previous,
        onProgress: (chainId, state, error) => {
          if (state !== 'pending') onProgress({ chainId, state, error });
        },
        onScanProgress: (chainId, scan) => {
          onProgress({ chainId, state: 'reading', error: null, scan: { scannedBlocks: Number(scan.scannedBlocks), totalBlocks: Number(scan.totalBlocks) } });
        },
      });
      // The redemption cursors (result.redemptionCursors) are saved by the monitor with the rest of the refresh, in one write.
      return result;
    },
    getBlockNumber: async (chainId) => {
      const client = clients.get(chainId);
      if (client === undefined) throw new Error(`no endpoint for chain ${chainId}`);
      return client.client.getBlockNumber({ cacheTime: 0 });
    },
    store: monitorStoreFrom(store),
    diff: diffReports,
    notifiers: options.sinks,
    clock: systemClock,
    log,
  });

  const services = createMonitorServices({
    store,
    monitor,
    resolveWallet: async (input) => {
      const mainnet = clients.get(1);
      if (mainnet === undefined && !/^0x[0-9a-fA-F]{40}$/.test(input.trim())) throw new Error('ENS names need a mainnet endpoint');
      if (mainnet === undefined) return { address: getAddress(input.trim()), ensName: null };
      const resolved = await resolveWalletInput(mainnet.client, input);
      return { address: resolved.address, ensName: resolved.ens };
    },
    probeRpc: async (url) => {
      if (!/^https?:/i.test(url)) throw new Error('only http(s) endpoints can be tested here');
      const client = createPublicClient({ transport: http(url, { timeout: 10_000, retryCount: 0 }) });
      const [chainId, blockNumber] = await Promise.all([client.getChainId(), client.getBlockNumber()]);
      return { chainId, blockNumber };
    },
    onSettingsChanged: rebuildClients,
  });

  return {
    store, monitor, services,
    close: async () => {
      monitor.stop();
      store.close();
      lock?.release();
      await demo?.stop();
    },
  };
}
