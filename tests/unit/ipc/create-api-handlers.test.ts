import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/ipc/api-error';
import type { AppServices } from '../../../shared/ipc/app-services';
import { decodeBigints } from '../../../shared/ipc/codec';
import { API_ERROR_CODES, API_METHODS, apiResultSchema, appStateSchema, type ApiMethod } from '../../../shared/ipc/contract';
import { createApiHandlers } from '../../../shared/ipc/create-api-handlers';
import { createInMemoryServices } from '../../../shared/ipc/in-memory-services';
import { defaultSettings } from '../../../shared/settings/settings';

const WALLET = '0x00000000219ab540356cBB839Cbe05303d7705Fa';

function services(overrides: Partial<AppServices<{ total: bigint }>> = {}): AppServices<{ total: bigint }> {
  return { ...createInMemoryServices<{ total: bigint }>({ now: () => 1_700_000_000_000 }), ...overrides };
}

/** Malformed requests per method: each must come back as `invalid-input`, never reach the service. */
const MALFORMED: { [M in ApiMethod]: unknown[] } = {
  getState: [{ x: 1 }, 'state', 0],
  addWallet: [undefined, null, {}, { input: 42 }, { input: '' }, { input: 'not an address' }, { input: '0x1234' }, { input: WALLET, label: 7 }, { input: WALLET, extra: true }, { input: 'x'.repeat(300) + '.eth' }],
  removeWallet: [undefined, {}, { address: 'vitalik.eth' }, { address: '0xZZ' }, [WALLET]],
  renameWallet: [{ address: WALLET }, { address: WALLET, label: 'x'.repeat(101) }, { label: 'a' }],
  updateSettings: [null, 'x', { bogus: 1 }, { refresh: { pollIntervalSeconds: -1 } }, { notifications: { typo: true } }, { rpcEndpoints: { '1': ['file:///etc/passwd'] } }, { thresholds: { depegWarning: 2 } }],
  refreshNow: [{ now: true }, 'now'],
  setPaused: [undefined, {}, { paused: 'yes' }, { paused: 1 }],
  testRpc: [{}, { chainId: 1 }, { chainId: 1, url: 'javascript:alert(1)' }, { chainId: -1, url: 'http://127.0.0.1:8545' }, { chainId: 1.5, url: 'http://127.0.0.1:8545' }],
  muteKind: [{ kind: '' }, { kind: 'depeg' }, { kind: 'depeg', muted: 'no' }],
};

describe('createApiHandlers', () => {
  it('answers malformed requests of every method with invalid-input, without calling the service', async () => {
    const spies = Object.fromEntries(Object.keys(API_METHODS).map((m) => [m, vi.fn(async () => { throw new Error('must not be called'); })]));
    const handlers = createApiHandlers(services(spies));
    for (const [method, requests] of Object.entries(MALFORMED) as [ApiMethod, unknown[]][]) {
      for (const request of requests) {
        const result = await handlers[method](request);
        expect(result, `${method} ${JSON.stringify(request)}`).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      }
    }
    for (const spy of Object.values(spies)) expect(spy).not.toHaveBeenCalled();
  });

  it('passes parsed requests to the service and answers with the contract result', async () => {
    const handlers = createApiHandlers(services());
    const added = await handlers.addWallet({ input: `  ${WALLET.toLowerCase()}  `, label: 'cold' });
    expect(added).toMatchObject({ ok: true, value: { address: WALLET, label: 'cold', ensName: null } });
    expect(apiResultSchema(API_METHODS.addWallet.response).safeParse(added).success).toBe(true);
    expect(await handlers.setPaused({ paused: true })).toEqual({ ok: true, value: { paused: true } });
    expect(await handlers.refreshNow(undefined)).toEqual({ ok: true, value: null });
  });

  it('keeps the code of an ApiError thrown by a service', async () => {
    for (const code of API_ERROR_CODES) {
      const handlers = createApiHandlers(services({ refreshNow: async () => { throw new ApiError(code, `failed with ${code}`); } }));
      expect(await handlers.refreshNow(undefined)).toEqual({ ok: false, error: { code, message: `failed with ${code}` } });
    }
  });

  it('turns anything else a service throws into internal, never a rejection', async () => {
    const handlers = createApiHandlers(services({ refreshNow: async () => { throw new Error('disk on fire'); }, setPaused: () => Promise.reject('plain string') }));
    await expect(handlers.refreshNow(undefined)).resolves.toEqual({ ok: false, error: { code: 'internal', message: 'internal error: disk on fire' } });
    await expect(handlers.setPaused({ paused: false })).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('refuses a service answer outside the contract as internal', async () => {
    const broken = services({ setPaused: async () => ({ paused: 'maybe' }) as unknown as { paused: boolean } });
    const result = await createApiHandlers(broken).setPaused({ paused: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('encodes the report and testRpc block number for the wire', async () => {
    const base = createInMemoryServices<{ total: bigint; label: string }>({
      now: () => 0,
      report: { total: 12345678901234567890123n, label: '7n' },
      testRpc: async ({ chainId }) => ({ chainId, blockNumber: 21_000_000n }),
    });
    const handlers = createApiHandlers(base);
    const state = await handlers.getState(undefined);
    if (!state.ok) throw new Error(state.error.message);
    const wire = JSON.parse(JSON.stringify(state.value));
    expect(appStateSchema.parse(wire)).toEqual(wire);
    expect(wire.settings).toEqual(JSON.parse(JSON.stringify(defaultSettings)));
    expect(decodeBigints<{ total: bigint; label: string }>(wire.report)).toEqual({ total: 12345678901234567890123n, label: '7n' });
    expect(await handlers.testRpc({ chainId: 1, url: 'http://127.0.0.1:8545' })).toEqual({ ok: true, value: { chainId: 1, blockNumber: '21000000n' } });
  });
});
