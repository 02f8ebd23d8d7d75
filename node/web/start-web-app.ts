import { createPublicClient, getAddress, http } from 'viem';
import { buildChainClients } from '../core/build-chain-clients';
import { refreshPortfolio } from '../core/refresh-portfolio';
import { createMonitor, type Monitor, type MonitorLog, type NotificationSink } from '../monitor/create-monitor';
import { createMonitorServices } from '../monitor/create-monitor-services';
import { monitorStoreFrom } from '../monitor/monitor-store-from';
import { systemClock } from '../monitor/system-clock';
import { openStore, type Store } from '../store/open-store';
import { resolveWalletInput } from '../tracker/resolve-ens';
import type { ChainClient } from '../tracker/create-chain-client';
import { diffReports } from '../../shared/notify/diff-reports';
import { registry } from '../../shared/registry/registry';
import type { Settings } from '../../shared/settings/settings';
import { startWebHost, type WebHost } from './start-web-host';

/** The simulated world, as world/demo-world.ts provides it. */
export interface DemoWorld {
  readonly rpcUrl: string;
  readonly wallets: readonly { readonly address: string; readonly label: string; readonly ens?: string | null }[];
  stop(): Promise<void>;
}

export interface StartWebAppOptions {
  readonly dataDir: string;
  readonly rendererDir: string;
  readonly port: number;
  readonly host: string;
  readonly allowRemote: boolean;
  readonly allowedHostNames?: readonly string[];
  /** Watch this world's sample wallets through its node only (no public endpoint). */
  readonly demo?: DemoWorld;
  /** Fixed token (tests); random by default. */
  readonly token?: string;
  readonly log: MonitorLog;
}

export interface WebApp {
  readonly host: WebHost;
  readonly monitor: Monitor;
  readonly store: Store;
  /** Stops the monitor, the server, the store and the demo world. */
  close(): Promise<void>;
}

function userRpcs(settings: Settings): Map<number, readonly string[]> {
  return new Map(Object.entries(settings.rpcEndpoints).map(([chainId, urls]) => [Number(chainId), urls]));
}

/**
 * The web face's composition: the store in `dataDir`, chain clients from the settings, the
 * monitor over the tracker and the engine, the app's services, and the loopback web host. Browser
 * notifications travel to the pages as `notification` events.
 */
export async function startWebApp(options: StartWebAppOptions): Promise<WebApp> {
  const { log, demo } = options;
  const store = openStore({ dir: options.dataDir });
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
  const publicFallback = demo === undefined;
  let clients: Map<number, ChainClient> = new Map();
  const rebuildClients = (settings: Settings): void => {
    clients = buildChainClients({ chainIds: settings.enabledChains, userRpcs: userRpcs(settings), publicFallback });
  };
  rebuildClients(store.get().settings);

  let host: WebHost | null = null;
  const browserSink: NotificationSink = {
    name: 'browser',
    notify: (notification) => {
      host?.broadcast('notification', {
        title: notification.title,
        body: notification.body,
        severity: notification.severity,
        warningId: notification.grouped ? null : (notification.warningIds[0] ?? null),
      });
    },
  };
  const logSink: NotificationSink = { name: 'log', notify: (n) => log.info(`notification [${n.severity}] ${n.title}`) };

  const monitor = createMonitor({
    refresh: async (wallets, previous, onProgress) => {
      const settings = store.get().settings;
      const wanted = new Set(wallets.flatMap((w) => w.chains));
      const active = new Map([...clients].filter(([chainId]) => wanted.has(chainId)));
      return refreshPortfolio({
        clients: active,
        wallets: wallets.map((w) => ({ address: w.address, label: w.label === '' ? null : w.label, ens: w.ensName, chains: w.chains })),
        registry,
        thresholds: settings.thresholds,
        now: BigInt(Math.floor(systemClock.now() / 1000)),
        previous,
        onProgress: (chainId, state, error) => {
          if (state !== 'pending') onProgress({ chainId, state, error });
        },
      });
    },
    getBlockNumber: async (chainId) => {
      const client = clients.get(chainId);
      if (client === undefined) throw new Error(`no endpoint for chain ${chainId}`);
      return client.client.getBlockNumber();
    },
    store: monitorStoreFrom(store),
    diff: diffReports,
    notifiers: [browserSink, logSink],
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

  try {
    host = await startWebHost({
      services,
      rendererDir: options.rendererDir,
      port: options.port,
      host: options.host,
      allowRemote: options.allowRemote,
      ...(options.allowedHostNames === undefined ? {} : { allowedHostNames: options.allowedHostNames }),
      ...(options.token === undefined ? {} : { token: options.token }),
      log,
    });
  } catch (error) {
    store.close();
    throw error;
  }
  monitor.start();
  const started = host;

  return {
    host: started,
    monitor,
    store,
    close: async () => {
      monitor.stop();
      await started.close();
      store.close();
      await demo?.stop();
    },
  };
}
