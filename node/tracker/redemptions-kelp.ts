/**
 * Kelp LRTWithdrawalManager: requests per asset (LRTConfig.getSupportedAssetList), a user's nonces in a
 * double-ended queue (`userAssociatedNonces(asset, user)` = begin, end), each read with
 * `getUserWithdrawalRequest(asset, user, i)`. Unlocked when nonce < nextLockedNonce(asset); claimable from
 * block withdrawalStartBlock + withdrawalDelayBlocks. Three levels.
 */
import { getAddress, type Address } from 'viem';
import { KELP_LRT_CONFIG, type RedemptionRequest, type RedemptionUnread } from '../../shared/redemption';
import type { Read } from '../../shared/snapshot';
import type { RedemptionsContext, RedemptionsPart } from './redemptions-context';
import { kelpLrtConfigAbi, kelpWithdrawalManagerAbi } from './redemptions-abi';
import { bigAt, bigintOf, errorOf, tupleOf } from './redemptions-values';

/** Reads every Kelp withdrawal request of the wallets, over every supported asset. */
export async function readKelpRedemptions(ctx: RedemptionsContext, lrtConfig: Address = KELP_LRT_CONFIG): Promise<RedemptionsPart> {
  const { batch, contract, token } = ctx;
  const key = (what: string) => `redemption:${token.id}:${what}`;
  const abi = kelpWithdrawalManagerAbi;
  const delayRead = batch.read({ key: key('withdrawalDelayBlocks'), address: contract, abi, functionName: 'withdrawalDelayBlocks', args: [] });
  const assetsRead = await batch.read({ key: key('getSupportedAssetList'), address: lrtConfig, abi: kelpLrtConfigAbi, functionName: 'getSupportedAssetList', args: [] });
  const assets: Address[] = [];
  if (assetsRead.ok && Array.isArray(assetsRead.value)) {
    for (const a of assetsRead.value) if (typeof a === 'string') assets.push(getAddress(a));
  }
  const fail = (error: string): RedemptionsPart => ({ requests: [], unread: ctx.wallets.map((wallet) => ({ wallet, token: token.id, error })) });
  if (!assetsRead.ok || assets.length === 0) return fail(assetsRead.ok ? 'LRTConfig lists no supported asset' : assetsRead.error);

  const perAsset = assets.map(async (asset) => {
    const lockedRead = batch.read({ key: key(`nextLockedNonce:${asset}`), address: contract, abi, functionName: 'nextLockedNonce', args: [asset] });
    const wallets = ctx.wallets.map(async (wallet) => {
      const deque = await batch.read({ key: key(`userAssociatedNonces:${asset}:${wallet}`), address: contract, abi, functionName: 'userAssociatedNonces', args: [asset, wallet] });
      const t = tupleOf(deque);
      const begin = t === null ? null : bigAt(t, 0);
      const end = t === null ? null : bigAt(t, 1);
      if (begin === null || end === null) return { wallet, error: errorOf(deque, 'userAssociatedNonces') };
      const items: Read<unknown>[] = await Promise.all(Array.from({ length: Number(end - begin) }, (_, i) =>
        batch.read({ key: key(`request:${asset}:${wallet}:${i}`), address: contract, abi, functionName: 'getUserWithdrawalRequest', args: [asset, wallet, BigInt(i)] })));
      return { wallet, items };
    });
    return { asset, locked: await lockedRead, wallets: await Promise.all(wallets) };
  });

  const delayResult = await delayRead;
  const delay = bigintOf(delayResult);
  const results = await Promise.all(perAsset);
  if (delay === null) return fail(errorOf(delayResult, 'withdrawalDelayBlocks'));

  const requests: RedemptionRequest[] = [];
  const errors = new Map<Address, string>();
  for (const { asset, locked, wallets } of results) {
    const nextLocked = bigintOf(locked);
    for (const w of wallets) {
      if (errors.has(w.wallet)) continue;
      if ('error' in w) {
        errors.set(w.wallet, w.error);
        continue;
      }
      if (nextLocked === null) {
        if (w.items.length > 0) errors.set(w.wallet, errorOf(locked, 'nextLockedNonce'));
        continue;
      }
      for (const item of w.items) {
        const t = tupleOf(item);
        const [rsETH, expected, startBlock, nonce] = t === null ? [] : [bigAt(t, 0), bigAt(t, 1), bigAt(t, 2), bigAt(t, 3)];
        if (rsETH == null || expected == null || startBlock == null || nonce == null) {
          errors.set(w.wallet, errorOf(item, 'getUserWithdrawalRequest'));
          break;
        }
        const claimableAtBlock = startBlock + delay;
        const unlocked = nonce < nextLocked;
        requests.push({
          protocol: token.protocol, token: token.id, contract: getAddress(contract), requestId: `${asset.toLowerCase()}:${nonce}`, owner: w.wallet,
          assetGiven: token.id, amountLocked: rsETH, expectedAmount: expected, expectedAsset: ctx.assetId(asset),
          status: !unlocked ? 'pending' : ctx.blockNumber >= claimableAtBlock ? 'claimable' : 'finalized',
          claimableAtBlock, claimableAt: null, createdAt: null, startBlock, blockedReason: null,
        });
      }
    }
  }
  const unread: RedemptionUnread[] = [...errors].map(([wallet, error]) => ({ wallet, token: token.id, error }));
  return { requests: requests.filter((r) => !errors.has(r.owner)), unread };
}
