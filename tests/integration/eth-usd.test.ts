/**
 * The ETH/USD price end to end against the simulated world: the tracker reads the registry's feed on
 * mainnet in the first batch, a failing feed costs nothing but the price, and the CLI's --json and
 * table carry the value in USD.
 */
import { formatUnits, parseAbi } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeReport } from '../../shared/engine/compute-report';
import { isDegraded } from '../../shared/is-degraded';
import { registry } from '../../shared/registry/registry';
import { defaultThresholds } from '../../shared/settings/thresholds';
import type { ChainSnapshot } from '../../shared/snapshot';
import { createChainClient } from '../../node/tracker/create-chain-client';
import { readChain } from '../../node/tracker/read-chain';
import { startDemoWorld, type DemoWorld } from '../../world/demo-world';
import { runCli, validator } from '../support/run-cli';

const feedAbi = parseAbi(['function latestRoundData() view returns (uint80, int256, uint256, uint256, uint80)']);
// 2,345.67890123 USD per ETH: not the world's default, so only a live read can produce it.
const ANSWER = 234_567_890_123n;

let demo: DemoWorld;
const feed = registry.ethUsdFeed;
const addresses = () => demo.wallets.map((w) => w.address);

async function scan(reg = registry): Promise<ChainSnapshot> {
  const chain = createChainClient({ chainId: 1, urls: [demo.rpcUrl] });
  return readChain({ client: chain.client, chainId: 1, registry: reg, wallets: addresses(), stats: chain });
}

async function scanJson(): Promise<{ doc: Record<string, unknown>; ethUsd: Record<string, unknown> | null }> {
  const run = await runCli(['scan', '--json', '--rpc', demo.rpcUrl, ...addresses()]);
  const doc = JSON.parse(run.stdout) as Record<string, unknown>;
  for (const schema of ['reference/contracts/scan-report.schema.json', 'schemas/scan-report.schema.json']) {
    const validate = validator(schema);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  }
  const metrics = doc['metrics'] as Record<string, unknown>;
  expect(metrics).toHaveProperty('ethUsd');
  return { doc, ethUsd: metrics['ethUsd'] as Record<string, unknown> | null };
}

beforeAll(async () => {
  if (!feed) throw new Error('registry has no ETH/USD feed');
  demo = await startDemoWorld();
  await demo.world.tokens.setEthUsdPrice(ANSWER);
});
afterAll(async () => { await demo?.stop(); });

describe('the tracker and the ETH/USD feed', () => {
  it('reads the feed answer, decimals and update time on mainnet', async () => {
    const s = await scan();
    const round = await demo.world.ctx.publicClient.readContract({ address: feed?.address ?? '0x', abi: feedAbi, functionName: 'latestRoundData' });
    expect(s.ethUsd).toEqual({ answer: ANSWER, decimals: 8, updatedAt: round[3] });
    expect(s.failedReads.map((f) => f.key)).not.toContain('token.market:ETH/USD');
  });

  it('reads it in the batches the refresh makes anyway (no extra round trip)', async () => {
    const without = await scan({ ...registry, ethUsdFeed: null });
    const withFeed = await scan();
    expect(without.ethUsd).toBeNull();
    expect(withFeed.rpcRequests).toBe(without.rpcRequests);
  });

  it('a reverting feed costs only the price: recorded, but no partial chain, no warning, nothing degraded', async () => {
    const healthy = await scan();
    await demo.world.tokens.setReverting(feed?.address ?? '0x', true);
    try {
      const s = await scan();
      expect(s.ethUsd).toBeNull();
      expect(s.failedReads.find((f) => f.key === 'token.market:ETH/USD')?.error).toBeTruthy();
      expect(s.status).toBe(healthy.status);
      const input = { registry, thresholds: defaultThresholds, now: s.blockTimestamp ?? 0n, wallets: demo.wallets.map((w) => ({ address: w.address, label: null, ens: null })), previous: null };
      const before = computeReport({ ...input, snapshots: [healthy] });
      const after = computeReport({ ...input, snapshots: [s] });
      expect(after.metrics.ethUsd).toBeNull();
      expect(isDegraded(after)).toBe(false);
      const notInfo = (r: typeof after) => r.warnings.filter((w) => w.severity !== 'info').map((w) => w.id);
      expect(notInfo(after)).toEqual(notInfo(before));
      expect(after.positions.filter((p) => p.degraded)).toEqual([]);
    } finally {
      await demo.world.tokens.setReverting(feed?.address ?? '0x', false);
    }
  });
});

describe('matryoshka scan and the ETH/USD price', () => {
  it('--json carries the price and the total in USD, valid against both schemas', async () => {
    const { doc, ethUsd } = await scanJson();
    const round = await demo.world.ctx.publicClient.readContract({ address: feed?.address ?? '0x', abi: feedAbi, functionName: 'latestRoundData' });
    const totalWei = BigInt((doc['metrics'] as { totalValueEth: string }).totalValueEth);
    expect(totalWei).toBeGreaterThan(0n);
    const cents = (totalWei * ANSWER * 100n) / 10n ** 26n;
    expect(ethUsd).toEqual({
      usdPerEth: '2345.67890123',
      updatedAt: round[3].toString(),
      stale: false,
      totalValueUsd: `${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`,
    });
    expect(formatUnits(ANSWER, 8)).toBe(ethUsd?.['usdPerEth']);
  });

  it('marks an old price stale, in --json and in the table', async () => {
    const block = await demo.world.ctx.publicClient.getBlock();
    await demo.world.tokens.setFeedUpdatedAt('ETH/USD', block.timestamp - 3n * 3600n);
    try {
      const { ethUsd } = await scanJson();
      expect(ethUsd?.['stale']).toBe(true);
      const table = await runCli(['scan', '--rpc', demo.rpcUrl, ...addresses()]);
      expect(table.stdout).toMatch(/Total value: [0-9.,]+ ETH at NAV \(≈ [0-9,]+\.[0-9]{2} USD at 2,345\.67 USD\/ETH, stale price\)/);
    } finally {
      await demo.world.tokens.setEthUsdPrice(ANSWER);
    }
  });

  it('the table shows the USD total next to the ETH total', async () => {
    const table = await runCli(['scan', '--rpc', demo.rpcUrl, ...addresses()]);
    expect(table.stdout).toMatch(/Total value: [0-9.,]+ ETH at NAV \(≈ [0-9,]+\.[0-9]{2} USD at 2,345\.67 USD\/ETH\),/);
  });

  it('--json says null, and stays valid, when the feed cannot be read', async () => {
    await demo.world.tokens.setReverting(feed?.address ?? '0x', true);
    try {
      const { ethUsd } = await scanJson();
      expect(ethUsd).toBeNull();
    } finally {
      await demo.world.tokens.setReverting(feed?.address ?? '0x', false);
    }
  });
});
