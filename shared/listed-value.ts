import type { RiskReport } from './report';

/** What the positions a report lists are worth, and how much of it is last known figures. */
export interface ListedValue {
  /** Sum of every listed position's ETH value, wei (positions kept from earlier refreshes included). */
  readonly totalEth: bigint;
  /** The part of `totalEth` the engine did not read this refresh (positions carried over while reads fail), wei. */
  readonly lastKnownEth: bigint;
}

/**
 * The value a user should see for a report: the engine's `metrics.totalValueEth` counts only what
 * was read this refresh, while the monitor keeps the last known positions for failed reads (so a
 * failing endpoint never looks like money gone). This adds those back and says how much they are.
 *
 * @param report - A report as the monitor hands it on (carried-over positions marked `degraded`).
 */
export function listedValue(report: RiskReport): ListedValue {
  let totalEth = 0n;
  for (const position of report.positions) totalEth += position.valueEth ?? 0n;
  const lastKnownEth = totalEth > report.metrics.totalValueEth ? totalEth - report.metrics.totalValueEth : 0n;
  return { totalEth, lastKnownEth };
}
