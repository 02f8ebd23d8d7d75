/**
 * Every wallet's balance of every registry token on the chain (first level), then for non-zero
 * balances the protocol's own conversion of that exact balance (registry nav.amount, e.g.
 * weETH.getEETHByWeETH) and, for Curve markets, what selling it returns (get_dy), second level.
 */
import type { Address } from 'viem';
import { erc20Abi } from '../../shared/abi/erc20-abi';
import { curveAbi } from '../../shared/abi/curve-abi';
import type { TokenInfo } from '../../shared/registry/types';
import type { Read, TokenBalance } from '../../shared/snapshot';
import type { ContractReader } from './contract-reader';
import { isBigint, narrowRead } from './narrow-read';
import { readCurveCoinCheck } from './read-curve-coin-check';
import { readViewCall, viewCallName } from './read-view-call';

export interface ReadBalancesParameters {
  readonly tokens: readonly TokenInfo[];
  readonly wallets: readonly Address[];
}

export interface WalletBalances {
  readonly wallet: Address;
  readonly balances: readonly TokenBalance[];
}

/** Converting or selling nothing yields nothing: zero balances are not sent to the chain. */
const ZERO: Read<bigint> = { ok: true, value: 0n };

async function readNavAmount(reader: ContractReader, wallet: Address, token: TokenInfo, balance: Read<bigint>): Promise<Read<bigint> | undefined> {
  const amount = token.nav.amount;
  if (!amount) return undefined;
  if (!balance.ok) return { ok: false, error: `balance not read: ${balance.error}` };
  if (balance.value === 0n) return ZERO;
  const key = `nav.amount:${wallet}:${token.id}`;
  const raw = await readViewCall(reader, key, amount, balance.value);
  return narrowRead(reader, raw, isBigint, { key, target: amount.address, call: viewCallName(amount), expected: 'uint256' });
}

async function readSaleAmount(reader: ContractReader, wallet: Address, token: TokenInfo, balance: Read<bigint>): Promise<Read<bigint> | undefined> {
  const market = token.market;
  if (market?.kind !== 'curve') return undefined;
  if (!balance.ok) return { ok: false, error: `balance not read: ${balance.error}` };
  if (balance.value === 0n) return ZERO;
  const [check, quote] = await Promise.all([
    readCurveCoinCheck(reader, token, market),
    reader.read({ key: `sale.amount:${wallet}:${token.id}`, address: market.address, abi: curveAbi, functionName: 'get_dy', args: [BigInt(market.i), BigInt(market.j), balance.value] }),
  ]);
  return check.ok ? quote : check;
}

async function readTokenBalance(reader: ContractReader, wallet: Address, token: TokenInfo): Promise<TokenBalance> {
  const balance = await reader.read({ key: `balance:${wallet}:${token.id}`, address: token.address, abi: erc20Abi, functionName: 'balanceOf', args: [wallet] });
  const [navAmount, saleAmountEth] = await Promise.all([readNavAmount(reader, wallet, token, balance), readSaleAmount(reader, wallet, token, balance)]);
  return {
    token: token.id,
    address: token.address,
    balance,
    ...(navAmount === undefined ? {} : { navAmount }),
    ...(saleAmountEth === undefined ? {} : { saleAmountEth }),
  };
}

/** Balances per wallet, in the order of `wallets`, each in registry token order. */
export function readBalances(reader: ContractReader, params: ReadBalancesParameters): Promise<WalletBalances[]> {
  return Promise.all(params.wallets.map(async (wallet) => ({
    wallet,
    balances: await Promise.all(params.tokens.map((t) => readTokenBalance(reader, wallet, t))),
  })));
}
