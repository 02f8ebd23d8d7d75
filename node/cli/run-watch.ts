/**
 * `matryoshka watch`: the monitor loop without a window. Wallets, settings and the notification
 * state live in a data directory in the store format of the desktop app and the web host, so a
 * restart never announces again what was already said. Notifications come from the same diff as
 * every other face and go to the chosen channels; stdout gets a readable line per notified event,
 * or with --json-lines only JSON objects (node/cli/to-watch-lines.ts, schemas/watch-line.schema.json).
 * Logs go to stderr. Runs until `stopSignal`, then lets the refresh in progress finish (or
 * abandons it after `abandonAfterMs`), saves and returns 0. Bad input returns 3 before anything runs,
 * and so does a data dir another Matryoshka process holds (node/store/data-dir-lock.ts).
 */
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { toPlainText } from '../../shared/notify/to-plain-text';
import { logBlockRangeFor, type WebhookConfig } from '../../shared/settings/settings';
import { chains as knownChains } from '../../shared/registry/chains';
import { buildChainClients } from '../core/build-chain-clients';
import { resolveWallets } from '../core/resolve-wallets';
import { startAppCore, type AppCore, type DemoWorldHandle } from '../core/start-app-core';
import { createChannelSinks } from '../channels/create-channel-sinks';
import { parseChannelConfig } from '../channels/parse-channel-config';
import type { MonitorLog, NotificationSink } from '../monitor/create-monitor';
import { DataDirLockError } from '../store/data-dir-lock';
import { inert } from './format-table';
import { loadConfig } from './load-config';
import type { CliOptions } from './parse-args';
import { createScanProgressLog } from './scan-progress-log';
import { emptyWatchMemory, nextWatchMemory, toReadableLine, toWatchLines, type WatchLine } from './to-watch-lines';

/** Exit codes of `matryoshka watch` (docs/cli.md). */
const WATCH_EXIT = { stopped: 0, cannotStart: 3 } as const;

export interface WatchIo {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM). */
  readonly stopSignal: Promise<void>;
  /** Builds the desktop channel; default the freedesktop service over D-Bus (node/channels). */
  readonly createDesktop?: (log: MonitorLog) => Promise<NotificationSink>;
  /** Starts the simulated world for `--demo`. */
  readonly startDemo?: () => Promise<DemoWorldHandle>;
  /** How long the refresh in progress may run on after the stop signal. Default 5000 ms. */
  readonly abandonAfterMs?: number;
}

const DEFAULT_ABANDON_AFTER_MS = 5_000;

function defaultDataDir(env: WatchIo['env']): string {
  const base = env['XDG_DATA_HOME'] ?? join(homedir(), '.local', 'share');
  return join(base, 'matryoshka');
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Replaces the data dir's wallet list with `wanted` (entries already there keep their label and date). */
function setWallets(core: AppCore, wanted: readonly { readonly address: string; readonly ens: string | null }[]): void {
  const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
  for (const wallet of core.store.get().wallets) {
    if (!wanted.some((w) => same(w.address, wallet.address))) core.store.removeWallet(wallet.address);
  }
  for (const w of wanted) {
    if (!core.store.get().wallets.some((wallet) => same(wallet.address, w.address))) core.store.addWallet({ address: w.address, ensName: w.ens });
  }
}

/** Runs the watch loop until `io.stopSignal`; returns the exit code. */
export async function runWatch(options: CliOptions, io: WatchIo): Promise<number> {
  const fail = (message: string): number => {
    io.stderr.write(`matryoshka: ${message}\n`);
    return WATCH_EXIT.cannotStart;
  };
  const logLine = (level: string, parts: readonly unknown[]): void => {
    const text = parts.map((p) => (typeof p === 'string' ? p : errorText(p))).join(' ');
    io.stderr.write(`${new Date().toISOString()} ${level} ${toPlainText(text, 1000)}\n`);
  };
  const log: MonitorLog = {
    info: (...parts: unknown[]) => logLine('info', parts),
    warn: (...parts: unknown[]) => logLine('warn', parts),
    error: (...parts: unknown[]) => logLine('error', parts),
  };

  const cfg = loadConfig(options.config);
  if (!cfg.ok) return fail(cfg.error);
  const config = cfg.config;

  const channelConfig = parseChannelConfig(config.channels);
  if (!channelConfig.ok) return fail(`config ${options.config ?? ''}: ${channelConfig.error}`);

  // The monitor reads its sinks at each notification: the channels join this list once the data
  // dir's settings are known, before the monitor starts.
  const sinks: NotificationSink[] = [];
  let closeChannels = async (): Promise<void> => {};
  let demo: DemoWorldHandle | undefined;
  let core: AppCore | null = null;
  try {
    if (options.demo) {
      if (io.startDemo === undefined) return fail('--demo is not available in this build');
      log.info('starting the simulated world…');
      try {
        demo = await io.startDemo();
      } catch (error) {
        return fail(`the simulated world could not start: ${errorText(error)}`);
      }
    }
    const dataDir = options.dataDir ?? (demo === undefined ? defaultDataDir(io.env) : mkdtempSync(join(tmpdir(), 'matryoshka-watch-demo-')));
    // Endpoints named for this run (config file, then command line).
    const userRpcs = new Map<number, readonly string[]>(config.rpc);
    for (const [id, urls] of options.rpc) userRpcs.set(id, urls);
    let started: AppCore;
    try {
      started = startAppCore({ store: { dir: dataDir }, face: 'watch', sinks, log, publicFallback: userRpcs.size === 0, ...(demo === undefined ? {} : { demo }) });
    } catch (error) {
      // Another process watching the same data dir would notify twice and overwrite this one's state.
      if (error instanceof DataDirLockError) return fail(`${error.message}; stop it or pass another --data-dir`);
      throw error;
    }
    core = started;
    demo = undefined; // the core stops it now
    // In memory only, a restart would announce everything again: refuse rather than run that way.
    if (!started.store.persistent) return fail(`the data dir ${dataDir} cannot be written`);

    // Settings for this run: the data dir's, then the config file's, then the command line's; saved for the next run.
    try {
      started.store.updateSettings((settings) => {
        const rpcEndpoints: Record<string, string[]> = { ...settings.rpcEndpoints };
        for (const [id, urls] of userRpcs) rpcEndpoints[String(id)] = [...urls];
        const enabledChains = options.chains ?? config.chains ?? (userRpcs.size > 0 ? [...new Set([1, ...userRpcs.keys()])].sort((a, b) => a - b) : settings.enabledChains);
        const interval = options.intervalSeconds === null ? {} : { pollIntervalSeconds: options.intervalSeconds, minRefreshIntervalSeconds: options.intervalSeconds };
        const logBlockRange: Record<string, number> = { ...settings.logBlockRange };
        for (const [id, blocks] of config.logBlockRange) logBlockRange[String(id)] = blocks;
        if (options.logRange !== null) for (const c of knownChains) logBlockRange[String(c.id)] = options.logRange;
        return {
          ...settings,
          rpcEndpoints,
          enabledChains: [...enabledChains],
          refresh: { ...settings.refresh, ...config.refresh, ...interval },
          thresholds: { ...settings.thresholds, ...config.thresholdOverrides },
          notifications: { ...settings.notifications, ...config.notifications },
          logBlockRange,
        };
      });
    } catch (error) {
      return fail(`the settings could not be saved in ${dataDir}: ${errorText(error)}`);
    }
    const settings = started.store.get().settings;

    if (options.inputs.length > 0) {
      const endpoints = new Map(Object.entries(settings.rpcEndpoints).map(([id, urls]) => [Number(id), urls] as const));
      // Names resolve through the user's mainnet endpoints when set (no public one behind them), else the built-in ones.
      const mainnet = buildChainClients({ chainIds: [1], userRpcs: endpoints, publicFallback: false }).get(1);
      const resolved = await resolveWallets(mainnet?.client ?? null, options.inputs);
      if (!resolved.ok) return fail(resolved.errors.map((e) => inert(e, 300)).join('\n'));
      try {
        setWallets(started, resolved.wallets);
      } catch (error) {
        return fail(`the wallets could not be saved in ${dataDir}: ${errorText(error)}`);
      }
    }
    const wallets = started.store.get().wallets;
    if (wallets.length === 0) return fail(`no wallet to watch: give an address or an ENS name (${dataDir} lists none)`);
    await started.services.updateSettings({}); // rebuilds the chain clients from the settings just saved

    const channels = await openChannels({
      notify: options.notify, webhooks: [...channelConfig.webhooks, ...settings.channels.webhooks],
      desktopEnabled: channelConfig.desktop ?? settings.channels.desktop.enabled, io, log,
    });
    if (!channels.ok) return fail(channels.error);
    closeChannels = channels.close;
    sinks.push(...channels.sinks);
    started.monitor.onUpdate(channels.observe);

    let memory = emptyWatchMemory;
    let lastUpdateAt = Date.now();
    let wasDegraded = false;
    const print = (lines: readonly WatchLine[]): void => {
      const now = new Date();
      for (const line of lines) {
        if (options.jsonLines) io.stdout.write(`${JSON.stringify(line)}\n`);
        else if (line.type === 'event') io.stdout.write(`${toReadableLine(line, now)}\n`);
        else if (line.degraded !== wasDegraded) {
          wasDegraded = line.degraded;
          if (line.degraded) log.warn('some holdings could not be read: their last known figures stand in until the next complete refresh');
          else log.info('every holding was read again');
        }
      }
    };
    started.monitor.onUpdate((update) => {
      lastUpdateAt = Date.now();
      const lines = toWatchLines(update, memory);
      memory = nextWatchMemory(memory, update.report);
      print(lines);
    });
    // A long redemption log scan (a first one, or a new wallet's catch-up) shows its progress in the log.
    const scanProgress = createScanProgressLog((line) => log.info(line), (chainId) => logBlockRangeFor(started.store.get().settings, chainId));
    started.monitor.onProgress((progress) => {
      for (const chain of progress.chains) if (chain.scan !== undefined) scanProgress(chain.chainId, chain.scan);
    });
    started.monitor.start();
    const stored = started.monitor.getReport();
    if (stored !== null) memory = nextWatchMemory(memory, stored);

    // Refreshes follow new blocks; when none are seen (the endpoint is down, the chain halted) a
    // refresh is forced once the data is as old as `staleDataSeconds`, so staleness is reported.
    const staleMs = Math.max(settings.thresholds.staleDataSeconds, settings.refresh.minRefreshIntervalSeconds, 1) * 1000;
    const heartbeat = setInterval(() => {
      if (Date.now() - lastUpdateAt < staleMs || started.monitor.getProgress().running) return;
      lastUpdateAt = Date.now();
      log.info(`no refresh for ${Math.round(staleMs / 1000)} s: refreshing now`);
      started.monitor.refreshNow();
    }, Math.min(1000, staleMs));

    log.info(`watching ${wallets.length} wallet${wallets.length === 1 ? '' : 's'} on chain${settings.enabledChains.length === 1 ? '' : 's'} ${settings.enabledChains.join(', ')}; data in ${dataDir}`);
    await io.stopSignal;
    clearInterval(heartbeat);
    log.info('stopping…');
    started.monitor.setPaused(true); // no new refresh; the one in progress may finish and is saved
    const abandonAfterMs = io.abandonAfterMs ?? DEFAULT_ABANDON_AFTER_MS;
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      started.monitor.idle().then(() => true),
      new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(false), abandonAfterMs); }),
    ]);
    clearTimeout(timer);
    if (!finished) log.warn(`the refresh in progress was abandoned after ${abandonAfterMs} ms; the last completed one is saved`);
    return WATCH_EXIT.stopped;
  } finally {
    if (core !== null) await core.close();
    else await demo?.stop();
    await closeChannels(); // lets queued notifications go out (bounded), never rejects
  }
}

/**
 * The notification channels (node/channels): the one place run-watch meets them. `--notify` names
 * them; without it, the config file's and the data dir's `channels` settings decide.
 */
async function openChannels(input: {
  readonly notify: readonly string[];
  readonly webhooks: readonly WebhookConfig[];
  readonly desktopEnabled: boolean;
  readonly io: WatchIo;
  readonly log: MonitorLog;
}): ReturnType<typeof createChannelSinks> {
  try {
    return await createChannelSinks({
      notify: input.notify, webhooks: input.webhooks, desktopEnabled: input.desktopEnabled, env: input.io.env, log: input.log,
      ...(input.io.createDesktop === undefined ? {} : { createDesktop: input.io.createDesktop }),
    });
  } catch (error) {
    return { ok: false, error: `the notification channels could not start: ${errorText(error)}` };
  }
}
