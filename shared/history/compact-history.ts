import type { HistoryPoint } from './history-point';

export interface CompactHistoryOptions {
  /** Points younger than this keep full resolution. Default 7 days. */
  readonly fullResolutionSeconds?: number;
  /** Points younger than this (and older than the full-resolution window) keep one point per hour; older ones one per day. Default 90 days. */
  readonly hourlySeconds?: number;
  /** The most points kept. Default 4000. */
  readonly maxPoints?: number;
}

const HOUR = 3600;
const DAY = 86_400;
export const DEFAULT_HISTORY_MAX_POINTS = 4000;

/** Widths tried, one after the other, for the full-resolution window when the cap is exceeded. */
const FULL_WIDTHS = [60, 300, 900, HOUR] as const;

/**
 * Merges the points of one bucket into one: the latest point's time, value and exposure, the
 * highest risk score and the highest count of each severity seen in the bucket, so a peak is never
 * hidden by compaction.
 */
function merge(points: readonly HistoryPoint[]): HistoryPoint {
  const last = points[points.length - 1];
  if (last === undefined) throw new RangeError('merge of an empty bucket');
  if (points.length === 1) return last;
  let riskScore = last.riskScore;
  const warnings = { ...last.warnings };
  for (const point of points) {
    riskScore = Math.max(riskScore, point.riskScore);
    warnings.info = Math.max(warnings.info, point.warnings.info);
    warnings.warning = Math.max(warnings.warning, point.warnings.warning);
    warnings.critical = Math.max(warnings.critical, point.warnings.critical);
  }
  return { ...last, riskScore, warnings };
}

/** Groups consecutive points (sorted by time) by bucket key and merges each group. */
function bucketise(points: readonly HistoryPoint[], keyOf: (point: HistoryPoint) => string): HistoryPoint[] {
  const out: HistoryPoint[] = [];
  let group: HistoryPoint[] = [];
  let key: string | null = null;
  for (const point of points) {
    const pointKey = keyOf(point);
    if (pointKey !== key && group.length > 0) {
      out.push(merge(group));
      group = [];
    }
    key = pointKey;
    group.push(point);
  }
  if (group.length > 0) out.push(merge(group));
  return out;
}

/**
 * Bounds the history: full resolution for the last `fullResolutionSeconds` (7 days), one point per
 * hour up to `hourlySeconds` (90 days), one per day after that; buckets are aligned to unix time,
 * and a bucket's points merge into one (latest values, highest risk score and warning counts). When
 * that still leaves more than `maxPoints`, the recent window is thinned step by step (one point per
 * minute, 5 minutes, 15 minutes, hour), then everything older than the recent window becomes daily,
 * then everything daily, and as a last resort the oldest points are dropped. The newest point is
 * always kept as it is.
 *
 * Pure and idempotent: compacting the result again with the same `now` changes nothing.
 *
 * @param points - History points in any order; a repeated time keeps the last one given.
 * @param now - Unix seconds.
 * @param options - Window lengths and the cap.
 * @returns Points sorted by time, at most `maxPoints` of them.
 */
export function compactHistory(points: readonly HistoryPoint[], now: number, options: CompactHistoryOptions = {}): HistoryPoint[] {
  const full = options.fullResolutionSeconds ?? 7 * DAY;
  const hourly = options.hourlySeconds ?? 90 * DAY;
  const maxPoints = Math.max(1, Math.floor(options.maxPoints ?? DEFAULT_HISTORY_MAX_POINTS));

  const byTime = new Map<number, HistoryPoint>();
  for (const point of points) byTime.set(point.t, point);
  const sorted = [...byTime.values()].sort((a, b) => a.t - b.t);
  const newest = sorted.pop();
  if (newest === undefined) return [];

  const keyFor = (fullWidth: number, hourlyWidth: number) => (point: HistoryPoint): string => {
    const age = now - point.t;
    if (age < full) return `f${Math.floor(point.t / fullWidth)}`;
    if (age < hourly) return `h${Math.floor(point.t / hourlyWidth)}`;
    return `d${Math.floor(point.t / DAY)}`;
  };

  const attempts: Array<[number, number]> = [[1, HOUR], ...FULL_WIDTHS.map((width): [number, number] => [width, HOUR]), [HOUR, DAY], [DAY, DAY]];
  let result: HistoryPoint[] = [];
  for (const [fullWidth, hourlyWidth] of attempts) {
    result = bucketise(sorted, keyFor(fullWidth, hourlyWidth));
    if (result.length + 1 <= maxPoints) break;
  }
  if (result.length + 1 > maxPoints) result = result.slice(result.length + 1 - maxPoints);
  result.push(newest);
  return result;
}
