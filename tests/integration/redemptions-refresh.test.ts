/**
 * A whole refresh (tracker + engine, refreshPortfolio) over the demo redemptions: every request becomes a
 * `redemption` position of the report, and the scan cursor handed back makes the next refresh cheaper.
 */
import { getAddress } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../shared/registry/registry';
import { ADDR } from '../../shared/registry/tokens';
import { defaultThresholds } from '../../shared/settings/thresholds';
import { refreshPortfolio } from '../../node/core/refresh-portfolio';
import { createChainClient } from '../../node/tracker/create-chain-client';
import { startAnvil, type Anvil } from '../../world/anvil';
import { connectWorld } from '../../world/context';
import { DEMO_REDEMPTIONS, deployRedemptions, populateRedemptionsDemo } from '../../world/redemptions-world';
import { deployTokens } from '../../world/tokens-world';

const DAVE = getAddress('0xda7e00000000000000000000000000000000da7e');
let anvil: Anvil;
let genesis: bigint;

beforeAll(async () => {
  anvil = await startAnvil();
  const ctx = connectWorld(anvil.rpcUrl);
  genesis = await ctx.publicClient.getBlockNumber({ cacheTime: 0 });
  const tokens = await deployTokens(ctx);
  const rw = await deployRedemptions(ctx);
  await populateRedemptionsDemo(rw, tokens, DAVE);
}, 300_000);

afterAll(async () => {
  await anvil?.stop();
});

describe('refreshPortfolio with redemptions', () => {
  it('reports every demo request as a redemption position and hands back a cursor that shortens the next refresh', async () => {
    const cc = createChainClient({ chainId: 1, urls: [anvil.rpcUrl] });
    const params = {
      clients: new Map([[1, cc]]), wallets: [{ address: DAVE, label: null, ens: null, chains: null }], registry,
      thresholds: defaultThresholds, now: BigInt(Math.floor(Date.now() / 1000)), previous: null,
    };
    const scanStartBlocks = new Map([[ADDR.etherfiWithdrawRequestNFT.toLowerCase(), genesis]]);
    const first = await refreshPortfolio({ ...params, redemptions: { cursors: [], scanStartBlocks, maxBlockRanges: new Map([[1, 5n]]) } });
    const redemptions = first.report.positions.filter((p) => p.kind === 'redemption');
    expect(redemptions.map((p) => p.stack[0]?.protocol)).toEqual(['ether.fi', 'ether.fi', 'Renzo', 'Kelp DAO', 'Swell']);
    expect(redemptions.filter((p) => p.exit.atNavSeconds === 0n).map((p) => p.amount > 0n)).toEqual([true, true]);
    expect(first.report.metrics.exit.pendingWithdrawals).toHaveLength(5);
    expect(first.redemptionCursors).toHaveLength(1);
    const second = await refreshPortfolio({ ...params, redemptions: { cursors: first.redemptionCursors ?? [], scanStartBlocks, maxBlockRanges: new Map([[1, 5n]]) } });
    expect(second.report.positions.filter((p) => p.kind === 'redemption').map((p) => p.id)).toEqual(redemptions.map((p) => p.id));
    expect(second.snapshots[0]?.rpcRequests).toBeLessThan(first.snapshots[0]?.rpcRequests ?? 0);
    expect(DEMO_REDEMPTIONS.etherfiPending).toBe(redemptions[1]?.amount);
  });
});
