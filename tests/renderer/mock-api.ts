// A typed mock of MatryoshkaApi: every method a vi.fn answering from a mutable AppState, plus
// helpers to push events as the core would.
import { vi, type Mock } from 'vitest';
import type { ApiEventPayload, ApiRequest, ApiResult, AppState, EncodedReport, MatryoshkaApi, Progress } from '../../shared/ipc/contract';
import { fixtureState } from './fixture-report';

type Mocked<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? Mock<(...args: A) => R> : T[K] };

export interface MockApi {
  readonly api: Mocked<MatryoshkaApi>;
  state: AppState;
  emitReport(report: EncodedReport): void;
  emitProgress(progress: Progress): void;
  emitOpenWarning(event: ApiEventPayload<'openWarning'>): void;
}

function ok<T>(value: T): Promise<ApiResult<T>> {
  return Promise.resolve({ ok: true, value });
}

export function createMockApi(initial: AppState = fixtureState()): MockApi {
  const reportListeners = new Set<(r: EncodedReport) => void>();
  const progressListeners = new Set<(p: Progress) => void>();
  const openListeners = new Set<(e: ApiEventPayload<'openWarning'>) => void>();
  const mock: MockApi = {
    state: initial,
    api: {
      getState: vi.fn(() => ok(mock.state)),
      addWallet: vi.fn(() => Promise.resolve<ApiResult<never>>({ ok: false, error: { code: 'internal', message: 'not mocked' } })),
      removeWallet: vi.fn(({ address }) => {
        mock.state = { ...mock.state, wallets: mock.state.wallets.filter((w) => w.address !== address) };
        return ok(null);
      }),
      renameWallet: vi.fn(({ address, label }) => {
        const wallet = mock.state.wallets.find((w) => w.address === address);
        if (wallet === undefined) return Promise.resolve<ApiResult<never>>({ ok: false, error: { code: 'not-found', message: 'no such wallet' } });
        const renamed = { ...wallet, label };
        mock.state = { ...mock.state, wallets: mock.state.wallets.map((w) => (w.address === address ? renamed : w)) };
        return ok(renamed);
      }),
      updateSettings: vi.fn((patch: ApiRequest<'updateSettings'>) => {
        // Tests only need the top-level groups merged.
        const settings = { ...mock.state.settings, ...(patch as object) } as AppState['settings']; // a shallow merge is enough for these tests
        mock.state = { ...mock.state, settings };
        return ok(settings);
      }),
      refreshNow: vi.fn(() => ok(null)),
      setPaused: vi.fn(({ paused }) => {
        mock.state = { ...mock.state, paused };
        return ok({ paused });
      }),
      testRpc: vi.fn(({ chainId }) => ok({ chainId, blockNumber: '21000123n' as const })),
      muteKind: vi.fn(({ kind, muted }) => {
        const current = mock.state.settings.notifications.mutedKinds.filter((k) => k !== kind);
        const settings = { ...mock.state.settings, notifications: { ...mock.state.settings.notifications, mutedKinds: muted ? [...current, kind] : current } };
        mock.state = { ...mock.state, settings };
        return ok(settings);
      }),
      onReport: vi.fn((listener) => {
        reportListeners.add(listener);
        return () => reportListeners.delete(listener);
      }),
      onProgress: vi.fn((listener) => {
        progressListeners.add(listener);
        return () => progressListeners.delete(listener);
      }),
      onOpenWarning: vi.fn((listener) => {
        openListeners.add(listener);
        return () => openListeners.delete(listener);
      }),
    },
    emitReport: (report) => reportListeners.forEach((l) => l(report)),
    emitProgress: (progress) => progressListeners.forEach((l) => l(progress)),
    emitOpenWarning: (event) => openListeners.forEach((l) => l(event)),
  };
  return mock;
}
