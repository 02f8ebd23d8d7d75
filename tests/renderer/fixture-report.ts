// A hand-built decoded report: a weETH holder whose look-through reaches two operators, a native
// restaker with a queued EigenLayer withdrawal, an ezETH redemption and an ezETH depeg warning.
import { getAddress } from 'viem';
import type { Position, RiskReport, Warning } from '../../shared/report';
import { defaultSettings, type Settings } from '../../shared/settings/settings';
import type { AppState, Wallet } from '../../shared/ipc/contract';
import { encodeBigints } from '../../shared/ipc/codec';

export const ETH = 10n ** 18n;
export const NOW = 1_764_000_000; // unix seconds the fixture is "generated" at

export const alice = getAddress('0x1111111111111111111111111111111111111111');
export const bob = getAddress('0x2222222222222222222222222222222222222222');
export const opA = getAddress('0xa0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0');
export const opB = getAddress('0xb0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0');
export const avsX = getAddress('0xc0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0');
export const weETH = getAddress('0xcd5fe23c85820f7b72d0926fc9b05b43e359b7ee');
export const ezETH = getAddress('0xbf5495efe5db9ce00f80364c8b423567e58d2110');

const noExit = { instantEth: null, atNavSeconds: null, atNavDelayOnChain: false, claimableAtBlock: null, claimableAt: null } as const;

export function position(overrides: Partial<Position> & Pick<Position, 'id' | 'wallet' | 'kind' | 'asset' | 'amount'>): Position {
  return {
    chainId: 1,
    valueEth: overrides.amount,
    marketValueEth: overrides.amount,
    stack: [],
    exit: noExit,
    exposure: { operators: [], operatorSets: [] },
    nominalEth: 0n,
    unrestakedEth: 0n,
    degraded: false,
    ...overrides,
  };
}

export const weEthPosition = position({
  id: `1:${alice}:token:weETH`,
  wallet: alice,
  kind: 'token',
  asset: { symbol: 'weETH', address: weETH, decimals: 18, tokenId: null },
  amount: 10n * ETH,
  valueEth: 10_700_000_000_000_000_000n,
  marketValueEth: 10_650_000_000_000_000_000n,
  stack: [
    { layer: 'lrt', protocol: 'ether.fi', address: weETH, label: 'ether.fi weETH' },
    { layer: 'venue', protocol: 'EigenLayer', address: null, label: 'EigenLayer' },
    { layer: 'operator', protocol: 'EigenLayer', address: opA, label: 'Operator A' },
    { layer: 'beacon', protocol: 'Ethereum', address: null, label: 'Beacon chain ETH' },
  ],
  exit: { instantEth: 10_650_000_000_000_000_000n, atNavSeconds: 7n * 86_400n, atNavDelayOnChain: true, claimableAtBlock: null, claimableAt: null },
  exposure: {
    operators: [
      { operator: opA, valueEth: 6n * ETH },
      { operator: opB, valueEth: 4_700_000_000_000_000_000n },
    ],
    operatorSets: [{ avs: avsX, id: 3, operator: opA, slashableEth: 1_250_000_000_000_000_000n }],
  },
  nominalEth: 2n * ETH,
});

export const ezEthPosition = position({
  id: `1:${alice}:token:ezETH`,
  wallet: alice,
  kind: 'token',
  asset: { symbol: 'ezETH', address: ezETH, decimals: 18, tokenId: null },
  amount: 5n * ETH,
  valueEth: 5n * ETH,
  marketValueEth: 4_800_000_000_000_000_000n,
  stack: [{ layer: 'lrt', protocol: 'Renzo', address: ezETH, label: 'Renzo ezETH' }],
});

export const queuedPosition = position({
  id: `1:${bob}:queued-withdrawal:0xroot`,
  wallet: bob,
  kind: 'queued-withdrawal',
  asset: { symbol: 'ETH', address: null, decimals: 18, tokenId: null },
  amount: 32n * ETH,
  stack: [{ layer: 'venue', protocol: 'EigenLayer', address: null, label: 'EigenLayer queue' }],
  exit: { instantEth: null, atNavSeconds: 3n * 86_400n, atNavDelayOnChain: true, claimableAtBlock: 21_021_600n, claimableAt: null },
});

export const redemptionPosition = position({
  id: `1:${alice}:redemption:renzo-0`,
  wallet: alice,
  kind: 'redemption',
  asset: { symbol: 'ezETH', address: ezETH, decimals: 18, tokenId: '0' },
  amount: 2n * ETH,
  stack: [{ layer: 'lrt', protocol: 'Renzo', address: ezETH, label: 'Renzo withdraw queue' }],
  exit: { instantEth: null, atNavSeconds: 0n, atNavDelayOnChain: true, claimableAtBlock: null, claimableAt: BigInt(NOW - 60) },
});

export const depegWarning: Warning = {
  id: `depeg:ezETH@1`,
  kind: 'depeg',
  severity: 'critical',
  title: 'ezETH trades 4.0% below NAV',
  subject: 'ezETH@1',
  value: 0.04,
  threshold: 0.03,
  explanation: 'The market pays less for ezETH than the ETH behind it.',
  action: 'Do not sell at market in a hurry; compare the redemption queue.',
};

export const concentrationWarning: Warning = {
  id: `concentration-operator:${opA}`,
  kind: 'concentration-operator',
  severity: 'warning',
  title: 'One operator holds 45% of your value',
  subject: opA,
  value: 0.45,
  threshold: 0.33,
  explanation: 'A slashing of this operator would hit a large part of the portfolio.',
  action: 'Spread across LRTs that delegate to different operators.',
};

export const infoWarning: Warning = {
  id: `redemption-claimable:renzo-0`,
  kind: 'redemption-claimable',
  severity: 'info',
  title: 'A Renzo redemption is claimable',
  subject: redemptionPosition.id,
  value: null,
  threshold: null,
  explanation: 'The queue delay has passed.',
  action: 'Claim it from the Renzo app.',
};

const share = (key: string, label: string, valueEth: bigint, total: bigint) => ({ key, label, valueEth, share: Number((valueEth * 10_000n) / total) / 10_000 });
const TOTAL = 49_700_000_000_000_000_000n;

export function fixtureReport(overrides: Partial<RiskReport> = {}): RiskReport {
  return {
    generatedAt: BigInt(NOW),
    chains: [{ chainId: 1, blockNumber: 21_000_000n, blockTimestamp: BigInt(NOW), status: 'ok', failedReads: [] }],
    wallets: [
      { address: alice, label: 'Main', ens: null, valueEth: 17_700_000_000_000_000_000n, positionCount: 3 },
      { address: bob, label: '', ens: 'bob.eth', valueEth: 32n * ETH, positionCount: 1 },
    ],
    positions: [weEthPosition, ezEthPosition, redemptionPosition, queuedPosition],
    unread: [],
    navRates: [],
    warnings: [depegWarning, concentrationWarning, infoWarning],
    metrics: {
      totalValueEth: TOTAL,
      totalMarketValueEth: 49_450_000_000_000_000_000n,
      exposure: {
        layer: [share('lrt', 'LRT', 17_700_000_000_000_000_000n, TOTAL), share('venue', 'Venue', 42_700_000_000_000_000_000n, TOTAL)],
        protocol: [share('ether.fi', 'ether.fi', 10_700_000_000_000_000_000n, TOTAL), share('Renzo', 'Renzo', 7n * ETH, TOTAL), share('direct', 'direct', 32n * ETH, TOTAL)],
        venue: [share('EigenLayer', 'EigenLayer', 42_700_000_000_000_000_000n, TOTAL), share('none', 'none', 7n * ETH, TOTAL)],
        operator: [share(opA, 'Operator A', 6n * ETH, TOTAL), share(opB, 'Operator B', 4_700_000_000_000_000_000n, TOTAL), share('unrestaked', 'unrestaked', 39n * ETH, TOTAL)],
        avs: [share(avsX, 'AVS X', 1_250_000_000_000_000_000n, TOTAL)],
        chain: [share('1', 'Ethereum', TOTAL, TOTAL)],
        wallet: [],
      },
      concentration: [],
      slashable: {
        perOperatorSet: [],
        worstCaseEth: 1_250_000_000_000_000_000n,
        worstCaseShare: 0.025,
        delegatedEth: 10_700_000_000_000_000_000n,
        nominalEth: 2n * ETH,
        nominalShare: 0.04,
        nominalShareOfDelegated: 0.19,
        unrestakedEth: 0n,
      },
      leverage: [],
      depeg: [],
      navDrops: [],
      exit: {
        buckets: [
          { withinDays: 1, valueEth: 2n * ETH, share: 0.04 },
          { withinDays: 7, valueEth: 44_700_000_000_000_000_000n, share: 0.9 },
          { withinDays: 30, valueEth: 44_700_000_000_000_000_000n, share: 0.9 },
        ],
        laterEth: 5n * ETH,
        laterShare: 0.1,
        unknownEth: 5n * ETH,
        instantEth: 15_450_000_000_000_000_000n,
        instantShare: 0.31,
        beyondHorizonEth: 5n * ETH,
        beyondHorizonShare: 0.1,
        horizonDays: 7,
        lockedEth: 34n * ETH,
        lockedShare: 0.68,
        pendingWithdrawals: [
          { positionId: queuedPosition.id, wallet: bob, chainId: 1, kind: 'queued-withdrawal', valueEth: 32n * ETH, claimableAtBlock: 21_021_600n, claimableAt: null, claimable: false },
          { positionId: redemptionPosition.id, wallet: alice, chainId: 1, kind: 'redemption', valueEth: 2n * ETH, claimableAtBlock: null, claimableAt: BigInt(NOW - 60), claimable: true },
        ],
      },
      stackDepth: { weighted: 2.1, max: 4 },
      stress: { depegPercent: 10, slashPercent: 30, scenarios: [], worst: null },
      riskScore: {
        score: 42,
        components: [
          { key: 'depeg', label: 'Depeg', value: 0.8, weight: 20, points: 16 },
          { key: 'concentration', label: 'Operator concentration', value: 0.65, weight: 40, points: 26 },
        ],
        formula: 'sum of weighted components',
      },
    },
    ...overrides,
  };
}

export const wallets: Wallet[] = [
  { address: alice, label: 'Main', ensName: null, chains: [1], addedAt: '2026-11-01T00:00:00.000Z' },
  { address: bob, label: '', ensName: 'bob.eth', chains: [1], addedAt: '2026-11-02T00:00:00.000Z' },
];

export function fixtureState(overrides: Partial<AppState> = {}, report: RiskReport | null = fixtureReport(), settings: Settings = defaultSettings): AppState {
  return {
    wallets,
    settings,
    report: report === null ? null : encodeBigints(report),
    history: [],
    progress: { running: false, startedAt: (NOW - 20) * 1000, finishedAt: (NOW - 10) * 1000, chains: [{ chainId: 1, state: 'done', error: null }] },
    problems: [],
    paused: false,
    ...overrides,
  };
}
