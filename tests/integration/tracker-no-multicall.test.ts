/**
 * A chain without the canonical Multicall3 (a bare local or private node) is still read, one
 * eth_call per read, with the same figures.
 */
import { parseEther } from 'viem';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registry } from '../../shared/registry/registry';
import { createChainClient } from '../../node/tracker/create-chain-client';
import { readChain } from '../../node/tracker/read-chain';
import { startAnvil, type Anvil } from '../../world/anvil';
import { buildWorld, demoAddress, type World } from '../../world/demo-world';

let anvil: Anvil;
let world: World;
const holder = demoAddress('no-multicall:holder');

beforeAll(async () => {
  anvil = await startAnvil({ genesisBlockNumber: 0n });
  world = await buildWorld(anvil.rpcUrl);
  await world.tokens.mint('weETH', holder, parseEther('3'));
  await world.eigen.createPod(holder);
  await world.eigen.setBeaconChainShares(holder, parseEther('32'));
});
afterAll(async () => { await anvil?.stop(); });

it('reads the same figures with and without Multicall3', async () => {
  const read = () => {
    const cc = createChainClient({ chainId: 1, urls: [anvil.rpcUrl] });
    return readChain({ client: cc.client, chainId: 1, registry, wallets: [holder], stats: cc });
  };
  const batched = await read();
  await world.ctx.testClient.setCode({ address: registry.multicall3, bytecode: '0x' });
  const naive = await read();
  expect(naive.status).not.toBe('failed');
  expect(naive.blockNumber).toBe(batched.blockNumber);
  const weeth = (s: typeof batched) => s.wallets[0]?.balances.find((b) => b.token === 'weETH@1');
  expect(weeth(naive)?.balance).toEqual({ ok: true, value: parseEther('3') });
  expect(weeth(naive)?.navAmount).toEqual(weeth(batched)?.navAmount);
  const pod = naive.wallets[0]?.eigen?.pod;
  expect(pod?.ok && pod.value?.withdrawableShares).toBe(parseEther('32'));
  expect(naive.rpcRequests).toBeGreaterThan(batched.rpcRequests);
});
