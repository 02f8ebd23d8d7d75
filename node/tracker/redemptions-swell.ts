/**
 * Swell rswEXIT: an enumerable ERC-721 per request (`balanceOf`, `tokenOfOwnerByIndex`), each read with
 * `withdrawalRequests(id)` and `getProcessedRateForTokenId(id)`. Processed = claimable by the owner, for
 * amount x min(processedRate, rateWhenCreated) / 1e18 ETH. Three levels.
 */
import { getAddress } from 'viem';
import type { RedemptionRequest } from '../../shared/redemption';
import { gatherWalletRedemptions, type RedemptionsContext, type RedemptionsPart, type WalletRedemptions } from './redemptions-context';
import { swellRswExitAbi } from './redemptions-abi';
import { WAD } from '../../shared/engine/wad';
import { bigAt, bigintOf, errorOf, tupleOf } from './redemptions-values';

/** Reads every rswEXIT request the wallets own. */
export async function readSwellRedemptions(ctx: RedemptionsContext): Promise<RedemptionsPart> {
  const { batch, contract, token } = ctx;
  const key = (what: string) => `redemption:${token.id}:${what}`;
  const abi = swellRswExitAbi;
  const perWallet = ctx.wallets.map(async (wallet): Promise<WalletRedemptions> => {
    const balanceRead = await batch.read({ key: key(`balanceOf:${wallet}`), address: contract, abi, functionName: 'balanceOf', args: [wallet] });
    const n = bigintOf(balanceRead);
    if (n === null) return { wallet, error: errorOf(balanceRead, 'balanceOf') };
    const ids = await Promise.all(Array.from({ length: Number(n) }, (_, i) =>
      batch.read({ key: key(`tokenOfOwnerByIndex:${wallet}:${i}`), address: contract, abi, functionName: 'tokenOfOwnerByIndex', args: [wallet, BigInt(i)] })));
    const mine: RedemptionRequest[] = [];
    const details = await Promise.all(ids.map(async (idRead) => {
      const id = bigintOf(idRead);
      if (id === null) return { error: errorOf(idRead, 'tokenOfOwnerByIndex') };
      const [request, processed] = await Promise.all([
        batch.read({ key: key(`withdrawalRequests:${id}`), address: contract, abi, functionName: 'withdrawalRequests', args: [id] }),
        batch.read({ key: key(`getProcessedRateForTokenId:${id}`), address: contract, abi, functionName: 'getProcessedRateForTokenId', args: [id] }),
      ]);
      return { id, request, processed };
    }));
    for (const d of details) {
      if ('error' in d) return { wallet, error: d.error };
      const r = tupleOf(d.request);
      const p = tupleOf(d.processed);
      const amount = r === null ? null : bigAt(r, 0);
      const rateWhenCreated = r === null ? null : bigAt(r, 2);
      const isProcessed = p === null ? null : p[0];
      const processedRate = p === null ? null : bigAt(p, 1);
      if (amount === null || rateWhenCreated === null) return { wallet, error: errorOf(d.request, 'withdrawalRequests') };
      if (typeof isProcessed !== 'boolean' || processedRate === null) return { wallet, error: errorOf(d.processed, 'getProcessedRateForTokenId') };
      const rate = isProcessed && processedRate < rateWhenCreated ? processedRate : rateWhenCreated;
      mine.push({
        protocol: token.protocol, token: token.id, contract: getAddress(contract), requestId: d.id.toString(), owner: wallet,
        assetGiven: token.id, amountLocked: amount, expectedAmount: (amount * rate) / WAD, expectedAsset: 'ETH',
        status: isProcessed ? 'claimable' : 'pending',
        claimableAtBlock: null, claimableAt: null, createdAt: null, startBlock: null, blockedReason: null,
      });
    }
    return { wallet, requests: mine };
  });
  return gatherWalletRedemptions(token.id, perWallet);
}
