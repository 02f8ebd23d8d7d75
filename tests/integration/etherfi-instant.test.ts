/**
 * ether.fi's instant redemption end to end against the simulated world: the tracker reads the
 * EtherFiRedemptionManager fixture's fee and redeemable amount in its batch, the report's
 * instantRedeemEth is what the fixture's own redeemWeEth / redeemEEth pays a receiver (a real
 * transaction, rolled back), it follows a fee changed on chain and the cap, a reverting manager costs
 * only the figure, and scan --json carries it, valid against both schemas.
 */
import { getAddress, parseEther, type Address } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeReport } from '../../shared/engine/compute-report';
import { isDegraded } from '../../shared/is-degraded';
import { NATIVE_ETH_ADDRESS } from '../../shared/redemption';
import { registry } from '../../shared/registry/registry';
import { ADDR } from '../../shared/registry/tokens';
import type { RiskReport } from '../../shared/report';
import { defaultThresholds } from '../../shared/settings/thresholds';
import type { ChainSnapshot } from '../../shared/snapshot';
import { createChainClient } from '../../node/tracker/create-chain-client';
import { readChain } from '../../node/tracker/read-chain';
import { startAnvil, type Anvil } from '../../world/anvil';
import { connectWorld, type WorldContext } from '../../world/context';
import { deployEigenLayer } from '../../world/eigenlayer-world';
import { ETHERFI_INSTANT_DEFAULTS, etherFiInstantWorld, type EtherFiInstantWorld } from '../../world/etherfi-instant-world';
import { deployRedemptions } from '../../world/redemptions-world';
import { deployTokens } from '../../world/tokens-world';
import { runCli, validator } from '../support/run-cli';

const ALICE = getAddress('0xa11ce0000000000000000000000000000000e71f');
const RECEIVER = getAddress('0x4ece17e40000000000000000000000000000e71f');
const MANAGER = ADDR.etherfiRedemptionManager;
const M = 'RdEtherFiRedemptionManager';
// Amounts with every digit set, so the share conversions round.
const WEETH = parseEther('3.333333333333333333');
const EETH = parseEther('2.222222222222222221');

let anvil: Anvil;
let ctx: WorldContext;
let instant: EtherFiInstantWorld;

async function scan(): Promise<ChainSnapshot> {
  const chain = createChainClient({ chainId: 1, urls: [anvil.rpcUrl] });
  return readChain({ client: chain.client, chainId: 1, registry, wallets: [ALICE], stats: chain });
}

const reportOf = (s: ChainSnapshot): RiskReport => computeReport({
  snapshots: [s], registry, thresholds: defaultThresholds, now: s.blockTimestamp ?? 0n,
  wallets: [{ address: ALICE, label: null, ens: null }], previous: null,
});

const positionOf = (r: RiskReport, tokenId: string) => {
  const p = r.positions.find((x) => x.asset.tokenId === tokenId && x.chainId === 1);
  if (!p) throw new Error(`no ${tokenId} position`);
  return p;
};

const readBig = async (contract: string, at: Address, fn: string, args: readonly unknown[] = []): Promise<bigint> => {
  const v = await ctx.read(contract, at, fn, args);
  if (typeof v !== 'bigint') throw new Error(`${fn} returned ${String(v)}`);
  return v;
};

/**
 * What the fixture's own redeem path pays RECEIVER when ALICE redeems `amount` of `token` for ETH: a real
 * approve + redeem from ALICE (impersonated), measured on RECEIVER's balance, then rolled back.
 */
async function redeemPays(token: 'weETH' | 'eETH', amount: bigint): Promise<bigint> {
  const [contract, at, fn] = token === 'weETH' ? ['FixtureWeETH', ADDR.weETH, 'redeemWeEth'] as const : ['FixtureEETH', ADDR.eETH, 'redeemEEth'] as const;
  const id = await ctx.testClient.snapshot();
  await ctx.testClient.impersonateAccount({ address: ALICE });
  try {
    await ctx.testClient.setBalance({ address: ALICE, value: parseEther('10') });
    const send = async (target: Address, abiOf: string, name: string, args: readonly unknown[]) => {
      const hash = await ctx.walletClient.writeContract({ address: target, abi: ctx.abi(abiOf), functionName: name, args: [...args], account: ALICE, chain: ctx.chain });
      const receipt = await ctx.publicClient.waitForTransactionReceipt({ hash, pollingInterval: 20 });
      if (receipt.status !== 'success') throw new Error(`${name} reverted`);
    };
    await send(at, contract, 'approve', [MANAGER, amount]);
    const before = await ctx.publicClient.getBalance({ address: RECEIVER });
    await send(MANAGER, M, fn, [amount, RECEIVER, NATIVE_ETH_ADDRESS]);
    return (await ctx.publicClient.getBalance({ address: RECEIVER })) - before;
  } finally {
    await ctx.testClient.stopImpersonatingAccount({ address: ALICE });
    await ctx.testClient.revert({ id });
  }
}

beforeAll(async () => {
  anvil = await startAnvil();
  ctx = connectWorld(anvil.rpcUrl);
  const tokens = await deployTokens(ctx);
  await deployEigenLayer(ctx);
  await deployRedemptions(ctx);
  instant = etherFiInstantWorld(ctx);
  await tokens.mint('weETH', ALICE, WEETH);
  await tokens.mint('eETH', ALICE, EETH);
});
afterAll(async () => { await anvil?.stop(); });

describe('the tracker and ether.fi instant redemption', () => {
  it('reads the manager fixture: fee in bps, redeemable amount, pause, and the pool totals', async () => {
    const s = await scan();
    expect(s.etherfiInstant?.ok).toBe(true);
    if (!s.etherfiInstant?.ok) return;
    const v = s.etherfiInstant.value;
    expect(v.exitFeeBps).toBe(BigInt(ETHERFI_INSTANT_DEFAULTS.exitFeeBps));
    expect(v.redeemableEth).toBe(await readBig(M, MANAGER, 'totalRedeemableAmount', [NATIVE_ETH_ADDRESS]));
    // The demo's 5,000 ETH bucket is smaller than the 40,000 ETH in the LP above its 1% watermark.
    expect(v.redeemableEth).toBe(ETHERFI_INSTANT_DEFAULTS.capacityEth);
    expect(v.paused).toBe(false);
    expect(v.totalPooledEther).toBe(await readBig('FixtureEtherFiLiquidityPool', ADDR.etherfiLiquidityPool, 'getTotalPooledEther'));
    expect(v.totalShares).toBe(await readBig('FixtureEETH', ADDR.eETH, 'totalShares'));
    expect(s.status).toBe('ok');
  });

  it("the report's instantRedeemEth is what the fixture's redeem pays, to the wei, for weETH and for eETH", async () => {
    const s = await scan();
    const r = reportOf(s);
    const we = positionOf(r, 'weETH@1');
    const e = positionOf(r, 'eETH@1');
    expect(we.exit.instantRedeemCapped).toBe(false);
    expect(e.exit.instantRedeemCapped).toBe(false);
    expect(we.exit.instantRedeemEth).toBe(await redeemPays('weETH', we.amount));
    expect(e.exit.instantRedeemEth).toBe(await redeemPays('eETH', e.amount));
    // The fee is really taken: less than the NAV value.
    expect(we.exit.instantRedeemEth ?? 0n).toBeLessThan(we.valueEth ?? 0n);
  });

  it('a fee changed on chain changes the figure, still equal to the redeem', async () => {
    const before = positionOf(reportOf(await scan()), 'weETH@1');
    await instant.setExitFeeBps(150);
    try {
      const s = await scan();
      expect(s.etherfiInstant?.ok && s.etherfiInstant.value.exitFeeBps).toBe(150n);
      const after = positionOf(reportOf(s), 'weETH@1');
      expect(after.exit.instantRedeemEth ?? 0n).toBeLessThan(before.exit.instantRedeemEth ?? 0n);
      expect(after.exit.instantRedeemEth).toBe(await redeemPays('weETH', after.amount));
    } finally {
      await instant.setExitFeeBps(ETHERFI_INSTANT_DEFAULTS.exitFeeBps);
    }
  });

  it('capped when the bucket holds less than the position: the figure is what redeeming the most that can go pays', async () => {
    await instant.setRemaining(parseEther('1'));
    try {
      const s = await scan();
      const redeemable = s.etherfiInstant?.ok ? s.etherfiInstant.value.redeemableEth : -1n;
      expect(redeemable).toBe(parseEther('1'));
      const we = positionOf(reportOf(s), 'weETH@1');
      expect(we.exit.instantRedeemCapped).toBe(true);
      // The whole balance cannot go through; the weETH worth the redeemable eETH can.
      await expect(redeemPays('weETH', we.amount)).rejects.toThrow(/reverted/);
      const most = await readBig('FixtureWeETH', ADDR.weETH, 'getWeETHByeETH', [redeemable]);
      expect(we.exit.instantRedeemEth).toBe(await redeemPays('weETH', most));
    } finally {
      await instant.setRemaining(ETHERFI_INSTANT_DEFAULTS.capacityEth);
    }
  });

  it('paused: no figure', async () => {
    await instant.setPaused(true);
    try {
      expect(positionOf(reportOf(await scan()), 'eETH@1').exit.instantRedeemEth).toBeNull();
    } finally {
      await instant.setPaused(false);
    }
  });

  it('a reverting manager costs only the figure: positions, status, failed reads and warnings as before', async () => {
    const healthy = await scan();
    await instant.setReverting(true);
    try {
      const s = await scan();
      expect(s.etherfiInstant?.ok).toBe(false);
      expect(s.status).toBe(healthy.status);
      expect(s.failedReads.map((f) => f.key)).toEqual(healthy.failedReads.map((f) => f.key));
      const before = reportOf(healthy);
      const after = reportOf(s);
      expect(after.positions.map((p) => p.id)).toEqual(before.positions.map((p) => p.id));
      expect(after.positions.map((p) => [p.amount, p.valueEth, p.exit.instantEth, p.degraded])).toEqual(before.positions.map((p) => [p.amount, p.valueEth, p.exit.instantEth, p.degraded]));
      expect(positionOf(after, 'weETH@1').exit.instantRedeemEth).toBeNull();
      expect(isDegraded(after)).toBe(isDegraded(before));
      const notInfo = (r: RiskReport) => r.warnings.filter((w) => w.severity !== 'info').map((w) => w.id);
      expect(notInfo(after)).toEqual(notInfo(before));
    } finally {
      await instant.setReverting(false);
    }
  });
});

describe('matryoshka scan and ether.fi instant redemption', () => {
  it('--json carries instantRedeemEth and instantRedeemCapped on ether.fi positions, valid against both schemas; the table says it', async () => {
    const run = await runCli(['scan', '--json', '--rpc', anvil.rpcUrl, ALICE]);
    const doc = JSON.parse(run.stdout) as { positions: { asset: { tokenId: string | null }; amount: string; exit: Record<string, unknown> }[] };
    for (const schema of ['reference/contracts/scan-report.schema.json', 'schemas/scan-report.schema.json']) {
      const validate = validator(schema);
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    }
    const we = doc.positions.find((p) => p.asset.tokenId === 'weETH@1');
    expect(we?.exit['instantRedeemCapped']).toBe(false);
    expect(we?.exit['instantRedeemEth']).toBe((await redeemPays('weETH', BigInt(we?.amount ?? '0'))).toString());
    const table = await runCli(['scan', '--rpc', anvil.rpcUrl, ALICE]);
    expect(table.stdout).toMatch(/weETH .*; instant redeem [0-9.,]+ ETH/);
  });
});
