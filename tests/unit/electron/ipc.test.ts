import { describe, expect, it, vi } from 'vitest';
import type { IpcMain, WebContents } from 'electron';
import { API_METHODS } from '../../../shared/ipc/contract';
import { createApiHandlers } from '../../../shared/ipc/create-api-handlers';
import { createInMemoryServices } from '../../../shared/ipc/in-memory-services';
import { FakeIpcMain, FakeWebContents } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { createWindowEmitter, registerIpcHandlers } = await import('../../../electron/ipc');

const WALLET = '0x00000000219ab540356cBB839Cbe05303d7705Fa';

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

function setup() {
  const ipcMain = new FakeIpcMain();
  const services = createInMemoryServices({ now: () => 0 });
  const window = new FakeWebContents();
  const log = { warn: vi.fn() };
  const unregister = registerIpcHandlers({
    // The fakes implement the members registerIpcHandlers uses.
    ipcMain: ipcMain as unknown as IpcMain,
    handlers: createApiHandlers(services),
    appContents: () => window as unknown as WebContents,
    log,
  });
  const top: FakeFrame = { url: 'app://matryoshka/index.html', parent: null };
  const call = (channel: string, request: unknown, sender: FakeWebContents = window, senderFrame: FakeFrame | null = top) => {
    const handler = ipcMain.handlers.get(channel);
    if (handler === undefined) throw new Error(`no handler for ${channel}`);
    return handler({ sender, senderFrame }, request);
  };
  return { ipcMain, services, window, log, unregister, call, top };
}

describe('registerIpcHandlers', () => {
  it('registers one handler per API method', () => {
    const { ipcMain } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(API_METHODS).map((m) => m.channel).sort());
  });

  it('answers the app window with the contract result', async () => {
    const { call, services } = setup();
    await expect(call(API_METHODS.addWallet.channel, { input: WALLET })).resolves.toMatchObject({ ok: true, value: { address: WALLET } });
    expect((await services.getState()).wallets).toHaveLength(1);
  });

  it('rejects malformed payloads with a typed invalid-input error', async () => {
    const { call } = setup();
    for (const payload of [undefined, null, 42, 'x', { input: 7 }, { input: WALLET, admin: true }, { input: '0xdeadbeef' }]) {
      await expect(call(API_METHODS.addWallet.channel, payload)).resolves.toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.any(String) } });
    }
    await expect(call(API_METHODS.setPaused.channel, { paused: 'true' })).resolves.toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('drops messages from another web contents', async () => {
    const { call, services, log } = setup();
    const stranger = new FakeWebContents();
    await expect(call(API_METHODS.addWallet.channel, { input: WALLET }, stranger)).resolves.toBeNull();
    expect((await services.getState()).wallets).toEqual([]);
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('untrusted sender'));
  });

  it('drops messages from a foreign frame inside the app window', async () => {
    const { call, services, window, top } = setup();
    const foreignTop: FakeFrame = { url: 'https://evil.com/', parent: null };
    const lookalike: FakeFrame = { url: 'app://matryoshka.evil.com/index.html', parent: null };
    const child: FakeFrame = { url: 'app://matryoshka/index.html', parent: top };
    for (const frame of [foreignTop, lookalike, child, null]) {
      await expect(call(API_METHODS.addWallet.channel, { input: WALLET }, window, frame)).resolves.toBeNull();
    }
    expect((await services.getState()).wallets).toEqual([]);
  });

  it('drops everything once the window is destroyed', async () => {
    const { call, window } = setup();
    window.destroyed = true;
    await expect(call(API_METHODS.getState.channel, undefined)).resolves.toBeNull();
  });

  it('unregisters every handler it registered', () => {
    const { ipcMain, unregister } = setup();
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('createWindowEmitter', () => {
  it('sends events to the window while it exists', () => {
    const window = new FakeWebContents();
    let current: FakeWebContents | null = window;
    const emit = createWindowEmitter(() => current as unknown as WebContents | null);
    emit('openWarning', 'matryoshka:event:open-warning', { warningId: 'depeg:ezETH' });
    current = null;
    emit('openWarning', 'matryoshka:event:open-warning', { warningId: 'lost' });
    expect(window.sent).toEqual([{ channel: 'matryoshka:event:open-warning', payload: { warningId: 'depeg:ezETH' } }]);
  });
});
