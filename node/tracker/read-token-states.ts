/**
 * Live facts about each registry token on the chain: total supply, NAV rate (or, for a
 * total-over-supply NAV, its total), market price (feed or pool), paused state and on-chain
 * redemption delay. All first-level reads (no dependencies).
 */
import { erc20Abi } from '../../shared/abi/erc20-abi';
import { curveAbi } from '../../shared/abi/curve-abi';
import type { TokenInfo } from '../../shared/registry/types';
import type { Read, TokenState } from '../../shared/snapshot';
import type { ContractReader } from './contract-reader';
import { isBigint, isBoolean, narrowRead } from './narrow-read';
import { readChainlinkRound } from './read-chainlink-round';
import { readCurveCoinCheck } from './read-curve-coin-check';
import { navRateFromTotal, readNavTotal } from './read-nav-total';
import { readViewCall, viewCallName } from './read-view-call';

export interface ReadTokenStatesParameters {
  readonly tokens: readonly TokenInfo[];
}

const ONE = 10n ** 18n;

async function readMarket(reader: ContractReader, token: TokenInfo): Promise<{ rate: Read<bigint> | null; updatedAt: bigint | null }> {
  const market = token.market;
  if (!market) return { rate: null, updatedAt: null };
  if (market.kind === 'chainlink') {
    const round = await readChainlinkRound(reader, { key: `token.market:${token.id}`, address: market.address });
    if (!round.answer.ok) return { rate: round.answer, updatedAt: round.updatedAt };
    const answer = round.answer.value;
    // The feed quotes ETH per token with `decimals` decimals; the snapshot carries wei per whole token.
    const scaled = market.decimals <= 18 ? answer * 10n ** BigInt(18 - market.decimals) : answer / 10n ** BigInt(market.decimals - 18);
    return { rate: { ok: true, value: scaled }, updatedAt: round.updatedAt };
  }
  const [check, quote] = await Promise.all([
    readCurveCoinCheck(reader, token, market),
    reader.read({ key: `token.market:${token.id}`, address: market.address, abi: curveAbi, functionName: 'get_dy', args: [BigInt(market.i), BigInt(market.j), 10n ** BigInt(token.decimals)] }),
  ]);
  return { rate: check.ok ? quote : check, updatedAt: null };
}

async function readTokenState(reader: ContractReader, token: TokenInfo): Promise<TokenState> {
  const overSupply = token.nav.totalOverSupply;
  // A total-over-supply NAV derives its rate from the total and the supply (read-nav-total.ts).
  const nav = overSupply ? null : token.nav.rate;
  const delay = token.redemption?.delay;
  const [totalSupply, navTotal, navRaw, market, pausedRaw, delayRaw] = await Promise.all([
    reader.read({ key: `token.totalSupply:${token.id}`, address: token.address, abi: erc20Abi, functionName: 'totalSupply', args: [] }),
    overSupply ? readNavTotal(reader, token, overSupply) : null,
    nav ? readViewCall(reader, `token.nav:${token.id}`, nav) : null,
    readMarket(reader, token),
    token.paused ? readViewCall(reader, `token.paused:${token.id}`, token.paused) : null,
    delay && delay.kind !== 'default' ? readViewCall(reader, `token.redemptionDelay:${token.id}`, delay.call) : null,
  ]);
  // A token 1:1 with its NAV unit by construction (eETH, stETH, bridged copies without a rate) has rate 1e18.
  const navRate: Read<bigint> = navTotal
    ? navRateFromTotal(reader, token, navTotal, totalSupply)
    : nav && navRaw
      ? narrowRead(reader, navRaw, isBigint, { key: `token.nav:${token.id}`, target: nav.address, call: viewCallName(nav), expected: 'uint256' })
      : { ok: true, value: ONE };
  const paused = token.paused && pausedRaw
    ? narrowRead(reader, pausedRaw, isBoolean, { key: `token.paused:${token.id}`, target: token.paused.address, call: viewCallName(token.paused), expected: 'bool' })
    : null;
  const delayRead = delay && delay.kind !== 'default' && delayRaw
    ? narrowRead(reader, delayRaw, isBigint, { key: `token.redemptionDelay:${token.id}`, target: delay.call.address, call: viewCallName(delay.call), expected: 'uint256' })
    : null;
  return {
    token: token.id,
    address: token.address,
    totalSupply,
    navRate,
    ...(navTotal ? { navTotal } : {}),
    marketRate: market.rate,
    marketUpdatedAt: market.updatedAt,
    paused,
    redemptionDelaySeconds: delay?.kind === 'seconds-call' ? delayRead : null,
    redemptionDelayBlocks: delay?.kind === 'blocks-call' ? delayRead : null,
  };
}

/** Reads every token's state; one entry per token, in registry order. */
export function readTokenStates(reader: ContractReader, params: ReadTokenStatesParameters): Promise<TokenState[]> {
  return Promise.all(params.tokens.map((t) => readTokenState(reader, t)));
}
