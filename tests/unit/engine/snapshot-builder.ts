/**
 * Small builders for hand-made ChainSnapshot fixtures. Defaults describe a healthy mainnet read
 * at block 20_000_000; every test states the facts it depends on.
 */
import type { Address, Hex } from 'viem';
import { eigenLayer } from '../../../shared/registry/eigenlayer';
import { registry } from '../../../shared/registry/registry';
import type {
  ChainSnapshot, OperatorAllocation, OperatorState, PodPosition, QueuedWithdrawal, Read, StakerEigenState,
  StrategyDeposit, TokenBalance, TokenState, WalletChainState,
} from '../../../shared/snapshot';
import { defaultThresholds } from '../../../shared/settings/thresholds';
import type { Thresholds } from '../../../shared/settings/thresholds';
import { computeReport } from '../../../shared/engine/compute-report';
import type { RiskReport } from '../../../shared/report';

export const E18 = 10n ** 18n;
export const eth = (n: number | bigint): bigint => (typeof n === 'bigint' ? n * E18 : BigInt(Math.round(n * 1e6)) * 10n ** 12n);
export const BLOCK = 20_000_000n;
export const TIME = 1_750_000_000n;

export const ok = <T>(value: T): Read<T> => ({ ok: true, value });
export const fail = (error = 'execution reverted'): Read<never> => ({ ok: false, error });
const asRead = <T>(v: T | Read<T>): Read<T> =>
  typeof v === 'object' && v !== null && 'ok' in v && typeof (v as { ok: unknown }).ok === 'boolean' ? (v as Read<T>) : ok(v as T);

/** A deterministic address from a number: `addr(1)` = 0x00…01. */
export const addr = (n: number): Address => `0x${n.toString(16).padStart(40, '0')}`;
export const WALLET_A = addr(0xa1);
export const WALLET_B = addr(0xb2);
export const OP_1 = addr(0x0b1);
export const OP_2 = addr(0x0b2);
export const AVS_1 = addr(0xa5a1);
export const AVS_2 = addr(0xa5a2);

const tokenAddress = (id: string): Address => {
  const t = registry.tokens.find((x) => x.id === id);
  if (!t) throw new Error(`unknown registry token ${id}`);
  return t.address;
};
export const STRATEGY = {
  stETH: eigenLayer.strategies[0].address,
  rETH: eigenLayer.strategies[1].address,
  EIGEN: eigenLayer.strategies[4].address,
  beacon: eigenLayer.beaconChainEthStrategy,
} as const;

export interface TokenStateOptions {
  navRate?: bigint | Read<bigint>;
  marketRate?: bigint | Read<bigint> | null;
  totalSupply?: bigint | Read<bigint>;
  paused?: boolean | Read<boolean> | null;
  redemptionDelaySeconds?: bigint | Read<bigint> | null;
  redemptionDelayBlocks?: bigint | Read<bigint> | null;
}

export function tokenState(id: string, o: TokenStateOptions = {}): TokenState {
  return {
    token: id,
    address: tokenAddress(id),
    totalSupply: asRead(o.totalSupply ?? eth(1_000_000)),
    navRate: asRead(o.navRate ?? E18),
    marketRate: o.marketRate === undefined || o.marketRate === null ? null : asRead(o.marketRate),
    marketUpdatedAt: null,
    paused: o.paused === undefined || o.paused === null ? null : asRead(o.paused),
    redemptionDelaySeconds: o.redemptionDelaySeconds === undefined || o.redemptionDelaySeconds === null ? null : asRead(o.redemptionDelaySeconds),
    redemptionDelayBlocks: o.redemptionDelayBlocks === undefined || o.redemptionDelayBlocks === null ? null : asRead(o.redemptionDelayBlocks),
  };
}

export function balance(id: string, amount: bigint | Read<bigint>, extra: { navAmount?: bigint | Read<bigint>; saleAmountEth?: bigint | Read<bigint> } = {}): TokenBalance {
  return {
    token: id,
    address: tokenAddress(id),
    balance: asRead(amount),
    ...(extra.navAmount === undefined ? {} : { navAmount: asRead(extra.navAmount) }),
    ...(extra.saleAmountEth === undefined ? {} : { saleAmountEth: asRead(extra.saleAmountEth) }),
  };
}

export function deposit(strategy: Address, withdrawableUnderlying: bigint, underlyingToken: Address = tokenAddress('stETH@1')): StrategyDeposit {
  return { strategy, depositShares: withdrawableUnderlying, withdrawableShares: withdrawableUnderlying, underlyingToken, withdrawableUnderlying };
}

export function pod(withdrawableShares: bigint, address: Address = addr(0x90d)): PodPosition {
  return { pod: address, depositShares: withdrawableShares, withdrawableShares, beaconChainSlashingFactor: E18, activeValidatorCount: 1n };
}

export function queued(o: { root: number; delegatedTo: Address; completableBlock: bigint; entries: { strategy: Address; amount: bigint; underlying?: Address }[]; staker?: Address }): QueuedWithdrawal {
  const root: Hex = `0x${o.root.toString(16).padStart(64, '0')}`;
  return {
    root, staker: o.staker ?? WALLET_A, delegatedTo: o.delegatedTo, withdrawer: o.staker ?? WALLET_A, nonce: 0n,
    startBlock: o.completableBlock - 100_801n, completableBlock: o.completableBlock,
    entries: o.entries.map((e) => ({
      strategy: e.strategy, scaledShares: e.amount, withdrawableShares: e.amount,
      underlyingToken: e.underlying ?? (e.strategy === STRATEGY.beacon ? '0xbeaC0eeEeeeeEEeEeEEEEeeEEeEeeeEeeEEBEaC0' : tokenAddress('stETH@1')),
      withdrawableUnderlying: e.amount,
    })),
  };
}

export function staker(address: Address, o: {
  delegatedTo?: Address | null | Read<Address | null>;
  deposits?: StrategyDeposit[] | Read<readonly StrategyDeposit[]>;
  pod?: PodPosition | null | Read<PodPosition | null>;
  queued?: QueuedWithdrawal[] | Read<readonly QueuedWithdrawal[]>;
} = {}): StakerEigenState {
  const delegatedTo = o.delegatedTo === undefined ? ok(null) : o.delegatedTo === null ? ok(null) : asRead<Address | null>(o.delegatedTo);
  return {
    staker: address,
    delegatedTo,
    deposits: Array.isArray(o.deposits) ? ok(o.deposits) : (o.deposits as Read<readonly StrategyDeposit[]> | undefined) ?? ok([]),
    pod: o.pod === undefined || o.pod === null ? ok(null) : asRead<PodPosition | null>(o.pod),
    queuedWithdrawals: Array.isArray(o.queued) ? ok(o.queued) : (o.queued as Read<readonly QueuedWithdrawal[]> | undefined) ?? ok([]),
  };
}

export function wallet(address: Address, balances: TokenBalance[] = [], eigen: StakerEigenState | null = null): WalletChainState {
  return { wallet: address, balances, eigen };
}

export interface AllocationSpec { avs: Address; id: number; strategy: Address; magnitude: bigint; pendingDiff?: bigint; effectBlock?: bigint }

export function operator(address: Address, o: {
  maxMagnitudes?: Record<string, bigint> | Read<readonly { strategy: Address; maxMagnitude: bigint }[]>;
  allocations?: AllocationSpec[] | Read<readonly OperatorAllocation[]>;
} = {}): OperatorState {
  const maxMagnitudes = o.maxMagnitudes === undefined
    ? ok([STRATEGY.stETH, STRATEGY.beacon, STRATEGY.rETH].map((s) => ({ strategy: s, maxMagnitude: E18 })))
    : 'ok' in o.maxMagnitudes && typeof o.maxMagnitudes.ok === 'boolean'
      ? (o.maxMagnitudes as Read<readonly { strategy: Address; maxMagnitude: bigint }[]>)
      : ok(Object.entries(o.maxMagnitudes as Record<string, bigint>).map(([strategy, maxMagnitude]) => ({ strategy: strategy as Address, maxMagnitude })));
  const allocations = o.allocations === undefined
    ? ok([])
    : Array.isArray(o.allocations)
      ? ok(o.allocations.map((a) => ({
        operatorSet: { avs: a.avs, id: a.id }, strategy: a.strategy, currentMagnitude: a.magnitude,
        pendingDiff: a.pendingDiff ?? 0n, effectBlock: a.effectBlock ?? 0n, slashableShares: ok(0n),
      })))
      : (o.allocations as Read<readonly OperatorAllocation[]>);
  return {
    operator: address, isOperator: ok(true), strategies: [STRATEGY.stETH, STRATEGY.beacon],
    maxMagnitudes, operatorShares: ok([]), registeredSets: ok([]), allocatedSets: ok([]), allocations,
  };
}

export function snapshot(o: Partial<ChainSnapshot> = {}): ChainSnapshot {
  const chainId = o.chainId ?? 1;
  return {
    chainId,
    status: 'ok',
    blockNumber: BLOCK,
    blockTimestamp: TIME,
    endpoint: 'http://127.0.0.1:8545',
    failedReads: [],
    wallets: [],
    tokens: [],
    eigen: chainId === 1
      ? { minWithdrawalDelayBlocks: ok(100_800n), deallocationDelayBlocks: ok(100_800n), strategies: [] }
      : null,
    operators: [],
    lookThrough: [],
    rpcRequests: 1,
    ...o,
  };
}

export const watched = (...addresses: Address[]) => addresses.map((address) => ({ address, label: null, ens: null }));

/** computeReport with the real registry and default thresholds unless given. */
export function report(snapshots: ChainSnapshot[], o: { thresholds?: Partial<Thresholds>; previous?: RiskReport | null; now?: bigint; wallets?: Address[] } = {}): RiskReport {
  return computeReport({
    snapshots,
    registry,
    thresholds: { ...defaultThresholds, ...o.thresholds },
    now: o.now ?? TIME + 12n,
    wallets: watched(...(o.wallets ?? [WALLET_A])),
    previous: o.previous ?? null,
  });
}
