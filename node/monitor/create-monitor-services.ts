import type { Address } from 'viem';
import { ApiError } from '../../shared/ipc/api-error';
import type { AppServices } from '../../shared/ipc/app-services';
import { applySettingsPatch } from '../../shared/ipc/apply-settings-patch';
import type { Wallet } from '../../shared/ipc/contract';
import type { RiskReport } from '../../shared/report';
import type { Settings } from '../../shared/settings/settings';
import { StoreError } from '../store/store-error';
import type { Store } from '../store/open-store';
import type { Monitor } from './create-monitor';

export interface MonitorServicesDeps {
  readonly store: Store;
  readonly monitor: Monitor;
  /**
   * Turns what the user typed (an address or an ENS name, already checked by the contract) into
   * an address. Throws `ApiError('ens-unresolved')` for a name that does not resolve; any other
   * error becomes `ens-unresolved` too, with its message.
   */
  readonly resolveWallet: (input: string) => Promise<{ readonly address: Address; readonly ensName: string | null }>;
  /** Asks `url` for its chain id and latest block (throw for an unreachable endpoint). */
  readonly probeRpc: (url: string) => Promise<{ readonly chainId: number; readonly blockNumber: bigint }>;
  /** Called with the new settings before the monitor refreshes (e.g. to rebuild chain clients). */
  readonly onSettingsChanged?: (settings: Settings) => void;
}

function sameAddress(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Runs a store change, turning the store's refusals into the API's typed errors. */
function storeCall<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof StoreError) {
      const code = error.code === 'duplicate-wallet' ? 'duplicate' : error.code === 'invalid' ? 'invalid-input' : 'internal';
      throw new ApiError(code, error.message, { cause: error });
    }
    throw error;
  }
}

/**
 * The app's services (shared/ipc/app-services.ts) over the real store and the monitor: what the
 * desktop app and the web host hand to `createApiHandlers`. Every wallet or settings change is
 * saved first, then the monitor refreshes right away.
 */
export function createMonitorServices(deps: MonitorServicesDeps): AppServices<RiskReport> {
  const { store, monitor } = deps;

  const find = (address: string): Wallet => {
    const wallet = store.get().wallets.find((w) => sameAddress(w.address, address));
    if (wallet === undefined) throw new ApiError('not-found', `${address} is not watched`);
    return wallet;
  };

  const settingsChanged = (settings: Settings): Settings => {
    deps.onSettingsChanged?.(settings);
    monitor.changed();
    return settings;
  };

  return {
    getState: () => {
      const document = store.get();
      return {
        wallets: document.wallets,
        settings: document.settings,
        report: monitor.getReport(),
        progress: monitor.getProgress(),
        problems: store.problems.map((problem) => ({ code: problem.code, message: problem.message })),
        paused: monitor.isPaused(),
        history: [...store.getHistory()],
      };
    },
    async addWallet({ input, label }) {
      let resolved: { readonly address: Address; readonly ensName: string | null };
      try {
        resolved = await deps.resolveWallet(input);
      } catch (error) {
        if (error instanceof ApiError) throw error;
        throw new ApiError('ens-unresolved', error instanceof Error ? error.message : String(error), { cause: error });
      }
      if (store.get().wallets.some((w) => sameAddress(w.address, resolved.address))) {
        throw new ApiError('duplicate', `${resolved.address} is already watched`);
      }
      const document = storeCall(() => store.addWallet({ address: resolved.address, ensName: resolved.ensName, ...(label === undefined ? {} : { label }) }));
      const wallet = document.wallets.find((w) => sameAddress(w.address, resolved.address));
      if (wallet === undefined) throw new ApiError('internal', 'the wallet was not saved');
      monitor.changed();
      return wallet;
    },
    async removeWallet({ address }) {
      find(address);
      storeCall(() => store.removeWallet(address));
      monitor.changed();
    },
    async renameWallet({ address, label }) {
      const wallet = find(address);
      const document = storeCall(() =>
        store.update((draft) => ({ ...draft, wallets: draft.wallets.map((w) => (w.address === wallet.address ? { ...w, label } : w)) })),
      );
      const renamed = document.wallets.find((w) => w.address === wallet.address);
      if (renamed === undefined) throw new ApiError('internal', 'the wallet was not saved');
      return renamed;
    },
    async updateSettings(patch) {
      let next: Settings;
      try {
        next = applySettingsPatch(store.get().settings, patch);
      } catch (error) {
        throw new ApiError('invalid-input', `those settings are not valid: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      const document = storeCall(() => store.updateSettings(() => next));
      return settingsChanged(document.settings);
    },
    async refreshNow() {
      monitor.refreshNow();
    },
    async setPaused({ paused }) {
      monitor.setPaused(paused);
      return { paused: monitor.isPaused() };
    },
    async testRpc({ chainId, url }) {
      let answer: { readonly chainId: number; readonly blockNumber: bigint };
      try {
        answer = await deps.probeRpc(url);
      } catch (error) {
        throw new ApiError('rpc-error', `the endpoint did not answer: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      if (answer.chainId !== chainId) throw new ApiError('rpc-error', `the endpoint serves chain ${answer.chainId}, not chain ${chainId}`);
      return { chainId: answer.chainId, blockNumber: answer.blockNumber };
    },
    async muteKind({ kind, muted }) {
      const document = storeCall(() =>
        store.updateSettings((settings) => {
          const others = settings.notifications.mutedKinds.filter((k) => k !== kind);
          return { ...settings, notifications: { ...settings.notifications, mutedKinds: muted ? [...others, kind] : others } };
        }),
      );
      // Muting changes notifications only: no refresh needed.
      return document.settings;
    },
    onReport: (listener) => monitor.onUpdate((update) => listener(update.report)),
    onProgress: (listener) => monitor.onProgress(listener),
  };
}
