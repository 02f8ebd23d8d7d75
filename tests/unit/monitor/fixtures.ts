import type { Address } from 'viem';
import type { ChainSummary, Metrics, Position, RiskReport, UnreadPosition, Warning } from '../../../shared/report';
import type { MonitorClock } from '../../../node/monitor/create-monitor';

export const WALLET: Address = '0x00000000219ab540356cBB839Cbe05303d7705Fa';

const emptyMetrics = (totalValueEth: bigint): Metrics => ({
  totalValueEth,
  totalMarketValueEth: totalValueEth,
  exposure: { layer: [{ key: 'lrt', label: 'LRT', valueEth: totalValueEth, share: 1 }], protocol: [{ key: 'ether.fi', label: 'ether.fi', valueEth: totalValueEth, share: 1 }], venue: [], operator: [], avs: [], chain: [], wallet: [] },
  concentration: [],
  slashable: { perOperatorSet: [], worstCaseEth: 0n, worstCaseShare: 0, delegatedEth: 0n, nominalEth: 0n, nominalShare: 0, nominalShareOfDelegated: 0, unrestakedEth: 0n },
  leverage: [],
  depeg: [],
  navDrops: [],
  exit: { buckets: [], laterEth: 0n, laterShare: 0, unknownEth: 0n, instantEth: 0n, instantShare: 0, beyondHorizonEth: 0n, beyondHorizonShare: 0, horizonDays: 30, lockedEth: 0n, lockedShare: 0, pendingWithdrawals: [] },
  stackDepth: { weighted: 1, max: 1 },
  stress: { depegPercent: 10, slashPercent: 10, scenarios: [], worst: null },
  riskScore: { score: 42, components: [], formula: 'test' },
});

export function position(id: string, valueEth: bigint): Position {
  return {
    id,
    wallet: WALLET,
    chainId: 1,
    kind: 'token',
    asset: { symbol: 'weETH', address: null, decimals: 18, tokenId: 'weETH@1' },
    amount: valueEth,
    valueEth,
    marketValueEth: null,
    stack: [],
    exit: { instantEth: null, atNavSeconds: null, atNavDelayOnChain: false, claimableAtBlock: null, claimableAt: null },
    exposure: { operators: [], operatorSets: [] },
    nominalEth: 0n,
    unrestakedEth: 0n,
    degraded: false,
  };
}

export function warning(kind: string, subject: string, severity: Warning['severity'] = 'warning'): Warning {
  return { id: `${kind}:${subject}`, kind, subject, severity, title: `${kind} ${subject}`, value: null, threshold: null, explanation: 'why', action: 'what to do' };
}

export function chain(chainId: number, status: ChainSummary['status'] = 'ok', error = 'connection refused'): ChainSummary {
  return {
    chainId,
    blockNumber: status === 'failed' ? null : 100n,
    blockTimestamp: null,
    status,
    failedReads: status === 'ok' ? [] : [{ key: 'chain', target: null, call: 'eth_blockNumber', error }],
  };
}

export function report(parts: { positions?: Position[]; warnings?: Warning[]; unread?: UnreadPosition[]; chains?: ChainSummary[]; generatedAt?: bigint } = {}): RiskReport {
  const positions = parts.positions ?? [];
  const total = positions.reduce((sum, p) => sum + (p.valueEth ?? 0n), 0n);
  return {
    generatedAt: parts.generatedAt ?? 1_700_000_000n,
    chains: parts.chains ?? [chain(1)],
    wallets: [{ address: WALLET, label: null, ens: null, valueEth: total, positionCount: positions.length }],
    positions,
    unread: parts.unread ?? [],
    metrics: emptyMetrics(total),
    navRates: [],
    warnings: parts.warnings ?? [],
  };
}

export function unread(prefix: string, source = 'weETH@1'): UnreadPosition {
  return { chainId: 1, wallet: WALLET, source, positionIdPrefix: prefix, error: 'HTTP 503' };
}

/** A clock whose time moves only when the test says so; runs due timers in order. */
export interface FakeClock extends MonitorClock {
  advance(ms: number): Promise<void>;
  pendingTimers(): number;
}

/** Lets every promise chain that is ready run to completion. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

export function fakeClock(start = 1_700_000_000_000): FakeClock {
  let now = start;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => now,
    setTimeout(callback, ms) {
      const id = nextId;
      nextId += 1;
      timers.set(id, { at: now + Math.max(0, ms), callback });
      return id;
    },
    clearTimeout(handle) {
      if (typeof handle === 'number') timers.delete(handle);
    },
    localMinutesOfDay: () => 12 * 60,
    async advance(ms) {
      const target = now + ms;
      await flush();
      for (;;) {
        let nextIdDue: number | null = null;
        let nextAt = Number.POSITIVE_INFINITY;
        for (const [id, timer] of timers) {
          if (timer.at <= target && timer.at < nextAt) {
            nextAt = timer.at;
            nextIdDue = id;
          }
        }
        if (nextIdDue === null) break;
        const timer = timers.get(nextIdDue);
        timers.delete(nextIdDue);
        now = nextAt;
        timer?.callback();
        await flush();
      }
      now = target;
      await flush();
    },
    pendingTimers: () => timers.size,
  };
}

/** A promise the test resolves or rejects by hand. */
export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
