/**
 * The token side of the simulated restaking world: LSTs and LRTs with each one's own NAV source,
 * Chainlink feeds, the Curve rswETH/WETH pool and Multicall3, all at their mainnet addresses
 * (shared/registry), plus the scenario setters tests and the demo use.
 *
 * Tokens and oracles sit behind a FixtureProxy (implementation in the EIP-1967 slot) so that any of
 * them can be switched into "every call reverts". Setup and scenario writes go through one
 * Multicall3.aggregate3 transaction per step, which keeps deployment well under a second.
 */
import { concat, encodeFunctionData, getAddress, isAddress, keccak256, pad, parseEther, slice, stringToHex, zeroAddress, type Address, type Hex } from 'viem';
import { ADDR, tokens } from '../shared/registry/tokens';
import { registry } from '../shared/registry/registry';
import type { WorldContext } from './context';

/** WETH9 on mainnet: pufETH's asset and coin 1 of the Curve rswETH pool. */
export const WETH_ADDRESS: Address = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2';

/**
 * Holds each protocol's float (the supply not in any sample wallet), so totals are realistic and
 * every rate can be set to the wei.
 */
export const PROTOCOL_FLOAT_HOLDER: Address = '0x000000000000000000000000000000000000F10a';

export const TOKEN_SYMBOLS = ['stETH', 'wstETH', 'rETH', 'cbETH', 'ETHx', 'eETH', 'weETH', 'ezETH', 'rsETH', 'pufETH', 'rswETH', 'rstETH', 'WETH'] as const;
export type TokenSymbol = (typeof TOKEN_SYMBOLS)[number];

/** Tokens whose NAV is a rate (stETH and eETH are 1:1 with ETH by construction, WETH is ETH). */
export type NavSymbol = Exclude<TokenSymbol, 'stETH' | 'eETH' | 'WETH'>;
/** Tokens with a market price source in the registry: a Chainlink feed, or the Curve pool for rswETH. */
export type MarketSymbol = 'stETH' | 'weETH' | 'ezETH' | 'rsETH' | 'rswETH';
/** Chainlink feeds in the world. */
export type FeedName = 'stETH' | 'weETH' | 'ezETH' | 'rsETH' | 'ETH/USD';

/** The NAV rate each token starts with (unit per 1e18 token, the unit being the registry's nav.unit). */
export const DEFAULT_NAV_RATES: Readonly<Record<NavSymbol, bigint>> = {
  wstETH: parseEther('1.22'),
  rETH: parseEther('1.14'),
  cbETH: parseEther('1.1'),
  ETHx: parseEther('1.07'),
  weETH: parseEther('1.075'),
  ezETH: parseEther('1.05'),
  rsETH: parseEther('1.06'),
  pufETH: parseEther('1.06'),
  rswETH: parseEther('1.07'),
  rstETH: parseEther('1.01'),
};

/** The market price each source starts with (ETH per token, 18 decimals). */
export const DEFAULT_MARKET_PRICES: Readonly<Record<MarketSymbol, bigint>> = {
  stETH: parseEther('0.9995'),
  weETH: parseEther('1.074'),
  ezETH: parseEther('1.048'),
  rsETH: parseEther('1.058'),
  rswETH: parseEther('1.068'),
};

/** ETH/USD answer the world starts with (8 decimals). */
export const DEFAULT_ETH_USD = 3_000n * 10n ** 8n;

/** Kelp's stand-in address for native ETH as a deposit asset (LRTConstants.ETH_TOKEN). */
const KELP_ETH_ASSET: Address = '0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE';
/** Supply each protocol's float holds. */
const FLOAT = parseEther('1000000');
/** WETH the pufETH vault holds (its instant-exit liquidity) and wstETH the rstETH vault holds idle. */
const PUFFER_LIQUIDITY = parseEther('20000');
const MELLOW_IDLE = parseEther('2000');
const PUFFER_EXIT_FEE_BPS = 100n;
const CURVE_BALANCE = parseEther('5000');
const CURVE_VIRTUAL_PRICE = parseEther('1.0002');

const tokenContracts: Readonly<Record<TokenSymbol, string>> = {
  stETH: 'FixtureStETH', wstETH: 'FixtureWstETH', rETH: 'FixtureRETH', cbETH: 'FixtureCbETH', ETHx: 'FixtureETHx',
  eETH: 'FixtureEETH', weETH: 'FixtureWeETH', ezETH: 'FixtureEzETH', rsETH: 'FixtureRsETH', pufETH: 'FixturePufETH',
  rswETH: 'FixtureRswETH', rstETH: 'FixtureRstETH', WETH: 'FixtureWETH',
};

export const TOKEN_ADDRESSES: Readonly<Record<TokenSymbol, Address>> = {
  stETH: ADDR.stETH, wstETH: ADDR.wstETH, rETH: ADDR.rETH, cbETH: ADDR.cbETH, ETHx: ADDR.ETHx,
  eETH: ADDR.eETH, weETH: ADDR.weETH, ezETH: ADDR.ezETH, rsETH: ADDR.rsETH, pufETH: ADDR.pufETH,
  rswETH: ADDR.rswETH, rstETH: ADDR.rstETH, WETH: WETH_ADDRESS,
};

const infra = [
  { contract: 'FixtureStaderStakePoolsManager', at: ADDR.staderStakePoolsManager },
  { contract: 'FixtureEtherFiLiquidityPool', at: ADDR.etherfiLiquidityPool },
  { contract: 'FixtureRenzoRateProvider', at: ADDR.renzoRateProvider },
  { contract: 'FixtureRenzoRestakeManager', at: ADDR.renzoRestakeManager },
  { contract: 'FixtureKelpLRTOracle', at: ADDR.kelpOracle },
  { contract: 'FixtureKelpDepositPool', at: ADDR.kelpDepositPool },
  { contract: 'FixtureSwellEigenLayerManager', at: ADDR.swellEigenLayerManager },
  { contract: 'FixtureChainlinkFeed', at: ADDR.feedStEthEth },
  { contract: 'FixtureChainlinkFeed', at: ADDR.feedWeEthEth },
  { contract: 'FixtureChainlinkFeed', at: ADDR.feedEzEthEth },
  { contract: 'FixtureChainlinkFeed', at: ADDR.feedRsEthEth },
  { contract: 'FixtureChainlinkFeed', at: ADDR.feedEthUsd },
  { contract: 'FixtureCurvePool', at: ADDR.curveRswEthWeth },
] as const satisfies readonly { contract: string; at: Address }[];

const feedAddresses: Readonly<Record<FeedName, Address>> = {
  stETH: ADDR.feedStEthEth, weETH: ADDR.feedWeEthEth, ezETH: ADDR.feedEzEthEth, rsETH: ADDR.feedRsEthEth, 'ETH/USD': ADDR.feedEthUsd,
};

/** EIP-1967 implementation slot, as in FixtureProxy.sol. */
const IMPLEMENTATION_SLOT: Hex = '0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc';

/** Where the implementation behind the proxy at `at` lives: a fixed address derived from it. */
export function implementationAddress(at: Address): Address {
  return getAddress(slice(keccak256(concat([stringToHex('matryoshka.fixture.impl'), at])), 12));
}

/** One fixture call, batched into a Multicall3.aggregate3 transaction. */
interface FixtureCall {
  readonly contract: string;
  readonly at: Address;
  readonly functionName: string;
  readonly args: readonly unknown[];
}

export interface TokensWorld {
  /** Token addresses by symbol (the registry's mainnet addresses, WETH9 for WETH). */
  readonly addresses: Readonly<Record<TokenSymbol, Address>>;
  /** The NAV rate last set for a token (the world keeps it through mints). */
  navRate(symbol: NavSymbol): bigint;
  /**
   * Gives `wallet` `amount` base units of `symbol`, as a deposit would: stETH and eETH through
   * shares (shares = amount * totalShares / pooled, rounded down, so the balance can read 1 wei
   * under `amount`, as on mainnet); wrappers and vaults also get their backing. Every NAV rate
   * stays exactly as set.
   */
  mint(symbol: TokenSymbol, wallet: Address, amount: bigint): Promise<void>;
  /** Takes `amount` base units of `symbol` from `wallet` (NAV rates stay as set). */
  burn(symbol: TokenSymbol, wallet: Address, amount: bigint): Promise<void>;
  /**
   * Sets the protocol's own state so that the NAV source the registry names returns exactly
   * `rateWei` per 1e18: Lido totals (wstETH), RocketNetworkBalances (rETH), the oracle rate (cbETH),
   * Stader's report (ETHx), LiquidityPool totals (weETH), RestakeManager TVL vs ezETH supply (ezETH),
   * LRTOracle.rsETHPrice (rsETH), vault totalAssets (pufETH, rstETH), the stored rate (rswETH).
   */
  setNavRate(symbol: NavSymbol, rateWei: bigint): Promise<void>;
  /** Sets the market price (ETH per token, 18 decimals): the Chainlink feed answer, or the Curve pool price (rswETH). */
  setMarketPrice(symbol: MarketSymbol, priceWei: bigint): Promise<void>;
  /** Sets the ETH/USD feed answer (8 decimals). */
  setEthUsdPrice(answer: bigint): Promise<void>;
  /** Restamps a feed's latest round (unix seconds), e.g. in the past for a stale feed. */
  setFeedUpdatedAt(feed: FeedName, updatedAt: bigint): Promise<void>;
  /**
   * Pauses a token's transfers; `paused()` reads it where the real token has that view (cbETH, ETHx,
   * rsETH). For ezETH it also sets RestakeManager.paused(), Renzo's protocol pause.
   */
  setPaused(symbol: TokenSymbol, paused: boolean): Promise<void>;
  /** Makes every call to a token (or to any proxied oracle, by address) revert, or stops it. */
  setReverting(target: TokenSymbol | Address, reverting: boolean): Promise<void>;
  /** Kelp LRTDepositPool.getNodeDelegatorQueue(). */
  setKelpNodeDelegators(addresses: readonly Address[]): Promise<void>;
  /** Renzo RestakeManager.operatorDelegators(i) / getOperatorDelegatorsLength(). */
  setRenzoOperatorDelegators(addresses: readonly Address[]): Promise<void>;
  /**
   * Sets Renzo's total TVL (the third value of RestakeManager.calculateTVLs(), reported as one
   * OperatorDelegator holding one token) to exactly `totalTvl` wei, leaving the ezETH supply alone:
   * getRate() follows as floor(totalTvl × 1e18 / supply), and navRate('ezETH') becomes that rate. A
   * later ezETH mint or burn, or setNavRate('ezETH'), sets the TVL from the rate again.
   */
  setRenzoTotalTvl(totalTvl: bigint): Promise<void>;
  /** Swell EigenLayerManager: appends StakerProxies with the next ids (stakerProxyAddresses(stakeId() + 1 …)). */
  addSwellStakerProxies(addresses: readonly Address[]): Promise<void>;
  /** Curve pool swap fee in 1e10 units (4_000_000n = 0.04%); 0 by default. */
  setCurveFee(fee: bigint): Promise<void>;
  /** pufETH exit fee and treasury exit fee, in basis points. */
  setPufferExitFees(exitFeeBps: bigint, treasuryExitFeeBps: bigint): Promise<void>;
}

/** Places the token, oracle and Multicall3 fixtures on the world's node and seeds a realistic default state. */
export async function deployTokens(ctx: WorldContext): Promise<TokensWorld> {
  const proxy = ctx.artifacts.FixtureProxy;
  const multicall = ctx.artifacts.FixtureMulticall3;
  if (!proxy || !multicall) throw new Error('fixtures not compiled: FixtureProxy / FixtureMulticall3 missing');

  const placeProxied = async (contract: string, at: Address): Promise<void> => {
    const impl = implementationAddress(at);
    await Promise.all([
      ctx.testClient.setCode({ address: at, bytecode: proxy.deployedBytecode }),
      ctx.place(contract, impl),
      ctx.testClient.setStorageAt({ address: at, index: IMPLEMENTATION_SLOT, value: pad(impl) }),
    ]);
  };
  await Promise.all([
    ctx.place('FixtureMulticall3', registry.multicall3),
    ...TOKEN_SYMBOLS.map((s) => placeProxied(tokenContracts[s], TOKEN_ADDRESSES[s])),
    ...infra.map((f) => placeProxied(f.contract, f.at)),
  ]);

  const send = async (calls: readonly FixtureCall[]): Promise<void> => {
    const call3 = calls.map((c) => ({
      target: c.at,
      allowFailure: false,
      callData: encodeFunctionData({ abi: ctx.abi(c.contract), functionName: c.functionName, args: [...c.args] }),
    }));
    try {
      await ctx.write('FixtureMulticall3', registry.multicall3, 'aggregate3', [call3]);
    } catch {
      // A reverted batch applied nothing: replay the calls one by one. A fixture call that really
      // fails then throws with its own name; if every call succeeds, the state is as intended (the
      // batch can fail under load for reasons outside the fixtures, e.g. its gas estimate).
      for (const c of calls) await ctx.write(c.contract, c.at, c.functionName, c.args);
    }
  };
  const call = (contract: string, at: Address, functionName: string, ...args: unknown[]): FixtureCall => ({ contract, at, functionName, args });
  const tokenCall = (symbol: TokenSymbol, functionName: string, ...args: unknown[]) => call(tokenContracts[symbol], TOKEN_ADDRESSES[symbol], functionName, ...args);

  const rates: Record<NavSymbol, bigint> = { ...DEFAULT_NAV_RATES };
  const rateCall = (symbol: NavSymbol, rate: bigint): FixtureCall => {
    switch (symbol) {
      case 'wstETH': return tokenCall('stETH', 'setShareRate', rate);
      case 'rETH': return tokenCall('rETH', 'setExchangeRate', rate);
      case 'cbETH': return tokenCall('cbETH', 'setExchangeRate', rate);
      case 'ETHx': return call('FixtureStaderStakePoolsManager', ADDR.staderStakePoolsManager, 'setExchangeRate', rate);
      case 'weETH': return call('FixtureEtherFiLiquidityPool', ADDR.etherfiLiquidityPool, 'setRate', rate);
      case 'ezETH': return call('FixtureRenzoRestakeManager', ADDR.renzoRestakeManager, 'setRate', rate);
      case 'rsETH': return call('FixtureKelpLRTOracle', ADDR.kelpOracle, 'setRsETHPrice', rate);
      case 'pufETH': return tokenCall('pufETH', 'setRate', rate);
      case 'rswETH': return tokenCall('rswETH', 'setRate', rate);
      case 'rstETH': return tokenCall('rstETH', 'setRate', rate);
    }
  };
  // Rates that depend on a token's supply (or a vault's liquid assets) and must be restored after it changes.
  const affectedRates: Readonly<Record<TokenSymbol, readonly NavSymbol[]>> = {
    stETH: ['wstETH'], wstETH: ['wstETH', 'rstETH'], rETH: ['rETH'], cbETH: [], ETHx: ['ETHx'], eETH: ['weETH'], weETH: ['weETH'],
    ezETH: ['ezETH'], rsETH: [], pufETH: ['pufETH'], rswETH: [], rstETH: ['rstETH'], WETH: ['pufETH'],
  };
  const restore = (symbol: TokenSymbol): FixtureCall[] => affectedRates[symbol].map((s) => rateCall(s, rates[s]));

  const feedCall = (feed: FeedName, functionName: string, ...args: unknown[]) => call('FixtureChainlinkFeed', feedAddresses[feed], functionName, ...args);
  const marketCall = (symbol: MarketSymbol, price: bigint): FixtureCall =>
    symbol === 'rswETH' ? call('FixtureCurvePool', ADDR.curveRswEthWeth, 'setPrice', price) : feedCall(symbol, 'setAnswer', price);
  const feedConfig = (symbol: Exclude<FeedName, 'ETH/USD'>): FixtureCall => {
    const market = tokens.find((t) => t.id === `${symbol}@1`)?.market;
    if (market?.kind !== 'chainlink') throw new Error(`registry has no Chainlink feed for ${symbol}`);
    return feedCall(symbol, 'configure', market.decimals, market.description);
  };
  const ethUsdDecimals = registry.ethUsdFeed?.decimals ?? 8;

  // Seed: floats first (share-based tokens before their wrappers), then vault liquidity, then every rate and price.
  const navSymbols = Object.keys(DEFAULT_NAV_RATES).filter((s): s is NavSymbol => s in DEFAULT_NAV_RATES);
  const marketSymbols = Object.keys(DEFAULT_MARKET_PRICES).filter((s): s is MarketSymbol => s in DEFAULT_MARKET_PRICES);
  await send([
    ...TOKEN_SYMBOLS.filter((s) => s !== 'WETH').map((s) => tokenCall(s, 'mint', PROTOCOL_FLOAT_HOLDER, FLOAT)),
    tokenCall('WETH', 'mint', ADDR.pufETH, PUFFER_LIQUIDITY),
    tokenCall('WETH', 'mint', ADDR.curveRswEthWeth, CURVE_BALANCE),
    tokenCall('rswETH', 'mint', ADDR.curveRswEthWeth, CURVE_BALANCE),
    tokenCall('wstETH', 'mint', ADDR.rstETH, MELLOW_IDLE),
    tokenCall('pufETH', 'setExitFees', PUFFER_EXIT_FEE_BPS, 0n),
    ...navSymbols.map((s) => rateCall(s, rates[s])),
    ...(['stETH', 'weETH', 'ezETH', 'rsETH'] as const).map(feedConfig),
    feedCall('ETH/USD', 'configure', ethUsdDecimals, 'ETH / USD'),
    ...marketSymbols.map((s) => marketCall(s, DEFAULT_MARKET_PRICES[s])),
    feedCall('ETH/USD', 'setAnswer', DEFAULT_ETH_USD),
    call('FixtureKelpLRTOracle', ADDR.kelpOracle, 'setAssetPrice', KELP_ETH_ASSET, parseEther('1'), zeroAddress),
    call('FixtureCurvePool', ADDR.curveRswEthWeth, 'configure', ADDR.rswETH, WETH_ADDRESS, CURVE_BALANCE, CURVE_BALANCE, CURVE_VIRTUAL_PRICE),
  ]);

  const resolveTarget = (target: TokenSymbol | Address): Address => {
    if (isAddress(target)) return target;
    return TOKEN_ADDRESSES[target];
  };

  return {
    addresses: TOKEN_ADDRESSES,
    navRate: (symbol) => rates[symbol],
    async mint(symbol, wallet, amount) {
      await send([tokenCall(symbol, 'mint', wallet, amount), ...restore(symbol)]);
    },
    async burn(symbol, wallet, amount) {
      await send([tokenCall(symbol, 'burn', wallet, amount), ...restore(symbol)]);
    },
    async setNavRate(symbol, rateWei) {
      await send([rateCall(symbol, rateWei)]);
      rates[symbol] = rateWei;
    },
    async setMarketPrice(symbol, priceWei) {
      await send([marketCall(symbol, priceWei)]);
    },
    async setEthUsdPrice(answer) {
      await send([feedCall('ETH/USD', 'setAnswer', answer)]);
    },
    async setFeedUpdatedAt(feed, updatedAt) {
      await send([feedCall(feed, 'setUpdatedAt', updatedAt)]);
    },
    async setPaused(symbol, paused) {
      // ezETH has no paused() of its own: Renzo's pause is RestakeManager.paused(), set along with the token's.
      const protocol = symbol === 'ezETH' ? [call('FixtureRenzoRestakeManager', ADDR.renzoRestakeManager, 'setPaused', paused)] : [];
      await send([tokenCall(symbol, 'setPaused', paused), ...protocol]);
    },
    async setReverting(target, reverting) {
      // setReverting(bool) is the one call the proxy lets through; every proxied fixture has the same one.
      await send([call('FixtureWETH', resolveTarget(target), 'setReverting', reverting)]);
    },
    async setKelpNodeDelegators(addresses) {
      await send([call('FixtureKelpDepositPool', ADDR.kelpDepositPool, 'setNodeDelegatorQueue', addresses)]);
    },
    async setRenzoOperatorDelegators(addresses) {
      await send([call('FixtureRenzoRestakeManager', ADDR.renzoRestakeManager, 'setOperatorDelegators', addresses)]);
    },
    async setRenzoTotalTvl(totalTvl) {
      await send([call('FixtureRenzoRestakeManager', ADDR.renzoRestakeManager, 'setTVLs', [[totalTvl]], [totalTvl], totalTvl)]);
      const rate = await ctx.read('FixtureRenzoRateProvider', ADDR.renzoRateProvider, 'getRate');
      if (typeof rate !== 'bigint') throw new Error(`Renzo getRate() returned ${String(rate)}`);
      rates.ezETH = rate;
    },
    async addSwellStakerProxies(addresses) {
      await send([call('FixtureSwellEigenLayerManager', ADDR.swellEigenLayerManager, 'addStakerProxies', addresses)]);
    },
    async setCurveFee(fee) {
      await send([call('FixtureCurvePool', ADDR.curveRswEthWeth, 'setFee', fee)]);
    },
    async setPufferExitFees(exitFeeBps, treasuryExitFeeBps) {
      await send([tokenCall('pufETH', 'setExitFees', exitFeeBps, treasuryExitFeeBps)]);
    },
  };
}
