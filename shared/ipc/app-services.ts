import type { AppState, ApiParsedRequest, Problem, Progress, Unsubscribe, Wallet } from './contract';
import type { Settings } from '../settings/settings';

/**
 * What the core (monitor + store) provides to every face. Methods receive requests already
 * validated by the contract's schemas, work with domain values (bigints, the report object), and
 * fail by throwing an `ApiError` (./api-error) with the right code; anything else they throw is
 * reported to the caller as `internal`.
 *
 * `TReport` is the engine's report type (bigints inside); `createApiHandlers` encodes it.
 */
export interface AppServices<TReport extends object = object> {
  getState(): Promise<AppServicesState<TReport>> | AppServicesState<TReport>;
  /** Resolves ENS names (throw `ens-unresolved`), rejects a wallet already watched (`duplicate`). */
  addWallet(request: ApiParsedRequest<'addWallet'>): Promise<Wallet>;
  /** Throws `not-found` for an unknown address. */
  removeWallet(request: ApiParsedRequest<'removeWallet'>): Promise<void>;
  /** Throws `not-found` for an unknown address. */
  renameWallet(request: ApiParsedRequest<'renameWallet'>): Promise<Wallet>;
  /** Applies a validated patch and returns the complete new settings. */
  updateSettings(patch: ApiParsedRequest<'updateSettings'>): Promise<Settings>;
  /** Starts a refresh now (or right after the one running); resolves once it is scheduled. */
  refreshNow(): Promise<void>;
  setPaused(request: ApiParsedRequest<'setPaused'>): Promise<{ paused: boolean }>;
  /** Asks `url` for its chain id and latest block; throws `rpc-error` when it cannot, or when the chain id differs. */
  testRpc(request: ApiParsedRequest<'testRpc'>): Promise<{ chainId: number; blockNumber: bigint }>;
  /** Mutes or unmutes notifications of one warning kind; returns the new settings. */
  muteKind(request: ApiParsedRequest<'muteKind'>): Promise<Settings>;
  /** Called after every refresh with the new report. */
  onReport(listener: (report: TReport) => void): Unsubscribe;
  onProgress(listener: (progress: Progress) => void): Unsubscribe;
}

/** The core's state, with the report as a domain object. */
export type AppServicesState<TReport extends object = object> = Omit<AppState, 'report' | 'problems'> & {
  readonly report: TReport | null;
  readonly problems: readonly Problem[];
};
