import { describe, expect, it, vi } from 'vitest';
import { createWebApiClient } from '../../renderer/api/web-api-client';

class FakeSocket extends EventTarget {
  readonly sent: unknown[] = [];
  constructor(readonly url: string) {
    super();
  }
  send(text: string): void {
    this.sent.push(JSON.parse(text));
  }
  close(): void {
    this.dispatchEvent(Object.assign(new Event('close'), { code: 1000, reason: '' }));
  }
  open(): void {
    this.dispatchEvent(new Event('open'));
  }
  receive(frame: unknown): void {
    this.dispatchEvent(new MessageEvent('message', { data: JSON.stringify(frame) }));
  }
}

function setup(search = '') {
  const sockets: FakeSocket[] = [];
  const client = createWebApiClient({ protocol: 'http:', host: '127.0.0.1:8787', search }, (url) => {
    const socket = new FakeSocket(url);
    sockets.push(socket);
    // The client only uses the WebSocket's event and send/close surface, which the fake provides.
    return socket as unknown as WebSocket;
  });
  return { client, sockets };
}

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('web API client', () => {
  it('connects to the host /api, sends the page token first, and answers calls by id', async () => {
    const { client, sockets } = setup('?token=abcdefghijklmnop1234');
    const call = client.testRpc({ chainId: 1, url: 'https://rpc.example.org' });
    const socket = sockets[0] as FakeSocket;
    expect(socket.url).toBe('ws://127.0.0.1:8787/api');
    socket.open();
    await flush();
    expect(socket.sent[0]).toEqual({ token: 'abcdefghijklmnop1234' });
    expect(socket.sent[1]).toEqual({ id: 1, method: 'testRpc', params: { chainId: 1, url: 'https://rpc.example.org' } });
    socket.receive({ id: 1, ok: true, result: { chainId: 1, blockNumber: '5n' } });
    expect(await call).toEqual({ ok: true, value: { chainId: 1, blockNumber: '5n' } });
    client.close();
  });

  it('passes typed errors through and relays pushed events, notifications included', async () => {
    const { client, sockets } = setup();
    const progress = vi.fn();
    const notification = vi.fn();
    client.onProgress(progress);
    client.onNotification(notification);
    const socket = sockets[0] as FakeSocket;
    socket.open();
    const call = client.addWallet({ input: 'nobody.eth' });
    await flush();
    expect(socket.sent[0]).toEqual({ id: 1, method: 'addWallet', params: { input: 'nobody.eth' } });
    socket.receive({ id: 1, ok: false, error: { code: 'ens-unresolved', message: 'no address' } });
    expect(await call).toEqual({ ok: false, error: { code: 'ens-unresolved', message: 'no address' } });
    const payload = { running: true, startedAt: 1, finishedAt: null, chains: [] };
    socket.receive({ event: 'progress', payload });
    socket.receive({ event: 'notification', payload: { title: 'ezETH depeg', body: 'b', severity: 'critical', warningId: 'depeg:x' } });
    socket.receive({ event: 'progress', payload: { bogus: true } });
    expect(progress).toHaveBeenCalledTimes(1);
    expect(progress).toHaveBeenCalledWith(payload);
    expect(notification).toHaveBeenCalledWith({ title: 'ezETH depeg', body: 'b', severity: 'critical', warningId: 'depeg:x' });
    client.close();
  });

  it('fails calls in flight with an error when the socket closes', async () => {
    const { client, sockets } = setup();
    const call = client.getState();
    const socket = sockets[0] as FakeSocket;
    socket.open();
    await flush();
    client.close();
    const result = await call;
    expect(result.ok).toBe(false);
  });
});
