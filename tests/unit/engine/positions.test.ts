import { describe, expect, it } from 'vitest';
import type { ChainSnapshot } from '../../../shared/snapshot';
import {
  BLOCK, E18, OP_1, STRATEGY, TIME, WALLET_A, WALLET_B, addr, balance, deposit, eth, fail, ok, operator, pod, queued, report,
  snapshot, staker, tokenState, wallet,
} from './snapshot-builder';

const A = WALLET_A.toLowerCase();
const tokenOf = (snaps: ChainSnapshot[], id: string) => report(snaps).positions.find((p) => p.id.endsWith(`:token:${id}`));

describe('token valuation at NAV', () => {
  const cases: { name: string; snaps: ChainSnapshot[]; token: string; valueEth: bigint | null; degraded: boolean }[] = [
    {
      name: 'exact navAmount is used as the eETH amount (eETH is 1:1 ETH)',
      snaps: [snapshot({ tokens: [tokenState('weETH@1', { navRate: 1_500_000_000_000_000_000n })], wallets: [wallet(WALLET_A, [balance('weETH@1', eth(2), { navAmount: 2_100_000_000_000_000_123n })])] })],
      token: 'weETH@1', valueEth: 2_100_000_000_000_000_123n, degraded: false,
    },
    {
      name: 'without navAmount: balance × rate / 1e18 (2 × 1.05)',
      snaps: [snapshot({ tokens: [tokenState('weETH@1', { navRate: 1_050_000_000_000_000_000n })], wallets: [wallet(WALLET_A, [balance('weETH@1', eth(2))])] })],
      token: 'weETH@1', valueEth: 2_100_000_000_000_000_000n, degraded: false,
    },
    {
      name: 'rstETH -> wstETH -> stETH: 1 × 0.9 × 1.2 = 1.08',
      snaps: [snapshot({
        tokens: [tokenState('rstETH@1', { navRate: 900_000_000_000_000_000n }), tokenState('wstETH@1', { navRate: 1_200_000_000_000_000_000n })],
        wallets: [wallet(WALLET_A, [balance('rstETH@1', eth(1))])],
      })],
      token: 'rstETH@1', valueEth: 1_080_000_000_000_000_000n, degraded: false,
    },
    {
      name: 'floors at each hop: 3 wei × 0.5 = 1 (not 1.5), × 1.5 = 1 (not 2.25 -> 2)',
      snaps: [snapshot({
        tokens: [tokenState('rstETH@1', { navRate: E18 / 2n }), tokenState('wstETH@1', { navRate: (3n * E18) / 2n })],
        wallets: [wallet(WALLET_A, [balance('rstETH@1', 3n)])],
      })],
      token: 'rstETH@1', valueEth: 1n, degraded: false,
    },
    {
      name: 'Linea weETH (no own rate) is 1:1 with mainnet weETH, valued with the mainnet rate',
      snaps: [
        snapshot({ tokens: [tokenState('weETH@1', { navRate: 1_070_000_000_000_000_000n })] }),
        snapshot({ chainId: 59144, wallets: [wallet(WALLET_A, [balance('weETH@59144', eth(1))])] }),
      ],
      token: 'weETH@59144', valueEth: 1_070_000_000_000_000_000n, degraded: false,
    },
    {
      name: 'Arbitrum ezETH uses its own L2 rate provider (unit ETH)',
      snaps: [snapshot({ chainId: 42161, tokens: [tokenState('ezETH@42161', { navRate: 1_020_000_000_000_000_000n })], wallets: [wallet(WALLET_A, [balance('ezETH@42161', eth(1))])] })],
      token: 'ezETH@42161', valueEth: 1_020_000_000_000_000_000n, degraded: false,
    },
    {
      name: 'a failed rate read gives no value (null), never a zero, and marks the position degraded',
      snaps: [snapshot({ tokens: [tokenState('weETH@1', { navRate: fail() })], wallets: [wallet(WALLET_A, [balance('weETH@1', eth(1))])] })],
      token: 'weETH@1', valueEth: null, degraded: true,
    },
    {
      name: 'a rate missing from the snapshot altogether also gives null',
      snaps: [snapshot({ wallets: [wallet(WALLET_A, [balance('ezETH@1', eth(1))])] })],
      token: 'ezETH@1', valueEth: null, degraded: true,
    },
    {
      name: 'huge balances stay exact (1e12 ETH × 1.000000000000000001)',
      snaps: [snapshot({ tokens: [tokenState('ezETH@1', { navRate: E18 + 1n })], wallets: [wallet(WALLET_A, [balance('ezETH@1', eth(1_000_000_000_000n))])] })],
      token: 'ezETH@1', valueEth: eth(1_000_000_000_000n) + 1_000_000_000_000n, degraded: false,
    },
  ];
  it.each(cases)('$name', ({ snaps, token, valueEth, degraded }) => {
    const p = tokenOf(snaps, token);
    expect(p).toBeDefined();
    expect(p?.valueEth).toBe(valueEth);
    expect(p?.degraded).toBe(degraded);
  });
});

describe('market value and instant exit', () => {
  it('market = balance × market rate / 10^decimals; instant = the quoted sale amount when present', () => {
    const p = tokenOf([snapshot({
      tokens: [tokenState('weETH@1', { navRate: 1_050_000_000_000_000_000n, marketRate: 1_040_000_000_000_000_000n })],
      wallets: [wallet(WALLET_A, [balance('weETH@1', eth(2), { saleAmountEth: 2_070_000_000_000_000_000n })])],
    })], 'weETH@1');
    expect(p?.marketValueEth).toBe(2_080_000_000_000_000_000n);
    expect(p?.exit.instantEth).toBe(2_070_000_000_000_000_000n);
  });
  it('instant = market value when no sale quote exists', () => {
    const p = tokenOf([snapshot({
      tokens: [tokenState('ezETH@1', { navRate: E18, marketRate: 990_000_000_000_000_000n })],
      wallets: [wallet(WALLET_A, [balance('ezETH@1', eth(3))])],
    })], 'ezETH@1');
    expect(p?.exit.instantEth).toBe(2_970_000_000_000_000_000n);
  });
  it('no market source: market value and instant exit are null', () => {
    const p = tokenOf([snapshot({ tokens: [tokenState('pufETH@1', { navRate: E18 })], wallets: [wallet(WALLET_A, [balance('pufETH@1', eth(5))])] })], 'pufETH@1');
    expect(p?.valueEth).toBe(eth(5));
    expect(p?.marketValueEth).toBeNull();
    expect(p?.exit.instantEth).toBeNull();
  });
  it('a bridged copy without its own market uses the market of the token it is bridged from', () => {
    const p = tokenOf([
      snapshot({ tokens: [tokenState('weETH@1', { navRate: E18, marketRate: 1_010_000_000_000_000_000n })] }),
      snapshot({ chainId: 59144, wallets: [wallet(WALLET_A, [balance('weETH@59144', eth(2))])] }),
    ], 'weETH@59144');
    expect(p?.marketValueEth).toBe(2_020_000_000_000_000_000n);
  });
});

describe('failed reads and zero balances', () => {
  it('a failed balance read emits no position and names the wallet/token pair in unread', () => {
    const r = report([snapshot({ tokens: [tokenState('weETH@1')], wallets: [wallet(WALLET_A, [balance('weETH@1', fail('timeout')), balance('ezETH@1', 0n)])] })]);
    expect(r.positions).toEqual([]);
    expect(r.unread).toEqual([{ chainId: 1, wallet: WALLET_A, source: 'weETH@1', positionIdPrefix: `1:${A}:token:weETH@1`, error: 'timeout' }]);
    expect(r.metrics.totalValueEth).toBe(0n);
  });
  it('failed EigenLayer reads are listed per source, with the prefix of the positions they would give', () => {
    const r = report([snapshot({ wallets: [wallet(WALLET_A, [], staker(WALLET_A, { deposits: fail('a'), pod: fail('b'), queued: fail('c') }))] })]);
    expect(r.unread.map((u) => [u.source, u.positionIdPrefix])).toEqual([
      ['eigen.pod', `1:${A}:native-restaked:`],
      ['eigen.queuedWithdrawals', `1:${A}:queued-withdrawal:`],
      ['eigen.deposits', `1:${A}:restaked:`],
    ]);
  });
  it('a failed chain lists every watched wallet as unread for the whole chain', () => {
    const r = report([snapshot({ chainId: 8453, status: 'failed', blockNumber: null, blockTimestamp: null })], { wallets: [WALLET_A, WALLET_B] });
    expect(r.unread.map((u) => [u.chainId, u.source, u.positionIdPrefix])).toEqual([
      [8453, 'chain', `8453:${A}:`],
      [8453, 'chain', `8453:${WALLET_B.toLowerCase()}:`],
    ]);
  });
});

describe('EigenLayer positions', () => {
  it('a stETH strategy deposit is valued 1:1 through stETH; stack venue -> operator -> avs -> Lido stETH -> beacon', () => {
    const r = report([snapshot({
      operators: [operator(OP_1, { allocations: [{ avs: addr(0xa5), id: 1, strategy: STRATEGY.stETH, magnitude: E18 / 10n }] })],
      wallets: [wallet(WALLET_A, [], staker(WALLET_A, { delegatedTo: OP_1, deposits: [deposit(STRATEGY.stETH, eth(10))] }))],
    })]);
    const p = r.positions[0];
    expect(p?.id).toBe(`1:${A}:restaked:${STRATEGY.stETH.toLowerCase()}`);
    expect(p?.kind).toBe('restaked');
    expect(p?.valueEth).toBe(eth(10));
    expect(p?.asset.symbol).toBe('stETH');
    expect(p?.stack.map((l) => `${l.layer}:${l.protocol}`)).toEqual(['venue:EigenLayer', 'operator:EigenLayer operator', 'avs:AVS', 'lst:Lido', 'beacon:Ethereum']);
    // 100800 blocks × 12 s, read live.
    expect(p?.exit.atNavSeconds).toBe(1_209_600n);
    expect(p?.exit.atNavDelayOnChain).toBe(true);
    expect(p?.exit.instantEth).toBeNull();
  });
  it('uses the live withdrawal delay, and the registry default when the live read failed', () => {
    const live = report([snapshot({
      eigen: { minWithdrawalDelayBlocks: ok(50_400n), deallocationDelayBlocks: ok(0n), strategies: [] },
      wallets: [wallet(WALLET_A, [], staker(WALLET_A, { deposits: [deposit(STRATEGY.stETH, eth(1))] }))],
    })]).positions[0];
    expect(live?.exit).toMatchObject({ atNavSeconds: 604_800n, atNavDelayOnChain: true });
    const fallback = report([snapshot({
      eigen: { minWithdrawalDelayBlocks: fail(), deallocationDelayBlocks: ok(0n), strategies: [] },
      wallets: [wallet(WALLET_A, [], staker(WALLET_A, { deposits: [deposit(STRATEGY.stETH, eth(1))] }))],
    })]).positions[0];
    expect(fallback?.exit).toMatchObject({ atNavSeconds: 1_209_600n, atNavDelayOnChain: false });
  });
  it('an EIGEN deposit has no ETH value (null, not degraded) and stays out of the total', () => {
    const r = report([snapshot({ wallets: [wallet(WALLET_A, [], staker(WALLET_A, { deposits: [deposit(STRATEGY.EIGEN, eth(100), addr(0xe1))] }))] })]);
    expect(r.positions).toHaveLength(1);
    expect(r.positions[0]?.valueEth).toBeNull();
    expect(r.positions[0]?.degraded).toBe(false);
    expect(r.metrics.totalValueEth).toBe(0n);
  });
  it('an EigenPod is a native-restaked position worth its withdrawable shares in wei', () => {
    const r = report([snapshot({ wallets: [wallet(WALLET_A, [], staker(WALLET_A, { pod: pod(eth(32), addr(0x90d)) }))] })]);
    expect(r.positions[0]).toMatchObject({ id: `1:${A}:native-restaked:${addr(0x90d)}`, kind: 'native-restaked', amount: eth(32), valueEth: eth(32) });
    expect(r.positions[0]?.stack.map((l) => l.layer)).toEqual(['venue', 'beacon']);
  });
  it('a queued withdrawal counts down to its completable block; a due one is claimable now', () => {
    const r = report([snapshot({
      wallets: [wallet(WALLET_A, [], staker(WALLET_A, {
        queued: [
          queued({ root: 1, delegatedTo: OP_1, completableBlock: BLOCK + 100n, entries: [{ strategy: STRATEGY.beacon, amount: eth(32) }] }),
          queued({ root: 2, delegatedTo: OP_1, completableBlock: BLOCK - 5n, entries: [{ strategy: STRATEGY.stETH, amount: eth(1) }] }),
        ],
      }))],
    })]);
    const [first, second] = r.positions;
    expect(first?.kind).toBe('queued-withdrawal');
    expect(first?.exit).toEqual({ instantEth: null, atNavSeconds: 1200n, atNavDelayOnChain: true, claimableAtBlock: BLOCK + 100n, claimableAt: TIME + 1200n });
    expect(first?.valueEth).toBe(eth(32));
    expect(second?.exit).toMatchObject({ atNavSeconds: 0n, claimableAtBlock: BLOCK - 5n, claimableAt: TIME });
    expect(r.metrics.exit.pendingWithdrawals.map((w) => [w.positionId, w.claimable])).toEqual([[second?.id, true], [first?.id, false]]);
    expect(r.warnings.filter((w) => w.kind === 'withdrawal-claimable').map((w) => w.subject)).toEqual([second?.id]);
  });
});

describe('at-NAV exit of tokens', () => {
  const exitOf = (snaps: ChainSnapshot[], id: string) => tokenOf(snaps, id)?.exit;
  it.each([
    { name: 'seconds read on chain (Renzo coolDownPeriod)', token: 'ezETH@1', state: { redemptionDelaySeconds: 604_800n }, seconds: 604_800n, onChain: true },
    { name: 'blocks read on chain × 12 s (Kelp withdrawalDelayBlocks)', token: 'rsETH@1', state: { redemptionDelayBlocks: 57_600n }, seconds: 691_200n, onChain: true },
    { name: 'registry default when nothing is read (ether.fi 5 days)', token: 'weETH@1', state: {}, seconds: 432_000n, onChain: false },
    { name: 'a seconds-call delay that was not read has no known path', token: 'ezETH@1', state: { redemptionDelaySeconds: fail() }, seconds: null, onChain: false },
  ])('$name', ({ token, state, seconds, onChain }) => {
    const e = exitOf([snapshot({ tokens: [tokenState(token, state)], wallets: [wallet(WALLET_A, [balance(token, eth(1))])] })], token);
    expect(e?.atNavSeconds).toBe(seconds);
    expect(e?.atNavDelayOnChain).toBe(onChain);
  });
  it('a bridged copy exits through the mainnet token', () => {
    const e = exitOf([
      snapshot({ tokens: [tokenState('rsETH@1', { redemptionDelayBlocks: 100n })] }),
      snapshot({ chainId: 42161, tokens: [tokenState('rsETH@42161')], wallets: [wallet(WALLET_A, [balance('rsETH@42161', eth(1))])] }),
    ], 'rsETH@42161');
    expect(e).toMatchObject({ atNavSeconds: 1200n, atNavDelayOnChain: true });
  });
});

describe('stacks', () => {
  it.each([
    { token: 'weETH@1', chainId: 1, layers: ['lrt:ether.fi weETH', 'lrt:ether.fi eETH', 'venue:EigenLayer', 'beacon:Beacon chain ETH'] },
    { token: 'rstETH@1', chainId: 1, layers: ['lrt:Mellow rstETH', 'venue:Symbiotic', 'lst:Lido wstETH', 'lst:Lido stETH', 'beacon:Beacon chain ETH'] },
    { token: 'weETH@59144', chainId: 59144, layers: ['bridge:weETH on Linea', 'lrt:ether.fi weETH', 'lrt:ether.fi eETH', 'venue:EigenLayer', 'beacon:Beacon chain ETH'] },
    { token: 'stETH@1', chainId: 1, layers: ['lst:Lido stETH', 'beacon:Beacon chain ETH'] },
  ])('$token', ({ token, chainId, layers }) => {
    const snaps = chainId === 1
      ? [snapshot({ tokens: [tokenState(token)], wallets: [wallet(WALLET_A, [balance(token, eth(1))])] })]
      : [snapshot({ tokens: [tokenState('weETH@1')] }), snapshot({ chainId, wallets: [wallet(WALLET_A, [balance(token, eth(1))])] })];
    expect(tokenOf(snaps, token)?.stack.map((l) => `${l.layer}:${l.label}`)).toEqual(layers);
  });
});
