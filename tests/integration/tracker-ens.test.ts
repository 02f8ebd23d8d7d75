/**
 * Wallet input through ENS on the simulated chain (the Universal Resolver viem calls on mainnet):
 * names resolve to their address, addresses show their primary name, and a name that resolves to
 * nothing is a clear error, never an address.
 */
import { getAddress } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChainClient, type ChainClient } from '../../node/tracker/create-chain-client';
import { lookupEnsName, resolveWalletInput, WalletInputError } from '../../node/tracker/resolve-ens';
import { startAnvil, type Anvil } from '../../world/anvil';
import { connectWorld } from '../../world/context';
import { deployEns } from '../../world/ens-world';

const ALICE = getAddress('0xa11ce0000000000000000000000000000000a11c');
const BOB = getAddress('0xb0b000000000000000000000000000000000b0b0');

let anvil: Anvil;
let chain: ChainClient;

beforeAll(async () => {
  anvil = await startAnvil();
  const ens = await deployEns(connectWorld(anvil.rpcUrl));
  await ens.setEnsName('alice.eth', ALICE);
  chain = createChainClient({ chainId: 1, urls: [anvil.rpcUrl] });
}, 120_000);

afterAll(async () => {
  await anvil?.stop();
});

describe('resolveWalletInput', () => {
  it('resolves a name, normalised, to its address', async () => {
    await expect(resolveWalletInput(chain.client, ' Alice.ETH ')).resolves.toEqual({ address: ALICE, ens: 'alice.eth' });
  });

  it('takes an address as is (checksummed), without ENS', async () => {
    await expect(resolveWalletInput(chain.client, BOB.toLowerCase())).resolves.toEqual({ address: BOB, ens: null });
  });

  it('an unresolvable name is a clear error, not an address', async () => {
    const attempt = resolveWalletInput(chain.client, 'nobody.eth');
    await expect(attempt).rejects.toBeInstanceOf(WalletInputError);
    await expect(attempt).rejects.toThrow('ENS name nobody.eth does not resolve to an address');
  });

  it('malformed input is rejected before any lookup, naming the problem', async () => {
    // ALICE checksums to 0xA11ce…a11c: upper-casing its last letter keeps the case mixed and breaks the checksum.
    expect(ALICE.endsWith('c')).toBe(true);
    const typo = `${ALICE.slice(0, -1)}C`;
    await expect(resolveWalletInput(chain.client, typo)).rejects.toThrow(/invalid checksum/);
    await expect(resolveWalletInput(chain.client, '0x1234')).rejects.toThrow(/40 hexadecimal digits/);
  });
});

describe('lookupEnsName', () => {
  it("shows an address's primary name, and null when it has none", async () => {
    await expect(lookupEnsName(chain.client, ALICE)).resolves.toBe('alice.eth');
    await expect(lookupEnsName(chain.client, BOB)).resolves.toBeNull();
  });
});
