/**
 * The CLI's `--json` document (a public interface: schemas/scan-report.schema.json, compatible
 * with ../shared/contracts/scan-report.schema.json). Fields may be added; none may be renamed or
 * retyped without a new schemaVersion. Every amount is a decimal string of an integer.
 */
import { formatUnits, getAddress } from 'viem';
import { redemptionsNotTracked } from './engine/redemptions-not-tracked';
import { formatUsdCents } from './format-usd';
import { registry } from './registry/registry';
import type { TokenInfo } from './registry/types';
import type { EthUsdPrice, Position, PositionRedemption, RiskReport, Warning } from './report';

export const SCAN_REPORT_SCHEMA_VERSION = 1;

/** Recursively turns bigint into decimal strings; leaves everything else as JSON would. */
export function jsonify(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(jsonify);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = jsonify(v);
    return out;
  }
  return value;
}

const str = (v: bigint | null): string | null => (v === null ? null : v.toString());

/** Seconds as a JSON integer while exact, else as a decimal string (the schema accepts both). */
function seconds(v: bigint | null): number | string | null {
  if (v === null) return null;
  return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
}

function positionJson(p: Position): Record<string, unknown> {
  return {
    id: p.id,
    wallet: getAddress(p.wallet),
    chainId: p.chainId,
    kind: p.kind,
    asset: { symbol: p.asset.symbol, address: p.asset.address, decimals: p.asset.decimals, tokenId: p.asset.tokenId },
    amount: p.amount.toString(),
    valueEth: str(p.valueEth),
    marketValueEth: str(p.marketValueEth),
    stack: p.stack.map((l) => ({ layer: l.layer, protocol: l.protocol, address: l.address, label: l.label })),
    exit: {
      instantEth: str(p.exit.instantEth),
      atNavSeconds: seconds(p.exit.atNavSeconds),
      atNavDelayOnChain: p.exit.atNavDelayOnChain,
      claimableAtBlock: str(p.exit.claimableAtBlock),
      claimableAt: str(p.exit.claimableAt),
      // ether.fi positions only: the instant redemption path (see PositionExit).
      ...(p.exit.instantRedeemEth === undefined ? {} : { instantRedeemEth: str(p.exit.instantRedeemEth), instantRedeemCapped: p.exit.instantRedeemCapped ?? false }),
    },
    exposure: {
      operators: p.exposure.operators.map((o) => ({ address: o.operator, valueEth: o.valueEth.toString() })),
      operatorSets: p.exposure.operatorSets.map((s) => ({ avs: s.avs, id: s.id, operator: s.operator, slashableEth: s.slashableEth.toString() })),
    },
    nominalEth: p.nominalEth.toString(),
    unrestakedEth: p.unrestakedEth.toString(),
    degraded: p.degraded,
    ...(p.redemption === undefined ? {} : { redemption: redemptionJson(p.redemption) }),
  };
}

/** `positions[].redemption` (kind `redemption` only): the request, what it gave up, what it pays, how its time is known. */
function redemptionJson(r: PositionRedemption): Record<string, unknown> {
  return {
    protocol: r.protocol,
    requestId: r.requestId,
    queue: getAddress(r.queue),
    status: r.status,
    assetGiven: { symbol: r.assetGiven.symbol, address: r.assetGiven.address, decimals: r.assetGiven.decimals, tokenId: r.assetGiven.tokenId },
    amountLocked: r.amountLocked.toString(),
    expectedAmount: r.expectedAmount.toString(),
    timing: r.timing,
    estimatedClaimableAt: str(r.estimatedClaimableAt),
    expectedDelaySeconds: seconds(r.expectedDelaySeconds),
    expectedDelayOnChain: r.expectedDelayOnChain,
    overdueSeconds: seconds(r.overdueSeconds),
    createdAt: str(r.createdAt),
    startBlock: str(r.startBlock),
    blockedReason: r.blockedReason,
  };
}

export function warningJson(w: Warning): Record<string, unknown> {
  return {
    id: w.id, kind: w.kind, severity: w.severity, title: w.title, subject: w.subject,
    value: w.value, threshold: w.threshold, explanation: w.explanation, action: w.action,
    // The text in catalog form (shared/i18n), for scripts that render it in another language.
    ...(w.message === undefined ? {} : { message: { key: w.message.key, params: { ...w.message.params } } }),
  };
}

/** `metrics.ethUsd`: the price as an exact decimal string, its time in unix seconds (like blockTimestamp), the total in dollars. */
function ethUsdJson(p: EthUsdPrice | null | undefined): Record<string, unknown> | null {
  if (!p) return null;
  return { usdPerEth: formatUnits(p.answer, p.decimals), updatedAt: p.updatedAt.toString(), stale: p.stale, totalValueUsd: formatUsdCents(p.totalValueUsdCents, false) };
}

/**
 * Builds the `--json` document from a report. `generatedAt` is the report's `now`. `tokens` (the
 * registry's by default) say which protocols' redemption requests are not tracked.
 */
export function toScanReportJson(report: RiskReport, tokens: readonly TokenInfo[] = registry.tokens): Record<string, unknown> {
  const metrics = jsonify(report.metrics) as Record<string, unknown>;
  return {
    schemaVersion: SCAN_REPORT_SCHEMA_VERSION,
    generatedAt: new Date(Number(report.generatedAt) * 1000).toISOString(),
    chains: report.chains.map((c) => ({
      chainId: c.chainId,
      blockNumber: str(c.blockNumber),
      blockTimestamp: str(c.blockTimestamp),
      status: c.status,
      failedReads: c.failedReads.map((f) => ({ key: f.key, target: f.target, call: f.call, error: f.error })),
    })),
    wallets: report.wallets.map((w) => ({
      address: getAddress(w.address), ens: w.ens, label: w.label,
      valueEth: w.valueEth.toString(), positionCount: w.positionCount,
    })),
    positions: report.positions.map(positionJson),
    // Protocols whose pending requests a wallet may have but the app does not read (their tokens are held).
    redemptionsNotTracked: redemptionsNotTracked(report.positions, tokens).map((n) => ({
      wallet: getAddress(n.wallet), protocol: n.protocol, queue: n.queue === null ? null : getAddress(n.queue), tokens: [...n.tokens],
    })),
    unread: jsonify(report.unread),
    metrics: {
      ...metrics,
      totalValueEth: report.metrics.totalValueEth.toString(),
      riskScore: report.metrics.riskScore.score,
      riskScoreDetail: metrics['riskScore'],
      ethUsd: ethUsdJson(report.metrics.ethUsd),
    },
    warnings: report.warnings.map(warningJson),
  };
}
