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
import { deployRedemptions, populateRedemptionsDemo, REDEMPTION_DEFAULTS, type RedemptionsWorld } from './redemptions-world';
import { deployTokens, PROTOCOL_FLOAT_HOLDER, type TokensWorld } from './tokens-world';

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

/** The sample wallet labelled `label` (tests and scripts name wallets by their story's label). */
export function demoWallet(wallets: readonly DemoWallet[], label: string): DemoWallet {
  const found = wallets.find((w) => w.label === label);
  if (found === undefined) throw new Error(`the demo has no wallet labelled ${label}`);
  return found;
}

export const DEMO_OPERATORS = {
  steady: demoAddress('operator:steady'),
  slashed: demoAddress('operator:slashed'),
  leveraged: demoAddress('operator:leveraged'),
  /** Registered, delegated to, allocates nothing: its stake is nominal security. */
  idle: demoAddress('operator:idle'),
  /** All of its rETH allocated to one set, then slashed by 99.95% of it. */
  wiped: demoAddress('operator:wiped'),
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
  for (const op of [DEMO_OPERATORS.steady, DEMO_OPERATORS.slashed, DEMO_OPERATORS.leveraged]) await eigen.registerOperator(op);
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

  // 6. Concentrated: everything in one LRT, whose StakerProxies (found live through Swell's
  // EigenLayerManager, below) restake almost half of it with one operator.
  const concentrated = await add('concentrated', 'All-in Swell', null, 'one LRT only: protocol and operator concentration (Swell\'s StakerProxies, looked through)');
  await tokens.mint('rswETH', concentrated, parseEther('200'));

  // 7. Empty wallet.
  await add('empty', 'Empty wallet', 'empty.eth', 'holds nothing the app tracks');

  // Wallets 8-13 come after the first seven so that those keep their state to the block.
  await eigen.registerOperator(DEMO_OPERATORS.idle);
  await eigen.registerOperator(DEMO_OPERATORS.wiped);

  // 8. Operator hopper: three operators, none above its top-share line but together concentrated
  // (Herfindahl index). Withdrawals queued while delegated to steady (beacon ETH), then to leveraged
  // (stETH), stay slashable by them; the rest is restaked with the idle operator. Its pufETH and rsETH
  // (from the protocols' floats, so every other holder's look-through stays as it was) reach steady and
  // leveraged through the same strategies. (The tracker reads a withdrawal's operator from its
  // delegatedTo either way: tests/integration/tracker-queued-operator.test.ts.)
  const hopper = await add('hopper', 'Operator hopper', null, 'left two operators (withdrawals still slashable by them) for a third: no operator on top, yet concentrated (HHI)');
  for (const [symbol, amount] of [['pufETH', parseEther('5')], ['rsETH', parseEther('10')]] as const) {
    await tokens.burn(symbol, PROTOCOL_FLOAT_HOLDER, amount);
    await tokens.mint(symbol, hopper, amount);
  }
  await eigen.createPod(hopper);
  await eigen.setBeaconChainShares(hopper, parseEther('26'));
  await eigen.delegate(hopper, DEMO_OPERATORS.steady);
  await eigen.queueWithdrawal(hopper, [BEACON], [parseEther('26')], { blocksAgo: 21_600n });
  await eigen.undelegate(hopper);
  const stEthShares = await eigen.depositToStrategy(hopper, S.stETH, parseEther('25'));
  await eigen.delegate(hopper, DEMO_OPERATORS.leveraged);
  await eigen.queueWithdrawal(hopper, [S.stETH], [stEthShares], { blocksAgo: 7_200n });
  await eigen.undelegate(hopper);
  await eigen.depositToStrategy(hopper, S.ETHx, parseEther('27'));
  await eigen.delegate(hopper, DEMO_OPERATORS.idle);

  // 9. Two LSTs: stETH and rETH, nothing restaked; neither protocol above its top-share line, the two
  // together concentrated (Herfindahl index).
  const pair = await add('pair', 'Two LSTs', null, 'stETH and rETH, nothing restaked: neither protocol on top, the pair concentrated (HHI)');
  await tokens.mint('stETH', pair, parseEther('12'));
  await tokens.mint('rETH', pair, parseEther('10'));

  // 10. Nominal security: an EigenPod delegated to an operator that allocates to no operator set.
  const nominal = await add('nominal', 'Idle operator', null, 'EigenPod with 32 ETH delegated to an operator that allocates nothing: delegated, but securing no AVS (nominal security)');
  await eigen.createPod(nominal);
  await eigen.setBeaconChainShares(nominal, parseEther('32'));
  await eigen.delegate(nominal, DEMO_OPERATORS.idle);

  // 11. Tiny magnitude: rETH restaked with an operator that allocates all of it to one set and is
  // slashed (below) by 99.95% of that: 0.05% of its stake is left.
  await alloc(DEMO_OPERATORS.wiped, sets[4] as OperatorSetRef, S.rETH, parseEther('1'));
  const wiped = await add('wiped', 'Wiped-out operator', null, 'rETH restaked with an operator slashed by 99.95%: almost nothing left');
  await eigen.depositToStrategy(wiped, S.rETH, parseEther('40'));
  await eigen.delegate(wiped, DEMO_OPERATORS.wiped);

  // 12. Paused token: cbETH while Coinbase has paused it (transfers blocked).
  const paused = await add('paused', 'Paused cbETH', null, 'cbETH whose contract is paused: it cannot be moved or sold until unpaused');
  await tokens.mint('cbETH', paused, parseEther('25'));
  await tokens.setPaused('cbETH', true);

  // 13. Overdue redemption: a Kelp request made 9 days ago, past Kelp's 8-day delay, never unlocked.
  const overdue = await add('overdue', 'Stuck Kelp exit', null, 'rsETH redemption requested 9 days ago, past Kelp\'s 8-day delay, still not unlocked (overdue)');
  // Its rsETH comes out of Kelp's float, so the supply (and every other holder's look-through) stays as it was.
  await tokens.burn('rsETH', PROTOCOL_FLOAT_HOLDER, parseEther('3'));
  await tokens.mint('rsETH', overdue, parseEther('3'));
  const nonce = await world.redemptions.requestKelp(overdue, parseEther('3'));
  const head = await world.ctx.publicClient.getBlockNumber({ cacheTime: 0 });
  await world.redemptions.backdateKelp(nonce, head - REDEMPTION_DEFAULTS.kelpDelayBlocks - 7_200n);

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
  // Swell publishes no staker list: the tracker finds these StakerProxies through EigenLayerManager
  // (stakerProxyAddresses(1 … stakeId())). Of rswETH's ~1.08M ETH of NAV, 500,000 ETH restaked with
  // steady (over its top-share line) and 300,000 with leveraged; the rest is not attributed.
  const swell = [
    { staker: demoAddress('swell:staker-proxy:1'), operator: DEMO_OPERATORS.steady, eth: parseEther('500000') },
    { staker: demoAddress('swell:staker-proxy:2'), operator: DEMO_OPERATORS.leveraged, eth: parseEther('300000') },
  ];
  await tokens.addSwellStakerProxies(swell.map((p) => p.staker));
  for (const { staker, operator, eth } of swell) {
    await eigen.createPod(staker);
    await eigen.setBeaconChainShares(staker, eth);
    await eigen.delegate(staker, operator);
  }

  // The slash comes last so every staker of the slashed operator is hit by it.
  await eigen.slash(DEMO_OPERATORS.slashed, sets[3] as OperatorSetRef, S.stETH, parseEther('0.3'), 'demo: equivocation');
  await eigen.slash(DEMO_OPERATORS.wiped, sets[4] as OperatorSetRef, S.rETH, parseEther('0.9995'), 'demo: mass slashing');
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
