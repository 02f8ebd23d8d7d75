/**
 * The EigenLayer side of the simulated world, read the way the app reads mainnet: viem over
 * JSON-RPC, at the mainnet addresses, with ABIs parsed from the verified reference lines
 * (eigenlayer_abi.txt). The scenario: a native restaker with an EigenPod and an LST staker
 * delegated to one operator, the operator allocating 30% of its beacon-chain stake to (AVS, 1),
 * a withdrawal queued 50,000 blocks ago, and a 30% slash. Every expected figure is computed here
 * from the formulas of the real contracts (SlashingLib, StrategyBase, AllocationManagerView),
 * never taken from the fixtures' answers.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  encodeAbiParameters, getAddress, keccak256, parseAbi, parseEther, type Abi, type AbiFunction, type Address, type Hex,
} from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eigenLayer } from '../../shared/registry/eigenlayer';
import { tokens } from '../../shared/registry/tokens';
import { startAnvil, type Anvil } from '../../world/anvil';
import { connectWorld, type WorldContext } from '../../world/context';
import { deployEigenLayer, type EigenLayerWorld, type OperatorSetRef } from '../../world/eigenlayer-world';

// ---- reference ABIs, parsed from the exact lines of eigenlayer_abi.txt ----

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const referenceDir = [join(repoRoot, 'reference'), join(repoRoot, '..', 'shared', 'reference')]
  .find((d) => existsSync(join(d, 'eigenlayer_abi.txt')));

function referenceSections(): Map<string, string[]> {
  if (!referenceDir) throw new Error(`eigenlayer_abi.txt not found beside ${repoRoot} (expected reference/ or ../shared/reference/)`);
  const sections = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const raw of readFileSync(join(referenceDir, 'eigenlayer_abi.txt'), 'utf8').split('\n')) {
    const line = raw.trim();
    if (line.startsWith('## ')) {
      current = [];
      sections.set(line.slice(3).trim(), current);
    } else if (line && !line.startsWith('#') && current) {
      current.push(line);
    }
  }
  return sections;
}

const sections = referenceSections();
function sectionAbi(name: string): Abi {
  const lines = sections.get(name);
  if (!lines) throw new Error(`no section ${name} in eigenlayer_abi.txt`);
  return parseAbi(lines);
}
const abi = {
  strategyManager: sectionAbi('StrategyManager'),
  delegationManager: sectionAbi('DelegationManager'),
  allocationManager: sectionAbi('AllocationManager'),
  eigenPodManager: sectionAbi('EigenPodManager'),
  eigenPod: sectionAbi('EigenPod'),
  strategy: sectionAbi('Strategy'),
} as const;

// ---- the real contracts' arithmetic, written out independently ----

const WAD = 10n ** 18n;
const mulWad = (x: bigint, y: bigint): bigint => (x * y) / WAD;
const divWad = (x: bigint, y: bigint): bigint => (x * WAD) / y;
const mulDivUp = (x: bigint, y: bigint, d: bigint): bigint => (x * y + d - 1n) / d;
/** SlashingLib.calcWithdrawable: depositShares * dsf * slashingFactor, each step rounded down. */
const withdrawable = (depositShares: bigint, dsf: bigint, slashingFactor: bigint): bigint => mulWad(mulWad(depositShares, dsf), slashingFactor);
/** SlashingLib.calcSlashedAmount. */
const slashedAmount = (shares: bigint, prevMax: bigint, newMax: bigint): bigint => shares - mulDivUp(shares, newMax, prevMax);
/** StrategyBase.deposit with its 1e3 virtual shares and balance. */
const sharesForDeposit = (amount: bigint, totalShares: bigint, balanceBefore: bigint): bigint => (amount * (totalShares + 1000n)) / (balanceBefore + 1000n);

// ---- a node whose chain is already long, so "50,000 blocks ago" exists ----

const GENESIS_BLOCK = 20_000_000n;

/** anvil started at a high block (mining 10^5 blocks one by one takes minutes). */
const startLongAnvil = (): Promise<Anvil> => startAnvil({ genesisBlockNumber: GENESIS_BLOCK });

// ---- actors and scenario parameters (odd values, so rounding slips show) ----

const OPERATOR = getAddress('0x0be7a70700000000000000000000000000000001');
const NATIVE = getAddress('0x7a71fe0000000000000000000000000000000002');
const LST_STAKER = getAddress('0x1575a4e700000000000000000000000000000003');
const WHALE = getAddress('0x3a1e000000000000000000000000000000000004');
const LATE_POD_OWNER = getAddress('0x1a7e000000000000000000000000000000000005');
const AVS = getAddress(eigenLayer.avss[0].address);
const SET: OperatorSetRef = { avs: AVS, id: 1 };
const OTHER_SET: OperatorSetRef = { avs: AVS, id: 2 };
const BURN_ADDRESS = getAddress('0x00000000000000000000000000000000000E16E4');
const ZERO = '0x0000000000000000000000000000000000000000';

const BEACON = getAddress(eigenLayer.beaconChainEthStrategy);
const ADDRS = {
  sm: getAddress(eigenLayer.strategyManager),
  dm: getAddress(eigenLayer.delegationManager),
  am: getAddress(eigenLayer.allocationManager),
  epm: getAddress(eigenLayer.eigenPodManager),
};

const POD_SHARES = parseEther('64');
const TOP_UP = parseEther('32');
const BEACON_SLASHING_FACTOR = 953_123_456_789_012_345n;
const WHALE_DEPOSIT = parseEther('1000');
const STRATEGY_BALANCE_AFTER_YIELD = 1_050_123_456_789_000_000_001n;
const LST_DEPOSIT = 10_987_654_321_000_000_007n;
const ALLOCATION = parseEther('0.3');
const STETH_ALLOCATION = parseEther('0.5');
const STETH_ALLOCATION_DELAY = 50n;
const WAD_TO_SLASH = parseEther('0.3');
const WITHDRAWN_DEPOSIT_SHARES = 10_123_456_789_000_000_011n;
const QUEUED_BLOCKS_AGO = 50_000n;
const DEALLOCATE_TO = parseEther('0.1');
const DEFAULT_DELAY = BigInt(eigenLayer.defaultMinWithdrawalDelayBlocks);

const withdrawalTuple = [{
  type: 'tuple',
  components: [
    { name: 'staker', type: 'address' }, { name: 'delegatedTo', type: 'address' }, { name: 'withdrawer', type: 'address' },
    { name: 'nonce', type: 'uint256' }, { name: 'startBlock', type: 'uint32' }, { name: 'strategies', type: 'address[]' },
    { name: 'scaledShares', type: 'uint256[]' },
  ],
}] as const;

interface WithdrawalValue {
  staker: Address; delegatedTo: Address; withdrawer: Address; nonce: bigint; startBlock: number;
  strategies: readonly Address[]; scaledShares: readonly bigint[];
}

let anvil: Anvil;
let ctx: WorldContext;
let world: EigenLayerWorld;
let steth: Address;

/** Every expected figure, derived step by step as the scenario runs. */
const x = {
  lstShares: 0n, whaleShares: 0n, strategyTotalShares: 0n, strategyBalance: 0n,
  opBeacon: 0n, opSteth: 0n, podDeposit: 0n, dsfNative: WAD,
  stethAllocationBlock: 0n, withdrawalStart: 0n, scaled: 0n, slashBlock: 0n, newMax: 0n,
  burnableEth: 0n, deallocBlock: 0n, root: '0x' as Hex,
};

/** The native restaker's queued withdrawal as the scenario queued it. */
function queuedWithdrawal(): WithdrawalValue {
  return {
    staker: NATIVE, delegatedTo: OPERATOR, withdrawer: NATIVE, nonce: 0n, startBlock: Number(x.withdrawalStart),
    strategies: [BEACON], scaledShares: [x.scaled],
  };
}

async function read(address: Address, contractAbi: Abi, functionName: string, args: readonly unknown[] = []): Promise<unknown> {
  return ctx.publicClient.readContract({ address, abi: contractAbi, functionName, args: [...args] });
}

async function head(): Promise<bigint> {
  return ctx.publicClient.getBlockNumber({ cacheTime: 0 });
}

beforeAll(async () => {
  anvil = await startLongAnvil();
  ctx = connectWorld(anvil.rpcUrl);
  const t0 = Date.now();
  world = await deployEigenLayer(ctx);
  // deployment must stay cheap: the demo and every integration test pay for it
  expect(Date.now() - t0).toBeLessThan(5_000);
  steth = world.addresses.strategies.stETH;

  // an LST staker joins a strategy that has already earned some yield
  x.whaleShares = await world.depositToStrategy(WHALE, steth, WHALE_DEPOSIT);
  expect(x.whaleShares).toBe(sharesForDeposit(WHALE_DEPOSIT, 0n, 0n));
  await world.setStrategyBalance(steth, STRATEGY_BALANCE_AFTER_YIELD);
  x.lstShares = sharesForDeposit(LST_DEPOSIT, x.whaleShares, STRATEGY_BALANCE_AFTER_YIELD);
  expect(await world.depositToStrategy(LST_STAKER, steth, LST_DEPOSIT)).toBe(x.lstShares);
  x.strategyTotalShares = x.whaleShares + x.lstShares;
  x.strategyBalance = STRATEGY_BALANCE_AFTER_YIELD + LST_DEPOSIT;

  // the operator, and two stakers delegated to it
  await world.registerOperator(OPERATOR);
  await world.delegate(LST_STAKER, OPERATOR);
  x.opSteth = x.lstShares; // unslashed operator: withdrawable = deposit shares

  await world.createPod(NATIVE);
  await world.setBeaconChainShares(NATIVE, POD_SHARES);
  await world.setPodState(NATIVE, { activeValidatorCount: 2n, withdrawableRestakedExecutionLayerGwei: 1_234_567_891n, lastCheckpointTimestamp: 1_700_000_000n });
  await world.delegate(NATIVE, OPERATOR);
  x.podDeposit = POD_SHARES;
  x.opBeacon = withdrawable(POD_SHARES, WAD, WAD);

  // a beacon-chain balance drop lowers the pod owner's slashing factor (decreaseDelegatedShares)
  await world.setBeaconChainSlashingFactor(NATIVE, BEACON_SLASHING_FACTOR);
  x.opBeacon -= withdrawable(x.podDeposit, x.dsfNative, mulWad(WAD, WAD - BEACON_SLASHING_FACTOR));

  // the AVS's operator set; the operator allocates 30% of its beacon-chain stake (now) and 50% of stETH (in 50 blocks)
  await world.createOperatorSet(SET, [BEACON, steth]);
  await world.registerForOperatorSet(OPERATOR, SET);
  await world.allocate(OPERATOR, SET, BEACON, ALLOCATION);
  await world.allocate(OPERATOR, SET, steth, STETH_ALLOCATION, { pendingEffectInBlocks: Number(STETH_ALLOCATION_DELAY) });
  x.stethAllocationBlock = await head();

  // the native restaker queued a withdrawal 50,000 blocks ago (before the slash)
  x.root = await world.queueWithdrawal(NATIVE, [BEACON], [WITHDRAWN_DEPOSIT_SHARES], { blocksAgo: QUEUED_BLOCKS_AGO });
  x.withdrawalStart = (await head()) - QUEUED_BLOCKS_AGO;
  const slashingFactorBefore = mulWad(WAD, BEACON_SLASHING_FACTOR);
  x.scaled = mulWad(WITHDRAWN_DEPOSIT_SHARES, x.dsfNative);
  x.opBeacon -= withdrawable(WITHDRAWN_DEPOSIT_SHARES, x.dsfNative, slashingFactorBefore);
  x.podDeposit -= WITHDRAWN_DEPOSIT_SHARES;

  // the AVS slashes 30% of the operator's beacon-chain allocation
  await world.slash(OPERATOR, SET, BEACON, WAD_TO_SLASH);
  x.slashBlock = await head();
  const slashedMagnitude = mulDivUp(ALLOCATION, WAD_TO_SLASH, WAD);
  x.newMax = WAD - slashedMagnitude;
  const fromOperator = slashedAmount(x.opBeacon, WAD, x.newMax);
  const fromQueue = slashedAmount(mulWad(x.scaled, WAD), WAD, x.newMax); // queued inside the slashable window
  x.opBeacon -= fromOperator;
  x.burnableEth = fromOperator + fromQueue;

  // new beacon-chain ETH after the slash: the deposit scaling factor absorbs the slashing so far
  await world.setBeaconChainShares(NATIVE, x.podDeposit + TOP_UP);
  const sf = mulWad(x.newMax, BEACON_SLASHING_FACTOR);
  x.dsfNative = divWad(divWad(withdrawable(x.podDeposit, x.dsfNative, sf) + TOP_UP, x.podDeposit + TOP_UP), sf);
  x.podDeposit += TOP_UP;
  x.opBeacon += TOP_UP;

  // a deallocation, pending for DEALLOCATION_DELAY while the set can still slash it
  await world.allocate(OPERATOR, SET, BEACON, DEALLOCATE_TO);
  x.deallocBlock = await head();

  // a second pod owner whose pod address was known before the pod existed
  const predicted = await read(ADDRS.epm, abi.eigenPodManager, 'getPod', [LATE_POD_OWNER]);
  expect(await ctx.publicClient.getCode({ address: getAddress(String(predicted)) })).toBeUndefined();
  expect(await world.createPod(LATE_POD_OWNER)).toBe(predicted);
}, 300_000); // a cold solc cache compiles every world fixture first, which takes minutes on a busy 2-core machine

afterAll(async () => {
  await anvil?.stop();
});

describe('EigenLayer world: StrategyManager and strategies', () => {
  it('reports deposits and strategy lists', async () => {
    expect(await read(ADDRS.sm, abi.strategyManager, 'getDeposits', [LST_STAKER])).toEqual([[steth], [x.lstShares]]);
    expect(await read(ADDRS.sm, abi.strategyManager, 'stakerDepositShares', [LST_STAKER, steth])).toBe(x.lstShares);
    expect(await read(ADDRS.sm, abi.strategyManager, 'getStakerStrategyList', [LST_STAKER])).toEqual([steth]);
    expect(await read(ADDRS.sm, abi.strategyManager, 'stakerStrategyListLength', [LST_STAKER])).toBe(1n);
    expect(await read(ADDRS.sm, abi.strategyManager, 'stakerStrategyList', [LST_STAKER, 0n])).toBe(steth);
    expect(await read(ADDRS.sm, abi.strategyManager, 'getDeposits', [NATIVE])).toEqual([[], []]);
    expect(await read(ADDRS.sm, abi.strategyManager, 'strategyIsWhitelistedForDeposit', [steth])).toBe(true);
    expect(await read(ADDRS.sm, abi.strategyManager, 'delegation')).toBe(ADDRS.dm);
    expect(await read(ADDRS.sm, abi.strategyManager, 'getBurnableShares', [steth])).toBe(0n);
  });

  it('prices shares with StrategyBase math over the stored balance', async () => {
    const vShares = x.strategyTotalShares + 1000n;
    const vBalance = x.strategyBalance + 1000n;
    expect(await read(steth, abi.strategy, 'totalShares')).toBe(x.strategyTotalShares);
    expect(await read(steth, abi.strategy, 'sharesToUnderlyingView', [WAD])).toBe((vBalance * WAD) / vShares);
    expect(await read(steth, abi.strategy, 'underlyingToSharesView', [WAD])).toBe((WAD * vShares) / vBalance);
    expect(await read(steth, abi.strategy, 'shares', [LST_STAKER])).toBe(x.lstShares);
    expect(await read(steth, abi.strategy, 'userUnderlyingView', [LST_STAKER])).toBe((vBalance * x.lstShares) / vShares);
    expect(await read(steth, abi.strategy, 'explanation')).toBe('Base Strategy implementation to inherit from for more complex implementations');
  });

  it('sets every registry strategy underlying to the mainnet token', async () => {
    for (const s of eigenLayer.strategies) {
      const expected = s.underlying === 'EIGEN'
        ? getAddress('0xec53bf9167f50cdeb3ae105f56099aaab9061f83')
        : tokens.find((t) => t.id === s.underlying)?.address;
      expect(await read(getAddress(s.address), abi.strategy, 'underlyingToken')).toBe(expected);
    }
  });
});

describe('EigenLayer world: EigenPodManager and pods', () => {
  it('reports pods, int256 deposit shares and the beacon-chain slashing factor', async () => {
    const pod = await read(ADDRS.epm, abi.eigenPodManager, 'getPod', [NATIVE]);
    expect(await read(ADDRS.epm, abi.eigenPodManager, 'ownerToPod', [NATIVE])).toBe(pod);
    expect(await read(ADDRS.epm, abi.eigenPodManager, 'hasPod', [NATIVE])).toBe(true);
    expect(await read(ADDRS.epm, abi.eigenPodManager, 'hasPod', [LST_STAKER])).toBe(false);
    expect(await read(ADDRS.epm, abi.eigenPodManager, 'podOwnerDepositShares', [NATIVE])).toBe(x.podDeposit);
    expect(await read(ADDRS.epm, abi.eigenPodManager, 'stakerDepositShares', [NATIVE, BEACON])).toBe(x.podDeposit);
    expect(await read(ADDRS.epm, abi.eigenPodManager, 'beaconChainSlashingFactor', [NATIVE])).toBe(BEACON_SLASHING_FACTOR);
    expect(await read(ADDRS.epm, abi.eigenPodManager, 'beaconChainSlashingFactor', [LST_STAKER])).toBe(WAD);
    expect(await read(ADDRS.epm, abi.eigenPodManager, 'beaconChainETHStrategy')).toBe(BEACON);
    expect(await read(ADDRS.epm, abi.eigenPodManager, 'numPods')).toBe(2n);
    expect(await read(ADDRS.epm, abi.eigenPodManager, 'burnableETHShares')).toBe(x.burnableEth);
  });

  it('serves EigenPod views at the pod address', async () => {
    const pod = getAddress(String(await read(ADDRS.epm, abi.eigenPodManager, 'getPod', [NATIVE])));
    expect(await read(pod, abi.eigenPod, 'podOwner')).toBe(NATIVE);
    expect(await read(pod, abi.eigenPod, 'activeValidatorCount')).toBe(2n);
    expect(await read(pod, abi.eigenPod, 'withdrawableRestakedExecutionLayerGwei')).toBe(1_234_567_891n);
    expect(await read(pod, abi.eigenPod, 'lastCheckpointTimestamp')).toBe(1_700_000_000n);
    expect(await read(pod, abi.eigenPod, 'currentCheckpointTimestamp')).toBe(0n);
    expect(await read(pod, abi.eigenPod, 'proofSubmitter')).toBe(ZERO);
    const late = getAddress(String(await read(ADDRS.epm, abi.eigenPodManager, 'ownerToPod', [LATE_POD_OWNER])));
    expect(await read(late, abi.eigenPod, 'podOwner')).toBe(LATE_POD_OWNER);
    expect(late).not.toBe(pod);
  });

  it('refuses to shrink beacon-chain shares outside a real path', async () => {
    await expect(world.setBeaconChainShares(NATIVE, 1n)).rejects.toThrow(/only grow/);
  });
});

describe('EigenLayer world: DelegationManager', () => {
  it('reports delegation and operator shares after the slash', async () => {
    expect(await read(ADDRS.dm, abi.delegationManager, 'delegatedTo', [NATIVE])).toBe(OPERATOR);
    expect(await read(ADDRS.dm, abi.delegationManager, 'delegatedTo', [WHALE])).toBe(ZERO);
    expect(await read(ADDRS.dm, abi.delegationManager, 'isDelegated', [LST_STAKER])).toBe(true);
    expect(await read(ADDRS.dm, abi.delegationManager, 'isDelegated', [WHALE])).toBe(false);
    expect(await read(ADDRS.dm, abi.delegationManager, 'isOperator', [OPERATOR])).toBe(true);
    expect(await read(ADDRS.dm, abi.delegationManager, 'isOperator', [NATIVE])).toBe(false);
    expect(await read(ADDRS.dm, abi.delegationManager, 'delegationApprover', [OPERATOR])).toBe(ZERO);
    expect(await read(ADDRS.dm, abi.delegationManager, 'operatorShares', [OPERATOR, BEACON])).toBe(x.opBeacon);
    expect(await read(ADDRS.dm, abi.delegationManager, 'getOperatorShares', [OPERATOR, [BEACON, steth]])).toEqual([x.opBeacon, x.opSteth]);
    expect(await read(ADDRS.dm, abi.delegationManager, 'getOperatorsShares', [[OPERATOR, WHALE], [BEACON, steth]]))
      .toEqual([[x.opBeacon, x.opSteth], [0n, 0n]]);
  });

  it('scales deposit shares to withdrawable shares with the deposit scaling and slashing factors', async () => {
    const sf = mulWad(x.newMax, BEACON_SLASHING_FACTOR);
    expect(await read(ADDRS.dm, abi.delegationManager, 'depositScalingFactor', [NATIVE, BEACON])).toBe(x.dsfNative);
    expect(x.dsfNative).toBeGreaterThan(WAD); // the post-slash top-up was not penalised by the earlier slashes
    expect(await read(ADDRS.dm, abi.delegationManager, 'getWithdrawableShares', [NATIVE, [BEACON]]))
      .toEqual([[withdrawable(x.podDeposit, x.dsfNative, sf)], [x.podDeposit]]);
    expect(await read(ADDRS.dm, abi.delegationManager, 'getWithdrawableShares', [LST_STAKER, [steth]])).toEqual([[x.lstShares], [x.lstShares]]);
    expect(await read(ADDRS.dm, abi.delegationManager, 'getDepositedShares', [NATIVE])).toEqual([[BEACON], [x.podDeposit]]);
    expect(await read(ADDRS.dm, abi.delegationManager, 'getDepositedShares', [LST_STAKER])).toEqual([[steth], [x.lstShares]]);
    expect(await read(ADDRS.dm, abi.delegationManager, 'convertToDepositShares', [NATIVE, [BEACON], [WAD]]))
      .toEqual([divWad(divWad(WAD, x.dsfNative), sf)]);
  });

  it('holds the queued withdrawal with scaled shares, and reports its shares after the slash', async () => {
    const withdrawal = queuedWithdrawal();
    const root = keccak256(encodeAbiParameters(withdrawalTuple, [withdrawal]));
    expect(x.root).toBe(root);
    // still inside the slashable window: today's slashing factor applies
    const sharesNow = [mulWad(x.scaled, mulWad(x.newMax, BEACON_SLASHING_FACTOR))];
    expect(await read(ADDRS.dm, abi.delegationManager, 'getQueuedWithdrawalRoots', [NATIVE])).toEqual([root]);
    expect(await read(ADDRS.dm, abi.delegationManager, 'getQueuedWithdrawals', [NATIVE])).toEqual([[withdrawal], [sharesNow]]);
    expect(await read(ADDRS.dm, abi.delegationManager, 'getQueuedWithdrawal', [root])).toEqual([withdrawal, sharesNow]);
    expect(await read(ADDRS.dm, abi.delegationManager, 'queuedWithdrawals', [root])).toEqual(withdrawal);
    expect(await read(ADDRS.dm, abi.delegationManager, 'calculateWithdrawalRoot', [withdrawal])).toBe(root);
    expect(await read(ADDRS.dm, abi.delegationManager, 'pendingWithdrawals', [root])).toBe(true);
    expect(await read(ADDRS.dm, abi.delegationManager, 'cumulativeWithdrawalsQueued', [NATIVE])).toBe(1n);
    expect(await read(ADDRS.dm, abi.delegationManager, 'minWithdrawalDelayBlocks')).toBe(Number(DEFAULT_DELAY));
    expect(await read(ADDRS.dm, abi.delegationManager, 'beaconChainETHStrategy')).toBe(BEACON);
    // what a further full slash could still take from the queue
    expect(await read(ADDRS.dm, abi.delegationManager, 'getSlashableSharesInQueue', [OPERATOR, BEACON])).toBe(mulWad(x.scaled, x.newMax));
    expect(await read(ADDRS.dm, abi.delegationManager, 'getSlashableSharesInQueue', [OPERATOR, steth])).toBe(0n);
  });
});

describe('EigenLayer world: AllocationManager views', () => {
  it('reports operator sets, members and strategies', async () => {
    expect(await read(ADDRS.am, abi.allocationManager, 'getOperatorSetCount', [AVS])).toBe(1n);
    expect(await read(ADDRS.am, abi.allocationManager, 'isOperatorSet', [SET])).toBe(true);
    expect(await read(ADDRS.am, abi.allocationManager, 'isOperatorSet', [OTHER_SET])).toBe(false);
    expect(await read(ADDRS.am, abi.allocationManager, 'getRegisteredSets', [OPERATOR])).toEqual([SET]);
    expect(await read(ADDRS.am, abi.allocationManager, 'getAllocatedSets', [OPERATOR])).toEqual([SET]);
    expect(await read(ADDRS.am, abi.allocationManager, 'getAllocatedStrategies', [OPERATOR, SET])).toEqual([BEACON, steth]);
    expect(await read(ADDRS.am, abi.allocationManager, 'isMemberOfOperatorSet', [OPERATOR, SET])).toBe(true);
    expect(await read(ADDRS.am, abi.allocationManager, 'isMemberOfOperatorSet', [NATIVE, SET])).toBe(false);
    expect(await read(ADDRS.am, abi.allocationManager, 'getMembers', [SET])).toEqual([OPERATOR]);
    expect(await read(ADDRS.am, abi.allocationManager, 'getMemberCount', [SET])).toBe(1n);
    expect(await read(ADDRS.am, abi.allocationManager, 'getStrategiesInOperatorSet', [SET])).toEqual([BEACON, steth]);
    expect(await read(ADDRS.am, abi.allocationManager, 'isOperatorSlashable', [OPERATOR, SET])).toBe(true);
    expect(await read(ADDRS.am, abi.allocationManager, 'isOperatorSlashable', [OPERATOR, OTHER_SET])).toBe(false);
    expect(await read(ADDRS.am, abi.allocationManager, 'getAllocationDelay', [OPERATOR])).toEqual([true, 0]);
    expect(await read(ADDRS.am, abi.allocationManager, 'DEALLOCATION_DELAY')).toBe(100800);
    expect(await read(ADDRS.am, abi.allocationManager, 'ALLOCATION_CONFIGURATION_DELAY')).toBe(126000);
    expect(await read(ADDRS.am, abi.allocationManager, 'getSlashCount', [SET])).toBe(1n);
    expect(await read(ADDRS.am, abi.allocationManager, 'getSlasher', [SET])).toBe(AVS);
    expect(await read(ADDRS.am, abi.allocationManager, 'getPendingSlasher', [SET])).toEqual([ZERO, 0]);
    expect(await read(ADDRS.am, abi.allocationManager, 'getRedistributionRecipient', [SET])).toBe(BURN_ADDRESS);
    expect(await read(ADDRS.am, abi.allocationManager, 'isRedistributingOperatorSet', [SET])).toBe(false);
    expect(await read(ADDRS.am, abi.allocationManager, 'isOperatorRedistributable', [OPERATOR])).toBe(false);
    expect(await read(ADDRS.am, abi.allocationManager, 'getAVSRegistrar', [AVS])).toBe(AVS);
  });

  it('applies the slash to allocation, encumbered and max magnitudes', async () => {
    const slashedAllocation = ALLOCATION - (WAD - x.newMax);
    const pendingDiff = DEALLOCATE_TO - slashedAllocation;
    const deallocEffect = Number(x.deallocBlock) + 100800 + 1;
    const beaconAllocation = { currentMagnitude: slashedAllocation, pendingDiff, effectBlock: deallocEffect };
    expect(x.newMax).toBe(parseEther('0.91'));
    expect(await read(ADDRS.am, abi.allocationManager, 'getMaxMagnitude', [OPERATOR, BEACON])).toBe(x.newMax);
    expect(await read(ADDRS.am, abi.allocationManager, 'getMaxMagnitudes', [OPERATOR, [BEACON, steth]])).toEqual([x.newMax, WAD]);
    expect(await read(ADDRS.am, abi.allocationManager, 'getMaxMagnitudes', [[OPERATOR, NATIVE], BEACON])).toEqual([x.newMax, WAD]);
    expect(await read(ADDRS.am, abi.allocationManager, 'getMaxMagnitudesAtBlock', [OPERATOR, [BEACON], Number(x.slashBlock) - 1])).toEqual([WAD]);
    expect(await read(ADDRS.am, abi.allocationManager, 'getMaxMagnitudesAtBlock', [OPERATOR, [BEACON], Number(x.slashBlock)])).toEqual([x.newMax]);
    // the deallocation is still pending, so its magnitude stays encumbered
    expect(await read(ADDRS.am, abi.allocationManager, 'getEncumberedMagnitude', [OPERATOR, BEACON])).toBe(slashedAllocation);
    expect(await read(ADDRS.am, abi.allocationManager, 'getAllocatableMagnitude', [OPERATOR, BEACON])).toBe(x.newMax - slashedAllocation);
    expect(await read(ADDRS.am, abi.allocationManager, 'getAllocation', [OPERATOR, SET, BEACON])).toEqual(beaconAllocation);
    expect(await read(ADDRS.am, abi.allocationManager, 'getAllocations', [[OPERATOR, NATIVE], SET, BEACON]))
      .toEqual([beaconAllocation, { currentMagnitude: 0n, pendingDiff: 0n, effectBlock: 0 }]);
    expect(await read(ADDRS.am, abi.allocationManager, 'getStrategyAllocations', [OPERATOR, BEACON])).toEqual([[SET], [beaconAllocation]]);
  });

  it('computes allocated and minimum slashable stake, and applies a pending allocation at its effect block', async () => {
    const stethEffect = x.stethAllocationBlock + STETH_ALLOCATION_DELAY;
    const slashedAllocation = ALLOCATION - (WAD - x.newMax);
    expect(await head()).toBeLessThan(stethEffect);
    expect(await read(ADDRS.am, abi.allocationManager, 'getAllocation', [OPERATOR, SET, steth]))
      .toEqual({ currentMagnitude: 0n, pendingDiff: STETH_ALLOCATION, effectBlock: Number(stethEffect) });
    // an allocation consumes magnitude at once, before it becomes slashable
    expect(await read(ADDRS.am, abi.allocationManager, 'getEncumberedMagnitude', [OPERATOR, steth])).toBe(STETH_ALLOCATION);
    const beaconStake = mulWad(x.opBeacon, divWad(slashedAllocation, x.newMax));
    expect(await read(ADDRS.am, abi.allocationManager, 'getAllocatedStake', [SET, [OPERATOR], [BEACON, steth]])).toEqual([[beaconStake, 0n]]);

    await ctx.mine(Number(stethEffect - (await head())));
    expect(await read(ADDRS.am, abi.allocationManager, 'getAllocation', [OPERATOR, SET, steth]))
      .toEqual({ currentMagnitude: STETH_ALLOCATION, pendingDiff: 0n, effectBlock: 0 });
    const stethStake = mulWad(x.opSteth, divWad(STETH_ALLOCATION, WAD));
    expect(await read(ADDRS.am, abi.allocationManager, 'getAllocatedStake', [SET, [OPERATOR], [BEACON, steth]])).toEqual([[beaconStake, stethStake]]);
    // past the deallocation's effect block only the lower magnitude is certain to stay slashable
    const future = Number(x.deallocBlock) + 100800 + 1;
    const minBeacon = mulWad(x.opBeacon, divWad(DEALLOCATE_TO, x.newMax));
    expect(await read(ADDRS.am, abi.allocationManager, 'getMinimumSlashableStake', [SET, [OPERATOR, NATIVE], [BEACON, steth], future]))
      .toEqual([[minBeacon, stethStake], [0n, 0n]]);
    expect(await read(ADDRS.am, abi.allocationManager, 'getMinimumSlashableStake', [SET, [OPERATOR], [BEACON], future - 1]))
      .toEqual([[beaconStake]]);
  });
});

describe('EigenLayer world: withdrawal delay', () => {
  it('completes a withdrawal only after startBlock + minWithdrawalDelayBlocks, at the pre-slash amount once out of the window', async () => {
    expect(await head()).toBeLessThanOrEqual(x.withdrawalStart + DEFAULT_DELAY);
    await expect(world.completeWithdrawal(x.root)).rejects.toThrow();

    // a shorter delay puts the withdrawal's slashable window before the slash
    const shortDelay = 40_000n;
    expect(x.withdrawalStart + shortDelay).toBeLessThan(x.slashBlock);
    await world.setMinWithdrawalDelayBlocks(Number(shortDelay));
    expect(await read(ADDRS.dm, abi.delegationManager, 'minWithdrawalDelayBlocks')).toBe(Number(shortDelay));
    const preSlash = mulWad(x.scaled, mulWad(WAD, BEACON_SLASHING_FACTOR));
    expect(await read(ADDRS.dm, abi.delegationManager, 'getQueuedWithdrawal', [x.root])).toEqual([queuedWithdrawal(), [preSlash]]);

    await world.completeWithdrawal(x.root);
    expect(await read(ADDRS.dm, abi.delegationManager, 'pendingWithdrawals', [x.root])).toBe(false);
    expect(await read(ADDRS.dm, abi.delegationManager, 'getQueuedWithdrawalRoots', [NATIVE])).toEqual([]);
    // received as shares: they return as deposit shares and to the operator
    expect(await read(ADDRS.epm, abi.eigenPodManager, 'podOwnerDepositShares', [NATIVE])).toBe(x.podDeposit + preSlash);
    expect(await read(ADDRS.dm, abi.delegationManager, 'operatorShares', [OPERATOR, BEACON])).toBe(x.opBeacon + preSlash);
  });
});

describe('EigenLayer world: withdrawals queued in the past', () => {
  it('counts only shares queued inside the slashable window, whatever order they were recorded in', async () => {
    // runs after the delay was shortened to 40,000 blocks: the window is the last 40,001 blocks
    const window = BigInt(Number(await read(ADDRS.dm, abi.delegationManager, 'minWithdrawalDelayBlocks')));
    expect(window).toBe(40_000n);
    const [a, b, c] = [parseEther('1'), 2_000_000_000_000_000_003n, parseEther('3')];
    await world.queueWithdrawal(LST_STAKER, [steth], [a], { blocksAgo: 100_000n }); // outside the window
    await world.queueWithdrawal(LST_STAKER, [steth], [b]); // now
    await world.queueWithdrawal(LST_STAKER, [steth], [c], { blocksAgo: 60_000n }); // outside, recorded last
    // unslashed strategy, fresh deposit scaling factor: scaled shares = deposit shares
    expect(await read(ADDRS.dm, abi.delegationManager, 'getSlashableSharesInQueue', [OPERATOR, steth])).toBe(b);
    expect(await read(ADDRS.dm, abi.delegationManager, 'cumulativeWithdrawalsQueued', [LST_STAKER])).toBe(3n);
    expect(await read(ADDRS.dm, abi.delegationManager, 'operatorShares', [OPERATOR, steth])).toBe(x.opSteth - a - b - c);
    expect(await read(ADDRS.sm, abi.strategyManager, 'stakerDepositShares', [LST_STAKER, steth])).toBe(x.lstShares - a - b - c);
    const now = await head();
    const queued = (nonce: bigint, startBlock: bigint, scaled: bigint): WithdrawalValue => ({
      staker: LST_STAKER, delegatedTo: OPERATOR, withdrawer: LST_STAKER, nonce, startBlock: Number(startBlock),
      strategies: [steth], scaledShares: [scaled],
    });
    expect(await read(ADDRS.dm, abi.delegationManager, 'getQueuedWithdrawals', [LST_STAKER])).toEqual([
      [queued(0n, now - 2n - 100_000n, a), queued(1n, now - 1n, b), queued(2n, now - 60_000n, c)],
      [[a], [b], [c]],
    ]);
  });
});

describe('EigenLayer world: fixture ABIs', () => {
  it('implements every reference view with the same selector, inputs, outputs and mutability', () => {
    const fixtureFor: Record<string, string> = {
      StrategyManager: 'ElStrategyManager', DelegationManager: 'ElDelegationManager', AllocationManager: 'ElAllocationManager',
      EigenPodManager: 'ElEigenPodManager', EigenPod: 'ElEigenPod', Strategy: 'ElStrategy',
    };
    const canonical = (p: { type: string; components?: readonly { type: string }[] }): string =>
      p.type.startsWith('tuple') ? `(${(p.components ?? []).map(canonical).join(',')})${p.type.slice(5)}` : p.type;
    const shape = (f: AbiFunction): string =>
      `${f.name}(${f.inputs.map(canonical).join(',')}) ${f.stateMutability} -> (${f.outputs.map(canonical).join(',')})`;
    const missing: string[] = [];
    for (const [section, fixture] of Object.entries(fixtureFor)) {
      const have = new Set(ctx.abi(fixture).filter((i): i is AbiFunction => i.type === 'function').map(shape));
      for (const f of sectionAbi(section).filter((i): i is AbiFunction => i.type === 'function')) {
        if (!have.has(shape(f))) missing.push(`${section}: ${shape(f)}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
