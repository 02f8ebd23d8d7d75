/**
 * The token / oracle / ENS side of the simulated world, read the way the app reads mainnet: viem
 * over JSON-RPC, at the registry's addresses, with the registry's own signatures. Expected values
 * come from the scenario (rates, prices, amounts) or from the protocols' published formulas
 * applied to totals read from the chain, never from the fixtures' answers themselves.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  BaseError, ContractFunctionRevertedError, getAddress, multicall3Abi, parseAbi, parseAbiItem, parseEther,
  type AbiFunction, type Address,
} from 'viem';
import { normalize } from 'viem/ens';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../shared/registry/registry';
import { ADDR, tokens } from '../../shared/registry/tokens';
import { startAnvil, type Anvil } from '../../world/anvil';
import { connectWorld, type WorldContext } from '../../world/context';
import { deployEns, type EnsWorld } from '../../world/ens-world';
import {
  deployTokens, TOKEN_ADDRESSES, WETH_ADDRESS, type MarketSymbol, type NavSymbol, type TokenSymbol, type TokensWorld,
} from '../../world/tokens-world';

const ALICE = getAddress('0xa11ce00000000000000000000000000000000001');
const BOB = getAddress('0xb0b0000000000000000000000000000000000002');
const CAROL = getAddress('0xca201000000000000000000000000000000000c3');
const STRANGER = getAddress('0x5742a9e700000000000000000000000000000004');
const KELP_ETH_ASSET = getAddress('0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee');
const E18 = 10n ** 18n;

/** Odd rates, to the wei, so an off-by-one in any rate path shows. */
const RATES: Record<NavSymbol, bigint> = {
  wstETH: 1_234_567_890_123_456_789n,
  rETH: 1_139_876_543_210_987_651n,
  cbETH: 1_098_765_432_109_876_543n,
  ETHx: 1_071_111_111_111_111_113n,
  weETH: 1_071_234_567_890_123_457n,
  ezETH: 1_049_999_999_999_999_999n,
  rsETH: 1_061_000_000_000_000_007n,
  pufETH: 1_062_345_678_901_234_567n,
  rswETH: 1_072_222_222_222_222_221n,
  rstETH: 1_009_876_543_210_123_457n,
};

const HOLDINGS: Record<Exclude<TokenSymbol, 'WETH'>, bigint> = {
  stETH: parseEther('10'), wstETH: parseEther('3'), rETH: parseEther('2'), cbETH: parseEther('1'), ETHx: parseEther('4'),
  eETH: parseEther('5'), weETH: parseEther('20'), ezETH: parseEther('7'), rsETH: parseEther('6'), pufETH: parseEther('8'),
  rswETH: parseEther('9'), rstETH: parseEther('11'),
};

const MARKET: Record<MarketSymbol, bigint> = {
  stETH: 999_100_000_000_000_000n,
  weETH: 1_060_000_000_000_000_001n,
  ezETH: 960_000_000_000_000_000n, // "ezETH market price drops to 0.96"
  rsETH: 1_055_555_555_555_555_555n,
  rswETH: 1_066_000_000_000_000_000n,
};
const ETH_USD = 2_345_67_000_000n; // $2,345.67, 8 decimals
const STALE_AT = 1_700_000_000n;
const NODE_DELEGATORS = [getAddress('0x0000000000000000000000000000000000000d01'), getAddress('0x0000000000000000000000000000000000000d02')];

const erc20 = parseAbi([
  'function balanceOf(address) view returns (uint256)',
  'function totalSupply() view returns (uint256)',
  'function decimals() view returns (uint8)',
  'function symbol() view returns (string)',
  'function name() view returns (string)',
  'function transfer(address, uint256) returns (bool)',
  'function paused() view returns (bool)',
]);
const lido = parseAbi([
  'function sharesOf(address) view returns (uint256)',
  'function getTotalShares() view returns (uint256)',
  'function getTotalPooledEther() view returns (uint256)',
  'function getPooledEthByShares(uint256) view returns (uint256)',
  'function getSharesByPooledEth(uint256) view returns (uint256)',
  'function getStETHByWstETH(uint256) view returns (uint256)',
  'function getWstETHByStETH(uint256) view returns (uint256)',
  'function stEthPerToken() view returns (uint256)',
  'function tokensPerStEth() view returns (uint256)',
]);
const etherfi = parseAbi([
  'function shares(address) view returns (uint256)',
  'function totalShares() view returns (uint256)',
  'function getTotalPooledEther() view returns (uint256)',
  'function getTotalEtherClaimOf(address) view returns (uint256)',
  'function amountForShare(uint256) view returns (uint256)',
  'function sharesForAmount(uint256) view returns (uint256)',
  'function getEETHByWeETH(uint256) view returns (uint256)',
  'function getWeETHByeETH(uint256) view returns (uint256)',
]);
const vault = parseAbi([
  'function asset() view returns (address)',
  'function totalAssets() view returns (uint256)',
  'function convertToAssets(uint256) view returns (uint256)',
  'function convertToShares(uint256) view returns (uint256)',
  'function previewRedeem(uint256) view returns (uint256)',
  'function maxWithdraw(address) view returns (uint256)',
  'function getExitFeeBasisPoints() view returns (uint256)',
  'function getTotalExitFeeBasisPoints() view returns (uint256)',
]);
const feedAbi = parseAbi([
  'function decimals() view returns (uint8)',
  'function description() view returns (string)',
  'function latestRoundData() view returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)',
  'function latestAnswer() view returns (int256)',
]);
const curveAbi = parseAbi([
  'function coins(uint256 i) view returns (address)',
  'function get_dy(int128 i, int128 j, uint256 dx) view returns (uint256)',
  'function price_oracle(uint256 i) view returns (uint256)',
]);

let anvil: Anvil;
let ctx: WorldContext;
let world: TokensWorld;
let ens: EnsWorld;

const read = async <T>(address: Address, signature: string, args: readonly unknown[] = []): Promise<T> => {
  const item = parseAbiItem(signature);
  if (item.type !== 'function') throw new Error(`not a function: ${signature}`);
  // The signature is chosen by the test, so the decoded type is the caller's to state.
  return (await ctx.publicClient.readContract({ address, abi: [item], functionName: item.name, args: [...args] })) as T;
};

const floorDiv = (a: bigint, b: bigint) => a / b;
const ceilDiv = (a: bigint, b: bigint) => (a === 0n ? 0n : (a - 1n) / b + 1n);

beforeAll(async () => {
  anvil = await startAnvil();
  ctx = connectWorld(anvil.rpcUrl);
  world = await deployTokens(ctx);
  ens = await deployEns(ctx);
  // Rates first: every later mint must keep them to the wei.
  for (const [symbol, rate] of Object.entries(RATES)) await world.setNavRate(symbol as NavSymbol, rate);
  for (const [symbol, amount] of Object.entries(HOLDINGS)) await world.mint(symbol as TokenSymbol, ALICE, amount);
  for (const [symbol, price] of Object.entries(MARKET)) await world.setMarketPrice(symbol as MarketSymbol, price);
  await world.setEthUsdPrice(ETH_USD);
  await world.setFeedUpdatedAt('rsETH', STALE_AT);
  await world.setPaused('cbETH', true);
  await world.setKelpNodeDelegators(NODE_DELEGATORS);
  await ens.setEnsName('alice.eth', ALICE);
}, 120_000);

afterAll(async () => {
  await anvil?.stop();
});

describe('NAV sources at their mainnet addresses', () => {
  const symbolOf = (id: string) => id.split('@')[0] ?? id;
  const withRate = tokens.filter((t) => t.chainId === 1 && t.nav.rate !== null);

  it('covers every mainnet token of the registry that has a NAV rate', () => {
    expect(withRate.map((t) => symbolOf(t.id)).sort()).toEqual(Object.keys(RATES).sort());
  });

  it.each(withRate.map((t) => [symbolOf(t.id), t] as const))('%s: the registry NAV view returns the scenario rate to the wei, after mints', async (symbol, t) => {
    const call = t.nav.rate;
    if (!call) throw new Error('filtered above');
    const value = await read<bigint>(call.address, call.signature, call.args === 'one' ? [E18] : []);
    expect(value).toBe(RATES[symbol as NavSymbol]);
  });

  it('wstETH follows Lido share math over the stETH totals', async () => {
    const pooled = await read<bigint>(ADDR.stETH, 'function getTotalPooledEther() view returns (uint256)');
    const shares = await read<bigint>(ADDR.stETH, 'function getTotalShares() view returns (uint256)');
    const w = ctx.publicClient;
    const [byWst, byStEth, perToken, tokensPer] = await Promise.all([
      w.readContract({ address: ADDR.wstETH, abi: lido, functionName: 'getStETHByWstETH', args: [HOLDINGS.wstETH] }),
      w.readContract({ address: ADDR.wstETH, abi: lido, functionName: 'getWstETHByStETH', args: [HOLDINGS.stETH] }),
      w.readContract({ address: ADDR.wstETH, abi: lido, functionName: 'stEthPerToken' }),
      w.readContract({ address: ADDR.wstETH, abi: lido, functionName: 'tokensPerStEth' }),
    ]);
    expect(byWst).toBe(floorDiv(HOLDINGS.wstETH * pooled, shares));
    expect(byStEth).toBe(floorDiv(HOLDINGS.stETH * shares, pooled));
    expect(perToken).toBe(RATES.wstETH);
    expect(tokensPer).toBe(floorDiv(E18 * shares, pooled));
  });

  it('stETH and eETH balances are shares priced at the pool rate (as Lido and ether.fi round them)', async () => {
    const w = ctx.publicClient;
    const stShares = await w.readContract({ address: ADDR.stETH, abi: lido, functionName: 'sharesOf', args: [ALICE] });
    const stPooled = await w.readContract({ address: ADDR.stETH, abi: lido, functionName: 'getTotalPooledEther' });
    const stTotal = await w.readContract({ address: ADDR.stETH, abi: lido, functionName: 'getTotalShares' });
    const stBalance = await w.readContract({ address: ADDR.stETH, abi: erc20, functionName: 'balanceOf', args: [ALICE] });
    expect(stBalance).toBe(floorDiv(stShares * stPooled, stTotal));
    expect(HOLDINGS.stETH - stBalance).toBeGreaterThanOrEqual(0n);
    expect(HOLDINGS.stETH - stBalance).toBeLessThanOrEqual(2n);
    expect(await w.readContract({ address: ADDR.stETH, abi: erc20, functionName: 'totalSupply' })).toBe(stPooled);

    const eShares = await w.readContract({ address: ADDR.eETH, abi: etherfi, functionName: 'shares', args: [ALICE] });
    const eTotal = await w.readContract({ address: ADDR.eETH, abi: etherfi, functionName: 'totalShares' });
    const pooled = await w.readContract({ address: ADDR.etherfiLiquidityPool, abi: etherfi, functionName: 'getTotalPooledEther' });
    const eBalance = await w.readContract({ address: ADDR.eETH, abi: erc20, functionName: 'balanceOf', args: [ALICE] });
    expect(eBalance).toBe(floorDiv(pooled * eShares, eTotal));
    expect(await w.readContract({ address: ADDR.etherfiLiquidityPool, abi: etherfi, functionName: 'getTotalEtherClaimOf', args: [ALICE] })).toBe(eBalance);
    expect(HOLDINGS.eETH - eBalance).toBeGreaterThanOrEqual(0n);
    expect(HOLDINGS.eETH - eBalance).toBeLessThanOrEqual(2n);
    expect(await w.readContract({ address: ADDR.eETH, abi: erc20, functionName: 'totalSupply' })).toBe(pooled);
  });

  it('weETH converts through LiquidityPool.amountForShare / sharesForAmount, rounding down', async () => {
    const w = ctx.publicClient;
    const eTotal = await w.readContract({ address: ADDR.eETH, abi: etherfi, functionName: 'totalShares' });
    const pooled = await w.readContract({ address: ADDR.etherfiLiquidityPool, abi: etherfi, functionName: 'getTotalPooledEther' });
    const eethOfAlice = await w.readContract({ address: ADDR.weETH, abi: etherfi, functionName: 'getEETHByWeETH', args: [HOLDINGS.weETH] });
    expect(eethOfAlice).toBe(floorDiv(HOLDINGS.weETH * pooled, eTotal));
    const back = await w.readContract({ address: ADDR.weETH, abi: etherfi, functionName: 'getWeETHByeETH', args: [eethOfAlice] });
    expect(back).toBe(floorDiv(eethOfAlice * eTotal, pooled));
    expect(await w.readContract({ address: ADDR.weETH, abi: erc20, functionName: 'balanceOf', args: [ALICE] })).toBe(HOLDINGS.weETH);
  });

  it('ezETH rate is 1e18 * RestakeManager TVL / ezETH supply', async () => {
    const [, , tvl] = await read<readonly [readonly (readonly bigint[])[], readonly bigint[], bigint]>(
      ADDR.renzoRestakeManager, 'function calculateTVLs() view returns (uint256[][], uint256[], uint256)');
    const supply = await ctx.publicClient.readContract({ address: ADDR.ezETH, abi: erc20, functionName: 'totalSupply' });
    expect(floorDiv(E18 * tvl, supply)).toBe(RATES.ezETH);
  });

  it('pufETH follows OpenZeppelin ERC4626 (virtual +1) and Puffer V5 exit fees', async () => {
    const w = ctx.publicClient;
    const assets = await w.readContract({ address: ADDR.pufETH, abi: vault, functionName: 'totalAssets' });
    const supply = await w.readContract({ address: ADDR.pufETH, abi: erc20, functionName: 'totalSupply' });
    const feeBps = await w.readContract({ address: ADDR.pufETH, abi: vault, functionName: 'getTotalExitFeeBasisPoints' });
    const exitBps = await w.readContract({ address: ADDR.pufETH, abi: vault, functionName: 'getExitFeeBasisPoints' });
    expect(await w.readContract({ address: ADDR.pufETH, abi: vault, functionName: 'asset' })).toBe(WETH_ADDRESS);
    const value = await w.readContract({ address: ADDR.pufETH, abi: vault, functionName: 'convertToAssets', args: [HOLDINGS.pufETH] });
    expect(value).toBe(floorDiv(HOLDINGS.pufETH * (assets + 1n), supply + 1n));
    expect(await w.readContract({ address: ADDR.pufETH, abi: vault, functionName: 'convertToShares', args: [value] }))
      .toBe(floorDiv(value * (supply + 1n), assets + 1n));
    // The virtual share and asset only show in the last wei on large amounts.
    const huge = 10n ** 30n;
    expect(await w.readContract({ address: ADDR.pufETH, abi: vault, functionName: 'convertToAssets', args: [huge] }))
      .toBe(floorDiv(huge * (assets + 1n), supply + 1n));
    expect(await w.readContract({ address: ADDR.pufETH, abi: vault, functionName: 'convertToShares', args: [huge] }))
      .toBe(floorDiv(huge * (supply + 1n), assets + 1n));
    expect(feeBps).toBeGreaterThan(0n);
    const redeem = value - ceilDiv(value * feeBps, 10_000n);
    expect(await w.readContract({ address: ADDR.pufETH, abi: vault, functionName: 'previewRedeem', args: [HOLDINGS.pufETH] })).toBe(redeem);
    const liquid = await w.readContract({ address: WETH_ADDRESS, abi: erc20, functionName: 'balanceOf', args: [ADDR.pufETH] });
    const grossed = floorDiv(liquid * 10_000n, 10_000n - exitBps);
    const available = grossed - ceilDiv(grossed * feeBps, 10_000n);
    expect(await w.readContract({ address: ADDR.pufETH, abi: vault, functionName: 'maxWithdraw', args: [ALICE] }))
      .toBe(redeem < available ? redeem : available);
  });

  it('pufETH maxWithdraw is capped by the vault liquidity', async () => {
    const w = ctx.publicClient;
    const whale = getAddress('0x00000000000000000000000000000000000b1e55');
    await world.mint('pufETH', whale, parseEther('100000'));
    const liquid = await w.readContract({ address: WETH_ADDRESS, abi: erc20, functionName: 'balanceOf', args: [ADDR.pufETH] });
    const feeBps = await w.readContract({ address: ADDR.pufETH, abi: vault, functionName: 'getTotalExitFeeBasisPoints' });
    const exitBps = await w.readContract({ address: ADDR.pufETH, abi: vault, functionName: 'getExitFeeBasisPoints' });
    const grossed = floorDiv(liquid * 10_000n, 10_000n - exitBps);
    expect(await w.readContract({ address: ADDR.pufETH, abi: vault, functionName: 'maxWithdraw', args: [whale] }))
      .toBe(grossed - ceilDiv(grossed * feeBps, 10_000n));
    expect(await w.readContract({ address: ADDR.pufETH, abi: vault, functionName: 'convertToAssets', args: [E18] })).toBe(RATES.pufETH);
  });

  it('rstETH is an ERC4626 over wstETH with the same rounding', async () => {
    const w = ctx.publicClient;
    expect(await w.readContract({ address: ADDR.rstETH, abi: vault, functionName: 'asset' })).toBe(ADDR.wstETH);
    const assets = await w.readContract({ address: ADDR.rstETH, abi: vault, functionName: 'totalAssets' });
    const supply = await w.readContract({ address: ADDR.rstETH, abi: erc20, functionName: 'totalSupply' });
    expect(await w.readContract({ address: ADDR.rstETH, abi: vault, functionName: 'convertToAssets', args: [HOLDINGS.rstETH] }))
      .toBe(floorDiv(HOLDINGS.rstETH * (assets + 1n), supply + 1n));
    expect(await w.readContract({ address: ADDR.rstETH, abi: vault, functionName: 'convertToAssets', args: [10n ** 30n] }))
      .toBe(floorDiv(10n ** 30n * (assets + 1n), supply + 1n));
  });

  it('rETH, rswETH and the other rate tokens convert consistently with their rate', async () => {
    const ethValue = await read<bigint>(ADDR.rETH, 'function getEthValue(uint256) view returns (uint256)', [HOLDINGS.rETH]);
    expect(ethValue - 2n * RATES.rETH).toBeGreaterThanOrEqual(0n);
    expect(ethValue - 2n * RATES.rETH).toBeLessThanOrEqual(1n);
    const rethBack = await read<bigint>(ADDR.rETH, 'function getRethValue(uint256) view returns (uint256)', [ethValue]);
    expect(HOLDINGS.rETH - rethBack).toBeLessThanOrEqual(1n);
    expect(await read<bigint>(ADDR.rswETH, 'function rswETHToETHRate() view returns (uint256)')).toBe(RATES.rswETH);
    expect(await read<bigint>(ADDR.rswETH, 'function ethToRswETHRate() view returns (uint256)')).toBe(floorDiv(E18 * E18, RATES.rswETH));
  });

  it('every plain token holds exactly what was minted, with ERC-20 metadata', async () => {
    for (const symbol of ['wstETH', 'rETH', 'cbETH', 'ETHx', 'weETH', 'ezETH', 'rsETH', 'pufETH', 'rswETH', 'rstETH'] as const) {
      const address = TOKEN_ADDRESSES[symbol];
      expect(await ctx.publicClient.readContract({ address, abi: erc20, functionName: 'balanceOf', args: [ALICE] })).toBe(HOLDINGS[symbol]);
      expect(await ctx.publicClient.readContract({ address, abi: erc20, functionName: 'symbol' })).toBe(symbol);
      expect(await ctx.publicClient.readContract({ address, abi: erc20, functionName: 'decimals' })).toBe(18);
    }
  });
});

describe('market prices', () => {
  const chainlink = tokens.flatMap((t) => (t.chainId === 1 && t.market?.kind === 'chainlink' ? [[t.symbol, t.market] as const] : []));

  it.each(chainlink)('%s: the registry feed answers the scenario price with its decimals and description', async (symbol, market) => {
    const round = await ctx.publicClient.readContract({ address: market.address, abi: feedAbi, functionName: 'latestRoundData' });
    expect(round[1]).toBe(MARKET[symbol as MarketSymbol]);
    expect(await ctx.publicClient.readContract({ address: market.address, abi: feedAbi, functionName: 'latestAnswer' })).toBe(round[1]);
    expect(await ctx.publicClient.readContract({ address: market.address, abi: feedAbi, functionName: 'decimals' })).toBe(market.decimals);
    expect(await ctx.publicClient.readContract({ address: market.address, abi: feedAbi, functionName: 'description' })).toBe(market.description);
    expect(round[0]).toBeGreaterThan(0n);
    expect(round[4]).toBe(round[0]);
  });

  it('a restamped feed reports the stale time; the others were updated in a recent block', async () => {
    const block = await ctx.publicClient.getBlock();
    const stale = await ctx.publicClient.readContract({ address: ADDR.feedRsEthEth, abi: feedAbi, functionName: 'latestRoundData' });
    expect(stale[3]).toBe(STALE_AT);
    const fresh = await ctx.publicClient.readContract({ address: ADDR.feedWeEthEth, abi: feedAbi, functionName: 'latestRoundData' });
    expect(fresh[3]).toBeGreaterThan(block.timestamp - 3600n);
    expect(fresh[3]).toBeLessThanOrEqual(block.timestamp);
  });

  it('the ETH/USD feed has 8 decimals and the scenario answer', async () => {
    const feed = registry.ethUsdFeed;
    if (!feed) throw new Error('registry has no ETH/USD feed');
    expect(await ctx.publicClient.readContract({ address: feed.address, abi: feedAbi, functionName: 'decimals' })).toBe(8);
    const round = await ctx.publicClient.readContract({ address: feed.address, abi: feedAbi, functionName: 'latestRoundData' });
    expect(round[1]).toBe(ETH_USD);
  });

  it('the Curve pool: coins(0) = rswETH, coins(1) = WETH, get_dy prices rswETH less the fee', async () => {
    const rswEth = tokens.find((t) => t.id === 'rswETH@1');
    const market = rswEth?.market;
    if (market?.kind !== 'curve') throw new Error('registry has no Curve market for rswETH');
    const at = market.address;
    const w = ctx.publicClient;
    expect(await w.readContract({ address: at, abi: curveAbi, functionName: 'coins', args: [BigInt(market.i)] })).toBe(ADDR.rswETH);
    expect(await w.readContract({ address: at, abi: curveAbi, functionName: 'coins', args: [BigInt(market.j)] })).toBe(WETH_ADDRESS);
    expect(await w.readContract({ address: at, abi: curveAbi, functionName: 'get_dy', args: [BigInt(market.i), BigInt(market.j), E18] })).toBe(MARKET.rswETH);
    expect(await w.readContract({ address: at, abi: curveAbi, functionName: 'price_oracle', args: [0n] })).toBe(floorDiv(E18 * E18, MARKET.rswETH));
    const fee = 4_000_000n; // 0.04%
    await world.setCurveFee(fee);
    const dx = parseEther('100');
    const dy = floorDiv(dx * MARKET.rswETH, E18);
    expect(await w.readContract({ address: at, abi: curveAbi, functionName: 'get_dy', args: [0n, 1n, dx] })).toBe(dy - floorDiv(dy * fee, 10n ** 10n));
    await world.setCurveFee(0n);
  });
});

describe('paused and broken tokens', () => {
  it('paused() reads the scenario where the registry lists it, and a paused token refuses transfers', async () => {
    const pausable = tokens.filter((t) => t.chainId === 1 && t.paused !== null);
    expect(pausable.length).toBeGreaterThan(0);
    expect(pausable.map((t) => t.symbol)).toContain('cbETH');
    for (const t of pausable) {
      const view = t.paused;
      if (!view) throw new Error('filtered above');
      expect(await read<boolean>(view.address, view.signature)).toBe(t.symbol === 'cbETH');
    }
    await expect(ctx.publicClient.simulateContract({ account: ALICE, address: ADDR.cbETH, abi: erc20, functionName: 'transfer', args: [BOB, 1n] }))
      .rejects.toThrow(/paused/);
    const ok = await ctx.publicClient.simulateContract({ account: ALICE, address: ADDR.rsETH, abi: erc20, functionName: 'transfer', args: [BOB, 1n] });
    expect(ok.result).toBe(true);
  });

  it('ezETH has no paused() (as on mainnet); pausing it pauses Renzo\'s RestakeManager and ezETH transfers', async () => {
    await world.setPaused('ezETH', true);
    try {
      await expect(read<boolean>(ADDR.ezETH, 'function paused() view returns (bool)')).rejects.toThrow();
      expect(await read<boolean>(ADDR.renzoRestakeManager, 'function paused() view returns (bool)')).toBe(true);
      await expect(ctx.publicClient.simulateContract({ account: ALICE, address: ADDR.ezETH, abi: erc20, functionName: 'transfer', args: [BOB, 1n] }))
        .rejects.toThrow(/paused/);
    } finally {
      await world.setPaused('ezETH', false);
    }
    expect(await read<boolean>(ADDR.renzoRestakeManager, 'function paused() view returns (bool)')).toBe(false);
  });

  it('one multicall with a reverting token among good calls isolates the failure (aggregate3, allowFailure)', async () => {
    await world.setReverting('rsETH', true);
    try {
      const results = await ctx.publicClient.multicall({
        contracts: [
          { address: ADDR.weETH, abi: erc20, functionName: 'balanceOf', args: [ALICE] },
          { address: ADDR.rsETH, abi: erc20, functionName: 'balanceOf', args: [ALICE] },
          { address: ADDR.kelpOracle, abi: parseAbi(['function rsETHPrice() view returns (uint256)']), functionName: 'rsETHPrice' },
          { address: ADDR.rsETH, abi: erc20, functionName: 'totalSupply' },
        ],
      });
      expect(results[0]).toEqual({ status: 'success', result: HOLDINGS.weETH });
      expect(results[1]?.status).toBe('failure');
      expect(results[2]).toEqual({ status: 'success', result: RATES.rsETH });
      expect(results[3]?.status).toBe('failure');
      await expect(ctx.publicClient.readContract({ address: ADDR.rsETH, abi: erc20, functionName: 'symbol' })).rejects.toThrow(/fixture: reverting/);
    } finally {
      await world.setReverting('rsETH', false);
    }
    expect(await ctx.publicClient.readContract({ address: ADDR.rsETH, abi: erc20, functionName: 'balanceOf', args: [ALICE] })).toBe(HOLDINGS.rsETH);
  });

  it('an oracle can be broken by address too', async () => {
    await world.setReverting(ADDR.renzoRateProvider, true);
    try {
      await expect(read<bigint>(ADDR.renzoRateProvider, 'function getRate() view returns (uint256)')).rejects.toThrow(/reverting/);
    } finally {
      await world.setReverting(ADDR.renzoRateProvider, false);
    }
    expect(await read<bigint>(ADDR.renzoRateProvider, 'function getRate() view returns (uint256)')).toBe(RATES.ezETH);
  });
});

describe('Multicall3 at its canonical address', () => {
  const mc = registry.multicall3;

  it('answers the block and chain views', async () => {
    const w = ctx.publicClient;
    const block = await w.getBlock();
    expect(await read<bigint>(mc, 'function getChainId() view returns (uint256)')).toBe(1n);
    expect(await read<bigint>(mc, 'function getBlockNumber() view returns (uint256)')).toBe(block.number);
    expect(await w.readContract({ address: mc, abi: multicall3Abi, functionName: 'getCurrentBlockTimestamp' })).toBe(block.timestamp);
    expect(await w.readContract({ address: mc, abi: multicall3Abi, functionName: 'getEthBalance', args: [ctx.admin.address] }))
      .toBe(await w.getBalance({ address: ctx.admin.address }));
    expect(await read<bigint>(mc, 'function getCurrentBlockGasLimit() view returns (uint256)')).toBe(block.gasLimit);
    expect(await read<string>(mc, 'function getLastBlockHash() view returns (bytes32)')).toBe(block.parentHash);
    expect(await read<bigint>(mc, 'function getBasefee() view returns (uint256)')).toBe(block.baseFeePerGas);
    expect(await read<string>(mc, 'function getBlockHash(uint256) view returns (bytes32)', [block.number - 1n])).toBe(block.parentHash);
    expect(await read<string>(mc, 'function getCurrentBlockCoinbase() view returns (address)')).toBe(getAddress(block.miner));
  });

  it('reverts the whole batch when a call that may not fail fails, and tryAggregate reports it', async () => {
    await world.setReverting('cbETH', true);
    try {
      const good = { target: ADDR.weETH, callData: '0x18160ddd' as const }; // totalSupply()
      const bad = { target: ADDR.cbETH, callData: '0x18160ddd' as const };
      const err = await ctx.publicClient.simulateContract({
        address: mc, abi: multicall3Abi, functionName: 'aggregate3',
        args: [[{ ...good, allowFailure: true }, { ...bad, allowFailure: false }]],
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BaseError);
      const revert = err instanceof BaseError ? err.walk((e) => e instanceof ContractFunctionRevertedError) : null;
      expect(revert instanceof ContractFunctionRevertedError ? revert.reason : null).toBe('Multicall3: call failed');
      const tried = await read<readonly { success: boolean; returnData: string }[]>(mc,
        'function tryAggregate(bool requireSuccess, (address target, bytes callData)[] calls) returns ((bool success, bytes returnData)[])',
        [false, [good, bad]]);
      expect(tried.map((r) => r.success)).toEqual([true, false]);
      const [blockNumber, blockHash, results] = await read<readonly [bigint, string, readonly { success: boolean }[]]>(mc,
        'function tryBlockAndAggregate(bool requireSuccess, (address target, bytes callData)[] calls) returns (uint256 blockNumber, bytes32 blockHash, (bool success, bytes returnData)[] returnData)',
        [false, [good, bad]]);
      // As on mainnet: an eth_call runs in the latest block, whose own blockhash() is still zero.
      expect(blockNumber).toBe((await ctx.publicClient.getBlock()).number);
      expect(blockHash).toBe(`0x${'0'.repeat(64)}`);
      expect(results.map((r) => r.success)).toEqual([true, false]);
      await expect(read(mc, 'function aggregate((address target, bytes callData)[] calls) returns (uint256 blockNumber, bytes[] returnData)', [[good, bad]]))
        .rejects.toThrow(/Multicall3: call failed/);
    } finally {
      await world.setReverting('cbETH', false);
    }
  });

  it('aggregate3Value checks the value sent', async () => {
    const multicall3Abi = parseAbi([
      'function aggregate3Value((address target, bool allowFailure, uint256 value, bytes callData)[] calls) payable returns ((bool success, bytes returnData)[] returnData)',
    ]);
    const calls = [{ target: ADDR.weETH, allowFailure: false, value: 0n, callData: '0x18160ddd' as const }];
    const ok = await ctx.publicClient.simulateContract({ account: ALICE, address: mc, abi: multicall3Abi, functionName: 'aggregate3Value', args: [calls] });
    expect(ok.result[0]?.success).toBe(true);
    await expect(ctx.publicClient.simulateContract({ account: ctx.admin, address: mc, abi: multicall3Abi, functionName: 'aggregate3Value', args: [calls], value: 1n }))
      .rejects.toThrow(/Multicall3: value mismatch/);
  });
});

describe('the rest of the registry and ABI reference', () => {
  it('Kelp LRTDepositPool lists the scenario NodeDelegators', async () => {
    const rsEth = tokens.find((t) => t.id === 'rsETH@1');
    const discover = rsEth?.lookThrough?.discover;
    if (discover?.kind !== 'list') throw new Error('registry has no Kelp discover view');
    expect(await read<readonly Address[]>(discover.call.address, discover.call.signature)).toEqual(NODE_DELEGATORS);
  });

  // Every fragment of the sections these fixtures implement (../shared/reference/lrt_abi.txt) is
  // callable at the fixture's address: same selector, answer decodes with the reference outputs.
  const reference = readFileSync(fileURLToPath(new URL('../../reference/lrt_abi.txt', import.meta.url)), 'utf8');
  const sections = new Map<string, string[]>();
  let current = '';
  for (const line of reference.split('\n')) {
    if (line.startsWith('## ')) { current = line.slice(3).trim(); sections.set(current, []); continue; }
    if (line.startsWith('function ') && current) sections.get(current)?.push(line.trim());
  }
  const targets: Readonly<Record<string, readonly Address[]>> = {
    EtherFiWeETH: [ADDR.weETH],
    EtherFiLiquidityPool: [ADDR.etherfiLiquidityPool],
    EtherFiEETH: [ADDR.eETH],
    RenzoRateProvider: [ADDR.renzoRateProvider],
    RenzoRestakeManager: [ADDR.renzoRestakeManager],
    KelpLRTOracle: [ADDR.kelpOracle],
    PufferVault: [ADDR.pufETH],
    SwellRswETH: [ADDR.rswETH],
    MellowVaultERC4626: [ADDR.rstETH],
    LidoWstETH: [ADDR.wstETH],
    ChainlinkAggregatorV3: [ADDR.feedStEthEth, ADDR.feedWeEthEth, ADDR.feedEzEthEth, ADDR.feedRsEthEth, ADDR.feedEthUsd],
    CurveStableSwap: [ADDR.curveRswEthWeth],
  };
  const argFor = (fn: AbiFunction, index: number): unknown => {
    const input = fn.inputs[index];
    if (!input) throw new Error('no input');
    if (input.type === 'address') return fn.name.startsWith('getAssetPrice') || fn.name === 'assetPriceOracle' ? KELP_ETH_ASSET : ALICE;
    if (input.type === 'int128') return input.name === 'j' ? 1n : 0n;
    if (input.name === 'i') return 0n;
    return E18;
  };
  const cases = Object.entries(targets).flatMap(([section, addresses]) =>
    (sections.get(section) ?? []).flatMap((signature) => addresses.map((address) => [section, signature, address] as const)));

  it('the reference file has every section these fixtures implement', () => {
    for (const section of Object.keys(targets)) expect(sections.get(section)?.length ?? 0).toBeGreaterThan(0);
  });

  it.each(cases)('%s: %s at %s', async (_section, signature, address) => {
    const item = parseAbiItem(signature);
    if (item.type !== 'function') throw new Error(`not a function: ${signature}`);
    const args = item.inputs.map((_, i) => argFor(item, i));
    const result = await ctx.publicClient.readContract({ address, abi: [item], functionName: item.name, args });
    expect(result).toBeDefined();
  });
});

describe('ENS as viem resolves it on mainnet', () => {
  it('resolves a known name, and null for an unknown one', async () => {
    expect(await ctx.publicClient.getEnsAddress({ name: normalize('alice.eth') })).toBe(ALICE);
    expect(await ctx.publicClient.getEnsAddress({ name: normalize('nobody-here.eth') })).toBeNull();
  });

  it('reverse-resolves the primary name, and null for an address without one', async () => {
    expect(await ctx.publicClient.getEnsName({ address: ALICE })).toBe('alice.eth');
    expect(await ctx.publicClient.getEnsName({ address: STRANGER })).toBeNull();
  });

  it('normalises names, and a primary name that no longer points back gives null', async () => {
    await ens.setEnsName('Carol.eth', CAROL);
    expect(await ctx.publicClient.getEnsAddress({ name: normalize('carol.eth') })).toBe(CAROL);
    expect(await ctx.publicClient.getEnsName({ address: CAROL })).toBe('carol.eth');
    await ens.setEnsName('carol.eth', BOB); // carol.eth now points at Bob; Carol's reverse record still says carol.eth
    expect(await ctx.publicClient.getEnsAddress({ name: normalize('carol.eth') })).toBe(BOB);
    expect(await ctx.publicClient.getEnsName({ address: CAROL })).toBeNull();
    expect(await ctx.publicClient.getEnsName({ address: BOB })).toBe('carol.eth');
  });
});
