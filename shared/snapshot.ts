/**
 * Raw on-chain facts, as the tracker read them: the contract between the tracker (node/tracker)
 * and the risk engine (shared/engine). No derived figures here except those a contract itself
 * computes (withdrawable shares, underlying amounts, slashable stake): the engine values and
 * judges, the tracker only reads.
 *
 * Every read that can fail is a `Read<T>`: a failed read carries its error and is never a zero.
 * All amounts are `bigint` in token base units (wei for ETH).
 */
import type { Address, Hex } from 'viem';
import type { RedemptionsSnapshot } from './redemption';

/** The outcome of one on-chain read. */
export type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** One read that failed, for the report's `failedReads` list. */
export interface FailedRead {
  /** Stable key of what was read, e.g. `balance:0xWallet:0xToken` or `eigen.deposits:0xWallet`. */
  readonly key: string;
  /** Contract called, when there was one. */
  readonly target: Address | null;
  /** Function or RPC method, e.g. `balanceOf(address)` or `eth_blockNumber`. */
  readonly call: string;
  readonly error: string;
}

export type ChainStatus = 'ok' | 'partial' | 'failed';

export interface OperatorSetRef {
  readonly avs: Address;
  readonly id: number;
}

/** A staker's position in one EigenLayer strategy (not the beacon-chain pseudo-strategy). */
export interface StrategyDeposit {
  readonly strategy: Address;
  /** StrategyManager.stakerDepositShares: shares as deposited, before slashing. */
  readonly depositShares: bigint;
  /** DelegationManager.getWithdrawableShares: shares after the operator's and beacon chain's slashing factors. */
  readonly withdrawableShares: bigint;
  /** Strategy.underlyingToken(). */
  readonly underlyingToken: Address;
  /** Strategy.sharesToUnderlyingView(withdrawableShares): underlying token base units the staker can withdraw. */
  readonly withdrawableUnderlying: bigint;
}

/** A staker's EigenPod and beacon-chain ETH shares (1 share = 1 wei of beacon-chain ETH). */
export interface PodPosition {
  readonly pod: Address;
  /** EigenPodManager.podOwnerDepositShares (int256: can be negative after a slash was applied to a queued withdrawal). */
  readonly depositShares: bigint;
  /** DelegationManager.getWithdrawableShares for the beacon-chain ETH strategy; 0 when deposit shares are negative. */
  readonly withdrawableShares: bigint;
  /** EigenPodManager.beaconChainSlashingFactor (1e18 = unslashed). */
  readonly beaconChainSlashingFactor: bigint;
  readonly activeValidatorCount: bigint | null;
}

/** One strategy inside a queued withdrawal. */
export interface QueuedWithdrawalEntry {
  readonly strategy: Address;
  /** Withdrawal.scaledShares as stored. */
  readonly scaledShares: bigint;
  /** Shares the withdrawal will pay out, after slashing applied so far (getQueuedWithdrawals' second return). */
  readonly withdrawableShares: bigint;
  /** Underlying token (beacon-chain ETH strategy: the ETH pseudo-address). */
  readonly underlyingToken: Address;
  /** Underlying amount for `withdrawableShares` (beacon-chain ETH: shares are wei). */
  readonly withdrawableUnderlying: bigint;
}

export interface QueuedWithdrawal {
  readonly root: Hex;
  readonly staker: Address;
  readonly delegatedTo: Address;
  readonly withdrawer: Address;
  readonly nonce: bigint;
  readonly startBlock: bigint;
  readonly entries: readonly QueuedWithdrawalEntry[];
  /** First block at which completeQueuedWithdrawal succeeds: startBlock + minWithdrawalDelayBlocks + 1. */
  readonly completableBlock: bigint;
}

/** Everything EigenLayer knows about one staker (a watched wallet or an LRT's staker contract). */
export interface StakerEigenState {
  readonly staker: Address;
  /** DelegationManager.delegatedTo; null when not delegated. */
  readonly delegatedTo: Read<Address | null>;
  readonly deposits: Read<readonly StrategyDeposit[]>;
  /** null when the staker has no EigenPod. */
  readonly pod: Read<PodPosition | null>;
  readonly queuedWithdrawals: Read<readonly QueuedWithdrawal[]>;
}

export interface TokenBalance {
  /** Registry token id (e.g. `weETH@1`). */
  readonly token: string;
  readonly address: Address;
  readonly balance: Read<bigint>;
  /**
   * What the balance is worth in the token's NAV unit, computed by the protocol's own conversion
   * function with this exact balance where the registry names one (e.g. weETH.getEETHByWeETH(balance)),
   * so the figure matches the protocol to the wei. Absent when the registry uses a rate instead.
   */
  readonly navAmount?: Read<bigint>;
  /** What selling this exact balance returns, in ETH wei, where the market source quotes an amount (Curve get_dy). */
  readonly saleAmountEth?: Read<bigint>;
}

/** One operator's allocation of one strategy to one operator set. */
export interface OperatorAllocation {
  readonly operatorSet: OperatorSetRef;
  readonly strategy: Address;
  /** Allocation.currentMagnitude (1e18 = all of the operator's max magnitude at the time of the slashing upgrade). */
  readonly currentMagnitude: bigint;
  /** Allocation.pendingDiff (signed). */
  readonly pendingDiff: bigint;
  /** Allocation.effectBlock: block at which pendingDiff applies (0 when none). */
  readonly effectBlock: bigint;
  /** AllocationManager.getAllocatedStake(set, [operator], [strategy]): shares slashable by the set now. */
  readonly slashableShares: Read<bigint>;
}

export interface OperatorState {
  readonly operator: Address;
  readonly isOperator: Read<boolean>;
  /** Strategies in which stake is delegated to this operator and that the engine looks at. */
  readonly strategies: readonly Address[];
  /** AllocationManager.getMaxMagnitudes(operator, strategies): 1e18 = never slashed. */
  readonly maxMagnitudes: Read<readonly { readonly strategy: Address; readonly maxMagnitude: bigint }[]>;
  /** DelegationManager.getOperatorShares(operator, strategies). */
  readonly operatorShares: Read<readonly { readonly strategy: Address; readonly shares: bigint }[]>;
  readonly registeredSets: Read<readonly OperatorSetRef[]>;
  readonly allocatedSets: Read<readonly OperatorSetRef[]>;
  readonly allocations: Read<readonly OperatorAllocation[]>;
  /**
   * Per allocated set, whether it can slash the operator now and which strategies it lists. Absent
   * on snapshots taken before it was read: every allocation then counts as slashable.
   */
  readonly allocatedSetStatus?: readonly AllocatedSetStatus[];
}

/**
 * Whether an allocated operator set can slash the operator's allocation to it. AllocationManager
 * slashes only a set the operator is slashable by (registered, or deregistered no longer than
 * DEALLOCATION_DELAY blocks ago) and only in a strategy the set lists; any other allocation is
 * magnitude no one can slash.
 */
export interface AllocatedSetStatus {
  readonly operatorSet: OperatorSetRef;
  /** AllocationManager.isOperatorSlashable(operator, set). */
  readonly slashable: Read<boolean>;
  /** AllocationManager.getStrategiesInOperatorSet(set). */
  readonly strategies: Read<readonly Address[]>;
}

/** Live facts about one registry token (LST or LRT) on a chain. */
export interface TokenState {
  readonly token: string;
  readonly address: Address;
  readonly totalSupply: Read<bigint>;
  /** NAV: NAV-unit base units per 1e18 token base units (e.g. weETH.getRate()); see the registry entry for the unit. */
  readonly navRate: Read<bigint>;
  /**
   * The total of a total-over-supply NAV (registry nav.totalOverSupply, e.g. Renzo's calculateTVLs()
   * total TVL), in NAV-unit base units: an amount is worth floor(navTotal × amount / totalSupply).
   * Absent for other tokens and on snapshots taken before it existed (the engine then uses navRate).
   */
  readonly navTotal?: Read<bigint>;
  /** Market: ETH wei per one whole token, from the registry's market source; null when there is none. */
  readonly marketRate: Read<bigint> | null;
  /** When the market source last updated (feeds), unix seconds; null when not known. */
  readonly marketUpdatedAt: bigint | null;
  /** Paused state where the contract exposes one; null when it does not. */
  readonly paused: Read<boolean> | null;
  /** Redemption delay read on chain (seconds), where the protocol exposes it; null when it does not. */
  readonly redemptionDelaySeconds: Read<bigint> | null;
  /** Redemption delay read on chain (blocks), where the protocol counts blocks; null when it does not. */
  readonly redemptionDelayBlocks: Read<bigint> | null;
}

/** EigenLayer facts that are not per staker. */
export interface EigenGlobalState {
  /** DelegationManager.minWithdrawalDelayBlocks(). */
  readonly minWithdrawalDelayBlocks: Read<bigint>;
  /** AllocationManager.DEALLOCATION_DELAY(). */
  readonly deallocationDelayBlocks: Read<bigint>;
  /** Strategy.sharesToUnderlyingView(1e18) per strategy seen in this snapshot, for display. */
  readonly strategies: readonly { readonly strategy: Address; readonly underlyingToken: Read<Address>; readonly paused: Read<boolean> | null }[];
}

/** Look-through of one LRT: the protocol's own EigenLayer stakers. */
export interface LrtLookThrough {
  readonly token: string;
  readonly stakers: readonly StakerEigenState[];
}

export interface WalletChainState {
  readonly wallet: Address;
  readonly balances: readonly TokenBalance[];
  /** Present on chains where EigenLayer is deployed (mainnet). */
  readonly eigen: StakerEigenState | null;
}

/** Everything read from one chain in one refresh. */
export interface ChainSnapshot {
  readonly chainId: number;
  readonly status: ChainStatus;
  /** null only when the chain could not be read at all. */
  readonly blockNumber: bigint | null;
  readonly blockTimestamp: bigint | null;
  /** The endpoint that answered, with any credentials removed. */
  readonly endpoint: string | null;
  readonly failedReads: readonly FailedRead[];
  readonly wallets: readonly WalletChainState[];
  readonly tokens: readonly TokenState[];
  readonly eigen: EigenGlobalState | null;
  readonly operators: readonly OperatorState[];
  readonly lookThrough: readonly LrtLookThrough[];
  /** Number of JSON-RPC HTTP requests this chain's refresh made (for benchmarks and diagnostics). */
  readonly rpcRequests: number;
  /** The wallets' pending LRT redemptions (issue 10), when they were read (node/tracker/redemptions-attach.ts). */
  readonly redemptions?: RedemptionsSnapshot;
  /**
   * The registry's ETH/USD feed (latestRoundData), read on mainnet only, for display: `answer /
   * 10^decimals` USD per ETH as of `updatedAt` (unix seconds). null when the read failed or the
   * answer was not positive (the failure is in `failedReads` but leaves `status` alone: no position
   * depends on it). Absent on other chains and on snapshots taken before it existed.
   */
  readonly ethUsd?: EthUsdRound | null;
  /**
   * ether.fi's instant redemption path (EtherFiRedemptionManager, ETH output), read on mainnet in the
   * first batch, for display only (node/tracker/read-etherfi-instant.ts). A failed read keeps its error
   * here and is not in `failedReads`: it leaves `status` and the warnings alone, and no position depends
   * on it. Absent on other chains, when the chain could not be read, and on older snapshots.
   */
  readonly etherfiInstant?: Read<EtherFiInstantState>;
}

/** ether.fi's instant redemption path as read (see ChainSnapshot.etherfiInstant), all at the snapshot's block. */
export interface EtherFiInstantState {
  readonly manager: Address;
  /** tokenToRedemptionInfo(ETH).exitFeeInBps: the exit fee, in basis points. */
  readonly exitFeeBps: bigint;
  /** totalRedeemableAmount(ETH): wei redeemable now (the smaller of the rate-limit bucket and the LP's ether above the low watermark). */
  readonly redeemableEth: bigint;
  /** paused(). */
  readonly paused: boolean;
  /** pausedUntil(): unix seconds; redeeming is also paused while it is at or after the block's timestamp. */
  readonly pausedUntil: bigint;
  /** LiquidityPool.getTotalPooledEther() and eETH.totalShares(): what the pool's share conversions multiply and divide by. */
  readonly totalPooledEther: bigint;
  readonly totalShares: bigint;
}

/** A raw ETH/USD feed round, as read (see ChainSnapshot.ethUsd). */
export interface EthUsdRound {
  readonly answer: bigint;
  readonly decimals: number;
  readonly updatedAt: bigint;
}
