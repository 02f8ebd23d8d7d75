/**
 * Wallet input against the simulated chain's ENS: names that do not resolve, a name asked of an
 * endpoint for the wrong chain or of one that is down, and many wallets with duplicates written
 * as addresses in several cases and as names. A name is never turned into a wrong address, and
 * nothing is half-resolved.
 */
import fc from 'fast-check';
import { getAddress, type Address } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveWallets } from '../../node/core/resolve-wallets';
import { createChainClient } from '../../node/tracker/create-chain-client';
import { startAnvil, type Anvil } from '../../world/anvil';
import { connectWorld } from '../../world/context';
import { deployEns } from '../../world/ens-world';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';

const ALICE = getAddress('0xa11ce0000000000000000000000000000000a11c');
const MALLORY = getAddress('0x0000000000000000000000000000000000bad000');

let anvil: Anvil;
let otherChain: Anvil;
let proxy: FaultProxy;

beforeAll(async () => {
  [anvil, otherChain] = await Promise.all([startAnvil(), startAnvil({ chainId: 5 })]);
  await (await deployEns(connectWorld(anvil.rpcUrl))).setEnsName('alice.eth', ALICE);
  proxy = await startFaultProxy({ upstream: anvil.rpcUrl });
}, 120_000);

afterAll(async () => {
  await proxy?.stop();
  await Promise.all([anvil?.stop(), otherChain?.stop()]);
});

const client = (urls: readonly string[]) => createChainClient({ chainId: 1, urls, timeoutMs: 1_500, retryCount: 1, retryDelayMs: 20 }).client;

describe('ENS names that cannot be used', () => {
  it('a name with no address record is an error naming it, and nothing else is added', async () => {
    const result = await resolveWallets(client([anvil.rpcUrl]), [ALICE, 'nobody.eth']);
    expect(result).toEqual({ ok: false, errors: [expect.stringContaining('nobody.eth')] });
  });

  it('asked of an endpoint that answers for another chain, a name is refused, never resolved there', async () => {
    // The chain-5 node could hold any ENS records; the endpoint is refused before any lookup.
    const result = await resolveWallets(client([otherChain.rpcUrl]), ['alice.eth']);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join(' ')).toMatch(/answers for chain 5, expected 1/);
  });

  it('a proxy lying about the chain id is refused the same way, though the records behind it are real', async () => {
    proxy.setFault({ kind: 'wrong-chain', chainId: 10 });
    try {
      const result = await resolveWallets(client([proxy.url]), ['alice.eth']);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors.join(' ')).toMatch(/answers for chain 10, expected 1/);
    } finally {
      proxy.setFault({ kind: 'none' });
    }
  });

  it('an endpoint that drops every connection: a clear error, no address', async () => {
    proxy.setFault({ kind: 'drop' });
    try {
      const result = await resolveWallets(client([proxy.url]), ['alice.eth', MALLORY]);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.errors).toHaveLength(1);
        expect(result.errors[0]).toContain('alice.eth');
      }
    } finally {
      proxy.setFault({ kind: 'none' });
    }
  });
});

describe('many wallets with duplicates', () => {
  it('merges a name, its address in several cases and hundreds of others; every address kept once', async () => {
    const others = fc.sample(fc.uint8Array({ minLength: 20, maxLength: 20 }).map((b): Address => getAddress(`0x${Buffer.from(b).toString('hex')}`)), { numRuns: 300, seed: 8_2032 });
    const distinct = [...new Set([ALICE, ...others])];
    const inputs = ['Alice.ETH', ALICE.toLowerCase(), ...others, ...others.map((a) => a.toLowerCase()), ` alice.eth `, ALICE];
    const result = await resolveWallets(client([anvil.rpcUrl]), inputs);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.wallets.map((w) => w.address)).toEqual(distinct);
      expect(result.wallets[0]).toEqual({ address: ALICE, ens: 'alice.eth' });
      expect(result.wallets.slice(1).every((w) => w.ens === null)).toBe(true);
    }
  }, 60_000);
});
