import { getAddress, type Address } from 'viem';
import { ApiError } from './api-error';
import type { AppServices, AppServicesState } from './app-services';
import { applySettingsPatch } from './apply-settings-patch';
import type { Problem, Progress, Unsubscribe, Wallet } from './contract';
import { defaultSettings, walletSchema, type Settings } from '../settings/settings';
import { parseWalletInput } from '../wallet-input';

export interface InMemoryServicesOptions<TReport extends object> {
  /** Clock for `addedAt`, unix milliseconds (shared/ has no clock of its own). */
  readonly now: () => number;
  readonly wallets?: readonly Wallet[];
  readonly settings?: Settings;
  readonly report?: TReport | null;
  readonly problems?: readonly Problem[];
  /** ENS names this fake resolves (lower-case name -> address); any other name is `ens-unresolved`. */
  readonly ens?: Readonly<Record<string, Address>>;
  /** Answers `testRpc`; without it every test fails with `rpc-error`. */
  readonly testRpc?: AppServices<TReport>['testRpc'];
}

/** `AppServices` held in memory, plus the controls a test or demo needs to drive it. */
export interface InMemoryServices<TReport extends object> extends AppServices<TReport> {
  /** Publishes a report as if a refresh had finished. */
  publishReport(report: TReport): void;
  publishProgress(progress: Progress): void;
  /** How many times `refreshNow` was called. */
  readonly refreshRequests: () => number;
}

const IDLE: Progress = { running: false, startedAt: null, finishedAt: null, chains: [] };

/**
 * An in-memory implementation of `AppServices`: the backend of the typed mock API used by renderer
 * tests, and a stand-in core until the monitor is wired. Follows the same rules the real core must
 * (duplicates, unknown wallets, ENS failures are typed errors).
 */
export function createInMemoryServices<TReport extends object>(options: InMemoryServicesOptions<TReport>): InMemoryServices<TReport> {
  let wallets: Wallet[] = [...(options.wallets ?? [])];
  let settings: Settings = options.settings ?? defaultSettings;
  let report: TReport | null = options.report ?? null;
  let progress: Progress = IDLE;
  let paused = false;
  let refreshes = 0;
  const reportListeners = new Set<(report: TReport) => void>();
  const progressListeners = new Set<(progress: Progress) => void>();

  const find = (address: string): Wallet => {
    const wallet = wallets.find((w) => w.address.toLowerCase() === address.toLowerCase());
    if (wallet === undefined) throw new ApiError('not-found', `no watched wallet ${address}`);
    return wallet;
  };
  const listen = <T>(set: Set<(value: T) => void>, listener: (value: T) => void): Unsubscribe => {
    set.add(listener);
    return () => set.delete(listener);
  };

  return {
    getState(): AppServicesState<TReport> {
      return { wallets: [...wallets], settings, report, progress, problems: options.problems ?? [], paused, history: [] };
    },
    async addWallet({ input, label }) {
      const parsed = parseWalletInput(input);
      if (parsed.kind === 'error') throw new ApiError('invalid-input', parsed.message);
      let address: Address;
      let ensName: string | null = null;
      if (parsed.kind === 'address') {
        address = parsed.address;
      } else {
        ensName = parsed.name;
        const resolved = options.ens?.[ensName];
        if (resolved === undefined) throw new ApiError('ens-unresolved', `${input} does not resolve to an address`);
        address = getAddress(resolved);
      }
      if (wallets.some((w) => w.address === address)) throw new ApiError('duplicate', `${address} is already watched`);
      const wallet: Wallet = walletSchema.parse({ address, label: label ?? '', ensName, addedAt: new Date(options.now()).toISOString() });
      wallets = [...wallets, wallet];
      return wallet;
    },
    async removeWallet({ address }) {
      const wallet = find(address);
      wallets = wallets.filter((w) => w !== wallet);
    },
    async renameWallet({ address, label }) {
      const renamed = { ...find(address), label };
      wallets = wallets.map((w) => (w.address === renamed.address ? renamed : w));
      return renamed;
    },
    async updateSettings(patch) {
      settings = applySettingsPatch(settings, patch);
      return settings;
    },
    async refreshNow() {
      refreshes += 1;
    },
    async setPaused(request) {
      paused = request.paused;
      return { paused };
    },
    async testRpc(request) {
      if (options.testRpc === undefined) throw new ApiError('rpc-error', `cannot reach ${request.url}`);
      return options.testRpc(request);
    },
    async muteKind({ kind, muted }) {
      const others = settings.notifications.mutedKinds.filter((k) => k !== kind);
      settings = applySettingsPatch(settings, { notifications: { mutedKinds: muted ? [...others, kind] : others } });
      return settings;
    },
    onReport: (listener) => listen(reportListeners, listener),
    onProgress: (listener) => listen(progressListeners, listener),
    publishReport(next) {
      report = next;
      for (const listener of reportListeners) listener(next);
    },
    publishProgress(next) {
      progress = next;
      for (const listener of progressListeners) listener(next);
    },
    refreshRequests: () => refreshes,
  };
}
