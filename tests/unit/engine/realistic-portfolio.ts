/**
 * A realistic, deterministic engine input of any size, for the engine benchmark (`npm run bench`)
 * and tests: mainnet with ether.fi, Renzo and Kelp look-through (12 stakers each over 30
 * operators, each operator allocating to 4 operator sets per strategy), plus Arbitrum. Each wallet holds weETH,
 * ezETH, rsETH and stETH, a restaked stETH deposit, an EigenPod and one queued withdrawal on
 * mainnet, and weETH on Arbitrum.
 */
import type { Address } from 'viem';
import type { ChainSnapshot } from '../../../shared/snapshot';
import type { AllocationSpec } from './snapshot-builder';
import { BLOCK, E18, STRATEGY, addr, balance, deposit, eth, operator, pod, queued, snapshot, staker, tokenState, wallet } from './snapshot-builder';

export const REALISTIC_OPERATORS = 30;
const SETS_PER_STRATEGY = 4;

export function realisticWallets(count: number): Address[] {
  return Array.from({ length: count }, (_, i) => addr(0x100000 + i));
}

export function realisticSnapshots(walletCount: number): ChainSnapshot[] {
  const operators = Array.from({ length: REALISTIC_OPERATORS }, (_, i) => addr(0x2000 + i));
  const operatorStates = operators.map((op, i) => {
    const allocations: AllocationSpec[] = [];
    for (const strategy of [STRATEGY.stETH, STRATEGY.beacon]) {
      for (let s = 0; s < SETS_PER_STRATEGY; s++) {
        allocations.push({ avs: addr(0xa000 + ((i + s) % 12)), id: s, strategy, magnitude: (E18 * BigInt(5 + ((i * 7 + s) % 15))) / 100n });
      }
    }
    return operator(op, { maxMagnitudes: { [STRATEGY.stETH]: E18 - BigInt(i % 3) * 10n ** 15n, [STRATEGY.beacon]: E18 }, allocations });
  });
  const stakersFor = (base: number) => Array.from({ length: 12 }, (_, i) =>
    staker(addr(base + i), {
      delegatedTo: operators[(base + i * 5) % REALISTIC_OPERATORS] ?? null,
      deposits: [deposit(STRATEGY.stETH, eth(1000 + i * 37))],
      pod: pod(eth(32 * (50 + i)), addr(base + 0x100 + i)),
    }));
  const wallets = realisticWallets(walletCount);
  const mainnetWallets = wallets.map((w, i) => wallet(w, [
    balance('weETH@1', eth(1 + (i % 17)), { navAmount: eth(1 + (i % 17)) + eth(1 + (i % 17)) / 20n }),
    balance('ezETH@1', eth(2 + (i % 5))),
    balance('rsETH@1', eth(i % 3)),
    balance('stETH@1', eth(1 + (i % 4))),
  ], staker(w, {
    delegatedTo: operators[i % REALISTIC_OPERATORS] ?? null,
    deposits: [deposit(STRATEGY.stETH, eth(3 + (i % 9)))],
    pod: pod(eth(32 * (1 + (i % 3))), addr(0x300000 + i)),
    queued: [queued({ root: i + 1, staker: w, delegatedTo: operators[i % REALISTIC_OPERATORS] ?? addr(0), completableBlock: BLOCK + BigInt(i * 100 - 5000), entries: [{ strategy: STRATEGY.beacon, amount: eth(32) }] })],
  })));
  return [
    snapshot({
      tokens: [
        tokenState('weETH@1', { navRate: 1_050_000_000_000_000_000n, marketRate: 1_048_000_000_000_000_000n, totalSupply: eth(2_000_000) }),
        tokenState('eETH@1', { totalSupply: eth(3_000_000) }),
        tokenState('ezETH@1', { navRate: 1_020_000_000_000_000_000n, marketRate: 1_015_000_000_000_000_000n, totalSupply: eth(900_000), redemptionDelaySeconds: 604_800n }),
        tokenState('rsETH@1', { navRate: 1_030_000_000_000_000_000n, marketRate: 1_029_000_000_000_000_000n, totalSupply: eth(1_000_000), redemptionDelayBlocks: 57_600n }),
        tokenState('stETH@1', { marketRate: 999_500_000_000_000_000n, totalSupply: eth(9_000_000) }),
      ],
      operators: operatorStates,
      lookThrough: [
        { token: 'eETH@1', stakers: stakersFor(0x4000) },
        { token: 'ezETH@1', stakers: stakersFor(0x5000) },
        { token: 'rsETH@1', stakers: stakersFor(0x6000) },
      ],
      wallets: mainnetWallets,
    }),
    snapshot({
      chainId: 42161,
      tokens: [tokenState('weETH@42161', { navRate: 1_049_000_000_000_000_000n })],
      wallets: wallets.map((w, i) => wallet(w, [balance('weETH@42161', eth(i % 2))])),
    }),
  ];
}
