import type { RiskReport } from '../../shared/report';

export interface ExitBar {
  readonly label: string;
  /** Share of the portfolio newly exitable in this bucket (not cumulative). */
  readonly share: number;
  /** Cumulative share exitable by the end of this bucket. */
  readonly cumulative: number;
}

/** The exit profile as bars: within 1, 7, 30 days (incremental) and later. */
export function exitChart(report: RiskReport, withinLabel: (days: number) => string, laterLabel: string): ExitBar[] {
  const { buckets, laterShare } = report.metrics.exit;
  const sorted = [...buckets].sort((a, b) => a.withinDays - b.withinDays);
  let previous = 0;
  const bars = sorted.map((bucket) => {
    const bar = { label: withinLabel(bucket.withinDays), share: Math.max(0, bucket.share - previous), cumulative: bucket.share };
    previous = bucket.share;
    return bar;
  });
  bars.push({ label: laterLabel, share: laterShare, cumulative: previous + laterShare });
  return bars;
}
