/**
 * A queued withdrawal stays slashable by the operator the staker was delegated to when it was
 * queued, until it can be completed; after the staker undelegates nothing else leads the tracker to
 * that operator. The tracker reads it through the withdrawal's `delegatedTo`, so the withdrawal's
 * look-through is complete (not degraded) and names that operator's set.
 */
import { getAddress, parseEther } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeReport } from '../../shared/engine/compute-report';
import { registry } from '../../shared/registry/registry';
import { defaultThresholds } from '../../shared/settings/thresholds';
import type { ChainSnapshot } from '../../shared/snapshot';
import { createChainClient } from '../../node/tracker/create-chain-client';
import { readChain } from '../../node/tracker/read-chain';
import { startAnvil, type Anvil } from '../../world/anvil';
import { connectWorld } from '../../world/context';
import { deployEigenLayer } from '../../world/eigenlayer-world';
import { deployTokens } from '../../world/tokens-world';

const DAN = getAddress('0x000000000000000000000000000000000000da01');
const LEFT = getAddress('0x0000000000000000000000000000000000000a31');
const AVS = getAddress('0x000000000000000000000000000000000000a7a1');
const SET = { avs: AVS, id: 4 };
const MIN_DELAY = 100;

let anvil: Anvil;
let snapshot: ChainSnapshot;

beforeAll(async () => {
  anvil = await startAnvil();
  const ctx = connectWorld(anvil.rpcUrl);
  await deployTokens(ctx);
  const el = await deployEigenLayer(ctx);
  const stEth = el.addresses.strategies.stETH;
  await el.setMinWithdrawalDelayBlocks(MIN_DELAY);
  await el.registerOperator(LEFT);
  await el.createOperatorSet(SET, [stEth]);
  await el.registerForOperatorSet(LEFT, SET);
  await el.allocate(LEFT, SET, stEth, parseEther('0.4'));
  const shares = await el.depositToStrategy(DAN, stEth, parseEther('10'));
  await el.delegate(DAN, LEFT);
  // Half queued while delegated, the rest queued by undelegating: both stay with LEFT for the delay.
  await el.queueWithdrawal(DAN, [stEth], [shares / 2n]);
  await el.undelegate(DAN);
  await ctx.mine(1);
  const chain = createChainClient({ chainId: 1, urls: [anvil.rpcUrl] });
  snapshot = await readChain({ client: chain.client, chainId: 1, registry, wallets: [DAN], stats: chain });
}, 180_000);

afterAll(async () => {
  await anvil?.stop();
});

describe('operators of queued withdrawals', () => {
  it('reads the operator a pending withdrawal was queued with, though no staker is delegated to it now', () => {
    const dan = snapshot.wallets.find((w) => w.wallet === DAN)?.eigen;
    expect(dan?.delegatedTo).toEqual({ ok: true, value: null });
    const queued = dan?.queuedWithdrawals;
    expect(queued?.ok && queued.value.map((w) => w.delegatedTo)).toEqual([LEFT, LEFT]);
    const left = snapshot.operators.find((o) => o.operator === LEFT);
    expect(left).toBeDefined();
    expect(left?.allocations.ok && left.allocations.value.map((a) => [a.operatorSet.avs, a.operatorSet.id])).toEqual([[AVS, 4]]);
  });

  it('gives the withdrawal a complete look-through to that operator\'s set', () => {
    const report = computeReport({
      snapshots: [snapshot], registry, thresholds: defaultThresholds, now: (snapshot.blockTimestamp ?? 0n) + 12n, previous: null,
      wallets: [{ address: DAN, label: null, ens: null }],
    });
    const withdrawals = report.positions.filter((p) => p.kind === 'queued-withdrawal');
    expect(withdrawals).toHaveLength(2);
    for (const w of withdrawals) {
      expect(w.degraded).toBe(false);
      expect(w.exposure.operators.map((o) => o.operator)).toEqual([LEFT]);
      expect(w.exposure.operatorSets.map((s) => [s.avs, s.id])).toEqual([[AVS, 4]]);
      // 40% of the operator's stETH magnitude is allocated: that share of the withdrawal is slashable.
      const set = w.exposure.operatorSets[0];
      expect(set?.slashableEth).toBeGreaterThan(0n);
      expect(set?.slashableEth).toBe(((w.valueEth ?? 0n) * 4n) / 10n);
    }
  });
});
