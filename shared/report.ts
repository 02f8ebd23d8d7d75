/**
 * The engine's output: a portfolio of positions, each with its stack of layers, and a risk
 * report (metrics and warnings). Amounts are `bigint` wei; shares and ratios are numbers in [0, 1]
 * unless named otherwise.
 */
import type { Address } from 'viem';
import type { RedemptionStatus } from './redemption';
import type { ChainStatus, FailedRead } from './snapshot';

export const LAYERS = ['defi', 'bridge', 'lrt', 'venue', 'operator', 'avs', 'lst', 'beacon'] as const;
export type Layer = (typeof LAYERS)[number];

export const SEVERITIES = ['info', 'warning', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
/** Severities in order, for comparing them (higher is worse). */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, critical: 2 };

export interface StackLayer {
  readonly layer: Layer;
  readonly protocol: string;
  readonly address: Address | null;
  /** Display label, e.g. `ether.fi weETH` or `Operator 0x12…ab`. */
  readonly label: string;
}

export type PositionKind = 'token' | 'restaked' | 'native-restaked' | 'queued-withdrawal' | 'redemption';

export interface OperatorExposure {
  readonly operator: Address;
  /** Share of the position's ETH value attributable to this operator. */
  readonly valueEth: bigint;
}

export interface OperatorSetExposure {
  readonly avs: Address;
  readonly id: number;
  readonly operator: Address;
  /** ETH of this position that the set can slash (allocated magnitude over max magnitude). */
  readonly slashableEth: bigint;
}

export interface PositionExit {
  /** ETH received by selling now at market (after slippage where the source quotes it); null when no market exists. */
  readonly instantEth: bigint | null;
  /** Seconds until an at-NAV exit completes; null when no path is known. */
  readonly atNavSeconds: bigint | null;
  /** Whether `atNavSeconds` comes from a delay read on chain (true) or a documented default (false). */
  readonly atNavDelayOnChain: boolean;
  readonly claimableAtBlock: bigint | null;
  /** Unix seconds, for queues that count time. */
  readonly claimableAt: bigint | null;
  /**
   * ether.fi positions only (eETH, weETH, bridged weETH): ETH wei received now through the protocol's
   * instant redemption (EtherFiRedemptionManager) after its exit fee, for the whole position or, when
   * `instantRedeemCapped`, for the most that can be redeemed now. null when the path is not available:
   * bridged copies on an L2, manager paused, or not read. Absent on other positions and older reports.
   */
  readonly instantRedeemEth?: bigint | null;
  /** The position is more than the instant path can redeem now (rate limit or liquidity). */
  readonly instantRedeemCapped?: boolean;
}

export interface Position {
  /** Stable id: `${chainId}:${wallet}:${kind}:${subject}`. */
  readonly id: string;
  readonly wallet: Address;
  readonly chainId: number;
  readonly kind: PositionKind;
  readonly asset: { readonly symbol: string; readonly address: Address | null; readonly decimals: number; readonly tokenId: string | null };
  /** Base units of `asset`; for restaked positions the withdrawable underlying after slashing. */
  readonly amount: bigint;
  /** Wei at NAV; null only when no ETH value can be computed (a failed rate read). */
  readonly valueEth: bigint | null;
  /** Wei at market; null when there is no market source. */
  readonly marketValueEth: bigint | null;
  /** Outermost (what the wallet holds) to innermost (beacon chain ETH). */
  readonly stack: readonly StackLayer[];
  readonly exit: PositionExit;
  readonly exposure: { readonly operators: readonly OperatorExposure[]; readonly operatorSets: readonly OperatorSetExposure[] };
  /** Part of the value that is delegated but not allocated to any operator set (nominal security only). */
  readonly nominalEth: bigint;
  /** Part of the value that is not restaked at all (LRT buffers, undelegated). */
  readonly unrestakedEth: bigint;
  /** Reads this position depends on that failed: its figures may be incomplete. */
  readonly degraded: boolean;
  /** The request behind a position of kind `redemption` (issue 10). Absent on other kinds and on reports stored before it existed. */
  readonly redemption?: PositionRedemption;
}

/**
 * How a redemption's claim time is known:
 * - `now`: claimable now;
 * - `on-chain`: from the queue's own figures (Renzo `createdAt + cooldown`, Kelp's delay block);
 * - `estimate`: no per-request figure exists (ether.fi, Swell): the protocol's delay (on chain or the
 *   registry's documented default) counted from the request's creation block when known, else in full;
 * - `overdue`: past the protocol's expected delay and still not processed (it waits for the protocol);
 * - `unknown`: no exit is known (e.g. an ether.fi request invalidated by the protocol).
 */
export const REDEMPTION_TIMINGS = ['now', 'on-chain', 'estimate', 'overdue', 'unknown'] as const;
export type RedemptionTiming = (typeof REDEMPTION_TIMINGS)[number];

/** One LRT redemption request, as the position of kind `redemption` shows it. Amounts are base units. */
export interface PositionRedemption {
  /** Registry protocol name (`ether.fi`, `Renzo`, `Kelp DAO`, `Swell`). */
  readonly protocol: string;
  /** The protocol's own id of the request: ether.fi and Swell the NFT id, Renzo `withdrawRequestID`, Kelp `${asset}:${userNonce}`. */
  readonly requestId: string;
  /** The queue contract. */
  readonly queue: Address;
  readonly status: RedemptionStatus;
  /** The token given up (locked or burned by the queue). */
  readonly assetGiven: Position['asset'];
  /** Base units of `assetGiven` locked in the request. */
  readonly amountLocked: bigint;
  /** What the request is expected to pay, in base units of the position's `asset` (equals `amount`); while pending an upper bound. */
  readonly expectedAmount: bigint;
  readonly timing: RedemptionTiming;
  /** Unix seconds: when `timing` is `estimate`, the estimated claim time (the snapshot's block time + `exit.atNavSeconds`); else null. */
  readonly estimatedClaimableAt: bigint | null;
  /** The protocol's expected delay in seconds (read on chain, or the registry's documented default); null when unknown. */
  readonly expectedDelaySeconds: bigint | null;
  /** Whether `expectedDelaySeconds` was read on chain (false: the registry's documented default). */
  readonly expectedDelayOnChain: boolean;
  /** Seconds past the expected delay while still not processed; null when not overdue (or it cannot be told). */
  readonly overdueSeconds: bigint | null;
  /** Unix seconds the request was made, when the protocol stores it (Renzo). */
  readonly createdAt: bigint | null;
  /** Block the request was made at, when known (Kelp; ether.fi from the NFT's mint log). */
  readonly startBlock: bigint | null;
  /** Why a processed request cannot be claimed (ether.fi `invalidated`), else null. */
  readonly blockedReason: string | null;
}

export interface Share {
  readonly key: string;
  readonly label: string;
  readonly valueEth: bigint;
  /** valueEth / total, in [0, 1]. */
  readonly share: number;
}

export interface Concentration {
  readonly dimension: string;
  readonly top: Share | null;
  /** Herfindahl-Hirschman index over shares, in [0, 1]. */
  readonly hhi: number;
}

export interface Warning {
  /** Stable: `${kind}:${subject}`. */
  readonly id: string;
  readonly kind: string;
  readonly severity: Severity;
  readonly title: string;
  readonly subject: string;
  readonly value: string | number | null;
  readonly threshold: string | number | null;
  readonly explanation: string;
  readonly action: string;
  /**
   * The same text as a catalog key and its parameters, so every face can render it in the
   * user's language (shared/i18n). Absent on reports stored before it existed.
   */
  readonly message?: WarningMessage;
}

/** A warning's text in catalog form: `key` names a template of title, explanation and action. */
export interface WarningMessage {
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface ChainSummary {
  readonly chainId: number;
  readonly blockNumber: bigint | null;
  readonly blockTimestamp: bigint | null;
  readonly status: ChainStatus;
  readonly failedReads: readonly FailedRead[];
}

/** A watched wallet as the report shows it. */
export interface WalletSummary {
  readonly address: Address;
  readonly label: string | null;
  readonly ens: string | null;
  /** Sum of the wallet's positions at NAV (positions without an ETH value are left out). */
  readonly valueEth: bigint;
  readonly positionCount: number;
}

/**
 * A balance or EigenLayer read of one wallet that failed this refresh. The engine emits no
 * position for it (a failed read is never a zero); the monitor keeps the last good positions
 * whose id starts with `positionIdPrefix`.
 */
export interface UnreadPosition {
  readonly chainId: number;
  readonly wallet: Address;
  /** Registry token id (`weETH@1`), `eigen.deposits`, `eigen.pod`, `eigen.queuedWithdrawals`, or `chain` when the whole chain failed. */
  readonly source: string;
  /** Every position this read would have produced has an id starting with this. */
  readonly positionIdPrefix: string;
  readonly error: string;
}

/** Slashable exposure to one operator set, over the whole portfolio. */
export interface OperatorSetSlashable {
  readonly avs: Address;
  readonly id: number;
  readonly operator: Address;
  readonly label: string;
  readonly slashableEth: bigint;
  /** slashableEth / total value. */
  readonly share: number;
}

/** Restaking leverage of one operator the portfolio is exposed to. */
export interface OperatorLeverage {
  readonly operator: Address;
  /** ETH of the portfolio delegated to this operator (own delegation and look-through). */
  readonly exposureEth: bigint;
  /** Distinct operator sets with a non-zero allocation, over the strategies the portfolio is exposed to. */
  readonly sets: number;
  /** Largest, over those strategies, of sum(allocated magnitude) / max magnitude (0..1 in EigenLayer); null when unknown. */
  readonly magnitudeSum: number | null;
  /** Smallest max magnitude over those strategies, as a fraction of 1e18 (1 = never slashed); null when unknown. */
  readonly maxMagnitude: number | null;
  /** 1 − maxMagnitude, computed exactly: the share of the operator's stake slashed so far; null when unknown. */
  readonly slashedFraction: number | null;
  /** The operator's magnitudes or allocations could not be read. */
  readonly degraded: boolean;
}

/** Market price against NAV for one token. */
export interface TokenDepeg {
  readonly token: string;
  readonly symbol: string;
  readonly chainId: number;
  /** ETH wei per one whole token at NAV. */
  readonly navEthPerToken: bigint;
  /** ETH wei per one whole token at market. */
  readonly marketEthPerToken: bigint;
  /** market / NAV - 1 (negative: a discount). */
  readonly depeg: number;
  /** Whether any position holds this token (directly or through a bridged copy). */
  readonly held: boolean;
}

/** NAV of one token in ETH, kept so that the next report can detect a NAV drop. */
export interface NavRate {
  readonly token: string;
  /** ETH wei per 1e18 base units of the token, through the whole unit chain. */
  readonly ethPerToken: bigint;
  /** The block timestamp of the snapshot it was read at; carried over unchanged when the current read failed. */
  readonly asOf: bigint | null;
}

export interface NavDrop {
  readonly token: string;
  readonly previousEthPerToken: bigint;
  readonly ethPerToken: bigint;
  /** (previous - current) / previous; negative when the NAV rose. */
  readonly drop: number;
}

export interface ExitBucket {
  readonly withinDays: number;
  /** Value exitable at NAV within this many days (cumulative). */
  readonly valueEth: bigint;
  readonly share: number;
}

export interface PendingWithdrawal {
  readonly positionId: string;
  readonly wallet: Address;
  readonly chainId: number;
  readonly kind: PositionKind;
  readonly valueEth: bigint | null;
  readonly claimableAtBlock: bigint | null;
  readonly claimableAt: bigint | null;
  readonly claimable: boolean;
}

export interface ExitProfile {
  /** Cumulative buckets for 1, 7 and 30 days. */
  readonly buckets: readonly ExitBucket[];
  /** Value needing more than 30 days, or with no known at-NAV path. */
  readonly laterEth: bigint;
  readonly laterShare: number;
  /** Part of `laterEth` with no known at-NAV path. */
  readonly unknownEth: bigint;
  /** Value sellable right now at market (sum of instantEth). */
  readonly instantEth: bigint;
  readonly instantShare: number;
  /** Value whose at-NAV exit takes longer than the user's horizon (unknown counts as longer). */
  readonly beyondHorizonEth: bigint;
  readonly beyondHorizonShare: number;
  readonly horizonDays: number;
  /** Value in a withdrawal or redemption queue (issue 10's "liquidity locked"). */
  readonly lockedEth: bigint;
  readonly lockedShare: number;
  readonly pendingWithdrawals: readonly PendingWithdrawal[];
}

export const STRESS_KINDS = ['depeg', 'depeg-all', 'slash', 'slash-all', 'combined'] as const;
export type StressKind = (typeof STRESS_KINDS)[number];

export interface StressScenario {
  /** Stable: `${kind}:${subject}`. */
  readonly id: string;
  readonly kind: StressKind;
  /** Token id, operator address, or `all`. */
  readonly subject: string;
  readonly label: string;
  readonly lossEth: bigint;
  /** lossEth / total value. */
  readonly share: number;
}

export interface StressResult {
  readonly depegPercent: number;
  readonly slashPercent: number;
  /** Sorted by loss descending, then id. */
  readonly scenarios: readonly StressScenario[];
  readonly worst: StressScenario | null;
}

/** The parts of the risk score, each in [0, 1], with their weights (points out of 100). */
export interface RiskScoreComponent {
  readonly key: string;
  readonly label: string;
  readonly value: number;
  readonly weight: number;
  /** value * weight. */
  readonly points: number;
}

export interface RiskScore {
  /** 0 (no measured risk) to 100, rounded to an integer. */
  readonly score: number;
  readonly components: readonly RiskScoreComponent[];
  /** The formula in words, for display. */
  readonly formula: string;
}

export interface Metrics {
  /** Sum of position values at NAV. */
  readonly totalValueEth: bigint;
  /** Sum of position values at market, NAV where there is no market price. */
  readonly totalMarketValueEth: bigint;
  readonly exposure: {
    /** Value passing through each layer (a position counts once per layer kind; shares need not add to 1). */
    readonly layer: readonly Share[];
    /** Outermost LRT/LST protocol; `direct` when none. Adds up to the total. */
    readonly protocol: readonly Share[];
    /** Restaking venue; `none` when none. Adds up to the total. */
    readonly venue: readonly Share[];
    /** Operator by look-through; `unrestaked` for the rest. Adds up to the total. */
    readonly operator: readonly Share[];
    /** Slashable ETH per AVS (all its sets); does not add up to the total. */
    readonly avs: readonly Share[];
    readonly chain: readonly Share[];
    readonly wallet: readonly Share[];
  };
  /** Per dimension: protocol, venue, operator, avs. */
  readonly concentration: readonly Concentration[];
  readonly slashable: {
    readonly perOperatorSet: readonly OperatorSetSlashable[];
    /** Loss if every operator set slashed all it can: per position min(value, sum of its sets). */
    readonly worstCaseEth: bigint;
    readonly worstCaseShare: number;
    /** Value delegated to some operator (own or through an LRT). */
    readonly delegatedEth: bigint;
    /** Delegated but not allocated to any set. */
    readonly nominalEth: bigint;
    /** nominalEth / total value. */
    readonly nominalShare: number;
    /** nominalEth / delegatedEth. */
    readonly nominalShareOfDelegated: number;
    readonly unrestakedEth: bigint;
  };
  readonly leverage: readonly OperatorLeverage[];
  readonly depeg: readonly TokenDepeg[];
  readonly navDrops: readonly NavDrop[];
  readonly exit: ExitProfile;
  readonly stackDepth: { readonly weighted: number; readonly max: number };
  readonly stress: StressResult;
  readonly riskScore: RiskScore;
  /** ETH's price in USD from the registry's feed on mainnet, for display only; null when none was read. Absent on older stored reports. */
  readonly ethUsd?: EthUsdPrice | null;
}

/** A price feed's answer: `answer / 10^decimals` USD per ETH, as of `updatedAt` (unix seconds). */
export interface EthUsdPrice {
  readonly answer: bigint;
  readonly decimals: number;
  readonly updatedAt: bigint;
  /** Older than the feed's heartbeat allowance at the report's `now`. */
  readonly stale: boolean;
  /** Total value at NAV in US cents, floored. */
  readonly totalValueUsdCents: bigint;
}

/** The engine's whole output for one refresh. */
export interface RiskReport {
  /** The `now` the engine was given (unix seconds). */
  readonly generatedAt: bigint;
  readonly chains: readonly ChainSummary[];
  readonly wallets: readonly WalletSummary[];
  /** Sorted by id. */
  readonly positions: readonly Position[];
  /** Reads that failed this refresh: keep the last good positions for these. */
  readonly unread: readonly UnreadPosition[];
  readonly metrics: Metrics;
  /** NAV per token in ETH, for the next refresh's NAV-drop check. */
  readonly navRates: readonly NavRate[];
  /** Sorted by severity (critical first), then id. */
  readonly warnings: readonly Warning[];
}
