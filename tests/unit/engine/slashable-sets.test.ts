/**
 * Only allocations an operator set can slash count as slashable: AllocationManager.slashOperator needs
 * isOperatorSlashable(operator, set) (registered, or deregistered within DEALLOCATION_DELAY) and a
 * strategy the set lists. Any other allocation is no slashable magnitude: its stake counts as nominal.
 */
import { describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import type { AllocatedSetStatus, OperatorState, Read } from '../../../shared/snapshot';
import {
  AVS_1, AVS_2, E18, OP_1, STRATEGY, WALLET_A, deposit, eth, fail, ok, operator, report, snapshot, staker, wallet,
  type AllocationSpec,
} from './snapshot-builder';

const SET_A = { avs: AVS_1, id: 1 };
const SET_B = { avs: AVS_2, id: 1 };
const ALLOC_A: AllocationSpec = { ...SET_A, strategy: STRATEGY.stETH, magnitude: E18 / 2n };
const ALLOC_B: AllocationSpec = { ...SET_B, strategy: STRATEGY.stETH, magnitude: (E18 * 3n) / 10n };

const status = (set: { avs: Address; id: number }, o: { slashable?: Read<boolean>; strategies?: Read<readonly Address[]> } = {}): AllocatedSetStatus => ({
  operatorSet: set, slashable: o.slashable ?? ok(true), strategies: o.strategies ?? ok([STRATEGY.stETH, STRATEGY.beacon]),
});

/** OP_1 with the given allocations and, when given, set statuses; WALLET_A restakes 10 stETH with it. */
const run = (allocations: AllocationSpec[], statuses?: AllocatedSetStatus[]) => {
  const op: OperatorState = { ...operator(OP_1, { allocations }), ...(statuses ? { allocatedSetStatus: statuses } : {}) };
  return report([snapshot({
    operators: [op],
    wallets: [wallet(WALLET_A, [], staker(WALLET_A, { delegatedTo: OP_1, deposits: [deposit(STRATEGY.stETH, eth(10))] }))],
  })]);
};

const figures = (r: ReturnType<typeof run>) => ({ positions: r.positions, slashable: r.metrics.slashable, leverage: r.metrics.leverage });
const setsOf = (r: ReturnType<typeof run>) => r.metrics.slashable.perOperatorSet.map((s) => `${s.avs}:${s.id}`);

describe('slashable operator sets', () => {
  it('every allocation of a snapshot without set statuses counts, as before', () => {
    const old = run([ALLOC_A, ALLOC_B]);
    expect(setsOf(old)).toEqual([`${AVS_1}:1`, `${AVS_2}:1`]);
    expect(old.metrics.slashable.nominalEth).toBeLessThan(eth(10));
    expect(figures(run([ALLOC_A, ALLOC_B], [status(SET_A), status(SET_B)]))).toEqual(figures(old));
  });

  it('an allocation to a set the operator is not slashable by (not registered) is not slashable: its stake is nominal', () => {
    const both = run([ALLOC_A, ALLOC_B], [status(SET_A), status(SET_B)]);
    const unregistered = run([ALLOC_A, ALLOC_B], [status(SET_A), status(SET_B, { slashable: ok(false) })]);
    expect(setsOf(unregistered)).toEqual([`${AVS_1}:1`]);
    expect(figures(unregistered)).toEqual(figures(run([ALLOC_A], [status(SET_A)])));
    expect(unregistered.metrics.slashable.nominalEth).toBeGreaterThan(both.metrics.slashable.nominalEth);
    expect(unregistered.positions[0]?.degraded).toBe(false);
  });

  it('no slashable set at all: the whole delegated stake is nominal', () => {
    const none = run([ALLOC_A, ALLOC_B], [status(SET_A, { slashable: ok(false) }), status(SET_B, { slashable: ok(false) })]);
    expect(none.metrics.slashable.perOperatorSet).toEqual([]);
    expect(none.metrics.slashable.worstCaseEth).toBe(0n);
    expect(none.metrics.slashable.nominalEth).toBe(eth(10));
    expect(none.positions[0]?.nominalEth).toBe(eth(10));
  });

  it('an allocation in a strategy the set does not list is not slashable', () => {
    const outside = run([ALLOC_A, ALLOC_B], [status(SET_A), status(SET_B, { strategies: ok([STRATEGY.rETH]) })]);
    expect(setsOf(outside)).toEqual([`${AVS_1}:1`]);
    expect(figures(outside)).toEqual(figures(run([ALLOC_A], [status(SET_A)])));
  });

  it('strategy membership is compared whatever the address case', () => {
    const lower = run([ALLOC_A], [status(SET_A, { strategies: ok([STRATEGY.stETH.toLowerCase() as Address]) })]);
    expect(setsOf(lower)).toEqual([`${AVS_1}:1`]);
  });

  it("a set status that could not be read makes the operator's allocations unread (degraded), like a failed allocation read", () => {
    const unread = run([ALLOC_A, ALLOC_B], [status(SET_A), status(SET_B, { slashable: fail('timeout') })]);
    expect(unread.positions[0]?.degraded).toBe(true);
    expect(unread.metrics.leverage[0]?.degraded).toBe(true);
    const unreadStrategies = run([ALLOC_A, ALLOC_B], [status(SET_A), status(SET_B, { strategies: fail('timeout') })]);
    expect(figures(unreadStrategies)).toEqual(figures(unread));
  });
});
