import { describe, expect, it } from 'vitest';
import { computeEthUsd } from '../../../shared/engine/compute-eth-usd';
import { ethToUsdCents } from '../../../shared/engine/eth-to-usd-cents';
import { registry } from '../../../shared/registry/registry';
import type { Registry } from '../../../shared/registry/types';
import type { ChainSnapshot, EthUsdRound } from '../../../shared/snapshot';
import { balance, E18, eth, report, snapshot, TIME, wallet, WALLET_A } from './snapshot-builder';

const round = (o: Partial<EthUsdRound> = {}): EthUsdRound => ({ answer: 3000n * 10n ** 8n, decimals: 8, updatedAt: TIME, ...o });
const compute = (snapshots: ChainSnapshot[], totalValueEth: bigint, now = TIME, reg: Registry = registry) =>
  computeEthUsd({ snapshots, registry: reg, totalValueEth, now });

describe('computeEthUsd', () => {
  it('values the total in cents at the feed price, floored', () => {
    // 1.5 ETH x 3,456.78901234 USD = 5,185.18351851 USD.
    expect(compute([snapshot({ ethUsd: round({ answer: 345_678_901_234n }) })], eth(1.5))?.totalValueUsdCents).toBe(518_518n);
    // 0.009999999999999999 ETH x 100 USD is a hair under one dollar: 99 cents, never rounded up to 100.
    expect(compute([snapshot({ ethUsd: round({ answer: 100n * 10n ** 8n }) })], 10n ** 16n - 1n)?.totalValueUsdCents).toBe(99n);
    // One wei is worth less than a cent.
    expect(compute([snapshot({ ethUsd: round() })], 1n)?.totalValueUsdCents).toBe(0n);
  });

  it('uses the decimals the round carries', () => {
    // The same 2,000 USD price with 18 decimals instead of 8.
    expect(compute([snapshot({ ethUsd: round({ answer: 2000n * E18, decimals: 18 }) })], eth(2))?.totalValueUsdCents).toBe(400_000n);
  });

  it('keeps huge values exact', () => {
    const answer = 2n ** 255n - 1n;
    // 1e30 wei x answer x 100 / (1e18 x 1e8) = answer x 1e6, exactly.
    expect(compute([snapshot({ ethUsd: round({ answer }) })], 10n ** 30n)?.totalValueUsdCents).toBe(answer * 10n ** 6n);
  });

  it('floors negative amounts toward minus infinity', () => {
    expect(ethToUsdCents(-1n, 3000n * 10n ** 8n, 8)).toBe(-1n);
    expect(ethToUsdCents(-E18, 3000n * 10n ** 8n, 8)).toBe(-300_000n);
  });

  it('is stale only past twice the feed heartbeat (3600 s on mainnet)', () => {
    expect(registry.ethUsdFeed?.heartbeatSeconds).toBe(3600);
    const at = (age: bigint) => compute([snapshot({ ethUsd: round({ updatedAt: TIME - age }) })], E18, TIME)?.stale;
    expect(at(0n)).toBe(false);
    expect(at(7200n)).toBe(false);
    expect(at(7201n)).toBe(true);
    // A round stamped after `now` (clock skew) is not stale.
    expect(at(-60n)).toBe(false);
  });

  it('returns the round it valued', () => {
    expect(compute([snapshot({ ethUsd: round({ updatedAt: TIME - 5n }) })], E18)).toEqual({
      answer: 3000n * 10n ** 8n, decimals: 8, updatedAt: TIME - 5n, stale: false, totalValueUsdCents: 300_000n,
    });
  });

  it('is null without a mainnet price', () => {
    expect(compute([], E18)).toBeNull();
    expect(compute([snapshot()], E18)).toBeNull();
    expect(compute([snapshot({ ethUsd: null })], E18)).toBeNull();
    expect(compute([snapshot({ chainId: 42161, ethUsd: round() })], E18)).toBeNull();
    expect(compute([snapshot({ ethUsd: round({ answer: 0n }) })], E18)).toBeNull();
    expect(compute([snapshot({ ethUsd: round() })], E18, TIME, { ...registry, ethUsdFeed: null })).toBeNull();
  });
});

describe('computeReport with an ETH/USD price', () => {
  const held = [wallet(WALLET_A, [balance('stETH@1', eth(2))])];

  it('carries the price and the total in USD in the metrics', () => {
    const r = report([snapshot({ wallets: held, ethUsd: round() })]);
    expect(r.metrics.ethUsd?.totalValueUsdCents).toBe(ethToUsdCents(r.metrics.totalValueEth, 3000n * 10n ** 8n, 8));
    expect(r.metrics.ethUsd?.totalValueUsdCents).toBeGreaterThan(0n);
    expect(report([snapshot({ wallets: held })]).metrics.ethUsd).toBeNull();
  });

  it('a failed ETH/USD read raises no warning and leaves positions whole', () => {
    const failedReads = [{ key: 'token.market:ETH/USD', target: registry.ethUsdFeed?.address ?? null, call: 'latestRoundData()', error: 'execution reverted' }];
    const r = report([snapshot({ wallets: held, ethUsd: null, failedReads })]);
    const healthy = report([snapshot({ wallets: held, ethUsd: round() })]);
    expect(r.metrics.ethUsd).toBeNull();
    const notInfo = (x: typeof r) => x.warnings.filter((w) => w.severity !== 'info').map((w) => w.id);
    expect(notInfo(r)).toEqual(notInfo(healthy));
    expect(r.warnings.filter((w) => w.kind === 'failed-reads' && w.severity !== 'info')).toEqual([]);
    expect(r.positions.every((p) => !p.degraded)).toBe(true);
  });
});
