import type { TokenInfo } from '../registry/types';
import type { PositionExit } from '../report';
import type { ChainSnapshot } from '../snapshot';

/** The tokens EtherFiRedemptionManager takes (redeemEEth / redeemWeEth), by registry id. */
const EETH = 'eETH@1';
const WEETH = 'weETH@1';
const BPS = 10_000n;

export type EtherFiInstantFields = Required<Pick<PositionExit, 'instantRedeemEth' | 'instantRedeemCapped'>>;

const UNAVAILABLE: EtherFiInstantFields = { instantRedeemEth: null, instantRedeemCapped: false };

/**
 * ETH a holder of `balance` of `token` receives now through ether.fi's instant redemption (the
 * EtherFiRedemptionManager, ETH output), after the exit fee: the manager's own arithmetic, to the wei.
 * With P = LiquidityPool.getTotalPooledEther() and T = eETH.totalShares() at the snapshot's block:
 * the eETH amount redeemed is the eETH balance itself, or weETH.getEETHByWeETH(balance) = ⌊balance·P/T⌋;
 * `_calcRedemption` takes shares = ⌊amount·T/P⌋, keeps ⌊shares·(10⁴ − fee)/10⁴⌋ for the receiver and
 * pays their value ⌊·P/T⌋ (previewRedeem, which takes the fee on the ETH amount rounded up, can differ
 * by a wei or two, so it is not used).
 *
 * When the position is more than totalRedeemableAmount(ETH) (the rate-limit bucket or the liquidity
 * above the low watermark), `instantRedeemCapped` is true and the figure is what redeeming the most
 * that can go now pays: that eETH amount, or weETH.getWeETHByeETH(that amount) weETH.
 *
 * Returns null (no fields) for tokens that are not ether.fi's; for bridged weETH on an L2 the path does
 * not exist there (the manager takes mainnet eETH and weETH only), so the figure is null; null too when
 * the path was not read or the manager is paused.
 */
export function etherFiInstantExit(token: TokenInfo, balance: bigint, snap: Pick<ChainSnapshot, 'etherfiInstant' | 'blockTimestamp'>): EtherFiInstantFields | null {
  const isWeEth = token.id === WEETH;
  if (token.id !== EETH && !isWeEth) return token.bridgedFrom === WEETH || token.bridgedFrom === EETH ? UNAVAILABLE : null;
  const read = snap.etherfiInstant;
  if (!read?.ok) return UNAVAILABLE;
  const s = read.value;
  const pausedUntil = snap.blockTimestamp !== null && s.pausedUntil >= snap.blockTimestamp;
  if (s.paused || pausedUntil || s.totalPooledEther === 0n || s.totalShares === 0n || s.exitFeeBps > BPS) return UNAVAILABLE;
  const P = s.totalPooledEther;
  const T = s.totalShares;
  const amount = isWeEth ? (balance * P) / T : balance;
  const capped = amount > s.redeemableEth;
  // Capped: the most that can go now, given the way the holder gives it (an eETH amount, or weETH).
  const redeemed = !capped ? amount : isWeEth ? (((s.redeemableEth * T) / P) * P) / T : s.redeemableEth;
  const shares = (redeemed * T) / P;
  const toReceiver = (((shares * (BPS - s.exitFeeBps)) / BPS) * P) / T;
  return { instantRedeemEth: toReceiver, instantRedeemCapped: capped };
}
