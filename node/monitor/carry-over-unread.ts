import type { Position, RiskReport } from '../../shared/report';

/**
 * Keeps the last good data for every read that failed this refresh: each previous position whose
 * id starts with an `unread` entry's prefix, and that the new report does not have, is carried into
 * the new report marked `degraded`, so a failing RPC never looks like a vanished position. Metrics
 * and warnings stay the engine's (they count only what was read). Positions stay sorted by id.
 */
export function carryOverUnread(report: RiskReport, previous: RiskReport | null): RiskReport {
  if (previous === null || report.unread.length === 0) return report;
  const present = new Set(report.positions.map((position) => position.id));
  const prefixes = report.unread.map((entry) => entry.positionIdPrefix).filter((prefix) => prefix !== '');
  const kept: Position[] = previous.positions
    .filter((position) => !present.has(position.id) && prefixes.some((prefix) => position.id.startsWith(prefix)))
    .map((position) => ({ ...position, degraded: true }));
  if (kept.length === 0) return report;
  const positions = [...report.positions, ...kept].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { ...report, positions };
}
