/**
 * The demo world: a local anvil node with the whole simulated restaking ecosystem at the mainnet
 * addresses, and sample wallets that between them raise every warning the app has. Used by
 * `npm run demo`, `matryoshka scan --demo`, `npm run web -- --demo` and the end-to-end tests.
 */
import { getAddress, keccak256, parseEther, toHex, type Address } from 'viem';
import { registry } from '../shared/registry/registry';
import { startAnvil, type Anvil, type AnvilOptions } from './anvil';
import { connectWorld, type WorldContext } from './context';
import { deployEigenLayer, type EigenLayerWorld, type OperatorSetRef } from './eigenlayer-world';
import { deployEns, type EnsWorld } from './ens-world';
import { deployRedemptions, populateRedemptionsDemo, type RedemptionsWorld } from './redemptions-world';
import { deployTokens, type TokensWorld } from './tokens-world';

/** A deterministic, checksummed address for a name (no key exists for it: watch-only). */
export function demoAddress(name: string): Address {
  return getAddress(keccak256(toHex(`matryoshka-demo:${name}`)).slice(0, 42));
}

export interface World {
  readonly ctx: WorldContext;
  readonly tokens: TokensWorld;
  readonly eigen: EigenLayerWorld;
  readonly ens: EnsWorld;
  readonly redemptions: RedemptionsWorld;
}

/** Places every fixture (EigenLayer, tokens, oracles, Multicall3, ENS, LRT redemption queues) on a running node. */
export async function buildWorld(rpcUrl: string): Promise<World> {
  const ctx = connectWorld(rpcUrl);
  const tokens = await deployTokens(ctx);
  const eigen = await deployEigenLayer(ctx);
  const ens = await deployEns(ctx);
  const redemptions = await deployRedemptions(ctx);
  return { ctx, tokens, eigen, ens, redemptions };
}

export interface DemoWallet {
  readonly address: Address;
  readonly label: string;
  readonly ens: string | null;
  /** What this wallet shows in the app. */
  readonly story: string;
}

export const DEMO_OPERATORS = {
  steady: demoAddress('operator:steady'),
  slashed: demoAddress('operator:slashed'),
  leveraged: demoAddress('operator:leveraged'),
} as const satisfies Record<string, Address>;

const avsAt = (i: number): Address => {
  const avs = registry.eigenLayer.avss[i];
  if (!avs) throw new Error(`registry has fewer than ${i + 1} AVSs`);
  return getAddress(avs.address);
};

const stakersOf = (tokenId: string, n: number): Address[] => {
  const lt = registry.tokens.find((t) => t.id === tokenId)?.lookThrough;
  return (lt?.stakers ?? []).slice(0, n).map((a) => getAddress(a));
};

/** The sample wallets and the scenario behind them. */
export async function populateDemo(world: World): Promise<readonly DemoWallet[]> {
  const { tokens, eigen, ens } = world;
  const S = eigen.addresses.strategies;
  const BEACON = eigen.addresses.beaconChainEthStrategy;
  const eigenDa: OperatorSetRef = { avs: avsAt(0), id: 0 };
  const sets: OperatorSetRef[] = [eigenDa, ...[1, 2, 3, 4, 5, 6].map((i) => ({ avs: avsAt(i), id: 1 }))];

  // Operators and operator sets.
  for (const op of Object.values(DEMO_OPERATORS)) await eigen.registerOperator(op);
  for (const set of sets) await eigen.createOperatorSet(set, [BEACON, S.stETH, S.rETH]);
  const alloc = async (op: Address, set: OperatorSetRef, strategy: Address, wad: bigint) => {
    await eigen.registerForOperatorSet(op, set).catch(() => undefined); // already registered is fine
    await eigen.allocate(op, set, strategy, wad);
  };
  // steady: 30% of its beacon-chain stake to EigenDA, 20% of stETH to a second AVS.
  await alloc(DEMO_OPERATORS.steady, eigenDa, BEACON, parseEther('0.3'));
  await alloc(DEMO_OPERATORS.steady, sets[1] as OperatorSetRef, S.stETH, parseEther('0.2'));
  // leveraged: the same stake backs six operator sets, 95% of it allocated.
  for (const set of sets.slice(1, 7)) await alloc(DEMO_OPERATORS.leveraged, set, BEACON, parseEther('0.158'));
  await alloc(DEMO_OPERATORS.leveraged, sets[2] as OperatorSetRef, S.stETH, parseEther('0.5'));
  // slashed: half its stETH allocated to one set.
  await alloc(DEMO_OPERATORS.slashed, sets[3] as OperatorSetRef, S.stETH, parseEther('0.5'));

  const wallets: DemoWallet[] = [];
  const add = async (key: string, label: string, ensName: string | null, story: string): Promise<Address> => {
    const address = demoAddress(`wallet:${key}`);
    if (ensName) await ens.setEnsName(ensName, address);
    wallets.push({ address, label, ens: ensName, story });
    return address;
  };

  // 1. Native restaker: an EigenPod with 64 ETH, delegated to the steady operator.
  const native = await add('native', 'Native restaker', 'alice.eth', 'EigenPod with 64 ETH delegated to an operator with a 30% EigenDA allocation');
  await eigen.createPod(native);
  await eigen.setBeaconChainShares(native, parseEther('64'));
  await eigen.delegate(native, DEMO_OPERATORS.steady);

  // 2. LRT holder: weETH, rsETH and pufETH, looked through to the protocols' operators.
  const holder = await add('holder', 'LRT holder', 'bob.eth', 'weETH, rsETH and pufETH: three LRT protocols, looked through to their operators');
  await tokens.mint('weETH', holder, parseEther('20'));
  await tokens.mint('rsETH', holder, parseEther('8'));
  await tokens.mint('pufETH', holder, parseEther('5'));

  // 3. LRT depeg: ezETH trading 4% under NAV.
  const depeg = await add('depeg', 'ezETH holder', 'carol.eth', 'ezETH whose market price is 4% under NAV (critical depeg)');
  await tokens.mint('ezETH', depeg, parseEther('50'));
  await tokens.setMarketPrice('ezETH', (tokens.navRate('ezETH') * 96n) / 100n);

  // 4. Slashed operator: stETH restaked with an operator slashed by 30% of its allocation.
  const slashed = await add('slashed', 'Slashed staker', null, 'stETH restaked with an operator slashed by 30% of its allocation');
  await eigen.depositToStrategy(slashed, S.stETH, parseEther('100'));
  await eigen.delegate(slashed, DEMO_OPERATORS.slashed);

  // 5. Exits in flight: EigenLayer withdrawals queued 50,000 blocks ago (pending) and 110,000 blocks
  // ago (claimable), and LRT redemption requests in the ether.fi, Renzo, Kelp and Swell queues.
  const pending = await add('pending', 'Withdrawing', 'dave.eth', 'queued EigenLayer withdrawals and LRT redemptions, some claimable');
  await eigen.createPod(pending);
  await eigen.setBeaconChainShares(pending, parseEther('32'));
  await eigen.depositToStrategy(pending, S.rETH, parseEther('10'));
  await eigen.delegate(pending, DEMO_OPERATORS.steady);
  await eigen.queueWithdrawal(pending, [BEACON], [parseEther('32')], { blocksAgo: 50_000n });
  await eigen.queueWithdrawal(pending, [S.rETH], [parseEther('10')], { blocksAgo: 110_000n });
  await populateRedemptionsDemo(world.redemptions, tokens, pending);

  // 6. Concentrated: everything in one LRT, with the leveraged operator behind it.
  const concentrated = await add('concentrated', 'All-in Swell', null, 'one LRT only: protocol and operator concentration');
  await tokens.mint('rswETH', concentrated, parseEther('200'));

  // 7. Empty wallet.
  await add('empty', 'Empty wallet', 'empty.eth', 'holds nothing the app tracks');

  // The LRTs' own restaked positions (look-through).
  const etherfi = stakersOf('weETH@1', 3);
  for (const [i, staker] of etherfi.entries()) {
    await eigen.createPod(staker);
    await eigen.setBeaconChainShares(staker, parseEther(i === 0 ? '300000' : '200000'));
    await eigen.delegate(staker, i === 2 ? DEMO_OPERATORS.leveraged : DEMO_OPERATORS.steady);
  }
  const kelp = stakersOf('rsETH@1', 2);
  await tokens.setKelpNodeDelegators(kelp);
  for (const staker of kelp) {
    await eigen.depositToStrategy(staker, S.stETH, parseEther('250000'));
    await eigen.delegate(staker, DEMO_OPERATORS.leveraged);
  }
  const renzo = stakersOf('ezETH@1', 2);
  await tokens.setRenzoOperatorDelegators(renzo);
  for (const staker of renzo) {
    await eigen.depositToStrategy(staker, S.stETH, parseEther('200000'));
    await eigen.delegate(staker, DEMO_OPERATORS.slashed);
  }
  const puffer = stakersOf('pufETH@1', 2);
  for (const staker of puffer) {
    await eigen.createPod(staker);
    await eigen.setBeaconChainShares(staker, parseEther('400000'));
    await eigen.delegate(staker, DEMO_OPERATORS.steady);
  }

  // The slash comes last so every staker of the slashed operator is hit by it.
  await eigen.slash(DEMO_OPERATORS.slashed, sets[3] as OperatorSetRef, S.stETH, parseEther('0.3'), 'demo: equivocation');
  return wallets;
}

export interface DemoWorld {
  readonly rpcUrl: string;
  readonly wallets: readonly DemoWallet[];
  readonly world: World;
  readonly anvil: Anvil;
  stop(): Promise<void>;
}

/** Starts anvil, places the ecosystem, creates the sample wallets. */
export async function startDemoWorld(options: AnvilOptions = {}): Promise<DemoWorld> {
  const anvil = await startAnvil(options);
  try {
    const world = await buildWorld(anvil.rpcUrl);
    const wallets = await populateDemo(world);
    return { rpcUrl: anvil.rpcUrl, wallets, world, anvil, stop: () => anvil.stop() };
  } catch (error) {
    await anvil.stop();
    throw error;
  }
}
