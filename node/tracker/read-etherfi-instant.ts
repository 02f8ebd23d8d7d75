/**
 * ether.fi's instant redemption path (EtherFiRedemptionManager, ETH output), read on mainnet in the
 * refresh's first batch (no extra round trip), for display: the exit fee, what is redeemable now,
 * the pause flags, and the LiquidityPool's two totals that its share conversions use, so the engine
 * can reproduce the manager's own `_calcRedemption` for any balance to the wei (see
 * shared/engine/etherfi-instant-exit.ts). No per-wallet call is needed: weETH and eETH balances are
 * read anyway, and the pool's conversions are exact floor divisions of those totals.
 *
 * Display only: the reads carry no failedReads key (a world or chain without the manager must not
 * turn a healthy chain partial or raise a warning); a failure is kept in the snapshot field itself.
 */
import { parseAbi, type Address } from 'viem';
import { NATIVE_ETH_ADDRESS } from '../../shared/redemption';
import { ADDR } from '../../shared/registry/tokens';
import type { EtherFiInstantState, Read } from '../../shared/snapshot';
import type { ContractReader } from './contract-reader';

/** Chain the manager lives on. */
export const ETHERFI_INSTANT_CHAIN_ID = 1;

/** etherfi-protocol/smart-contracts src/withdrawals/EtherFiRedemptionManager.sol (+ PausableUntil, Pausable). */
const managerAbi = parseAbi([
  'struct Limit { uint64 capacity; uint64 remaining; uint64 lastRefill; uint64 refillRate; }',
  'function tokenToRedemptionInfo(address token) view returns (Limit limit, uint16 exitFeeSplitToTreasuryInBps, uint16 exitFeeInBps, uint16 lowWatermarkInBpsOfTvl)',
  'function totalRedeemableAmount(address token) view returns (uint256)',
  'function paused() view returns (bool)',
  'function pausedUntil() view returns (uint256)',
]);
/** src/core/LiquidityPool.sol and src/core/EETH.sol. */
const poolAbi = parseAbi(['function getTotalPooledEther() view returns (uint256)']);
const eEthAbi = parseAbi(['function totalShares() view returns (uint256)']);

export interface ReadEtherFiInstantParameters {
  readonly manager: Address;
  readonly liquidityPool: Address;
  readonly eEth: Address;
}

/** The mainnet contracts (shared/registry/tokens.ts). */
export const ETHERFI_INSTANT_CONTRACTS: ReadEtherFiInstantParameters = {
  manager: ADDR.etherfiRedemptionManager,
  liquidityPool: ADDR.etherfiLiquidityPool,
  eEth: ADDR.eETH,
};

/** Queues the path's reads in the reader's current batch; failed when any of them failed (with the first error). */
export async function readEtherFiInstant(reader: ContractReader, params: ReadEtherFiInstantParameters): Promise<Read<EtherFiInstantState>> {
  const { manager, liquidityPool, eEth } = params;
  // Key '': kept out of failedReads (see the file comment).
  const [info, redeemable, paused, pausedUntil, pooled, shares] = await Promise.all([
    reader.read({ key: '', address: manager, abi: managerAbi, functionName: 'tokenToRedemptionInfo', args: [NATIVE_ETH_ADDRESS] }),
    reader.read({ key: '', address: manager, abi: managerAbi, functionName: 'totalRedeemableAmount', args: [NATIVE_ETH_ADDRESS] }),
    reader.read({ key: '', address: manager, abi: managerAbi, functionName: 'paused', args: [] }),
    reader.read({ key: '', address: manager, abi: managerAbi, functionName: 'pausedUntil', args: [] }),
    reader.read({ key: '', address: liquidityPool, abi: poolAbi, functionName: 'getTotalPooledEther', args: [] }),
    reader.read({ key: '', address: eEth, abi: eEthAbi, functionName: 'totalShares', args: [] }),
  ]);
  if (!info.ok) return { ok: false, error: `tokenToRedemptionInfo(ETH): ${info.error}` };
  if (!redeemable.ok) return { ok: false, error: `totalRedeemableAmount(ETH): ${redeemable.error}` };
  if (!paused.ok) return { ok: false, error: `paused(): ${paused.error}` };
  if (!pausedUntil.ok) return { ok: false, error: `pausedUntil(): ${pausedUntil.error}` };
  if (!pooled.ok) return { ok: false, error: `getTotalPooledEther(): ${pooled.error}` };
  if (!shares.ok) return { ok: false, error: `totalShares(): ${shares.error}` };
  return {
    ok: true,
    value: {
      manager,
      exitFeeBps: BigInt(info.value[2]),
      redeemableEth: redeemable.value,
      paused: paused.value,
      pausedUntil: pausedUntil.value,
      totalPooledEther: pooled.value,
      totalShares: shares.value,
    },
  };
}
