import type { Monitor, MonitorLog, NotificationSink } from '../monitor/create-monitor';
import type { Store } from '../store/open-store';
import { createWebhookDispatcher } from '../channels/create-webhook-dispatcher';
import { startAppCore, type AppCore, type DemoWorldHandle } from '../core/start-app-core';
import { startWebHost, type WebHost } from './start-web-host';

/** The simulated world, as world/demo-world.ts provides it. */
export type DemoWorld = DemoWorldHandle;

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

/**
 * The web face: the app core (store, monitor, services) and the loopback web host. Browser
 * notifications travel to the pages as `notification` events. Rejects with `DataDirLockError`
 * when another Matryoshka process uses the data directory (node/store/data-dir-lock.ts).
 */
export async function startWebApp(options: StartWebAppOptions): Promise<WebApp> {
  const { log } = options;
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
  // The webhooks in the settings, as they are at each notification (the same channels as the desktop app).
  const webhooks = createWebhookDispatcher({ webhooks: () => core.store.get().settings.channels.webhooks, log });
  let core: AppCore;
  try {
    core = startAppCore({
      store: { dir: options.dataDir },
      face: 'web',
      ...(options.demo === undefined ? {} : { demo: options.demo }),
      sinks: [browserSink, logSink, webhooks],
      log,
    });
  } catch (error) {
    // DataDirLockError when another process uses the data dir: nothing started, nothing to stop.
    await webhooks.close();
    throw error;
  }
  core.monitor.onUpdate(webhooks.observe);

  try {
    host = await startWebHost({
      services: core.services,
      rendererDir: options.rendererDir,
      port: options.port,
      host: options.host,
      allowRemote: options.allowRemote,
      ...(options.allowedHostNames === undefined ? {} : { allowedHostNames: options.allowedHostNames }),
      ...(options.token === undefined ? {} : { token: options.token }),
      log,
    });
  } catch (error) {
    await webhooks.close();
    await core.close();
    throw error;
  }
  core.monitor.start();
  const started = host;

  return {
    host: started,
    monitor: core.monitor,
    store: core.store,
    close: async () => {
      core.monitor.stop();
      await started.close();
      await webhooks.close();
      await core.close();
    },
  };
}
