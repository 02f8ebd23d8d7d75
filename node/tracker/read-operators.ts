/**
 * For every operator a watched wallet or a watched LRT's staker is delegated to: whether it is
 * registered, its max magnitudes and delegated shares in the strategies its delegators hold, its
 * registered and allocated operator sets, and per allocated set and strategy the allocation
 * (current magnitude, pending change, effect block) with the stake allocated to the set now; per
 * allocated set, whether it can slash the operator now and the strategies it lists (an allocation
 * outside either cannot be slashed).
 *
 * Levels: the per-operator reads go in one level; allocations, allocated stake and the sets'
 * slashability and strategies, which need the allocated sets, in the next.
 */
import { getAddress, type Address } from 'viem';
import { eigenLayerAbi } from '../../shared/abi/eigenlayer-abi';
import type { EigenLayerInfo } from '../../shared/registry/types';
import type { AllocatedSetStatus, OperatorAllocation, OperatorSetRef, OperatorState, Read } from '../../shared/snapshot';
import type { ContractReader } from './contract-reader';
import type { StakerDelegation } from './read-staker';

export interface ReadOperatorsParameters {
  readonly eigenLayer: EigenLayerInfo;
  readonly delegations: readonly StakerDelegation[];
}

const toSets = (r: Read<readonly { avs: Address; id: number }[]>): Read<readonly OperatorSetRef[]> =>
  r.ok ? { ok: true, value: r.value.map((s) => ({ avs: s.avs, id: s.id })) } : r;

function pairs<T>(strategies: readonly Address[], values: Read<readonly T[]>, name: string): Read<{ strategy: Address; value: T }[]> {
  if (!values.ok) return values;
  if (values.value.length !== strategies.length) return { ok: false, error: `${name} returned ${values.value.length} values for ${strategies.length} strategies` };
  // In range: the lengths are equal (checked above).
  return { ok: true, value: strategies.map((strategy, i) => ({ strategy, value: values.value[i] as T })) };
}

interface SetReads {
  readonly allocations: Read<readonly OperatorAllocation[]>;
  readonly status: readonly AllocatedSetStatus[];
}

async function readAllocations(
  reader: ContractReader, el: EigenLayerInfo, operator: Address, strategies: readonly Address[], sets: Read<readonly OperatorSetRef[]>,
): Promise<SetReads> {
  if (!sets.ok) return { allocations: sets, status: [] };
  if (strategies.length === 0) return { allocations: { ok: true, value: [] }, status: [] };
  const am = el.allocationManager;
  const abi = eigenLayerAbi.allocationManager;
  const perSet = await Promise.all(sets.value.map(async (set) => {
    const setKey = `${operator}:${set.avs}:${set.id}`;
    const [stake, allocations, slashable, setStrategies] = await Promise.all([
      reader.read({ key: `operator.allocatedStake:${setKey}`, address: am, abi, functionName: 'getAllocatedStake', args: [set, [operator], strategies] }),
      Promise.all(strategies.map((strategy) =>
        reader.read({ key: `operator.allocation:${setKey}:${strategy}`, address: am, abi, functionName: 'getAllocation', args: [operator, set, strategy] }))),
      reader.read({ key: `operator.slashable:${setKey}`, address: am, abi, functionName: 'isOperatorSlashable', args: [operator, set] }),
      reader.read({ key: `operatorSet.strategies:${set.avs}:${set.id}`, address: am, abi, functionName: 'getStrategiesInOperatorSet', args: [set] }),
    ]);
    const status: AllocatedSetStatus = { operatorSet: set, slashable, strategies: setStrategies };
    const rows: OperatorAllocation[] = [];
    for (const [k, allocation] of allocations.entries()) {
      if (!allocation.ok) return { rows: allocation, status };
      const { currentMagnitude, pendingDiff, effectBlock } = allocation.value;
      // No magnitude now and none pending: the set cannot slash this strategy; not an allocation.
      if (currentMagnitude === 0n && pendingDiff === 0n) continue;
      const strategy = strategies[k];
      if (strategy === undefined) continue;
      const stakeNow = stake.ok ? stake.value[0]?.[k] : undefined;
      rows.push({
        operatorSet: set, strategy, currentMagnitude, pendingDiff, effectBlock: BigInt(effectBlock),
        slashableShares: !stake.ok ? stake : stakeNow === undefined ? { ok: false, error: 'getAllocatedStake returned no value' } : { ok: true, value: stakeNow },
      });
    }
    return { rows: { ok: true, value: rows } as const, status };
  }));
  const status = perSet.map((r) => r.status);
  const all: OperatorAllocation[] = [];
  for (const r of perSet) {
    if (!r.rows.ok) return { allocations: r.rows, status };
    all.push(...r.rows.value);
  }
  return { allocations: { ok: true, value: all }, status };
}

async function readOperator(reader: ContractReader, el: EigenLayerInfo, operator: Address, strategies: readonly Address[]): Promise<OperatorState> {
  const dm = el.delegationManager;
  const am = el.allocationManager;
  const amAbi = eigenLayerAbi.allocationManager;
  const none = Promise.resolve<Read<readonly bigint[]>>({ ok: true, value: [] });
  const [isOperator, maxMagnitudes, shares, registered, allocated] = await Promise.all([
    reader.read({ key: `operator.isOperator:${operator}`, address: dm, abi: eigenLayerAbi.delegationManager, functionName: 'isOperator', args: [operator] }),
    strategies.length > 0 ? reader.read({ key: `operator.maxMagnitudes:${operator}`, address: am, abi: amAbi, functionName: 'getMaxMagnitudes', args: [operator, strategies] }) : none,
    strategies.length > 0 ? reader.read({ key: `operator.shares:${operator}`, address: dm, abi: eigenLayerAbi.delegationManager, functionName: 'getOperatorShares', args: [operator, strategies] }) : none,
    reader.read({ key: `operator.registeredSets:${operator}`, address: am, abi: amAbi, functionName: 'getRegisteredSets', args: [operator] }),
    reader.read({ key: `operator.allocatedSets:${operator}`, address: am, abi: amAbi, functionName: 'getAllocatedSets', args: [operator] }),
  ]);
  const allocatedSets = toSets(allocated);
  const setReads = await readAllocations(reader, el, operator, strategies, allocatedSets);
  const mm = pairs(strategies, maxMagnitudes, 'getMaxMagnitudes');
  const os = pairs(strategies, shares, 'getOperatorShares');
  return {
    operator,
    isOperator,
    strategies,
    maxMagnitudes: mm.ok ? { ok: true, value: mm.value.map((p) => ({ strategy: p.strategy, maxMagnitude: p.value })) } : mm,
    operatorShares: os.ok ? { ok: true, value: os.value.map((p) => ({ strategy: p.strategy, shares: p.value })) } : os,
    registeredSets: toSets(registered),
    allocatedSets,
    allocations: setReads.allocations,
    allocatedSetStatus: setReads.status,
  };
}

/** One entry per distinct operator, sorted by address; strategies are the union of its delegators'. */
export function readOperators(reader: ContractReader, params: ReadOperatorsParameters): Promise<OperatorState[]> {
  const byOperator = new Map<Address, Set<Address>>();
  for (const d of params.delegations) {
    if (!d.operator) continue;
    const operator = getAddress(d.operator);
    const set = byOperator.get(operator) ?? new Set<Address>();
    for (const s of d.strategies) set.add(getAddress(s));
    byOperator.set(operator, set);
  }
  const operators = [...byOperator.keys()].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
  return Promise.all(operators.map((op) => {
    const strategies = [...(byOperator.get(op) ?? [])].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
    return readOperator(reader, params.eigenLayer, op, strategies);
  }));
}
