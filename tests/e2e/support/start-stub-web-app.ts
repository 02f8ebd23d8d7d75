import { getAddress } from 'viem';
import { createMonitor, type Monitor, type MonitorUpdate, type NotificationSink } from '../../../node/monitor/create-monitor';
import { createMonitorServices } from '../../../node/monitor/create-monitor-services';
import { monitorStoreFrom } from '../../../node/monitor/monitor-store-from';
import { systemClock } from '../../../node/monitor/system-clock';
import { openStore, type AddWalletInput, type Store } from '../../../node/store/open-store';
import { startWebHost, type WebHost } from '../../../node/web/start-web-host';
import { diffReports, type Notification } from '../../../shared/notify/diff-reports';
import type { RiskReport } from '../../../shared/report';

export interface StubWebApp {
  readonly host: WebHost;
  readonly monitor: Monitor;
  readonly store: Store;
  /** Every notification the monitor handed its sinks. */
  readonly notifications: readonly Notification[];
  /** Makes the next refresh answer `report` (stamped with the current time), runs it and waits for it. */
  publish(report: RiskReport): Promise<MonitorUpdate>;
  close(): Promise<void>;
}

export interface StartStubWebAppOptions {
  readonly dataDir: string;
  readonly rendererDir: string;
  readonly wallets: readonly AddWalletInput[];
  /** The report the first refresh answers. */
  readonly initial: RiskReport;
}

const quietLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * The web face with the chain replaced by a report the test chooses: the real store, monitor,
 * notification diff, services and web host (the same pieces node/web/start-web-app.ts wires), with
 * `refresh` answering whatever `publish` set. The browser sink sends what start-web-app's does.
 * For reports no simulated chain can produce in test time (a thousand warnings, hostile names in
 * every field).
 */
export async function startStubWebApp(options: StartStubWebAppOptions): Promise<StubWebApp> {
  const store = openStore({ dir: options.dataDir });
  for (const wallet of options.wallets) store.addWallet(wallet);
  let current = options.initial;
  let host: WebHost | null = null;
  const notifications: Notification[] = [];
  const browserSink: NotificationSink = {
    name: 'browser',
    notify: (notification) => {
      notifications.push(notification);
      host?.broadcast('notification', {
        title: notification.title,
        body: notification.body,
        severity: notification.severity,
        warningId: notification.grouped ? null : (notification.warningIds[0] ?? null),
      });
    },
  };
  const monitor = createMonitor({
    refresh: async () => ({ report: { ...current, generatedAt: BigInt(Math.floor(systemClock.now() / 1000)) }, snapshots: [] }),
    getBlockNumber: async () => 1n,
    store: monitorStoreFrom(store),
    diff: diffReports,
    notifiers: [browserSink],
    clock: systemClock,
    log: quietLog,
  });
  const services = createMonitorServices({
    store,
    monitor,
    resolveWallet: async (input) => ({ address: getAddress(input.trim()), ensName: null }),
    probeRpc: async () => ({ chainId: 1, blockNumber: 1n }),
  });
  host = await startWebHost({ services, rendererDir: options.rendererDir, port: 0, host: '127.0.0.1', allowRemote: false, log: quietLog });
  monitor.start();
  await monitor.idle();
  const started = host;
  return {
    host: started,
    monitor,
    store,
    notifications,
    async publish(report) {
      current = report;
      const done = new Promise<MonitorUpdate>((resolve) => {
        const off = monitor.onUpdate((update) => {
          off();
          resolve(update);
        });
      });
      monitor.refreshNow();
      return done;
    },
    async close() {
      monitor.stop();
      await started.close();
      store.close();
    },
  };
}
