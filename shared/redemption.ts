/**
 * Pending LRT redemptions (issue 10): the tracker's raw facts about each request a watched wallet has in
 * a protocol's redemption queue, the snapshot extension that carries them to the engine, and the
 * incremental log-scan cursor the store persists. Amounts are bigint base units; see
 * docs/registry-sources.md section 3 for each protocol's views and semantics.
 */
import type { Address, Hex } from 'viem';
import type { ChainSnapshot, FailedRead } from './snapshot';

export const REDEMPTION_STATUSES = ['pending', 'finalized', 'claimable'] as const;
/**
 * - `pending`: the protocol has not processed the request yet (ether.fi not finalized, Kelp nonce still
 *   locked, Swell not processed, Renzo cooldown not over).
 * - `finalized`: processed, but not claimable yet (Kelp: unlocked before its delay block; ether.fi: finalized
 *   but invalidated by the protocol, which only its timelock can seize).
 * - `claimable`: the owner can claim now.
 */
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number];

/** One request in a protocol's redemption queue, owned by a watched wallet at the snapshot's block. */
export interface RedemptionRequest {
  /** Registry protocol name (`ether.fi`, `Renzo`, `Kelp DAO`, `Swell`). */
  readonly protocol: string;
  /** Registry id of the LRT whose redemption this is (`eETH@1`, `ezETH@1`, `rsETH@1`, `rswETH@1`). */
  readonly token: string;
  /** The queue contract. */
  readonly contract: Address;
  /**
   * The protocol's own identity of the request, as a decimal string: ether.fi and Swell the NFT token id,
   * Renzo `withdrawRequestID` (indices move on claims), Kelp `${asset}:${userNonce}` (nonces are per asset).
   */
  readonly requestId: string;
  readonly owner: Address;
  /** Registry id of the token given up (locked or burned by the queue). */
  readonly assetGiven: string;
  /** Base units of `assetGiven` locked in the request. */
  readonly amountLocked: bigint;
  /**
   * What the request pays, in base units of `expectedAsset`: the protocol's own figure (ether.fi
   * `getClaimableAmount` once finalized, else `amountOfEEth`; Renzo `amountToRedeem`; Kelp
   * `expectedAssetAmount`; Swell amount x min(processedRate, rateWhenCreated) / 1e18, or x rateWhenCreated
   * while pending). Pending figures are upper bounds: a loss before finalization lowers them.
   */
  readonly expectedAmount: bigint;
  /** `ETH`, or the registry id of the token paid (e.g. `stETH@1` for a Kelp stETH request); a lowercase address when the registry does not know it. */
  readonly expectedAsset: string;
  readonly status: RedemptionStatus;
  /** First block at which the claim succeeds, for queues that count blocks (Kelp); null otherwise. */
  readonly claimableAtBlock: bigint | null;
  /** Unix seconds from which the claim succeeds, for queues that count time (Renzo); null otherwise. */
  readonly claimableAt: bigint | null;
  /** Unix seconds the request was created, when the protocol stores it (Renzo). */
  readonly createdAt: bigint | null;
  /** Block the request was created at, when known (Kelp stores it; ether.fi: the NFT's mint log, when scanned). */
  readonly startBlock: bigint | null;
  /** Why a processed request cannot be claimed (e.g. ether.fi `invalidated`), else null. */
  readonly blockedReason: string | null;
}

/** The wallet + protocol reads that failed: the engine must not read "no request" from them. */
export interface RedemptionUnread {
  readonly wallet: Address;
  /** Registry token id of the queue that could not be read (`eETH@1`, …). */
  readonly token: string;
  readonly error: string;
}

/** Progress of the incremental log scan that finds requests (ether.fi), for the UI's first-scan progress. */
export interface RedemptionScanProgress {
  readonly contract: Address;
  readonly fromBlock: bigint;
  /** Last block scanned (inclusive); equals the snapshot block when the scan is complete. */
  readonly scannedTo: bigint;
  readonly targetBlock: bigint;
  readonly complete: boolean;
}

/** The snapshot extension one chain's refresh adds (ChainSnapshot.redemptions). */
export interface RedemptionsSnapshot {
  /** Sorted by token, then owner, then requestId. */
  readonly requests: readonly RedemptionRequest[];
  readonly unread: readonly RedemptionUnread[];
  readonly scans: readonly RedemptionScanProgress[];
  readonly failedReads: readonly FailedRead[];
}

/** A chain snapshot with the redemption extension, when the tracker read one (ChainSnapshot.redemptions once hooked in). */
export type SnapshotWithRedemptions = ChainSnapshot & { readonly redemptions?: RedemptionsSnapshot };

/**
 * Where one log scan has got to, per chain and contract and wallet set, persisted by the caller (store)
 * between refreshes and restarts. Decimal strings keep it JSON-safe.
 */
export interface ScanCursor {
  readonly chainId: number;
  readonly contract: Address;
  /** Lowercase wallet addresses the scan covered, sorted; a new wallet restarts its own scan. */
  readonly wallets: readonly Address[];
  /** First block the scan started from. */
  readonly fromBlock: string;
  /** Last block scanned, inclusive. */
  readonly scannedTo: string;
  /** Hash of block `scannedTo` when it was scanned: a different hash later means a reorg. */
  readonly scannedToHash: Hex;
  /** Token ids seen in Transfer logs to the wallets, with the block of their first such log (decimal strings). */
  readonly seen: readonly { readonly wallet: Address; readonly tokenId: string; readonly block: string; readonly minted: boolean }[];
}

/**
 * Kelp LRTConfig, whose `getSupportedAssetList()` lists the assets rsETH redeems to (LRTWithdrawalManager
 * requests are per asset). Kelp-DAO/LRT-rsETH@c289b815eb8f3300ed9feab13ef6b8b05515a15c:README.md (LRTConfig);
 * not in the registry type, which has no field for it.
 */
export const KELP_LRT_CONFIG: Address = '0x947Cb49334e6571ccBFEF1f1f1178d8469D65ec7';

/**
 * First block of the ether.fi WithdrawRequestNFT Transfer scan when nothing better is known. No source
 * records the proxy's deployment block (docs/registry-sources.md section 3); 18,000,000 (2023-08-26) is
 * before eETH launched, so no request is missed; a caller with an archive endpoint can pass the block
 * found by an eth_getCode binary search instead.
 */
export const ETHERFI_SCAN_DEFAULT_FROM_BLOCK = 18_000_000n;

/** The native-ETH stand-in address Renzo and Kelp use for ETH-denominated requests. */
export const NATIVE_ETH_ADDRESS: Address = '0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE';

/** A request's own number as its protocol shows it: the part after the last `:` (Kelp's `${asset}:${nonce}`), else the whole id. */
export const requestNumber = (requestId: string): string => requestId.split(':').pop() ?? requestId;
