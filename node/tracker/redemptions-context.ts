/** What every protocol's redemption reader gets, and what it returns. */
import type { Address } from 'viem';
import type { TokenInfo } from '../../shared/registry/types';
import type { RedemptionRequest, RedemptionUnread } from '../../shared/redemption';
import type { RedemptionsBatch } from './redemptions-batch';

export interface RedemptionsContext {
  readonly batch: RedemptionsBatch;
  /** The registry token whose queue this is (eETH@1 for ether.fi, …). */
  readonly token: TokenInfo;
  readonly contract: Address;
  /** Checksummed, distinct. */
  readonly wallets: readonly Address[];
  readonly blockNumber: bigint;
  readonly blockTimestamp: bigint;
  /** `ETH` for the native-ETH stand-in, else the registry token id at that address on this chain, else the lowercase address. */
  assetId(address: Address): string;
}

export interface RedemptionsPart {
  readonly requests: readonly RedemptionRequest[];
  readonly unread: readonly RedemptionUnread[];
}

/** One wallet's requests in one queue, or why they could not be read. */
export type WalletRedemptions =
  | { readonly wallet: Address; readonly requests: readonly RedemptionRequest[] }
  | { readonly wallet: Address; readonly error: string };

/** Waits for every wallet's reads and splits them into requests and unread wallets (of `tokenId`'s queue). */
export async function gatherWalletRedemptions(tokenId: string, perWallet: readonly Promise<WalletRedemptions>[]): Promise<RedemptionsPart> {
  const requests: RedemptionRequest[] = [];
  const unread: RedemptionUnread[] = [];
  for (const w of await Promise.all(perWallet)) {
    if ('error' in w) unread.push({ wallet: w.wallet, token: tokenId, error: w.error });
    else requests.push(...w.requests);
  }
  return { requests, unread };
}
