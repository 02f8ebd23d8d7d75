/**
 * The one seam between the tracker's readers and the chain: a reader queues typed view calls and
 * gets each result back as a `Read<T>`. Two implementations: createMulticallReader (batched through
 * Multicall3, dependent reads in levels) and createNaiveReader (one eth_call per read, the
 * benchmark's baseline). Readers never see which one they run on, so both give the same figures.
 */
import type { Abi, Address, ContractFunctionArgs, ContractFunctionName, ContractFunctionReturnType } from 'viem';
import type { FailedRead, Read } from '../../shared/snapshot';

type ViewMutability = 'view' | 'pure';

export interface ContractCall<
  TAbi extends Abi,
  TFunctionName extends ContractFunctionName<TAbi, ViewMutability>,
  TArgs extends ContractFunctionArgs<TAbi, ViewMutability, TFunctionName> & readonly unknown[],
> {
  /**
   * Stable key of what is read, for the snapshot's failedReads (e.g. `balance:0xWallet:weETH@1`). `''`:
   * the caller keeps the failure itself (speculative or display-only reads); no reader records it.
   */
  readonly key: string;
  readonly address: Address;
  readonly abi: TAbi;
  readonly functionName: TFunctionName;
  readonly args: TArgs;
}

/** The block all reads of one refresh are pinned to. */
export interface PinnedBlock {
  readonly number: bigint;
  readonly timestamp: bigint;
}

export interface ContractReader {
  /**
   * Queues a view call. Never rejects: a failed call resolves to `{ ok: false }` and is recorded in
   * `failedReads()`. Identical calls (same target and calldata) are read once.
   */
  read<
    const TAbi extends Abi,
    TFunctionName extends ContractFunctionName<TAbi, ViewMutability>,
    const TArgs extends ContractFunctionArgs<TAbi, ViewMutability, TFunctionName> & readonly unknown[],
  >(call: ContractCall<TAbi, TFunctionName, TArgs>): Promise<Read<ContractFunctionReturnType<TAbi, ViewMutability, TFunctionName, TArgs>>>;
  /** The block every read is pinned to; failed when the chain could not be read at all. */
  block(): Promise<Read<PinnedBlock>>;
  /** Records a failure found while checking a result (e.g. a Curve pool whose coin is not the token). */
  fail(failed: FailedRead): void;
  /** Every failed read so far, in the order they failed. */
  failedReads(): readonly FailedRead[];
}
