/**
 * Indexed staker discovery against the simulated world: the tracker reads Renzo's OperatorDelegators
 * (RestakeManager getOperatorDelegatorsLength / operatorDelegators(i)) and Swell's StakerProxies
 * (EigenLayerManager stakeId / stakerProxyAddresses(id)) live, so a staker the protocol adds on chain
 * is looked through though the registry does not list it; a discovery that reverts keeps the
 * registry's known stakers and is a failed read; and the items, read with the length (prefetch), cost no extra level of requests, not one
 * per item.
 */
import { getAddress, parseEther, type Address } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChainClient, type ChainClient } from '../../node/tracker/create-chain-client';
import { readChain } from '../../node/tracker/read-chain';
import { readChainNaive } from '../../node/tracker/read-chain-naive';
import { registry } from '../../shared/registry/registry';
import { ADDR } from '../../shared/registry/tokens';
import type { Registry } from '../../shared/registry/types';
import type { ChainSnapshot, Read, StakerEigenState } from '../../shared/snapshot';
import { startAnvil, type Anvil } from '../../world/anvil';
import { connectWorld } from '../../world/context';
import { deployEigenLayer, type EigenLayerWorld } from '../../world/eigenlayer-world';
import { deployTokens, type TokensWorld } from '../../world/tokens-world';

const WALLET = getAddress('0xb0b000000000000000000000000000000000b0b0');
const OP_RENZO = getAddress('0x0000000000000000000000000000000000000a11');
const OP_SWELL = getAddress('0x0000000000000000000000000000000000000a12');
/** An OperatorDelegator Renzo added on chain: not in the registry's static list. */
const NEW_OD = getAddress('0x0000000000000000000000000000000000000d11');
const SWELL_1 = getAddress('0x0000000000000000000000000000000000005e01');
const SWELL_2 = getAddress('0x0000000000000000000000000000000000005e02');
const SWELL_3 = getAddress('0x0000000000000000000000000000000000005e03');
const NEW_OD_STETH = parseEther('12');
const SWELL_1_BEACON = parseEther('64');

const knownRenzo = (registry.tokens.find((t) => t.id === 'ezETH@1')?.lookThrough?.stakers ?? []).map((a) => getAddress(a));

let anvil: Anvil;
let tokens: TokensWorld;
let el: EigenLayerWorld;
let chain: ChainClient;
let snapshot: ChainSnapshot;

const ok = <T>(r: Read<T> | undefined): T => {
  if (!r) throw new Error('read absent');
  if (!r.ok) throw new Error(`read failed: ${r.error}`);
  return r.value;
};
const stakersOf = (s: ChainSnapshot, token: string): readonly StakerEigenState[] => {
  const lt = s.lookThrough.find((l) => l.token === token);
  if (!lt) throw new Error(`no look-through for ${token}`);
  return lt.stakers;
};
const addressesOf = (s: ChainSnapshot, token: string): Address[] => stakersOf(s, token).map((x) => x.staker);
const refresh = (reg: Registry = registry) => readChain({ client: chain.client, chainId: 1, registry: reg, wallets: [WALLET], stats: chain });
/** The registry with `stakers` listed statically in place of each indexed discovery: the same reads, found without it. */
const listedInstead = (stakers: ReadonlyMap<string, readonly Address[]>): Registry => ({
  ...registry,
  tokens: registry.tokens.map((t) => (t.lookThrough?.discover?.kind === 'indexed'
    ? { ...t, lookThrough: { ...t.lookThrough, stakers: stakers.get(t.id) ?? [], discover: null } }
    : t)),
});

beforeAll(async () => {
  anvil = await startAnvil();
  const ctx = connectWorld(anvil.rpcUrl);
  tokens = await deployTokens(ctx);
  el = await deployEigenLayer(ctx);
  await el.registerOperator(OP_RENZO);
  await el.registerOperator(OP_SWELL);
  // Renzo runs one known OperatorDelegator and one the registry does not list.
  const [firstKnown] = knownRenzo;
  if (firstKnown === undefined) throw new Error('the registry lists no Renzo staker');
  await tokens.setRenzoOperatorDelegators([firstKnown, NEW_OD]);
  await el.depositToStrategy(NEW_OD, el.addresses.strategies.stETH, NEW_OD_STETH);
  await el.delegate(NEW_OD, OP_RENZO);
  // Swell: two StakerProxies (ids 1 and 2), the first with an EigenPod delegated to OP_SWELL.
  await tokens.addSwellStakerProxies([SWELL_1, SWELL_2]);
  await el.createPod(SWELL_1);
  await el.setBeaconChainShares(SWELL_1, SWELL_1_BEACON);
  await el.delegate(SWELL_1, OP_SWELL);
  chain = createChainClient({ chainId: 1, urls: [anvil.rpcUrl] });
  snapshot = await refresh();
}, 180_000);

afterAll(async () => {
  await anvil?.stop();
});

describe('indexed discovery finds the stakers live', () => {
  it("Renzo: the known OperatorDelegators, and one added on chain with its position", () => {
    expect(knownRenzo).not.toContain(NEW_OD);
    expect(addressesOf(snapshot, 'ezETH@1')).toEqual([...knownRenzo, NEW_OD]);
    const od = stakersOf(snapshot, 'ezETH@1').find((s) => s.staker === NEW_OD);
    expect(ok(od?.delegatedTo)).toBe(OP_RENZO);
    expect(ok(od?.deposits).map((d) => [d.strategy, d.depositShares])).toEqual([[el.addresses.strategies.stETH, NEW_OD_STETH]]);
    expect(snapshot.failedReads.filter((f) => f.key.startsWith('lookThrough.'))).toEqual([]);
  });

  it('Swell: the StakerProxies of ids 1 … stakeId, in id order, with their EigenPods and operators', () => {
    expect(addressesOf(snapshot, 'rswETH@1')).toEqual([SWELL_1, SWELL_2]);
    const [first, second] = stakersOf(snapshot, 'rswETH@1');
    expect(ok(first?.delegatedTo)).toBe(OP_SWELL);
    expect(ok(first?.pod)?.withdrawableShares).toBe(SWELL_1_BEACON);
    expect(ok(second?.delegatedTo)).toBeNull();
  });

  it("the discovered stakers' operators are read though no watched wallet delegates to them", () => {
    expect(snapshot.operators.map((o) => o.operator)).toEqual(expect.arrayContaining([OP_RENZO, OP_SWELL]));
  });

  it('a StakerProxy Swell adds on chain is looked through at the next refresh', async () => {
    await tokens.addSwellStakerProxies([SWELL_3]);
    expect(addressesOf(await refresh(), 'rswETH@1')).toEqual([SWELL_1, SWELL_2, SWELL_3]);
  });

  it('one eth_call per read finds the same stakers', async () => {
    const naive = await readChainNaive({ client: chain.client, chainId: 1, registry, wallets: [WALLET], stats: chain });
    const multicall = await refresh();
    expect(addressesOf(naive, 'ezETH@1')).toContain(NEW_OD);
    expect(addressesOf(naive, 'rswETH@1')).toContain(SWELL_1);
    for (const token of ['ezETH@1', 'rswETH@1']) expect(addressesOf(naive, token), token).toEqual(addressesOf(multicall, token));
  }, 120_000);
});

describe('a discovery that reverts', () => {
  it('keeps the known stakers and lists the failed read', async () => {
    await tokens.setReverting(ADDR.renzoRestakeManager, true);
    await tokens.setReverting(ADDR.swellEigenLayerManager, true);
    try {
      const s = await refresh();
      expect(addressesOf(s, 'ezETH@1')).toEqual(knownRenzo);
      expect(addressesOf(s, 'rswETH@1')).toEqual([]);
      const failed = s.failedReads.filter((f) => f.key.startsWith('lookThrough.'));
      expect(failed.map((f) => [f.key, f.target, f.call])).toEqual([
        ['lookThrough.discover:ezETH@1', ADDR.renzoRestakeManager, 'getOperatorDelegatorsLength()'],
        ['lookThrough.discover:rswETH@1', ADDR.swellEigenLayerManager, 'stakeId()'],
      ]);
      expect(s.status).toBe('partial');
    } finally {
      await tokens.setReverting(ADDR.renzoRestakeManager, false);
      await tokens.setReverting(ADDR.swellEigenLayerManager, false);
    }
  });
});

describe('requests per refresh', () => {
  it('a list within the prefetch costs no extra request level: the same requests as the stakers listed statically', async () => {
    await refresh(); // the client's first refresh also checks the endpoint
    const discovered = await refresh();
    expect(addressesOf(discovered, 'rswETH@1').length).toBeGreaterThanOrEqual(2);
    expect(addressesOf(discovered, 'ezETH@1')).toContain(NEW_OD);
    // The same stakers listed in the registry: the same reads and operators, without the length and items.
    const listed = await refresh(listedInstead(new Map(['ezETH@1', 'rswETH@1'].map((t) => [t, addressesOf(discovered, t)]))));
    expect(addressesOf(listed, 'rswETH@1')).toEqual(addressesOf(discovered, 'rswETH@1'));
    expect(listed.operators.map((o) => o.operator)).toEqual(discovered.operators.map((o) => o.operator));
    expect(discovered.rpcRequests).toBe(listed.rpcRequests);
  }, 60_000);
});
