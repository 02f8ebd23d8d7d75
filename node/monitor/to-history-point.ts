import type { HistoryPoint } from '../../shared/history/history-point';
import type { RiskReport, Share } from '../../shared/report';

function byKey(shares: readonly Share[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const share of shares) out[share.key] = share.valueEth.toString();
  return out;
}

/** The compact history point of one report, at unix second `t`. */
export function toHistoryPoint(report: RiskReport, t: number): HistoryPoint {
  const warnings = { info: 0, warning: 0, critical: 0 };
  for (const warning of report.warnings) warnings[warning.severity] += 1;
  return {
    t,
    totalValueEth: report.metrics.totalValueEth.toString(),
    riskScore: report.metrics.riskScore.score,
    exposure: { layer: byKey(report.metrics.exposure.layer), protocol: byKey(report.metrics.exposure.protocol) },
    warnings,
  };
}
