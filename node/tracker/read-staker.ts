/**
 * Everything EigenLayer holds for one staker (a watched wallet or an LRT's staker contract):
 * delegation, strategy deposits with withdrawable shares after slashing and their underlying amounts,
 * the EigenPod and its beacon-chain shares, and queued withdrawals with the block each can complete.
 *
 * Levels: delegation, deposits, pod and queued withdrawals first; withdrawable shares and, for pod
 * owners, pod shares, beacon-chain slashing factor and validator count next; underlying amounts last. The operator level
 * only needs the first (`delegation`), so it does not wait for the rest.
 */
import { encodeAbiParameters, getAddress, keccak256, zeroAddress, type Address, type Hex } from 'viem';
import { eigenLayerAbi } from '../../shared/abi/eigenlayer-abi';
import type { EigenLayerInfo } from '../../shared/registry/types';
import type { PodPosition, QueuedWithdrawal, QueuedWithdrawalEntry, Read, StakerEigenState, StrategyDeposit } from '../../shared/snapshot';
import type { ContractReader } from './contract-reader';
import type { StrategyBook } from './create-strategy-book';

export interface ReadStakerParameters {
  readonly staker: Address;
  readonly eigenLayer: EigenLayerInfo;
  readonly strategies: StrategyBook;
  /** DelegationManager.minWithdrawalDelayBlocks(), read once per refresh. */
  readonly minWithdrawalDelayBlocks: Promise<Read<bigint>>;
}

/** What the operator level needs from a staker. */
export interface StakerDelegation {
  readonly staker: Address;
  readonly operator: Address | null;
  /** Strategies the staker holds shares in (deposit shares > 0; beacon-chain ETH when it has a pod). */
  readonly strategies: readonly Address[];
}

export interface StakerReads {
  readonly delegation: Promise<StakerDelegation>;
  /**
   * The operators of its queued withdrawals, with their strategies (after the first level): a queued
   * withdrawal stays slashable by the operator it was delegated to when queued until it can be
   * completed, even after the staker undelegated or moved to another operator, so that operator is
   * read too.
   */
  readonly queuedDelegations: Promise<readonly StakerDelegation[]>;
  readonly state: Promise<StakerEigenState>;
}

type Withdrawal = {
  readonly staker: Address; readonly delegatedTo: Address; readonly withdrawer: Address; readonly nonce: bigint;
  readonly startBlock: number; readonly strategies: readonly Address[]; readonly scaledShares: readonly bigint[];
};

const withdrawalParameters = [{
  type: 'tuple',
  components: [
    { name: 'staker', type: 'address' }, { name: 'delegatedTo', type: 'address' }, { name: 'withdrawer', type: 'address' },
    { name: 'nonce', type: 'uint256' }, { name: 'startBlock', type: 'uint32' }, { name: 'strategies', type: 'address[]' },
    { name: 'scaledShares', type: 'uint256[]' },
  ],
}] as const;

/** DelegationManager.calculateWithdrawalRoot: keccak256(abi.encode(withdrawal)). */
function withdrawalRoot(w: Withdrawal): Hex {
  return keccak256(encodeAbiParameters(withdrawalParameters, [w]));
}

const failed = (error: string): { ok: false; error: string } => ({ ok: false, error });

/** Resolves a list of reads into one: the first failure fails the whole. */
function all<T>(reads: readonly Read<T>[]): Read<T[]> {
  const values: T[] = [];
  for (const r of reads) {
    if (!r.ok) return r;
    values.push(r.value);
  }
  return { ok: true, value: values };
}

/**
 * Queues one staker's reads; `delegation` resolves after the first level (for the operator level),
 * `state` once everything is read.
 */
export function readStaker(reader: ContractReader, params: ReadStakerParameters): StakerReads {
  const { eigenLayer: el, strategies: book } = params;
  const staker = getAddress(params.staker);
  const dm = el.delegationManager;
  const epm = el.eigenPodManager;
  const delegatedTo = reader.read({ key: `eigen.delegatedTo:${staker}`, address: dm, abi: eigenLayerAbi.delegationManager, functionName: 'delegatedTo', args: [staker] });
  const deposits = reader.read({ key: `eigen.deposits:${staker}`, address: el.strategyManager, abi: eigenLayerAbi.strategyManager, functionName: 'getDeposits', args: [staker] });
  const pod = reader.read({ key: `eigen.pod:${staker}`, address: epm, abi: eigenLayerAbi.eigenPodManager, functionName: 'ownerToPod', args: [staker] });
  const queued = reader.read({ key: `eigen.queuedWithdrawals:${staker}`, address: dm, abi: eigenLayerAbi.delegationManager, functionName: 'getQueuedWithdrawals', args: [staker] });

  const delegation = (async (): Promise<StakerDelegation> => {
    const [d, dep, p] = await Promise.all([delegatedTo, deposits, pod]);
    const held = dep.ok ? dep.value[0].filter((_, i) => (dep.value[1][i] ?? 0n) > 0n) : [];
    return {
      staker,
      operator: d.ok && d.value !== zeroAddress ? d.value : null,
      strategies: [...held, ...(p.ok && p.value !== zeroAddress ? [el.beaconChainEthStrategy] : [])],
    };
  })();

  const queuedDelegations = queued.then((q): StakerDelegation[] => (!q.ok ? [] : q.value[0]
    .filter((w) => w.delegatedTo !== zeroAddress && w.strategies.length > 0)
    .map((w) => ({ staker, operator: w.delegatedTo, strategies: w.strategies }))));

  const toUnderlying = (key: string, strategy: Address, shares: bigint): Promise<Read<bigint>> =>
    book.isBeacon(strategy)
      ? Promise.resolve({ ok: true, value: shares })
      : reader.read({ key, address: strategy, abi: eigenLayerAbi.strategy, functionName: 'sharesToUnderlyingView', args: [shares] });

  const state = (async (): Promise<StakerEigenState> => {
    const [d, dep, p] = await Promise.all([delegatedTo, deposits, pod]);
    const held = dep.ok ? dep.value[0] : [];
    const podAddress = p.ok && p.value !== zeroAddress ? p.value : null;
    const asked = [...held, ...(podAddress ? [el.beaconChainEthStrategy] : [])];
    // Pod facts are read only for stakers that have a pod (a minority), in the second level.
    const [withdrawable, validators, ps, sf] = await Promise.all([
      asked.length > 0
        ? reader.read({ key: `eigen.withdrawableShares:${staker}`, address: dm, abi: eigenLayerAbi.delegationManager, functionName: 'getWithdrawableShares', args: [staker, asked] })
        : Promise.resolve<Read<readonly [readonly bigint[], readonly bigint[]]>>({ ok: true, value: [[], []] }),
      podAddress ? reader.read({ key: `eigen.activeValidatorCount:${podAddress}`, address: podAddress, abi: eigenLayerAbi.eigenPod, functionName: 'activeValidatorCount', args: [] }) : null,
      podAddress ? reader.read({ key: `eigen.podShares:${staker}`, address: epm, abi: eigenLayerAbi.eigenPodManager, functionName: 'podOwnerDepositShares', args: [staker] }) : null,
      podAddress ? reader.read({ key: `eigen.beaconChainSlashingFactor:${staker}`, address: epm, abi: eigenLayerAbi.eigenPodManager, functionName: 'beaconChainSlashingFactor', args: [staker] }) : null,
    ]);

    const depositsRead = async (): Promise<Read<readonly StrategyDeposit[]>> => {
      if (!dep.ok) return dep;
      if (!withdrawable.ok) return withdrawable;
      const entries = await Promise.all(held.map(async (strategy, i): Promise<Read<StrategyDeposit>> => {
        const ws = withdrawable.value[0][i];
        const depositShares = dep.value[1][i];
        if (ws === undefined || depositShares === undefined) return failed(`getWithdrawableShares returned no entry for ${strategy}`);
        const [underlyingToken, amount] = await Promise.all([
          book.underlying(strategy),
          toUnderlying(`eigen.withdrawableUnderlying:${staker}:${strategy}`, strategy, ws),
        ]);
        if (!underlyingToken.ok) return underlyingToken;
        if (!amount.ok) return amount;
        return { ok: true, value: { strategy, depositShares, withdrawableShares: ws, underlyingToken: underlyingToken.value, withdrawableUnderlying: amount.value } };
      }));
      return all(entries);
    };

    const podRead = (): Read<PodPosition | null> => {
      if (!p.ok) return p;
      if (!podAddress || !ps || !sf) return { ok: true, value: null };
      if (!ps.ok) return ps;
      if (!sf.ok) return sf;
      if (!withdrawable.ok) return withdrawable;
      const ws = withdrawable.value[0][held.length];
      if (ws === undefined) return failed('getWithdrawableShares returned no beacon-chain entry');
      return {
        ok: true,
        value: {
          pod: podAddress, depositShares: ps.value, withdrawableShares: ws, beaconChainSlashingFactor: sf.value,
          activeValidatorCount: validators?.ok ? validators.value : null,
        },
      };
    };

    const queuedRead = async (): Promise<Read<readonly QueuedWithdrawal[]>> => {
      const [q, delay] = await Promise.all([queued, params.minWithdrawalDelayBlocks]);
      if (!q.ok) return q;
      // The registry default stands in only when the live delay could not be read.
      const delayBlocks = delay.ok ? delay.value : BigInt(el.defaultMinWithdrawalDelayBlocks);
      const [withdrawals, shares] = q.value;
      const items = await Promise.all(withdrawals.map(async (w, j): Promise<Read<QueuedWithdrawal>> => {
        const root = withdrawalRoot(w);
        const entries = await Promise.all(w.strategies.map(async (strategy, k): Promise<Read<QueuedWithdrawalEntry>> => {
          const scaledShares = w.scaledShares[k];
          const ws = shares[j]?.[k];
          if (scaledShares === undefined || ws === undefined) return failed(`getQueuedWithdrawals returned no shares for ${strategy}`);
          const [underlyingToken, amount] = await Promise.all([
            book.underlying(strategy),
            toUnderlying(`eigen.queuedUnderlying:${staker}:${root}:${strategy}`, strategy, ws),
          ]);
          if (!underlyingToken.ok) return underlyingToken;
          if (!amount.ok) return amount;
          return { ok: true, value: { strategy, scaledShares, withdrawableShares: ws, underlyingToken: underlyingToken.value, withdrawableUnderlying: amount.value } };
        }));
        const e = all(entries);
        if (!e.ok) return e;
        const startBlock = BigInt(w.startBlock);
        return {
          ok: true,
          value: {
            root, staker: w.staker, delegatedTo: w.delegatedTo, withdrawer: w.withdrawer, nonce: w.nonce, startBlock,
            entries: e.value,
            // DelegationManager: completable once block.number > startBlock + minWithdrawalDelayBlocks.
            completableBlock: startBlock + delayBlocks + 1n,
          },
        };
      }));
      return all(items);
    };

    const [depositsResult, queuedResult] = await Promise.all([depositsRead(), queuedRead()]);
    return {
      staker,
      delegatedTo: d.ok ? { ok: true, value: d.value === zeroAddress ? null : d.value } : d,
      deposits: depositsResult,
      pod: podRead(),
      queuedWithdrawals: queuedResult,
    };
  })();

  return { delegation, queuedDelegations, state };
}
