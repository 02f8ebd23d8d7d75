/**
 * Before trusting a Curve quote, checks that coins(i) of the pool is the token itself: a pool
 * address or index that is wrong in the registry must fail loudly, not quote another coin.
 */
import { isAddressEqual } from 'viem';
import { curveAbi } from '../../shared/abi/curve-abi';
import type { MarketSource, TokenInfo } from '../../shared/registry/types';
import type { Read } from '../../shared/snapshot';
import type { ContractReader } from './contract-reader';

type CurveSource = Extract<MarketSource, { kind: 'curve' }>;

/** Ok when the pool's coins(i) is the token; otherwise a recorded failure naming both addresses. */
export async function readCurveCoinCheck(reader: ContractReader, token: TokenInfo, pool: CurveSource): Promise<Read<true>> {
  const coin = await reader.read({ key: `token.market:${token.id}`, address: pool.address, abi: curveAbi, functionName: 'coins', args: [BigInt(pool.i)] });
  if (!coin.ok) return coin;
  if (isAddressEqual(coin.value, token.address)) return { ok: true, value: true };
  const error = `Curve pool ${pool.address} coins(${pool.i}) is ${coin.value}, not ${token.symbol} (${token.address})`;
  reader.fail({ key: `token.market:${token.id}`, target: pool.address, call: 'coins(uint256)', error });
  return { ok: false, error };
}
