/**
 * The engine's output: a portfolio of positions, each with its stack of layers, and a risk
 * report (metrics and warnings). Amounts are `bigint` wei; shares and ratios are numbers in [0, 1]
 * unless named otherwise.
 */
import type { Address } from 'viem';
import type { ChainStatus, FailedRead } from './snapshot';

export const LAYERS = ['defi', 'bridge', 'lrt', 'venue', 'operator', 'avs', 'lst', 'beacon'] as const;
export type Layer = (typeof LAYERS)[number];

export const SEVERITIES = ['info', 'warning', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

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
}

export interface ChainSummary {
  readonly chainId: number;
  readonly blockNumber: bigint | null;
  readonly blockTimestamp: bigint | null;
  readonly status: ChainStatus;
  readonly failedReads: readonly FailedRead[];
}
