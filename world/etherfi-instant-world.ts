/**
 * ether.fi's instant redemption path in the simulated world: the EtherFiRedemptionManager fixture at its
 * mainnet address (behind FixtureProxy, so it can be made to revert), with realistic defaults (30 bps exit
 * fee, 1% of the pool's TVL kept back, a 5,000 ETH rate-limit bucket) and the world's LiquidityPool holding
 * 40,000 ETH in the LP. Requires deployTokens first (the manager reads the pool, eETH and weETH fixtures).
 */
import { parseEther, pad, type Address, type Hex } from 'viem';
import { NATIVE_ETH_ADDRESS } from '../shared/redemption';
import { ADDR } from '../shared/registry/tokens';
import type { WorldContext } from './context';
import { implementationAddress } from './tokens-world';

export const ETHERFI_INSTANT_ADDRESS: Address = ADDR.etherfiRedemptionManager;

/** The world's defaults: what the demo shows. */
export const ETHERFI_INSTANT_DEFAULTS = {
  exitFeeBps: 30,
  exitFeeSplitToTreasuryBps: 1_000,
  lowWatermarkBps: 100,
  /** Bucket capacity: at most this much ETH can leave through the path before it refills. */
  capacityEth: parseEther('5000'),
  /** 5,000 ETH a day. */
  refillPerSecondEth: parseEther('5000') / 86_400n,
  /** LiquidityPool.totalValueInLp(): the ether the path pays from. */
  liquidityEth: parseEther('40000'),
} as const;

const CONTRACT = 'RdEtherFiRedemptionManager';
const POOL = 'FixtureEtherFiLiquidityPool';
const IMPLEMENTATION_SLOT: Hex = '0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc';
/** ETH the fixture pays redemptions from (the real manager receives it from the pool). */
const FUNDS = parseEther('1000000');

export interface EtherFiInstantWorld {
  readonly address: Address;
  /** setExitFeeBasisPoints(bps, ETH). */
  setExitFeeBps(bps: number): Promise<void>;
  /** setCapacity(wei, ETH): the bucket's size (what remains is capped to it). */
  setCapacity(wei: bigint): Promise<void>;
  /** What remains in the bucket now, as if redemptions had consumed the rest. */
  setRemaining(wei: bigint): Promise<void>;
  setLowWatermarkBps(bps: number): Promise<void>;
  /** Moves ether between the pool's out-of-LP and in-LP totals (the NAV rate stays): the path's liquidity. */
  setLiquidity(wei: bigint): Promise<void>;
  setPaused(paused: boolean): Promise<void>;
  /** Makes every call to the manager revert (a broken contract), or stops it. */
  setReverting(reverting: boolean): Promise<void>;
}

/** Handles on the manager fixture of a world where deployEtherFiInstant already ran. */
export function etherFiInstantWorld(ctx: WorldContext): EtherFiInstantWorld {
  const at = ETHERFI_INSTANT_ADDRESS;
  const eth = NATIVE_ETH_ADDRESS;
  return {
    address: at,
    setExitFeeBps: (bps) => ctx.write(CONTRACT, at, 'setExitFeeBasisPoints', [bps, eth]),
    setCapacity: (wei) => ctx.write(CONTRACT, at, 'setCapacity', [wei, eth]),
    setRemaining: (wei) => ctx.write(CONTRACT, at, 'setRemaining', [wei, eth]),
    setLowWatermarkBps: (bps) => ctx.write(CONTRACT, at, 'setLowWatermarkInBpsOfTvl', [bps, eth]),
    async setLiquidity(wei) {
      const pooled = await ctx.read(POOL, ADDR.etherfiLiquidityPool, 'getTotalPooledEther');
      if (typeof pooled !== 'bigint' || pooled < wei) throw new Error(`the pool holds ${String(pooled)} wei, not enough for ${wei} in the LP`);
      await ctx.write(POOL, ADDR.etherfiLiquidityPool, 'setTotals', [pooled - wei, wei]);
    },
    setPaused: (paused) => ctx.write(CONTRACT, at, paused ? 'pause' : 'unpause'),
    setReverting: (reverting) => ctx.write(CONTRACT, at, 'setReverting', [reverting]),
  };
}

/** Places the manager at its mainnet address, funds it, and sets the defaults (ETH output only). */
export async function deployEtherFiInstant(ctx: WorldContext): Promise<EtherFiInstantWorld> {
  const proxy = ctx.artifacts.FixtureProxy;
  if (!proxy) throw new Error('fixtures not compiled: FixtureProxy missing');
  const at = ETHERFI_INSTANT_ADDRESS;
  const impl = implementationAddress(at);
  await Promise.all([
    ctx.testClient.setCode({ address: at, bytecode: proxy.deployedBytecode }),
    ctx.place(CONTRACT, impl),
    ctx.testClient.setStorageAt({ address: at, index: IMPLEMENTATION_SLOT, value: pad(impl) }),
    ctx.testClient.setBalance({ address: at, value: FUNDS }),
  ]);
  const d = ETHERFI_INSTANT_DEFAULTS;
  await ctx.write(CONTRACT, at, 'initializeTokenParameters', [NATIVE_ETH_ADDRESS, d.exitFeeSplitToTreasuryBps, d.exitFeeBps, d.lowWatermarkBps, d.capacityEth, d.refillPerSecondEth]);
  const world = etherFiInstantWorld(ctx);
  await world.setLiquidity(d.liquidityEth);
  return world;
}
