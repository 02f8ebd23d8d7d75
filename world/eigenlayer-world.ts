/**
 * The EigenLayer part of the simulated world: fixtures placed at the mainnet addresses of
 * StrategyManager, DelegationManager, AllocationManager, EigenPodManager and the LST/EIGEN
 * strategies, and a scenario API that drives them through the same state transitions the real
 * contracts make (deposit -> deposit scaling factor; delegate -> operator shares; allocate;
 * slash -> magnitudes and shares; queue a withdrawal -> scaled shares and a root).
 */
import { getAddress, isHex, type Address, type Hex } from 'viem';
import { eigenLayer } from '../shared/registry/eigenlayer';
import { tokens } from '../shared/registry/tokens';
import type { WorldContext } from './context';

/** An operator set: the AVS that owns it and its id. */
export interface OperatorSetRef {
  readonly avs: Address;
  readonly id: number;
}

export type StrategySymbol = 'stETH' | 'rETH' | 'cbETH' | 'ETHx' | 'EIGEN';

export interface EigenLayerAddresses {
  readonly strategyManager: Address;
  readonly delegationManager: Address;
  readonly allocationManager: Address;
  readonly eigenPodManager: Address;
  readonly beaconChainEthStrategy: Address;
  /** Strategy address by underlying symbol. */
  readonly strategies: Readonly<Record<StrategySymbol, Address>>;
}

export interface RegisterOperatorOptions {
  /** Blocks between an allocation and it becoming slashable (default 0: immediate). */
  readonly allocationDelay?: number;
  readonly delegationApprover?: Address;
  readonly metadataURI?: string;
}

export interface AllocateOptions {
  /** The allocation takes effect this many blocks after the allocating block (default: the operator's allocation delay). */
  readonly pendingEffectInBlocks?: number;
}

export interface QueueWithdrawalOptions {
  /** The block the withdrawal was queued in (default: the block that records it). */
  readonly startBlock?: bigint;
  /** Alternatively: queued this many blocks before the current head. */
  readonly blocksAgo?: bigint;
}

export interface PodState {
  readonly activeValidatorCount?: bigint;
  readonly withdrawableRestakedExecutionLayerGwei?: bigint;
  readonly lastCheckpointTimestamp?: bigint;
  readonly currentCheckpointTimestamp?: bigint;
}

export interface EigenLayerWorld {
  readonly addresses: EigenLayerAddresses;
  /** Sets a strategy's underlying token balance (yield or loss changes the share price). */
  setStrategyBalance(strategy: Address, underlyingBalance: bigint): Promise<void>;
  /** The staker deposits `underlyingAmount` of the strategy's token; returns the shares minted. */
  depositToStrategy(staker: Address, strategy: Address, underlyingAmount: bigint): Promise<bigint>;
  registerOperator(operator: Address, options?: RegisterOperatorOptions): Promise<void>;
  delegate(staker: Address, operator: Address): Promise<void>;
  /** Undelegates, queueing one withdrawal per deposited strategy; returns their roots. */
  undelegate(staker: Address): Promise<readonly Hex[]>;
  /** Deploys the owner's EigenPod; returns its address. */
  createPod(owner: Address): Promise<Address>;
  /**
   * Sets the owner's beacon-chain deposit shares (wei). An increase goes through the real
   * balance-update path (the operator gains the withdrawable shares); a decrease is refused
   * unless `raw` is set, which writes the number (even negative) without touching delegation.
   */
  setBeaconChainShares(owner: Address, wei: bigint, options?: { readonly raw?: boolean }): Promise<void>;
  /** Lowers the owner's beacon-chain slashing factor (WAD = 1e18); the operator loses the matching shares. */
  setBeaconChainSlashingFactor(owner: Address, factorWad: bigint): Promise<void>;
  setPodState(owner: Address, state: PodState): Promise<void>;
  createOperatorSet(set: OperatorSetRef, strategies: readonly Address[], options?: { readonly redistributionRecipient?: Address }): Promise<void>;
  /** The set stops listing these strategies: allocations in them can no longer be slashed by it. */
  removeStrategiesFromOperatorSet(set: OperatorSetRef, strategies: readonly Address[]): Promise<void>;
  registerForOperatorSet(operator: Address, set: OperatorSetRef): Promise<void>;
  /** The operator stays slashable by the set until DEALLOCATION_DELAY blocks after this one. */
  deregisterFromOperatorSet(operator: Address, set: OperatorSetRef): Promise<void>;
  /** Sets the operator's allocated magnitude (WAD = 100%) for a strategy in an operator set. */
  allocate(operator: Address, set: OperatorSetRef, strategy: Address, magnitudeWad: bigint, options?: AllocateOptions): Promise<void>;
  /**
   * The operator set's AVS slashes `wadToSlash` (WAD = 100%) of the operator's allocation to it,
   * in one strategy or several (one slash id; the same fraction of each).
   */
  slash(operator: Address, set: OperatorSetRef, strategy: Address | readonly Address[], wadToSlash: bigint, description?: string): Promise<void>;
  /** Queues a withdrawal of deposit shares; returns the withdrawal root. */
  queueWithdrawal(staker: Address, strategies: readonly Address[], depositShares: readonly bigint[], options?: QueueWithdrawalOptions): Promise<Hex>;
  completeWithdrawal(root: Hex, options?: { readonly receiveAsTokens?: boolean }): Promise<void>;
  setMinWithdrawalDelayBlocks(blocks: number): Promise<void>;
  setAllocationManagerDelays(delays: { readonly deallocationDelay: number; readonly allocationConfigurationDelay: number }): Promise<void>;
}

/** EIGEN token on mainnet (Layr-Labs/eigenlayer-contracts README, "Eigen" proxy); not an LST, so not in the token registry. */
const EIGEN_TOKEN: Address = '0xec53bF9167f50cDEB3Ae105f56099aaaB9061F83';

const STRATEGY_SYMBOLS = ['stETH', 'rETH', 'cbETH', 'ETHx', 'EIGEN'] as const satisfies readonly StrategySymbol[];

function isStrategySymbol(s: string): s is StrategySymbol {
  return (STRATEGY_SYMBOLS as readonly string[]).includes(s);
}

function underlyingAddress(underlying: string): Address {
  if (underlying === 'EIGEN') return EIGEN_TOKEN;
  const token = tokens.find((t) => t.id === underlying);
  if (!token) throw new Error(`registry has no token ${underlying} for an EigenLayer strategy`);
  return token.address;
}

function strategyAddresses(): Readonly<Record<StrategySymbol, Address>> {
  const out: Partial<Record<StrategySymbol, Address>> = {};
  for (const s of eigenLayer.strategies) {
    const symbol = s.underlying.replace(/@\d+$/, '');
    if (isStrategySymbol(symbol)) out[symbol] = getAddress(s.address);
  }
  const missing = STRATEGY_SYMBOLS.filter((s) => out[s] === undefined);
  if (missing.length > 0) throw new Error(`registry lacks EigenLayer strategies for ${missing.join(', ')}`);
  // Every key was checked just above.
  return out as Record<StrategySymbol, Address>;
}

function setTuple(set: OperatorSetRef): { avs: Address; id: number } {
  return { avs: set.avs, id: set.id };
}

/** Places the EigenLayer fixtures at their mainnet addresses and returns the scenario API. */
export async function deployEigenLayer(ctx: WorldContext): Promise<EigenLayerWorld> {
  const addresses: EigenLayerAddresses = {
    strategyManager: getAddress(eigenLayer.strategyManager),
    delegationManager: getAddress(eigenLayer.delegationManager),
    allocationManager: getAddress(eigenLayer.allocationManager),
    eigenPodManager: getAddress(eigenLayer.eigenPodManager),
    beaconChainEthStrategy: getAddress(eigenLayer.beaconChainEthStrategy),
    strategies: strategyAddresses(),
  };
  const { strategyManager: sm, delegationManager: dm, allocationManager: am, eigenPodManager: epm } = addresses;

  await Promise.all([
    ctx.place('ElStrategyManager', sm),
    ctx.place('ElDelegationManager', dm),
    ctx.place('ElAllocationManager', am),
    ctx.place('ElEigenPodManager', epm),
    ...eigenLayer.strategies.map((s) => ctx.place('ElStrategy', getAddress(s.address))),
  ]);
  for (const s of eigenLayer.strategies) {
    await ctx.write('ElStrategy', getAddress(s.address), 'setUnderlyingToken', [underlyingAddress(s.underlying)]);
  }
  await ctx.write('ElStrategyManager', sm, 'addStrategiesToDepositWhitelist', [eigenLayer.strategies.map((s) => getAddress(s.address))]);

  const readBigint = async (contract: string, at: Address, fn: string, args: readonly unknown[]): Promise<bigint> => {
    const v = await ctx.read(contract, at, fn, args);
    if (typeof v !== 'bigint') throw new Error(`${contract}.${fn} returned ${String(v)}, expected an integer`);
    return v;
  };
  const readRoots = async (staker: Address): Promise<readonly Hex[]> => {
    const v = await ctx.read('ElDelegationManager', dm, 'getQueuedWithdrawalRoots', [staker]);
    if (!Array.isArray(v)) throw new Error('getQueuedWithdrawalRoots returned a non-array');
    return v.map((r: unknown) => {
      if (!isHex(r)) throw new Error('withdrawal root is not hex');
      return r;
    });
  };
  const podOf = async (owner: Address): Promise<Address> => {
    const v = await ctx.read('ElEigenPodManager', epm, 'getPod', [owner]);
    if (typeof v !== 'string') throw new Error('getPod returned a non-address');
    return getAddress(v);
  };

  return {
    addresses,

    async setStrategyBalance(strategy, underlyingBalance) {
      await ctx.write('ElStrategy', strategy, 'setUnderlyingBalance', [underlyingBalance]);
    },

    async depositToStrategy(staker, strategy, underlyingAmount) {
      const before = await readBigint('ElStrategyManager', sm, 'stakerDepositShares', [staker, strategy]);
      await ctx.write('ElStrategyManager', sm, 'depositFor', [staker, strategy, underlyingAmount]);
      const after = await readBigint('ElStrategyManager', sm, 'stakerDepositShares', [staker, strategy]);
      return after - before;
    },

    async registerOperator(operator, options = {}) {
      await ctx.write('ElDelegationManager', dm, 'registerAsOperatorFor', [
        operator,
        options.delegationApprover ?? '0x0000000000000000000000000000000000000000',
        options.allocationDelay ?? 0,
        options.metadataURI ?? '',
      ]);
    },

    async delegate(staker, operator) {
      await ctx.write('ElDelegationManager', dm, 'delegateFor', [staker, operator]);
    },

    async undelegate(staker) {
      const before = new Set(await readRoots(staker));
      await ctx.write('ElDelegationManager', dm, 'undelegateFor', [staker]);
      return (await readRoots(staker)).filter((r) => !before.has(r));
    },

    async createPod(owner) {
      await ctx.write('ElEigenPodManager', epm, 'createPodFor', [owner]);
      return podOf(owner);
    },

    async setBeaconChainShares(owner, wei, options = {}) {
      if (options.raw === true) {
        await ctx.write('ElEigenPodManager', epm, 'setPodOwnerDepositShares', [owner, wei]);
        return;
      }
      const current = await readBigint('ElEigenPodManager', epm, 'podOwnerDepositShares', [owner]);
      if (wei < current) {
        throw new Error('beacon-chain deposit shares only grow through balance updates; lower the slashing factor, queue a withdrawal, or pass { raw: true }');
      }
      if (wei > current) await ctx.write('ElEigenPodManager', epm, 'recordBalanceIncrease', [owner, wei - current]);
    },

    async setBeaconChainSlashingFactor(owner, factorWad) {
      await ctx.write('ElEigenPodManager', epm, 'setBeaconChainSlashingFactor', [owner, factorWad]);
    },

    async setPodState(owner, state) {
      const pod = await podOf(owner);
      const hasCode = await ctx.publicClient.getCode({ address: pod });
      if (hasCode === undefined || hasCode === '0x') throw new Error(`${owner} has no EigenPod yet; call createPod first`);
      if (state.activeValidatorCount !== undefined) {
        await ctx.write('ElEigenPod', pod, 'setActiveValidatorCount', [state.activeValidatorCount]);
      }
      if (state.withdrawableRestakedExecutionLayerGwei !== undefined) {
        await ctx.write('ElEigenPod', pod, 'setWithdrawableRestakedExecutionLayerGwei', [state.withdrawableRestakedExecutionLayerGwei]);
      }
      if (state.lastCheckpointTimestamp !== undefined || state.currentCheckpointTimestamp !== undefined) {
        await ctx.write('ElEigenPod', pod, 'setCheckpointTimestamps', [state.lastCheckpointTimestamp ?? 0n, state.currentCheckpointTimestamp ?? 0n]);
      }
    },

    async createOperatorSet(set, strategies, options = {}) {
      if (options.redistributionRecipient !== undefined) {
        await ctx.write('ElAllocationManager', am, 'createRedistributingOperatorSet', [set.avs, set.id, strategies, options.redistributionRecipient]);
      } else {
        await ctx.write('ElAllocationManager', am, 'createOperatorSet', [set.avs, set.id, strategies]);
      }
    },

    async removeStrategiesFromOperatorSet(set, strategies) {
      await ctx.write('ElAllocationManager', am, 'removeStrategiesFromOperatorSet', [set.avs, set.id, strategies]);
    },

    async registerForOperatorSet(operator, set) {
      await ctx.write('ElAllocationManager', am, 'registerForOperatorSets', [operator, set.avs, [set.id]]);
    },

    async deregisterFromOperatorSet(operator, set) {
      await ctx.write('ElAllocationManager', am, 'deregisterFromOperatorSets', [operator, set.avs, [set.id]]);
    },

    async allocate(operator, set, strategy, magnitudeWad, options = {}) {
      const params = [{ operatorSet: setTuple(set), strategies: [strategy], newMagnitudes: [magnitudeWad] }];
      if (options.pendingEffectInBlocks === undefined) {
        await ctx.write('ElAllocationManager', am, 'modifyAllocations', [operator, params]);
      } else {
        await ctx.write('ElAllocationManager', am, 'modifyAllocationsWithDelay', [operator, params, options.pendingEffectInBlocks]);
      }
    },

    async slash(operator, set, strategy, wadToSlash, description = 'simulated slash') {
      // slashOperator requires strategies in ascending address order
      const strategies = (typeof strategy === 'string' ? [strategy] : [...strategy])
        .sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0));
      await ctx.write('ElAllocationManager', am, 'slashOperator', [
        set.avs,
        { operator, operatorSetId: set.id, strategies, wadsToSlash: strategies.map(() => wadToSlash), description },
      ]);
    },

    async queueWithdrawal(staker, strategies, depositShares, options = {}) {
      let startBlock = options.startBlock ?? 0n;
      if (options.blocksAgo !== undefined) {
        // The write lands in the next block; "N blocks ago" is relative to that block.
        const head = await ctx.publicClient.getBlockNumber({ cacheTime: 0 });
        startBlock = head + 1n - options.blocksAgo;
        if (startBlock < 1n) throw new Error(`chain is only at block ${head}; cannot queue ${options.blocksAgo} blocks ago`);
      }
      await ctx.write('ElDelegationManager', dm, 'queueWithdrawalFor', [staker, strategies, depositShares, startBlock]);
      const roots = await readRoots(staker);
      const root = roots[roots.length - 1];
      if (root === undefined) throw new Error('queueWithdrawalFor recorded no withdrawal');
      return root;
    },

    async completeWithdrawal(root, options = {}) {
      await ctx.write('ElDelegationManager', dm, 'completeQueuedWithdrawalFor', [root, options.receiveAsTokens ?? false]);
    },

    async setMinWithdrawalDelayBlocks(blocks) {
      await ctx.write('ElDelegationManager', dm, 'setMinWithdrawalDelayBlocks', [blocks]);
    },

    async setAllocationManagerDelays(delays) {
      await ctx.write('ElAllocationManager', am, 'setDelays', [delays.deallocationDelay, delays.allocationConfigurationDelay]);
    },
  };
}
