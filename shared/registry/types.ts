/**
 * Types of the registry: the address book the tracker reads from and the engine values with.
 * Every entry names its sources and a confidence mark (see ../shared/reference/lrt_registry.json).
 */
import type { Address } from 'viem';

export type Confidence = 'primary' | 'secondary' | 'thirdParty' | 'default';

export interface Sourced {
  /** Where the fact comes from: `owner/repo@commit:path`, a docs URL, or an explanation of a default. */
  readonly sources: readonly string[];
  readonly confidence: Confidence;
}

export interface ChainInfo {
  readonly id: number;
  readonly name: string;
  readonly blockTimeSeconds: number;
  /** Built-in public endpoints, tried in order (no key needed). */
  readonly defaultRpcs: readonly string[];
  readonly explorer: string;
  /** EigenLayer core is deployed here (mainnet only). */
  readonly eigenLayer: boolean;
  /** `bridge` layer protocol for tokens on this chain (null on mainnet). */
  readonly bridge: string | null;
}

/** A view call with a human-readable signature (viem parseAbi form). */
export interface ViewCall {
  readonly address: Address;
  /** e.g. `function getRate() view returns (uint256)`. */
  readonly signature: string;
  /** Arguments: `none`, or `one` (1e18 as the only argument, for per-unit rates), or `amount`. */
  readonly args: 'none' | 'one';
}

export interface AmountCall {
  readonly address: Address;
  /** A function of one uint256 amount returning one uint256, e.g. `function getEETHByWeETH(uint256) view returns (uint256)`. */
  readonly signature: string;
}

/** One return value, by 0-based position, of a no-argument view that returns several. */
export interface ViewCallOutput {
  readonly call: ViewCall;
  readonly output: number;
}

/**
 * NAV as "total value over supply": an amount is worth floor(total × amount / supply) NAV-unit base
 * units, where `total` is the protocol's whole value in the NAV unit and the supply is the token's own
 * totalSupply() (read for every token). The protocol's exact share of its value, where a rate
 * (total × 1e18 / supply, floored) would lose up to amount / 1e18 base units to rounding.
 */
export interface TotalOverSupply {
  readonly total: ViewCallOutput;
}

/** How a token's NAV is read. */
export interface NavSource extends Sourced {
  /** What the NAV is denominated in: `ETH`, or another registry token id (e.g. `eETH@1`, `wstETH@1`). */
  readonly unit: string;
  /** Rate: unit base units per 1e18 token base units. `null` for a token that is 1:1 with its unit by construction (eETH, stETH). */
  readonly rate: ViewCall | null;
  /** Exact conversion of a balance, when the protocol exposes one. */
  readonly amount: AmountCall | null;
  /**
   * When present, amounts are valued as total over supply (see TotalOverSupply) instead of through
   * `rate`; `rate` then names the protocol's per-token rate view, which returns floor(total × 1e18 /
   * supply): the tracker derives that figure from the same two reads instead of calling it.
   */
  readonly totalOverSupply?: TotalOverSupply;
}

export type MarketSource =
  | (Sourced & { readonly kind: 'chainlink'; readonly address: Address; readonly decimals: number; readonly description: string })
  | (Sourced & {
      readonly kind: 'curve';
      readonly address: Address;
      /** Index of the token in the pool. */
      readonly i: number;
      /** Index of ETH/WETH in the pool. */
      readonly j: number;
    });

export type DelaySource =
  | (Sourced & { readonly kind: 'seconds-call'; readonly call: ViewCall })
  | (Sourced & { readonly kind: 'blocks-call'; readonly call: ViewCall })
  | (Sourced & { readonly kind: 'default'; readonly seconds: number; readonly note: string });

export interface Redemption extends Sourced {
  /** How an at-NAV exit works, in words. */
  readonly mechanism: string;
  /** The queue or vault contract a request goes through; null when none. */
  readonly contract: Address | null;
  readonly delay: DelaySource;
  /** Whether the app tracks this protocol's pending requests per wallet. */
  readonly requestsTracked: boolean;
}

/** A no-argument view returning the whole staker list (e.g. Kelp `getNodeDelegatorQueue() returns (address[])`). */
export interface ListDiscovery {
  readonly kind: 'list';
  readonly call: ViewCall;
}

/**
 * Stakers exposed one by one: a view giving how many there are, then an item view per index, both on
 * `length.address` (e.g. Renzo `getOperatorDelegatorsLength()` + `operatorDelegators(uint256)`).
 * The indices read are `first` up to `length` (exclusive), or up to and including it when `lastInclusive`.
 */
export interface IndexedDiscovery {
  readonly kind: 'indexed';
  /** A no-argument view returning uint256: a count (Renzo's array length) or the last id (Swell's `stakeId()`). */
  readonly length: ViewCall;
  /** The item view on the same contract, one uint256 index in, one address out, e.g. `function operatorDelegators(uint256) view returns (address)`. */
  readonly item: string;
  /** The first index: 0 for an array, 1 for ids counted from 1. */
  readonly first: 0 | 1;
  /** `length` is the last index itself (Swell's `stakeId()`), not a count. */
  readonly lastInclusive: boolean;
  /** Safety cap on the items read per refresh: a longer list is a failed read (only the known stakers are read). */
  readonly max: number;
  /**
   * Items read speculatively together with the length (indices `first` to `first + prefetch - 1`),
   * so that a list of up to this many stakers needs no extra round trip; set it above the live
   * count with some room. Items past the end are dropped without a failed read.
   */
  readonly prefetch: number;
}

export type StakerDiscovery = ListDiscovery | IndexedDiscovery;

/** How the protocol's own EigenLayer stakers are found, for look-through. */
export interface LookThrough extends Sourced {
  /** Staker contracts known from the protocol's sources; read even when discovery fails. */
  readonly stakers: readonly Address[];
  /** How the live staker list is read, when the protocol exposes one; its stakers are added to `stakers`. */
  readonly discover: StakerDiscovery | null;
}

export type TokenKind = 'lst' | 'lrt';

export interface TokenInfo extends Sourced {
  /** `SYMBOL@chainId`, unique. */
  readonly id: string;
  readonly symbol: string;
  readonly name: string;
  readonly kind: TokenKind;
  readonly protocol: string;
  readonly chainId: number;
  readonly address: Address;
  readonly decimals: number;
  /** Registry id of the token this one wraps or represents (e.g. weETH wraps eETH@1), or `ETH`. */
  readonly wraps: string;
  /** For L2 deployments: the mainnet token this one is bridged from. */
  readonly bridgedFrom: string | null;
  readonly nav: NavSource;
  readonly market: MarketSource | null;
  /** `paused()`-style view, when the contract exposes one. */
  readonly paused: ViewCall | null;
  readonly redemption: Redemption | null;
  readonly lookThrough: LookThrough | null;
  /** Restaking venue the protocol uses (`EigenLayer`, `Symbiotic`, …), for LRTs. */
  readonly venue: string | null;
}

export interface StrategyInfo extends Sourced {
  readonly address: Address;
  /** Registry token id of the underlying (e.g. `stETH@1`), `ETH` for the beacon-chain strategy, `EIGEN` for EIGEN. */
  readonly underlying: string;
  readonly label: string;
}

export interface AvsInfo extends Sourced {
  readonly address: Address;
  readonly name: string;
}

export interface EigenLayerInfo extends Sourced {
  readonly chainId: 1;
  readonly strategyManager: Address;
  readonly delegationManager: Address;
  readonly allocationManager: Address;
  readonly eigenPodManager: Address;
  readonly avsDirectory: Address;
  readonly rewardsCoordinator: Address;
  readonly beaconChainEthStrategy: Address;
  readonly strategies: readonly StrategyInfo[];
  readonly avss: readonly AvsInfo[];
  /** Used only when the chain cannot be read; the live value is always preferred. */
  readonly defaultMinWithdrawalDelayBlocks: number;
}

export interface Registry {
  readonly chains: readonly ChainInfo[];
  readonly multicall3: Address;
  readonly eigenLayer: EigenLayerInfo;
  readonly tokens: readonly TokenInfo[];
  /** ETH/USD feed on mainnet, for display only. */
  readonly ethUsdFeed: (Sourced & {
    readonly address: Address;
    readonly decimals: number;
    /** Longest time between the feed's updates when the price moves less than its deviation threshold (seconds). */
    readonly heartbeatSeconds: number;
  }) | null;
}
