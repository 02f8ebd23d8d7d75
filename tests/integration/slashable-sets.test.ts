/**
 * An allocation is slashable only while its operator set can slash the operator (registered, or
 * deregistered no more than DEALLOCATION_DELAY blocks ago: AllocationManager.isOperatorSlashable) and
 * only in a strategy the set lists. On anvil: an operator allocates to a set before registering for
 * it, registers, then deregisters; another set it is registered for stops listing the strategy. The
 * position's slashable exposure follows each step.
 */
import { getAddress, parseEther } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeReport } from '../../shared/engine/compute-report';
import { registry } from '../../shared/registry/registry';
import { defaultThresholds } from '../../shared/settings/thresholds';
import type { ChainSnapshot } from '../../shared/snapshot';
import type { RiskReport } from '../../shared/report';
import { createChainClient } from '../../node/tracker/create-chain-client';
import { readChain } from '../../node/tracker/read-chain';
import { startAnvil, type Anvil } from '../../world/anvil';
import { connectWorld, type WorldContext } from '../../world/context';
import { deployEigenLayer, type EigenLayerWorld } from '../../world/eigenlayer-world';
import { deployTokens } from '../../world/tokens-world';

const DAN = getAddress('0x000000000000000000000000000000000000da02');
const OP = getAddress('0x0000000000000000000000000000000000000a32');
const AVS = getAddress('0x000000000000000000000000000000000000a7a2');
const LATE = { avs: AVS, id: 7 };
const DROPPED = { avs: AVS, id: 8 };
const DEALLOCATION_DELAY = 5;

let anvil: Anvil;
let ctx: WorldContext;
let el: EigenLayerWorld;
let chain: ReturnType<typeof createChainClient>;

async function scan(): Promise<{ snapshot: ChainSnapshot; report: RiskReport }> {
  const snapshot = await readChain({ client: chain.client, chainId: 1, registry, wallets: [DAN], stats: chain });
  const report = computeReport({
    snapshots: [snapshot], registry, thresholds: defaultThresholds, now: (snapshot.blockTimestamp ?? 0n) + 12n, previous: null,
    wallets: [{ address: DAN, label: null, ens: null }],
  });
  return { snapshot, report };
}

/** DAN's restaked stETH position: the sets it is slashable by, its slashable ETH per set and its nominal ETH. */
function exposure(report: RiskReport) {
  const p = report.positions.find((x) => x.kind === 'restaked');
  if (!p) throw new Error('no restaked position');
  expect(p.degraded).toBe(false);
  return {
    sets: p.exposure.operatorSets.map((s) => s.id),
    slashable: p.exposure.operatorSets.map((s) => s.slashableEth),
    value: p.valueEth ?? 0n,
    nominal: p.nominalEth,
  };
}

function statusOf(snapshot: ChainSnapshot, id: number) {
  const op = snapshot.operators.find((o) => o.operator === OP);
  return op?.allocatedSetStatus?.find((s) => s.operatorSet.id === id);
}

beforeAll(async () => {
  anvil = await startAnvil();
  ctx = connectWorld(anvil.rpcUrl);
  await deployTokens(ctx);
  el = await deployEigenLayer(ctx);
  const stEth = el.addresses.strategies.stETH;
  await el.setAllocationManagerDelays({ deallocationDelay: DEALLOCATION_DELAY, allocationConfigurationDelay: 0 });
  await el.registerOperator(OP);
  await el.createOperatorSet(LATE, [stEth]);
  await el.createOperatorSet(DROPPED, [stEth]);
  // DROPPED: registered and allocated, then the set stops listing stETH.
  await el.registerForOperatorSet(OP, DROPPED);
  await el.allocate(OP, DROPPED, stEth, parseEther('0.3'));
  await el.removeStrategiesFromOperatorSet(DROPPED, [stEth]);
  // LATE: allocated before the operator registers for it.
  await el.allocate(OP, LATE, stEth, parseEther('0.4'));
  await el.depositToStrategy(DAN, stEth, parseEther('10'));
  await el.delegate(DAN, OP);
  chain = createChainClient({ chainId: 1, urls: [anvil.rpcUrl] });
}, 180_000);

afterAll(async () => {
  await anvil?.stop();
});

describe('slashable operator sets on chain', () => {
  it('an allocation to a set the operator has not registered for, or in a strategy the set dropped, is not slashable', async () => {
    const { snapshot, report } = await scan();
    // Only EigenLayer and the tokens are deployed: other protocols' reads fail, no operator read does.
    expect(snapshot.failedReads.filter((f) => f.key.startsWith('operator'))).toEqual([]);
    const op = snapshot.operators.find((o) => o.operator === OP);
    expect(op?.allocations.ok && op.allocations.value.map((a) => a.operatorSet.id).sort()).toEqual([LATE.id, DROPPED.id]);
    expect(statusOf(snapshot, LATE.id)?.slashable).toEqual({ ok: true, value: false });
    expect(statusOf(snapshot, DROPPED.id)?.slashable).toEqual({ ok: true, value: true });
    expect(statusOf(snapshot, DROPPED.id)?.strategies).toEqual({ ok: true, value: [] });
    const e = exposure(report);
    expect(e.sets).toEqual([]);
    // Delegated, allocated to no set that can slash it: all nominal.
    expect(e.value).toBeGreaterThan(0n);
    expect(e.nominal).toBe(e.value);
    expect(report.metrics.slashable.worstCaseEth).toBe(0n);
  });

  it('after registering, the set can slash its 40%', async () => {
    await el.registerForOperatorSet(OP, LATE);
    const { report } = await scan();
    const e = exposure(report);
    expect(e.sets).toEqual([LATE.id]);
    expect(e.slashable).toEqual([(e.value * 4n) / 10n]);
    expect(e.nominal).toBe(e.value - (e.value * 4n) / 10n);
  });

  it('after deregistering it stays slashable through slashableUntil (DEALLOCATION_DELAY blocks later), then not', async () => {
    await el.deregisterFromOperatorSet(OP, LATE);
    const deregisteredAt = await chain.client.getBlockNumber();
    const now = await scan();
    expect(now.snapshot.blockNumber).toBe(deregisteredAt);
    expect(exposure(now.report).sets).toEqual([LATE.id]);

    await ctx.mine(DEALLOCATION_DELAY);
    const last = await scan();
    expect(last.snapshot.blockNumber).toBe(deregisteredAt + BigInt(DEALLOCATION_DELAY));
    expect(exposure(last.report).sets).toEqual([LATE.id]);

    await ctx.mine(1);
    const after = await scan();
    expect(statusOf(after.snapshot, LATE.id)?.slashable).toEqual({ ok: true, value: false });
    const e = exposure(after.report);
    expect(e.sets).toEqual([]);
    expect(e.nominal).toBe(e.value);
  });
});
