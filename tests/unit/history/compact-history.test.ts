import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactHistory } from '../../../shared/history/compact-history';
import type { HistoryPoint } from '../../../shared/history/history-point';

const MIN = 60;
const HOUR = 3600;
const DAY = 86_400;
const NOW = 1_800_000_000 - (1_800_000_000 % DAY); // midnight UTC, so buckets are easy to reason about

function point(t: number, riskScore = 1, critical = 0, value = '1000'): HistoryPoint {
  return { t, totalValueEth: value, riskScore, exposure: { layer: { lrt: value }, protocol: {} }, warnings: { info: 0, warning: 0, critical } };
}

/** One point every `step` seconds from `from` seconds ago up to `to` seconds ago (inclusive). */
function series(fromAgo: number, toAgo: number, step: number): HistoryPoint[] {
  const out: HistoryPoint[] = [];
  for (let ago = fromAgo; ago >= toAgo; ago -= step) out.push(point(NOW - ago));
  return out;
}

describe('compactHistory', () => {
  it('keeps every point of the last 7 days', () => {
    const points = series(7 * DAY - MIN, 0, 10 * MIN);
    expect(compactHistory(points, NOW)).toEqual(points);
  });

  it('keeps one point per hour between 7 and 90 days, the latest of each hour', () => {
    const points = series(10 * DAY, 8 * DAY, 5 * MIN);
    const out = compactHistory(points, NOW);
    expect(out).toHaveLength(2 * 24 + 1);
    const hours = out.map((p) => Math.floor(p.t / HOUR));
    expect(new Set(hours).size).toBe(out.length);
    // Within an hour from :00 to :55, the :55 point is the one kept (except the newest, kept as is).
    expect(out.slice(0, -1).every((p) => p.t % HOUR === 55 * MIN)).toBe(true);
  });

  it('keeps one point per day after 90 days', () => {
    const points = series(100 * DAY, 95 * DAY, HOUR);
    const out = compactHistory(points, NOW);
    expect(out).toHaveLength(5 + 1);
    expect(new Set(out.map((p) => Math.floor(p.t / DAY))).size).toBe(out.length);
  });

  it('a merged bucket keeps the highest risk score and warning counts, and the latest value', () => {
    const base = NOW - 20 * DAY;
    const out = compactHistory([point(base, 3, 0, '10'), point(base + MIN, 9, 2, '20'), point(base + 2 * MIN, 4, 1, '30'), point(NOW, 1)], NOW);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ t: base + 2 * MIN, totalValueEth: '30', riskScore: 9, warnings: { critical: 2 } });
  });

  it('never changes the newest point', () => {
    const base = NOW - 20 * DAY;
    const newest = point(base + 2 * MIN, 1);
    const out = compactHistory([point(base, 50, 5), point(base + MIN, 40, 4), newest], NOW);
    expect(out[out.length - 1]).toEqual(newest);
  });

  it('sorts, and a repeated time keeps the last point given', () => {
    const out = compactHistory([point(NOW - 10, 1), point(NOW - 20, 2), point(NOW - 10, 3)], NOW);
    expect(out.map((p) => [p.t, p.riskScore])).toEqual([[NOW - 20, 2], [NOW - 10, 3]]);
  });

  it('thins the recent window first when over the cap, keeping long-term history', () => {
    // 7 days of 12-second refreshes: 50,400 points, plus a year of older daily points.
    const points = [...series(365 * DAY, 91 * DAY, DAY), ...series(7 * DAY - 12, 0, 12)];
    const out = compactHistory(points, NOW, { maxPoints: 4000 });
    expect(out.length).toBeLessThanOrEqual(4000);
    expect(out[0]?.t).toBe(NOW - 365 * DAY);
    // The recent window now has one point per 5 minutes at most.
    const recent = out.filter((p) => NOW - p.t < 7 * DAY);
    expect(recent.length).toBeGreaterThan(1000);
    expect(recent.length).toBeLessThanOrEqual(7 * 24 * 12 + 1);
  });

  it('drops the oldest points as a last resort', () => {
    const points = series(400 * DAY, 0, DAY);
    const out = compactHistory(points, NOW, { maxPoints: 50 });
    expect(out).toHaveLength(50);
    expect(out[out.length - 1]?.t).toBe(NOW);
    expect(out[0]?.t).toBe(NOW - 49 * DAY);
  });

  it('returns nothing for nothing', () => {
    expect(compactHistory([], NOW)).toEqual([]);
  });

  it('properties: bounded, sorted, idempotent, newest kept, recent points kept when under the cap', () => {
    const pointArb = fc.record({ ago: fc.integer({ min: 0, max: 200 * DAY }), risk: fc.integer({ min: 0, max: 100 }) }).map(({ ago, risk }) => point(NOW - ago, risk));
    fc.assert(
      fc.property(fc.array(pointArb, { maxLength: 400 }), fc.integer({ min: 1, max: 300 }), (points, maxPoints) => {
        const out = compactHistory(points, NOW, { maxPoints });
        expect(out.length).toBeLessThanOrEqual(maxPoints);
        for (let i = 1; i < out.length; i += 1) expect(out[i]?.t).toBeGreaterThan(out[i - 1]?.t ?? -1);
        expect(compactHistory(out, NOW, { maxPoints })).toEqual(out);
        if (points.length > 0) expect(out[out.length - 1]?.t).toBe(Math.max(...points.map((p) => p.t)));
        const times = new Set(points.map((p) => p.t));
        if (times.size <= maxPoints) {
          const recent = [...times].filter((t) => NOW - t < 7 * DAY);
          for (const t of recent) expect(out.some((p) => p.t === t)).toBe(true);
        }
        // The highest risk score is never lost by compaction (only by dropping the oldest).
        // (A repeated time keeps only the last point given, so compare with those.)
        const lastPerTime = [...new Map(points.map((p) => [p.t, p])).values()];
        if (out.length < maxPoints && lastPerTime.length > 0) {
          expect(Math.max(...out.map((p) => p.riskScore))).toBe(Math.max(...lastPerTime.map((p) => p.riskScore)));
        }
      }),
      { numRuns: 300 },
    );
  });
});
