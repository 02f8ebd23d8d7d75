import type { Address } from 'viem';
import type { ChainSummary, Metrics, Position, RiskReport, WalletSummary, Warning } from '../report';
import type { Registry } from '../registry/types';
import type { Thresholds } from '../settings/thresholds';
import type { ChainSnapshot } from '../snapshot';
import { buildEngineContext } from './build-engine-context';
import { buildPositions } from './build-positions';
import type { PositionFacts } from './build-positions';
import { buildRedemptionPositions } from './build-redemption-positions';
import { buildRedemptionWarnings } from './build-redemption-warnings';
import { compareText } from './compare-text';
import { buildWarnings } from './build-warnings';
import { computeDepeg } from './compute-depeg';
import { computeEthUsd } from './compute-eth-usd';
import { computeExitProfile } from './compute-exit-profile';
import { computeExposure } from './compute-exposure';
import { computeLeverage } from './compute-leverage';
import { computeNavRates } from './compute-nav-rates';
import { computeRiskScore } from './compute-risk-score';
import { computeSlashable } from './compute-slashable';
import { computeStress } from './compute-stress';
import { groupExposure } from './group-exposure';
import { ratio } from './ratio';
import { stackDepth } from './stack-depth';
import { sumPositions } from './sum-positions';

export interface ComputeReportInput {
  /** One snapshot per chain read this refresh. */
  readonly snapshots: readonly ChainSnapshot[];
  readonly registry: Registry;
  readonly thresholds: Thresholds;
  /** Unix seconds; the engine has no clock of its own. */
  readonly now: bigint;
  readonly wallets: readonly { readonly address: Address; readonly label: string | null; readonly ens: string | null }[];
  /** The previous report, for NAV drops and warning hysteresis; null on the first refresh. */
  readonly previous: RiskReport | null;
}

/**
 * The risk engine: values every position of the watched wallets at NAV and at market, looks
 * through LRTs and delegations to operators and operator sets, and computes the metrics, stress
 * tests, risk score and warnings described in docs/risk-model.md. Pure and deterministic: the
 * same input gives the same report.
 */
export function computeReport(input: ComputeReportInput): RiskReport {
  const { registry, thresholds: t, now, previous } = input;
  const snapshots = [...input.snapshots].sort((a, b) => a.chainId - b.chainId);
  const ctx = buildEngineContext(snapshots, registry);
  const built = buildPositions(ctx, snapshots, input.wallets);
  // Pending LRT redemptions (issue 10): the LRT already left the wallet, so they add to the balances, never double.
  const redemptions = buildRedemptionPositions(ctx, snapshots, now);
  // Both lists come sorted by id: merging them gives what one stable sort of both would.
  const facts = mergeById(built.facts, redemptions.facts);
  const unread = [...built.unread, ...redemptions.unread].sort((a, b) => compareText(a.positionIdPrefix, b.positionIdPrefix));
  const positions: Position[] = facts.map((f) => f.position);

  const sums = sumPositions(facts);
  const { totalValueEth, totalMarketValueEth, heldTokens, heldMarketTokens } = sums;

  const groups = groupExposure(sums.byProfile);
  const { exposure, concentration } = computeExposure(ctx, sums, groups, input.wallets, totalValueEth);
  const slashable = computeSlashable(ctx, groups, totalValueEth);
  const leverage = computeLeverage(ctx, groups);
  const depeg = computeDepeg(ctx, heldMarketTokens);
  const { navRates, navDrops } = computeNavRates(ctx, previous);
  const exit = computeExitProfile(facts, totalValueEth, t.exitHorizonDays);
  const depth = stackDepth(sums.byStack, totalValueEth);
  const stress = computeStress(ctx, facts, groups, totalValueEth, t.stressDepegPercent, t.stressSlashPercent);

  let discountWeighted = 0;
  for (const d of depeg) {
    const v = sums.byMarketToken.get(d.token);
    if (v !== undefined && d.depeg < 0) discountWeighted += -d.depeg * ratio(v, totalValueEth);
  }
  const hhiOf = (dimension: string): number => concentration.find((c) => c.dimension === dimension)?.hhi ?? 0;
  const maxNavDrop = navDrops.filter((d) => heldTokens.has(d.token)).reduce((acc, d) => Math.max(acc, d.drop), 0);
  const riskScore = computeRiskScore({
    slashableShare: slashable.worstCaseShare,
    concentrationHhi: Math.max(hhiOf('protocol'), hhiOf('operator')),
    beyondHorizonShare: exit.beyondHorizonShare,
    weightedDiscount: discountWeighted,
    depegCritical: t.depegCritical,
    weightedDepth: depth.weighted,
    maxNavDrop,
    navDropCritical: t.navDropCritical,
  });

  const metrics: Metrics = {
    totalValueEth, totalMarketValueEth, exposure, concentration, slashable, leverage, depeg, navDrops,
    exit, stackDepth: depth, stress, riskScore,
    ethUsd: computeEthUsd({ snapshots, registry, totalValueEth, now }),
  };

  const previousWarnings = new Map<string, Warning>((previous?.warnings ?? []).map((w) => [w.id, w]));
  const severityRank = (s: Warning['severity']): number => (s === 'critical' ? 2 : s === 'warning' ? 1 : 0);
  const warnings = [...buildWarnings({ ctx, snapshots, facts, unread, metrics, thresholds: t, now, previous: previousWarnings, heldTokens }), ...buildRedemptionWarnings(redemptions.notes)]
    .sort((a, b) => (a.severity === b.severity ? compareText(a.id, b.id) : severityRank(b.severity) - severityRank(a.severity)));

  const chains: ChainSummary[] = snapshots.map((s) => ({
    chainId: s.chainId, blockNumber: s.blockNumber, blockTimestamp: s.blockTimestamp, status: s.status, failedReads: s.failedReads,
  }));
  const wallets: WalletSummary[] = input.wallets.map((w) => {
    const entry = sums.perWallet.get(w.address.toLowerCase());
    return { address: w.address, label: w.label, ens: w.ens, valueEth: entry?.valueEth ?? 0n, positionCount: entry?.positionCount ?? 0 };
  });

  return { generatedAt: now, chains, wallets, positions, unread, metrics, navRates, warnings };
}

/** Merges two lists sorted by position id; on equal ids the first list's entries come first (as a stable sort of a then b). */
function mergeById(a: readonly PositionFacts[], b: readonly PositionFacts[]): readonly PositionFacts[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: PositionFacts[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x === undefined || y === undefined) break;
    if (compareText(y.position.id, x.position.id) < 0) {
      out.push(y);
      j++;
    } else {
      out.push(x);
      i++;
    }
  }
  for (; i < a.length; i++) {
    const x = a[i];
    if (x !== undefined) out.push(x);
  }
  for (; j < b.length; j++) {
    const y = b[j];
    if (y !== undefined) out.push(y);
  }
  return out;
}
