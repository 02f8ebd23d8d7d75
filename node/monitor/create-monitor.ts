import type { Progress, ScanProgress, Unsubscribe } from '../../shared/ipc/contract';
import type { HistoryPoint } from '../../shared/history/history-point';
import type { DiffContext, DiffResult, Notification, NotifyEvent } from '../../shared/notify/diff-reports';
import type { NotifyState } from '../../shared/notify/notify-state';
import type { RiskReport, Warning } from '../../shared/report';
import type { Settings, Wallet } from '../../shared/settings/settings';
import type { ScanCursor } from '../../shared/redemption';
import type { ChainSnapshot } from '../../shared/snapshot';
import { carryOverUnread } from './carry-over-unread';
import { toHistoryPoint } from './to-history-point';
import { isDegraded } from '../../shared/is-degraded';
import { warningsForDiff } from './warnings-for-diff';

/** Least time between two published steps of one redemption log scan (see onProgress in run). */
export const SCAN_PROGRESS_INTERVAL_MS = 250;

/** One chain's progress as the refresh reports it. */
export interface ChainProgressUpdate {
  readonly chainId: number;
  readonly state: 'reading' | 'done' | 'failed';
  readonly error?: string | null;
  /** With `reading`: how far the chain's redemption log scan has got (shown only while the chain is reading). */
  readonly scan?: ScanProgress;
}

/** Reads every chain and runs the engine (the composition root wires the tracker and the engine). */
export type MonitorRefresh = (
  wallets: readonly Wallet[],
  previous: RiskReport | null,
  onProgress: (update: ChainProgressUpdate) => void,
) => Promise<{
  readonly report: RiskReport;
  readonly snapshots: readonly ChainSnapshot[];
  /** Redemption scan cursors to keep (null or left out: nothing new); saved with the refresh's other parts. */
  readonly redemptionCursors?: readonly ScanCursor[] | null;
}>;

/** What one refresh saves, in one store write. */
export interface MonitorRefreshWrite {
  /** Left out when the notification diff failed. */
  readonly notifyState?: NotifyState;
  readonly report: RiskReport;
  /** Left out for a degraded refresh. */
  readonly historyPoint?: HistoryPoint;
  readonly scanCursors?: readonly ScanCursor[];
}

/** Words for each part, for the log. */
const REFRESH_PART_NAMES = {
  notifyState: 'notification state',
  report: 'last report',
  historyPoint: 'history',
  scanCursors: 'redemption scan cursors',
} as const satisfies Record<keyof MonitorRefreshWrite, string>;
const REFRESH_PARTS = ['notifyState', 'report', 'historyPoint', 'scanCursors'] as const satisfies readonly (keyof MonitorRefreshWrite)[];

/** What the monitor needs of the store (see ./monitor-store-from for the real one). */
export interface MonitorStore {
  getWallets(): readonly Wallet[];
  getSettings(): Settings;
  getLastReport(): RiskReport | null;
  getNotifyState(): NotifyState;
  setNotifyState(state: NotifyState): void;
  saveReport(report: RiskReport): void;
  /** Adds a point and compacts the history (shared/history/compact-history.ts). */
  appendHistory(point: HistoryPoint): void;
  /**
   * Saves a refresh's parts in one write; returns the parts refused as invalid (the others are
   * saved); throws when nothing could be saved. Without it the monitor saves each part on its own.
   */
  saveRefresh?(write: MonitorRefreshWrite): readonly { readonly part: keyof MonitorRefreshWrite; readonly reason: string }[];
}

/** A place notifications go (desktop, browser, …). A failure is logged and never stops the monitor. */
export interface NotificationSink {
  readonly name: string;
  notify(notification: Notification): void | Promise<void>;
}

/** Time, injected so tests run on a fake clock. */
export interface MonitorClock {
  /** Unix milliseconds. */
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Minutes since local midnight at `ms`, for quiet hours; the system time zone by default. */
  localMinutesOfDay?(ms: number): number;
}

export type MonitorLog = Pick<Console, 'info' | 'warn' | 'error'>;

export interface MonitorDeps {
  readonly refresh: MonitorRefresh;
  /** Latest block number of a chain, polled to notice new blocks. */
  readonly getBlockNumber: (chainId: number) => Promise<bigint>;
  readonly store: MonitorStore;
  /** The pure notification diff (shared/notify/diff-reports.ts `diffReports`). */
  readonly diff: (state: NotifyState, warnings: readonly Warning[], ctx: DiffContext) => DiffResult;
  readonly notifiers: readonly NotificationSink[];
  readonly clock: MonitorClock;
  readonly log: MonitorLog;
}

/** What every subscriber receives after a refresh. */
export interface MonitorUpdate {
  /** The report with the last good positions carried over for failed reads. */
  readonly report: RiskReport;
  readonly events: readonly NotifyEvent[];
  readonly notifications: readonly Notification[];
}

/** Why a refresh was asked for. `manual` and `change` run as soon as no refresh is running. */
export type RefreshReason = 'start' | 'block' | 'manual' | 'change' | 'retry' | 'resume';

export interface Monitor {
  /** Loads the last report, starts polling blocks and runs a first refresh. */
  start(): void;
  /** Clears every timer and listener; a running refresh finishes but its result is dropped. */
  stop(): void;
  /** Refreshes now, or right after the refresh that is running (also while paused). */
  refreshNow(): void;
  /** Wallets or settings changed: re-reads the poll interval and refreshes right away (also while paused). */
  changed(): void;
  /** Pausing stops polling and automatic refreshes; resuming refreshes. */
  setPaused(paused: boolean): void;
  isPaused(): boolean;
  getProgress(): Progress;
  /** The last report (carried-over positions included), or null before the first. */
  getReport(): RiskReport | null;
  onUpdate(listener: (update: MonitorUpdate) => void): Unsubscribe;
  onProgress(listener: (progress: Progress) => void): Unsubscribe;
  /** Resolves when no refresh is running or waiting to run right away (for tests and shutdown). */
  idle(): Promise<void>;
}

const DEFAULT_POLL_SECONDS = 12;
const DEFAULT_MIN_INTERVAL_SECONDS = 12;
const DEFAULT_BACKOFF_MAX_SECONDS = 300;

function systemLocalMinutes(ms: number): number {
  const date = new Date(ms);
  return date.getHours() * 60 + date.getMinutes();
}

/** `a`, `a and b`, `a, b and c`. */
function listOf(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`;
}

function message(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 500 ? `${text.slice(0, 499)}…` : text;
}

/**
 * The monitor loop shared by every face. Refreshes when a chain has a new block (polled every
 * `refresh.pollIntervalSeconds`), at most once per `refresh.minRefreshIntervalSeconds`; on demand
 * and right after a wallet or setting change; never two at once (asks during a refresh queue one
 * follow-up); with exponential backoff after failures (up to `refresh.backoffMaxSeconds`). Each
 * refresh: refresh -> carry over the last good positions of failed reads -> notification diff ->
 * persist notify state, last report, (for a complete refresh) a history point and the redemption
 * scan cursors in one store write -> notify sinks
 * -> push `{ report, events, notifications }` to every subscriber.
 */
export function createMonitor(deps: MonitorDeps): Monitor {
  const { clock, log, store } = deps;
  const updateListeners = new Set<(update: MonitorUpdate) => void>();
  const progressListeners = new Set<(progress: Progress) => void>();
  const idleWaiters: (() => void)[] = [];

  let started = false;
  let stopped = false;
  let paused = false;
  let running = false;
  let followUp: RefreshReason | null = null;
  let scheduled: { readonly at: number; readonly handle: unknown } | null = null;
  let pollTimer: unknown = null;
  let pollGeneration = 0;
  let lastStartedAt = Number.NEGATIVE_INFINITY;
  let failures = 0;
  let backoffUntil = Number.NEGATIVE_INFINITY;
  let report: RiskReport | null = null;
  /** The last report with every holding read: the baseline while reads fail (engine hysteresis, NAV drops). */
  let lastComplete: RiskReport | null = null;
  let progress: Progress = { running: false, startedAt: null, finishedAt: null, chains: [] };
  const lastBlocks = new Map<number, bigint>();

  const refreshPolicy = (): { poll: number; minInterval: number; backoffMax: number } => {
    let refresh: Partial<Settings['refresh']> = {};
    try {
      refresh = store.getSettings().refresh;
    } catch (error) {
      log.error('monitor: could not read the settings', error);
    }
    return {
      poll: (refresh.pollIntervalSeconds ?? DEFAULT_POLL_SECONDS) * 1000,
      minInterval: (refresh.minRefreshIntervalSeconds ?? DEFAULT_MIN_INTERVAL_SECONDS) * 1000,
      backoffMax: (refresh.backoffMaxSeconds ?? DEFAULT_BACKOFF_MAX_SECONDS) * 1000,
    };
  };

  const watchedChains = (): number[] => {
    const settings = store.getSettings();
    const enabled = new Set(settings.enabledChains);
    const chains = new Set<number>();
    for (const wallet of store.getWallets()) for (const chainId of wallet.chains) if (enabled.has(chainId)) chains.add(chainId);
    return [...chains].sort((a, b) => a - b);
  };

  const emitProgress = (next: Progress): void => {
    progress = next;
    for (const listener of [...progressListeners]) {
      try {
        listener(next);
      } catch (error) {
        log.error('monitor: a progress listener failed', error);
      }
    }
  };

  const settleIdle = (): void => {
    if (running || (scheduled !== null && scheduled.at <= clock.now())) return;
    for (const resolve of idleWaiters.splice(0)) resolve();
  };

  const cancelScheduled = (): void => {
    if (scheduled !== null) clock.clearTimeout(scheduled.handle);
    scheduled = null;
  };

  function request(reason: RefreshReason): void {
    if (stopped || !started) return;
    const immediate = reason === 'manual' || reason === 'change';
    // Paused: no automatic refresh, but what the user does (refresh now, a new wallet) still runs.
    if (paused && !immediate) return;
    if (running) {
      // One follow-up at most; an immediate one wins over an automatic one.
      if (followUp === null || (immediate && followUp !== 'manual')) followUp = reason;
      return;
    }
    const now = clock.now();
    const policy = refreshPolicy();
    const earliest = immediate ? now : Math.max(lastStartedAt + policy.minInterval, backoffUntil);
    if (earliest <= now) {
      cancelScheduled();
      void run();
      return;
    }
    if (scheduled !== null && scheduled.at <= earliest) return;
    cancelScheduled();
    const handle = clock.setTimeout(() => {
      scheduled = null;
      request('retry');
    }, earliest - now);
    scheduled = { at: earliest, handle };
  }

  async function run(): Promise<void> {
    running = true;
    const startedAt = clock.now();
    lastStartedAt = startedAt;
    const chainStates = new Map<number, { state: Progress['chains'][number]['state']; error: string | null; scan?: ScanProgress }>();
    let chains: number[] = [];
    try {
      chains = watchedChains();
    } catch (error) {
      log.error('monitor: could not read the watch list', error);
    }
    for (const chainId of chains) chainStates.set(chainId, { state: 'pending', error: null });
    const publish = (isRunning: boolean, finishedAt: number | null): void =>
      emitProgress({
        running: isRunning,
        startedAt,
        finishedAt,
        chains: [...chainStates.entries()].sort(([a], [b]) => a - b).map(([chainId, entry]) => ({
          chainId, state: entry.state, error: entry.error, ...(entry.scan === undefined || entry.state !== 'reading' ? {} : { scan: entry.scan }),
        })),
      });
    publish(true, progress.finishedAt);

    let finished = false;
    let lastScanPublish = Number.NEGATIVE_INFINITY;
    const onProgress = (update: ChainProgressUpdate): void => {
      if (finished || stopped) return;
      const before = chainStates.get(update.chainId);
      chainStates.set(update.chainId, { state: update.state, error: update.error ?? null, ...(update.scan === undefined ? {} : { scan: update.scan }) });
      // A first mainnet log scan reports hundreds of chunks: its steps reach the views at most every
      // SCAN_PROGRESS_INTERVAL_MS; a state change, the scan's first step and its last always do.
      const { scan } = update;
      if (scan !== undefined) {
        const now = clock.now();
        const step = before?.state === update.state && before.scan !== undefined && scan.scannedBlocks < scan.totalBlocks;
        if (step && now - lastScanPublish < SCAN_PROGRESS_INTERVAL_MS) return;
        lastScanPublish = now;
      }
      publish(true, progress.finishedAt);
    };

    try {
      // After a degraded refresh its report lacks what could not be read (and the warnings and NAV
      // rates computed from it): the engine compares with the last complete one instead.
      const previous = report !== null && isDegraded(report) ? (lastComplete ?? report) : report;
      const result = await deps.refresh(store.getWallets(), previous, onProgress);
      finished = true;
      if (stopped) return;
      for (const chain of result.report.chains) {
        const failedRead = chain.failedReads[0];
        chainStates.set(chain.chainId, {
          state: chain.status === 'failed' ? 'failed' : 'done',
          error: chain.status === 'failed' ? (failedRead?.error ?? 'the chain could not be read') : null,
        });
      }
      for (const [chainId, entry] of chainStates) {
        if (entry.state === 'pending' || entry.state === 'reading') chainStates.set(chainId, { state: 'done', error: null });
      }
      const allFailed = result.report.chains.length > 0 && result.report.chains.every((chain) => chain.status === 'failed');
      if (allFailed) noteFailure('every chain failed');
      else {
        failures = 0;
        backoffUntil = Number.NEGATIVE_INFINITY;
      }
      publish(false, clock.now());
      process(result.report, previous, result.redemptionCursors ?? null);
    } catch (error) {
      finished = true;
      if (stopped) return;
      const text = message(error);
      log.warn(`monitor: refresh failed: ${text}`);
      for (const [chainId, entry] of chainStates) {
        if (entry.state !== 'done') chainStates.set(chainId, { state: 'failed', error: text });
      }
      noteFailure(text);
      publish(false, clock.now());
    } finally {
      running = false;
      if (!stopped) {
        const next = followUp;
        followUp = null;
        if (next !== null) request(next);
      }
      settleIdle();
    }
  }

  function noteFailure(reason: string): void {
    failures += 1;
    const policy = refreshPolicy();
    const base = Math.max(policy.minInterval, 1000);
    const delay = Math.min(policy.backoffMax, base * 2 ** Math.min(failures - 1, 30));
    backoffUntil = clock.now() + delay;
    log.warn(`monitor: ${failures} failed refresh${failures === 1 ? '' : 'es'} in a row (${reason}); next try in ${Math.round(delay / 1000)} s`);
    // Retry even if no new block is seen (block polling may be failing too).
    followUp ??= 'retry';
  }

  function process(fresh: RiskReport, previous: RiskReport | null, scanCursors: readonly ScanCursor[] | null): void {
    const next = carryOverUnread(fresh, previous);
    report = next;
    if (!isDegraded(next)) lastComplete = next;
    const now = clock.now();
    let events: readonly NotifyEvent[] = [];
    let notifications: readonly Notification[] = [];
    let notifyState: NotifyState | null = null;
    try {
      const settings = store.getSettings();
      const state = store.getNotifyState();
      const result = deps.diff(state, warningsForDiff(next, state), {
        now: BigInt(Math.floor(now / 1000)),
        settings: settings.notifications,
        thresholds: settings.thresholds,
        localMinutesOfDay: (clock.localMinutesOfDay ?? systemLocalMinutes)(now),
        language: settings.language,
      });
      events = result.events;
      notifications = result.notifications;
      notifyState = result.state;
    } catch (error) {
      log.error('monitor: the notification diff failed', error);
    }
    save({
      ...(notifyState === null ? {} : { notifyState }),
      report: next,
      ...(isDegraded(next) ? {} : { historyPoint: toHistoryPoint(next, Math.floor(now / 1000)) }),
      ...(scanCursors === null ? {} : { scanCursors }),
    });

    for (const notification of notifications) {
      for (const sink of deps.notifiers) {
        try {
          Promise.resolve(sink.notify(notification)).catch((error: unknown) => log.error(`monitor: notifier ${sink.name} failed`, error));
        } catch (error) {
          log.error(`monitor: notifier ${sink.name} failed`, error);
        }
      }
    }
    const update: MonitorUpdate = { report: next, events, notifications };
    for (const listener of [...updateListeners]) {
      try {
        listener(update);
      } catch (error) {
        log.error('monitor: an update listener failed', error);
      }
    }
  }

  /**
   * One store write per refresh: each write rewrites the whole file. A failure is logged once,
   * naming what was not saved, and the monitor goes on (the next refresh saves again).
   */
  function save(write: MonitorRefreshWrite): void {
    if (store.saveRefresh === undefined) {
      // A store without the batched write (tests, small faces): one write per part, as before.
      const { notifyState, historyPoint } = write;
      if (notifyState !== undefined) persist([REFRESH_PART_NAMES.notifyState], () => store.setNotifyState(notifyState));
      persist([REFRESH_PART_NAMES.report], () => store.saveReport(write.report));
      if (historyPoint !== undefined) persist([REFRESH_PART_NAMES.historyPoint], () => store.appendHistory(historyPoint));
      return;
    }
    let rejected: readonly { readonly part: keyof MonitorRefreshWrite; readonly reason: string }[] = [];
    try {
      rejected = store.saveRefresh(write);
    } catch (error) {
      const parts = REFRESH_PARTS.filter((part) => write[part] !== undefined);
      log.error(`monitor: could not save the ${listOf(parts.map((part) => REFRESH_PART_NAMES[part]))}`, error);
      return;
    }
    if (rejected.length > 0) {
      log.error(
        `monitor: could not save the ${listOf(rejected.map((entry) => REFRESH_PART_NAMES[entry.part]))} (invalid: ${rejected.map((entry) => entry.reason).join('; ')}); the rest was saved`,
      );
    }
  }

  function persist(what: readonly string[], write: () => void): void {
    try {
      write();
    } catch (error) {
      log.error(`monitor: could not save the ${listOf(what)}`, error);
    }
  }

  function schedulePoll(): void {
    if (pollTimer !== null) clock.clearTimeout(pollTimer);
    pollTimer = null;
    if (stopped || paused || !started) return;
    const generation = pollGeneration;
    pollTimer = clock.setTimeout(() => {
      pollTimer = null;
      void poll(generation);
    }, refreshPolicy().poll);
  }

  async function poll(generation: number): Promise<void> {
    let chains: number[] = [];
    try {
      chains = watchedChains();
    } catch (error) {
      log.error('monitor: could not read the watch list', error);
    }
    const results = await Promise.allSettled(chains.map(async (chainId) => ({ chainId, block: await deps.getBlockNumber(chainId) })));
    if (stopped || paused || generation !== pollGeneration) return;
    let newBlock = false;
    for (const result of results) {
      if (result.status !== 'fulfilled') continue;
      const { chainId, block } = result.value;
      const last = lastBlocks.get(chainId);
      if (last === undefined || block > last) {
        lastBlocks.set(chainId, block);
        // The first block seen is the baseline: the start-up refresh already read it.
        if (last !== undefined) newBlock = true;
      }
    }
    if (newBlock) request('block');
    schedulePoll();
  }

  function restartPolling(): void {
    pollGeneration += 1;
    schedulePoll();
  }

  return {
    start() {
      if (started || stopped) return;
      started = true;
      try {
        report = store.getLastReport();
        if (report !== null && !isDegraded(report)) lastComplete = report;
      } catch (error) {
        log.warn(`monitor: the last report could not be read: ${message(error)}`);
      }
      restartPolling();
      request('start');
    },
    stop() {
      stopped = true;
      cancelScheduled();
      if (pollTimer !== null) clock.clearTimeout(pollTimer);
      pollTimer = null;
      pollGeneration += 1;
      followUp = null;
      updateListeners.clear();
      progressListeners.clear();
      for (const resolve of idleWaiters.splice(0)) resolve();
    },
    refreshNow() {
      request('manual');
    },
    changed() {
      if (stopped || !started) return;
      restartPolling();
      request('change');
    },
    setPaused(next) {
      if (stopped || next === paused) return;
      paused = next;
      if (paused) {
        cancelScheduled();
        if (followUp !== 'manual' && followUp !== 'change') followUp = null;
        pollGeneration += 1;
        if (pollTimer !== null) clock.clearTimeout(pollTimer);
        pollTimer = null;
      } else {
        restartPolling();
        request('resume');
      }
    },
    isPaused: () => paused,
    getProgress: () => progress,
    getReport: () => report,
    onUpdate(listener) {
      updateListeners.add(listener);
      return () => {
        updateListeners.delete(listener);
      };
    },
    onProgress(listener) {
      progressListeners.add(listener);
      return () => {
        progressListeners.delete(listener);
      };
    },
    idle() {
      if (stopped || (!running && (scheduled === null || scheduled.at > clock.now()))) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}
