/**
 * ether.fi WithdrawRequestNFT: the NFT is not enumerable, so the candidates come from the incremental
 * Transfer-log scan (scanTransferLogs); one level then reads ownerOf / getRequest / isFinalized / isValid /
 * getClaimableAmount per candidate and keeps the requests the wallet still owns (a claimed request is burned:
 * ownerOf reverts and getRequest is zeroed; a moved one has another owner).
 */
import { getAddress } from 'viem';
import type { RedemptionRequest } from '../../shared/redemption';
import { gatherWalletRedemptions, type RedemptionsContext, type RedemptionsPart, type WalletRedemptions } from './redemptions-context';
import { etherfiWithdrawRequestNftAbi } from './redemptions-abi';
import { addressOf, bigintOf, boolOf, errorOf, field } from './redemptions-values';

export interface EtherFiCandidates {
  /** Token ids sent to each wallet (lowercase wallet key), from the log scan. */
  readonly candidates: ReadonlyMap<string, readonly bigint[]>;
  /** Block of the NFT's mint, when the scan saw it (key: token id as a decimal string). */
  readonly mintBlocks: ReadonlyMap<string, bigint>;
  /** The scan did not reach the pinned block: the wallets' sets are incomplete. */
  readonly scanError: string | null;
}

/** Reads the wallets' ether.fi requests among the scanned candidates. */
export async function readEtherFiRedemptions(ctx: RedemptionsContext, scan: EtherFiCandidates): Promise<RedemptionsPart> {
  const { batch, contract, token } = ctx;
  if (scan.scanError !== null) {
    const error = scan.scanError;
    return { requests: [], unread: ctx.wallets.map((wallet) => ({ wallet, token: token.id, error })) };
  }
  const key = (what: string) => `redemption:${token.id}:${what}`;
  const abi = etherfiWithdrawRequestNftAbi;
  const perWallet = ctx.wallets.map(async (wallet): Promise<WalletRedemptions> => {
    const ids = scan.candidates.get(wallet.toLowerCase()) ?? [];
    const reads = await Promise.all(ids.map(async (id) => {
      const [owner, request, finalized, valid, claimable] = await Promise.all([
        // Key '' where a revert is an answer: a burned id has no owner, a pending one no claimable amount.
        batch.read({ key: '', address: contract, abi, functionName: 'ownerOf', args: [id] }),
        batch.read({ key: key(`getRequest:${id}`), address: contract, abi, functionName: 'getRequest', args: [id] }),
        batch.read({ key: key(`isFinalized:${id}`), address: contract, abi, functionName: 'isFinalized', args: [id] }),
        batch.read({ key: '', address: contract, abi, functionName: 'isValid', args: [id] }),
        batch.read({ key: '', address: contract, abi, functionName: 'getClaimableAmount', args: [id] }),
      ]);
      return { id, owner, request, finalized, valid, claimable };
    }));
    const mine: RedemptionRequest[] = [];
    for (const r of reads) {
      const amount = bigintOf({ ok: true, value: r.request.ok ? field(r.request.value, 'amountOfEEth') : undefined });
      const share = bigintOf({ ok: true, value: r.request.ok ? field(r.request.value, 'shareOfEEth') : undefined });
      const isValid = r.request.ok ? field(r.request.value, 'isValid') : undefined;
      if (amount === null || share === null || typeof isValid !== 'boolean') return { wallet, error: errorOf(r.request, 'getRequest') };
      const owner = addressOf(r.owner);
      if (owner === null) {
        // ownerOf reverted: burned (claimed) when the request is zeroed; otherwise the read itself failed.
        if (amount === 0n) continue;
        return { wallet, error: errorOf(r.owner, 'ownerOf') };
      }
      if (owner.toLowerCase() !== wallet.toLowerCase()) continue;
      const finalized = boolOf(r.finalized);
      if (finalized === null) return { wallet, error: errorOf(r.finalized, 'isFinalized') };
      let expected = amount;
      if (finalized) {
        const c = bigintOf(r.claimable);
        if (c === null) return { wallet, error: errorOf(r.claimable, 'getClaimableAmount') };
        expected = c;
      }
      mine.push({
        protocol: token.protocol, token: token.id, contract: getAddress(contract), requestId: r.id.toString(), owner: wallet,
        assetGiven: token.id, amountLocked: amount, expectedAmount: expected, expectedAsset: 'ETH',
        status: !finalized ? 'pending' : isValid ? 'claimable' : 'finalized',
        claimableAtBlock: null, claimableAt: null, createdAt: null, startBlock: scan.mintBlocks.get(r.id.toString()) ?? null,
        blockedReason: isValid ? null : 'invalidated by ether.fi: only its timelock can seize or revalidate it',
      });
    }
    return { wallet, requests: mine };
  });
  return gatherWalletRedemptions(token.id, perWallet);
}
