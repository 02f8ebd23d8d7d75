import type { Address } from 'viem';
import type { ChainInfo, Registry, StrategyInfo, TokenInfo } from '../registry/types';
import type { AllocatedSetStatus, ChainSnapshot, LrtLookThrough, OperatorSetRef, TokenState } from '../snapshot';
import { compareText } from './compare-text';
import { setKey } from './set-key';

/** A token's live state with the chain facts it was read at. */
export interface IndexedTokenState {
  readonly state: TokenState;
  readonly chainId: number;
  readonly blockNumber: bigint | null;
  readonly blockTimestamp: bigint | null;
}

/** One operator set's allocated magnitude of one strategy, pending changes applied when due. */
export interface IndexedAllocation {
  readonly set: OperatorSetRef;
  /** setKey(set), computed once. */
  readonly key: string;
  readonly magnitude: bigint;
}

/** What the engine needs of one operator, per strategy (strategy keys lowercase). */
export interface IndexedOperator {
  readonly operator: Address;
  /** null when the max magnitudes read failed. */
  readonly maxMagnitudes: ReadonlyMap<string, bigint> | null;
  /** Slashable allocations only (see slashableAllocations); null when the allocations or a set's status could not be read. */
  readonly allocations: ReadonlyMap<string, readonly IndexedAllocation[]> | null;
}

/** Lookups precomputed once per report, so that each position costs only arithmetic. */
export interface EngineContext {
  readonly registry: Registry;
  readonly tokensById: ReadonlyMap<string, TokenInfo>;
  /** Key: `${chainId}:${lowercase address}`. */
  readonly tokensByAddress: ReadonlyMap<string, TokenInfo>;
  /** Key: token id. The first snapshot that carries the token wins (snapshots are sorted by chain id). */
  readonly tokenStates: ReadonlyMap<string, IndexedTokenState>;
  readonly chains: ReadonlyMap<number, ChainInfo>;
  /** Key: lowercase strategy address. */
  readonly strategies: ReadonlyMap<string, StrategyInfo>;
  /** Key: lowercase AVS address. */
  readonly avsNames: ReadonlyMap<string, string>;
  /** Key: lowercase operator address. */
  readonly operators: ReadonlyMap<string, IndexedOperator>;
  /** Key: LRT token id. */
  readonly lookThrough: ReadonlyMap<string, LrtLookThrough>;
  /** Live DelegationManager.minWithdrawalDelayBlocks, null when it could not be read. */
  readonly minWithdrawalDelayBlocks: bigint | null;
  readonly beaconStrategy: string;
}

/**
 * Which allocations a set can slash (AllocationManager.slashOperator): the operator is slashable by
 * the set (isOperatorSlashable) and the set lists the strategy; any other allocation is no slashable
 * magnitude, so the stake behind it counts as nominal. Without the statuses (older snapshots) every
 * allocation counts; a set without a status likewise. null when a status could not be read.
 */
function slashableAllocations(status: readonly AllocatedSetStatus[] | undefined): ((set: OperatorSetRef, strategy: Address) => boolean) | null {
  if (status === undefined) return () => true;
  const bySet = new Map<string, { readonly slashable: boolean; readonly strategies: ReadonlySet<string> }>();
  for (const s of status) {
    if (!s.slashable.ok || !s.strategies.ok) return null;
    bySet.set(setKey(s.operatorSet), { slashable: s.slashable.value, strategies: new Set(s.strategies.value.map((x) => x.toLowerCase())) });
  }
  return (set, strategy) => {
    const s = bySet.get(setKey(set));
    return s === undefined || (s.slashable && s.strategies.has(strategy.toLowerCase()));
  };
}

/**
 * Indexes the snapshots and the registry by lowercase address and token id.
 * Snapshots are taken in chain-id order so that duplicates resolve the same way every time.
 */
export function buildEngineContext(snapshots: readonly ChainSnapshot[], registry: Registry): EngineContext {
  const sorted = [...snapshots].sort((a, b) => a.chainId - b.chainId);
  const tokensById = new Map<string, TokenInfo>();
  const tokensByAddress = new Map<string, TokenInfo>();
  for (const token of registry.tokens) {
    tokensById.set(token.id, token);
    tokensByAddress.set(`${token.chainId}:${token.address.toLowerCase()}`, token);
  }
  const chains = new Map<number, ChainInfo>(registry.chains.map((c) => [c.id, c]));
  const strategies = new Map<string, StrategyInfo>(registry.eigenLayer.strategies.map((s) => [s.address.toLowerCase(), s]));
  const avsNames = new Map<string, string>(registry.eigenLayer.avss.map((a) => [a.address.toLowerCase(), a.name]));

  const tokenStates = new Map<string, IndexedTokenState>();
  const operators = new Map<string, IndexedOperator>();
  const lookThrough = new Map<string, LrtLookThrough>();
  let minWithdrawalDelayBlocks: bigint | null = null;

  for (const snap of sorted) {
    for (const state of snap.tokens) {
      if (!tokenStates.has(state.token)) {
        tokenStates.set(state.token, { state, chainId: snap.chainId, blockNumber: snap.blockNumber, blockTimestamp: snap.blockTimestamp });
      }
    }
    if (snap.eigen && snap.eigen.minWithdrawalDelayBlocks.ok && minWithdrawalDelayBlocks === null) {
      minWithdrawalDelayBlocks = snap.eigen.minWithdrawalDelayBlocks.value;
    }
    for (const lt of snap.lookThrough) {
      if (!lookThrough.has(lt.token)) lookThrough.set(lt.token, lt);
    }
    for (const op of snap.operators) {
      const key = op.operator.toLowerCase();
      if (operators.has(key)) continue;
      const maxMagnitudes = op.maxMagnitudes.ok
        ? new Map(op.maxMagnitudes.value.map((m) => [m.strategy.toLowerCase(), m.maxMagnitude]))
        : null;
      const canSlash = slashableAllocations(op.allocatedSetStatus);
      let allocations: Map<string, IndexedAllocation[]> | null = null;
      if (op.allocations.ok && canSlash !== null) {
        allocations = new Map();
        for (const a of op.allocations.value) {
          if (!canSlash(a.operatorSet, a.strategy)) continue;
          const due = a.effectBlock !== 0n && snap.blockNumber !== null && a.effectBlock <= snap.blockNumber;
          const magnitude = a.currentMagnitude + (due ? a.pendingDiff : 0n);
          if (magnitude <= 0n) continue;
          const strategy = a.strategy.toLowerCase();
          const list = allocations.get(strategy) ?? [];
          list.push({ set: a.operatorSet, key: setKey(a.operatorSet), magnitude });
          allocations.set(strategy, list);
        }
        for (const list of allocations.values()) {
          list.sort((x, y) => compareText(x.key, y.key));
        }
      }
      operators.set(key, { operator: op.operator, maxMagnitudes, allocations });
    }
  }

  return {
    registry,
    tokensById,
    tokensByAddress,
    tokenStates,
    chains,
    strategies,
    avsNames,
    operators,
    lookThrough,
    minWithdrawalDelayBlocks,
    beaconStrategy: registry.eigenLayer.beaconChainEthStrategy.toLowerCase(),
  };
}
