/**
 * Failures never blank a snapshot: a reverting token, a wrong-chain endpoint, a dead or hanging
 * endpoint with a working fallback, a rate-limited endpoint, no endpoint at all. Each failed read is
 * recorded and reported as failed, never as a zero.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getAddress, parseEther } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../shared/registry/registry';
import { ADDR } from '../../shared/registry/tokens';
import type { ChainSnapshot, Read } from '../../shared/snapshot';
import { createChainClient } from '../../node/tracker/create-chain-client';
import { readChain } from '../../node/tracker/read-chain';
import { redactUrl } from '../../node/tracker/redact-url';
import { freePort, startAnvil, type Anvil } from '../../world/anvil';
import { connectWorld, type WorldContext } from '../../world/context';
import { deployEigenLayer } from '../../world/eigenlayer-world';
import { deployTokens, WETH_ADDRESS, type TokensWorld } from '../../world/tokens-world';

const ALICE = getAddress('0xa11ce0000000000000000000000000000000a11c');
const WEETH = parseEther('20');
const EZETH = parseEther('7');
const RSWETH = parseEther('3');
/** Curve pool reserves and virtual price as tokens-world seeds them, restored after the wrong-coin test. */
const CURVE_BALANCE = parseEther('5000');
const CURVE_VIRTUAL_PRICE = parseEther('1.0002');

let anvil: Anvil;
let otherChain: Anvil;
let ctx: WorldContext;
let tokens: TokensWorld;
const servers: Server[] = [];

const balance = (s: ChainSnapshot, token: string): Read<bigint> | undefined =>
  s.wallets.find((w) => w.wallet === ALICE)?.balances.find((b) => b.token === token)?.balance;

/** A local HTTP server for endpoint faults; closed after the file. */
async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo; // listen() on a port always yields an AddressInfo
  return `http://127.0.0.1:${port}`;
}

/** Forwards a request to anvil. */
async function forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const answer = await fetch(anvil.rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.concat(chunks) });
  res.writeHead(answer.status, { 'content-type': 'application/json' });
  res.end(Buffer.from(await answer.arrayBuffer()));
}

beforeAll(async () => {
  [anvil, otherChain] = await Promise.all([startAnvil(), startAnvil({ chainId: 5 })]);
  ctx = connectWorld(anvil.rpcUrl);
  tokens = await deployTokens(ctx);
  await deployEigenLayer(ctx);
  await tokens.mint('weETH', ALICE, WEETH);
  await tokens.mint('ezETH', ALICE, EZETH);
  await tokens.mint('rswETH', ALICE, RSWETH);
}, 180_000);

afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    s.close();
  }
  await Promise.all([anvil?.stop(), otherChain?.stop()]);
});

describe('a reverting token', () => {
  it('fails alone: recorded in failedReads, reported as failed (not zero), other reads intact', async () => {
    await tokens.setReverting('ezETH', true);
    try {
      const chain = createChainClient({ chainId: 1, urls: [anvil.rpcUrl] });
      const s = await readChain({ client: chain.client, chainId: 1, registry, wallets: [ALICE], stats: chain });
      expect(s.status).toBe('partial');
      expect(s.blockNumber).not.toBeNull();
      const ez = balance(s, 'ezETH@1');
      expect(ez?.ok).toBe(false);
      expect(s.failedReads).toContainEqual(expect.objectContaining({
        key: `balance:${ALICE}:ezETH@1`, target: ADDR.ezETH, call: 'balanceOf(address)', error: expect.stringContaining('revert'),
      }));
      expect(s.failedReads).toContainEqual(expect.objectContaining({ key: 'token.totalSupply:ezETH@1', target: ADDR.ezETH }));
      expect(s.tokens.find((t) => t.token === 'ezETH@1')?.totalSupply.ok).toBe(false);
      // Everything else is still there, to the wei.
      expect(balance(s, 'weETH@1')).toEqual({ ok: true, value: WEETH });
      expect(s.tokens.find((t) => t.token === 'weETH@1')?.totalSupply.ok).toBe(true);
      expect(s.wallets[0]?.eigen?.deposits).toEqual({ ok: true, value: [] });
    } finally {
      await tokens.setReverting('ezETH', false);
    }
    const chain = createChainClient({ chainId: 1, urls: [anvil.rpcUrl] });
    const after = await readChain({ client: chain.client, chainId: 1, registry, wallets: [ALICE], stats: chain });
    expect(balance(after, 'ezETH@1')).toEqual({ ok: true, value: EZETH });
    expect(after.failedReads.map((f) => f.key)).not.toContain(`balance:${ALICE}:ezETH@1`);
    expect(after.failedReads.map((f) => f.key)).not.toContain('token.totalSupply:ezETH@1');
  });
});

describe('a market source that is not what the registry says', () => {
  it('a Curve pool whose coin i is another token gives no price and no sale quote, and says why', async () => {
    const configure = (coin0: string) => ctx.write('FixtureCurvePool', ADDR.curveRswEthWeth, 'configure', [coin0, WETH_ADDRESS, CURVE_BALANCE, CURVE_BALANCE, CURVE_VIRTUAL_PRICE]);
    await configure(ADDR.weETH);
    try {
      const chain = createChainClient({ chainId: 1, urls: [anvil.rpcUrl] });
      const s = await readChain({ client: chain.client, chainId: 1, registry, wallets: [ALICE], stats: chain });
      const sale = s.wallets[0]?.balances.find((b) => b.token === 'rswETH@1');
      expect(sale?.balance).toEqual({ ok: true, value: RSWETH });
      expect(sale?.saleAmountEth?.ok).toBe(false);
      expect(s.tokens.find((t) => t.token === 'rswETH@1')?.marketRate?.ok).toBe(false);
      const records = s.failedReads.filter((f) => f.key === 'token.market:rswETH@1');
      expect(records).toEqual([{
        key: 'token.market:rswETH@1', target: ADDR.curveRswEthWeth, call: 'coins(uint256)',
        error: `Curve pool ${ADDR.curveRswEthWeth} coins(0) is ${ADDR.weETH}, not rswETH (${ADDR.rswETH})`,
      }]);
    } finally {
      await configure(ADDR.rswETH);
    }
  });
});

describe('endpoints', () => {
  it('refuses an endpoint that answers for another chain, with a clear message, and reads nothing from it', async () => {
    const chain = createChainClient({ chainId: 1, urls: [otherChain.rpcUrl] });
    const s = await readChain({ client: chain.client, chainId: 1, registry, wallets: [ALICE], stats: chain });
    const message = `endpoint ${otherChain.rpcUrl} answers for chain 5, expected 1 (Ethereum)`;
    expect(s.status).toBe('failed');
    expect(s.blockNumber).toBeNull();
    expect(s.blockTimestamp).toBeNull();
    expect(s.failedReads.find((f) => f.key === 'block')?.error).toContain(message);
    expect(chain.endpoints()).toEqual([{ url: otherChain.rpcUrl, state: 'refused', error: message }]);
    // Only the chain-id check went out; the balances are failed, not zero.
    expect(s.rpcRequests).toBe(1);
    expect(balance(s, 'weETH@1')?.ok).toBe(false);
  });

  it('falls back from an unreachable and a hanging endpoint to a working one, with the same figures', async () => {
    const dead = `http://127.0.0.1:${await freePort()}`;
    const hanging = await serve(() => { /* never answers */ });
    const direct = createChainClient({ chainId: 1, urls: [anvil.rpcUrl] });
    const expected = await readChain({ client: direct.client, chainId: 1, registry, wallets: [ALICE], stats: direct });
    const chain = createChainClient({ chainId: 1, urls: [dead, hanging, anvil.rpcUrl], timeoutMs: 500, retryCount: 1, retryDelayMs: 20 });
    const s = await readChain({ client: chain.client, chainId: 1, registry, wallets: [ALICE], stats: chain });
    expect(s.status).toBe(expected.status);
    expect(s.blockNumber).toBe(expected.blockNumber);
    expect(balance(s, 'weETH@1')).toEqual({ ok: true, value: WEETH });
    expect(s.endpoint).toBe(anvil.rpcUrl);
    expect(chain.endpoints().map((e) => e.state)).toEqual(['failing', 'failing', 'ok']);
    expect(chain.endpoints()[1]?.error).toMatch(/took too long|timed out/i);
    // Once the fallback answered, the next refresh goes straight to it.
    const again = await readChain({ client: chain.client, chainId: 1, registry, wallets: [ALICE], stats: chain });
    expect(again.rpcRequests).toBe(expected.rpcRequests - 1);
  });

  it('honours 429 Retry-After and then reads normally', async () => {
    let refused = 0;
    const limited = await serve((req, res) => {
      if (refused === 0) {
        refused += 1;
        res.writeHead(429, { 'retry-after': '1', 'content-type': 'text/plain' });
        res.end('Too Many Requests');
        return;
      }
      void forward(req, res);
    });
    const chain = createChainClient({ chainId: 1, urls: [limited], retryDelayMs: 10 });
    const started = performance.now();
    const s = await readChain({ client: chain.client, chainId: 1, registry, wallets: [ALICE], stats: chain });
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(balance(s, 'weETH@1')).toEqual({ ok: true, value: WEETH });
    expect(chain.endpoints()[0]?.state).toBe('ok');
  });

  it('splits a batch the endpoint rejects as too large (HTTP 413) and reads everything', async () => {
    const LIMIT = 200_000;
    let rejected = 0;
    const small = await serve((req, res) => {
      if (Number(req.headers['content-length'] ?? 0) > LIMIT) {
        rejected += 1;
        res.writeHead(413, { 'content-type': 'text/plain' });
        res.end('Request Entity Too Large');
        return;
      }
      void forward(req, res);
    });
    const direct = createChainClient({ chainId: 1, urls: [anvil.rpcUrl] });
    const expected = await readChain({ client: direct.client, chainId: 1, registry, wallets: [ALICE], stats: direct });
    const chain = createChainClient({ chainId: 1, urls: [small], retryCount: 0 });
    const s = await readChain({ client: chain.client, chainId: 1, registry, wallets: [ALICE], stats: chain });
    expect(rejected).toBeGreaterThan(0);
    expect(s.status).toBe(expected.status);
    expect(s.failedReads.map((f) => f.key)).toEqual(expected.failedReads.map((f) => f.key));
    expect(balance(s, 'weETH@1')).toEqual({ ok: true, value: WEETH });
    expect(s.lookThrough.map((l) => l.stakers.length)).toEqual(expected.lookThrough.map((l) => l.stakers.length));
    expect(s.lookThrough.every((l) => l.stakers.every((st) => st.deposits.ok))).toBe(true);
  });

  it('with no working endpoint at all: status failed, block null, no throw, every read failed', async () => {
    const deadA = `http://127.0.0.1:${await freePort()}`;
    const deadB = `http://user:secret@127.0.0.1:${await freePort()}/v3/0123456789abcdef0123456789abcdef`;
    const chain = createChainClient({ chainId: 1, urls: [deadA, deadB], retryCount: 0 });
    const s = await readChain({ client: chain.client, chainId: 1, registry, wallets: [ALICE], stats: chain });
    expect(s.status).toBe('failed');
    expect(s.blockNumber).toBeNull();
    expect(s.endpoint).toBeNull();
    expect(s.wallets[0]?.balances.every((b) => !b.balance.ok)).toBe(true);
    const error = s.failedReads.find((f) => f.key === 'block')?.error ?? '';
    expect(error).toContain('no working RPC endpoint for chain 1 (Ethereum)');
    expect(error).toContain(deadA);
    // The second endpoint's credentials never show.
    expect(error).toContain(redactUrl(deadB));
    expect(error).not.toContain('secret');
    expect(error).not.toContain('0123456789abcdef0123456789abcdef');
  });
});

describe('redactUrl', () => {
  it.each([
    ['https://eth-mainnet.g.alchemy.com/v2/AbCdEf1234567890xyzKEY0987654321', 'https://eth-mainnet.g.alchemy.com/v2/***'],
    ['https://mainnet.infura.io/v3/0123456789abcdef0123456789abcdef', 'https://mainnet.infura.io/v3/***'],
    ['https://user:pass@node.example.com:8545/rpc', 'https://***@node.example.com:8545/rpc'],
    ['https://rpc.example.com/?apikey=s3cr3t&x=1', 'https://rpc.example.com?***'],
    ['https://docs-demo.quiknode.pro/0123456789abcdef0123456789abcdef01234567/', 'https://docs-demo.quiknode.pro/***/'],
    ['https://ethereum-rpc.publicnode.com', 'https://ethereum-rpc.publicnode.com'],
    ['http://127.0.0.1:8545', 'http://127.0.0.1:8545'],
    ['not a url', '(invalid URL)'],
  ])('%s -> %s', (url, shown) => {
    expect(redactUrl(url)).toBe(shown);
  });
});
