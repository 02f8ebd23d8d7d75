import { describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import { decodeBigints } from '../../../shared/ipc/codec';
import type { Progress } from '../../../shared/ipc/contract';
import { createInMemoryServices } from '../../../shared/ipc/in-memory-services';
import { createInProcessApi } from '../../../shared/ipc/create-in-process-api';

const WALLET = '0x00000000219ab540356cBB839Cbe05303d7705Fa';
const ENS_TARGET: Address = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';

function setup() {
  const services = createInMemoryServices<{ total: bigint }>({ now: () => Date.UTC(2026, 0, 2), ens: { 'vitalik.eth': ENS_TARGET } });
  return { services, ...createInProcessApi(services) };
}

describe('the in-process API (typed mock of MatryoshkaApi)', () => {
  it('adds wallets by address and ENS, refusing duplicates and unknown names with typed errors', async () => {
    const { api } = setup();
    expect(await api.addWallet({ input: WALLET, label: 'deposit' })).toMatchObject({ ok: true, value: { address: WALLET, addedAt: '2026-01-02T00:00:00.000Z' } });
    expect(await api.addWallet({ input: WALLET.toLowerCase() })).toMatchObject({ ok: false, error: { code: 'duplicate' } });
    expect(await api.addWallet({ input: 'Vitalik.eth' })).toMatchObject({ ok: true, value: { address: ENS_TARGET, ensName: 'vitalik.eth' } });
    expect(await api.addWallet({ input: 'nobody.eth' })).toMatchObject({ ok: false, error: { code: 'ens-unresolved' } });
    const state = await api.getState();
    expect(state.ok && state.value.wallets.map((w) => w.address)).toEqual([WALLET, ENS_TARGET]);
  });

  it('renames and removes wallets; unknown addresses are not-found', async () => {
    const { api } = setup();
    await api.addWallet({ input: WALLET });
    expect(await api.renameWallet({ address: WALLET.toLowerCase(), label: 'hot' })).toMatchObject({ ok: true, value: { label: 'hot' } });
    expect(await api.removeWallet({ address: ENS_TARGET })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await api.removeWallet({ address: WALLET })).toEqual({ ok: true, value: null });
    const state = await api.getState();
    expect(state.ok && state.value.wallets).toEqual([]);
  });

  it('mutes and unmutes warning kinds and applies settings patches', async () => {
    const { api } = setup();
    await api.muteKind({ kind: 'depeg', muted: true });
    const muted = await api.muteKind({ kind: 'concentration', muted: true });
    expect(muted.ok && muted.value.notifications.mutedKinds).toEqual(['depeg', 'concentration']);
    const unmuted = await api.muteKind({ kind: 'depeg', muted: false });
    expect(unmuted.ok && unmuted.value.notifications.mutedKinds).toEqual(['concentration']);
    const patched = await api.updateSettings({ closeToTray: false });
    expect(patched.ok && patched.value.closeToTray).toBe(false);
    expect(patched.ok && patched.value.notifications.mutedKinds).toEqual(['concentration']);
  });

  it('pushes reports (encoded) and progress to subscribers until they unsubscribe', async () => {
    const { api, services } = setup();
    const reports: unknown[] = [];
    const progress: Progress[] = [];
    const offReport = api.onReport((report) => reports.push(report));
    api.onProgress((p) => progress.push(p));
    services.publishReport({ total: 2n ** 70n });
    const step: Progress = { running: true, startedAt: 1, finishedAt: null, chains: [{ chainId: 1, state: 'reading', error: null }] };
    services.publishProgress(step);
    offReport();
    services.publishReport({ total: 1n });
    expect(reports).toEqual([{ total: `${2n ** 70n}n` }]);
    expect(decodeBigints<{ total: bigint }>(reports[0] as never)).toEqual({ total: 2n ** 70n });
    expect(progress).toEqual([step]);
  });

  it('delivers open-warning events and validates them', () => {
    const { api, emit } = setup();
    const opened: string[] = [];
    api.onOpenWarning(({ warningId }) => opened.push(warningId));
    emit('openWarning', { warningId: 'depeg:ezETH' });
    expect(opened).toEqual(['depeg:ezETH']);
    expect(() => emit('openWarning', { warningId: '' })).toThrow();
  });
});
