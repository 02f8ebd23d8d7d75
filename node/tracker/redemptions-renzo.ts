/**
 * Renzo WithdrawQueue: per-user arrays (`getOutstandingWithdrawRequests`, `withdrawRequests(user, i)`),
 * claimable once block.timestamp - createdAt >= max(coolDownPeriod, RiskOracleMiddleware.withdrawCooldownPeriod()).
 * Two levels. Not modelled: the whitelist bypass and the fill-at check of queued requests (the amount
 * and cooldown are still right; such a claim may have to wait for the ETH queue to fill).
 */
import { getAddress, zeroAddress } from 'viem';
import type { RedemptionRequest, RedemptionUnread } from '../../shared/redemption';
import type { RedemptionsContext, RedemptionsPart } from './redemptions-context';
import { renzoRiskOracleAbi, renzoWithdrawQueueAbi } from './redemptions-abi';
import { addressOf, bigAt, bigintOf, errorOf, MAX, tupleOf } from './redemptions-values';

/** Reads every Renzo withdraw request of the wallets. */
export async function readRenzoRedemptions(ctx: RedemptionsContext): Promise<RedemptionsPart> {
  const { batch, contract, token } = ctx;
  const key = (what: string) => `redemption:${token.id}:${what}`;
  const abi = renzoWithdrawQueueAbi;
  const coolDownRead = batch.read({ key: key('coolDownPeriod'), address: contract, abi, functionName: 'coolDownPeriod', args: [] });
  const middlewareRead = batch.read({ key: key('riskOracleMiddleware'), address: contract, abi, functionName: 'riskOracleMiddleware', args: [] });

  const riskCooldown = middlewareRead.then(async (r) => {
    const middleware = addressOf(r);
    if (middleware === null || middleware === zeroAddress) return 0n;
    return bigintOf(await batch.read({ key: key('withdrawCooldownPeriod'), address: middleware, abi: renzoRiskOracleAbi, functionName: 'withdrawCooldownPeriod', args: [] })) ?? 0n;
  });
  const perWallet = ctx.wallets.map(async (wallet) => {
    const countRead = await batch.read({ key: key(`count:${wallet}`), address: contract, abi, functionName: 'getOutstandingWithdrawRequests', args: [wallet] });
    const n = bigintOf(countRead);
    if (n === null) return { wallet, error: errorOf(countRead, 'getOutstandingWithdrawRequests') };
    const items = await Promise.all(Array.from({ length: Number(n) }, (_, i) => batch.read({ key: key(`request:${wallet}:${i}`), address: contract, abi, functionName: 'withdrawRequests', args: [wallet, BigInt(i)] })));
    return { wallet, items };
  });

  const coolDown = bigintOf(await coolDownRead);
  const risk = await riskCooldown;
  const requests: RedemptionRequest[] = [];
  const unread: RedemptionUnread[] = [];
  for (const result of await Promise.all(perWallet)) {
    const { wallet } = result;
    if ('error' in result) {
      unread.push({ wallet, token: token.id, error: result.error });
      continue;
    }
    if (coolDown === null) {
      unread.push({ wallet, token: token.id, error: errorOf(await coolDownRead, 'coolDownPeriod') });
      continue;
    }
    const cooldown = MAX(coolDown, risk);
    const mine: RedemptionRequest[] = [];
    let failed: string | null = null;
    for (const item of result.items) {
      const t = tupleOf(item);
      const collateral = t === null ? null : t[0];
      const [id, amountToRedeem, ezETHLocked, createdAt] = t === null ? [] : [bigAt(t, 1), bigAt(t, 2), bigAt(t, 3), bigAt(t, 4)];
      if (typeof collateral !== 'string' || id == null || amountToRedeem == null || ezETHLocked == null || createdAt == null) {
        failed = errorOf(item, 'withdrawRequests');
        break;
      }
      const claimableAt = createdAt + cooldown;
      mine.push({
        protocol: token.protocol, token: token.id, contract: getAddress(contract), requestId: id.toString(), owner: wallet,
        assetGiven: token.id, amountLocked: ezETHLocked, expectedAmount: amountToRedeem, expectedAsset: ctx.assetId(getAddress(collateral)),
        status: ctx.blockTimestamp >= claimableAt ? 'claimable' : 'pending',
        claimableAtBlock: null, claimableAt, createdAt, startBlock: null, blockedReason: null,
      });
    }
    if (failed !== null) unread.push({ wallet, token: token.id, error: failed });
    else requests.push(...mine);
  }
  return { requests, unread };
}
