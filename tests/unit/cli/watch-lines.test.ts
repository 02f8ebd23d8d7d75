/**
 * The lines `matryoshka watch --json-lines` prints for a monitor update, built from the real
 * notification diff: one event line per notified warning (a grouped notification lists each of
 * its warnings), none for what the diff holds back, the last known figures while reads fail, and
 * every line valid against the contract's schema and the published one.
 */
import { describe, expect, it } from 'vitest';
import { emptyWatchMemory, nextWatchMemory, toReadableLine, toWatchLines, type EventLine, type ReportLine, type WatchLine, type WatchMemory } from '../../../node/cli/to-watch-lines';
import { diffReports, type DiffResult } from '../../../shared/notify/diff-reports';
import { emptyNotifyState, type NotifyState } from '../../../shared/notify/notify-state';
import type { RiskReport, Warning } from '../../../shared/report';
import { defaultSettings, type NotificationSettings } from '../../../shared/settings/settings';
import { HOSTILE_NAMES, UNSAFE_CHARACTER } from '../../support/hostile-strings';
import { watchLineValidators } from '../../support/watch-process';
import { chain, position, report, unread, warning } from '../monitor/fixtures';

const validators = watchLineValidators();

function diff(state: NotifyState, r: RiskReport, now: bigint, settings: Partial<NotificationSettings> = {}): DiffResult {
  return diffReports(state, r.warnings, { now, settings: { ...defaultSettings.notifications, ...settings }, thresholds: defaultSettings.thresholds, localMinutesOfDay: 12 * 60 });
}

function lines(r: RiskReport, result: DiffResult, memory: WatchMemory = emptyWatchMemory): WatchLine[] {
  const out = toWatchLines({ report: r, events: result.events, notifications: result.notifications }, memory);
  for (const line of out) {
    for (const { name, validate } of validators) expect(validate(JSON.parse(JSON.stringify(line))), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
  }
  return out;
}

const eventsOf = (out: readonly WatchLine[]): EventLine[] => out.filter((l): l is EventLine => l.type === 'event');
const reportOf = (out: readonly WatchLine[]): ReportLine | undefined => out.find((l): l is ReportLine => l.type === 'report');

const ETH = 10n ** 18n;

describe('toWatchLines', () => {
  it('puts the report line first: chains, the value of the positions listed, warnings', () => {
    const r = report({ positions: [position('1:a:weETH', 3n * ETH), position('1:a:ezETH', 2n * ETH)], warnings: [warning('depeg', 'ezETH@1')], chains: [chain(1)] });
    const out = lines(r, diff(emptyNotifyState, r, 1000n));
    expect(out[0]).toEqual({
      type: 'report', generatedAt: '1700000000', chains: [{ chainId: 1, blockNumber: '100', status: 'ok' }],
      metrics: { totalValueEth: (5n * ETH).toString(), riskScore: 42 }, warnings: 1, positions: 2, degraded: false,
    });
  });

  it('gives one event line per warning of a grouped notification, all naming it', () => {
    const warnings = ['a', 'b', 'c', 'd', 'e'].map((s) => warning('operator-slashed', s));
    const r = report({ warnings });
    const result = diff(emptyNotifyState, r, 1000n);
    expect(result.notifications).toHaveLength(1); // more than groupThreshold (3) at once
    const events = eventsOf(lines(r, result));
    expect(events.map((e) => [e.event, e.warning.id])).toEqual(warnings.map((w) => ['new', w.id]));
    expect(new Set(events.map((e) => e.notification.key))).toEqual(new Set([result.notifications[0]?.key]));
    expect(events.every((e) => e.notification.grouped)).toBe(true);
  });

  it('prints nothing for events the diff holds back (minimum severity, cooldown)', () => {
    const r = report({ warnings: [warning('nominal-security', 'portfolio', 'info'), warning('depeg', 'ezETH@1')] });
    const first = diff(emptyNotifyState, r, 1000n);
    expect(first.events).toHaveLength(2);
    expect(eventsOf(lines(r, first)).map((e) => e.warning.id)).toEqual(['depeg:ezETH@1']);
    // Gone and back after the hysteresis window: a new event, but inside the cooldown no notification.
    let state = first.state;
    const empty = report();
    for (const now of [1010n, 1020n]) state = diff(state, empty, now).state;
    const again = diff(state, r, 1030n);
    expect(again.events.map((e) => e.type)).toContain('new');
    expect(eventsOf(lines(r, again))).toEqual([]);
  });

  it('marks resolutions when they are notified, and escalations', () => {
    const warn = report({ warnings: [warning('depeg', 'ezETH@1', 'warning')] });
    let state = diff(emptyNotifyState, warn, 1000n).state;
    const crit = report({ warnings: [warning('depeg', 'ezETH@1', 'critical')] });
    const escalated = diff(state, crit, 1010n);
    expect(eventsOf(lines(crit, escalated)).map((e) => [e.event, e.warning.severity])).toEqual([['escalated', 'critical']]);
    state = escalated.state;
    const clear = report();
    state = diff(state, clear, 1020n, { notifyOnResolve: true }).state;
    const resolved = diff(state, clear, 1030n, { notifyOnResolve: true });
    expect(eventsOf(lines(clear, resolved)).map((e) => [e.event, e.warning.id])).toEqual([['resolved', 'depeg:ezETH@1']]);
  });

  it('keeps the last known figures while a chain cannot be read', () => {
    const good = report({ positions: [position('1:a:weETH', 4n * ETH)], chains: [{ ...chain(1), blockNumber: 123n }] });
    const memory = nextWatchMemory(emptyWatchMemory, good);
    // What the monitor passes on in an outage: the engine's empty figures, the last positions carried over.
    const failed: RiskReport = {
      ...report({ positions: [{ ...position('1:a:weETH', 4n * ETH), degraded: true }], chains: [chain(1, 'failed')], unread: [unread('1:a:')], warnings: [warning('stale-data', '1')] }),
      metrics: { ...good.metrics, totalValueEth: 0n, riskScore: { score: 3, components: [], formula: 'test' } },
    };
    const out = lines(failed, diff(emptyNotifyState, failed, 1000n), memory);
    expect(reportOf(out)).toMatchObject({ chains: [{ chainId: 1, blockNumber: null, status: 'failed' }], metrics: { totalValueEth: (4n * ETH).toString(), riskScore: 42 }, positions: 1, degraded: true });
    expect(eventsOf(out).map((e) => [e.warning.id, e.chainId, e.blockNumber])).toEqual([['stale-data:1', 1, '123']]);
    // Never read at all: block "0", and the engine's score for want of a better one.
    const never = lines(failed, diff(emptyNotifyState, failed, 1000n));
    expect(eventsOf(never)[0]?.blockNumber).toBe('0');
    expect(reportOf(never)?.metrics.riskScore).toBe(3);
  });

  it('places an event on the chain its subject names', () => {
    const arbitrum = { ...chain(42161), blockNumber: 777n };
    const claim: Warning = warning('withdrawal-claimable', '42161:0xabc:queued-withdrawal:1', 'info');
    const r = report({ chains: [{ ...chain(1), blockNumber: 50n }, arbitrum], warnings: [warning('depeg', 'weETH@42161'), claim, warning('exit-mismatch', 'portfolio')] });
    const events = eventsOf(lines(r, diff(emptyNotifyState, r, 1000n, { minimumSeverity: 'info' })));
    expect(events.map((e) => [e.warning.kind, e.chainId, e.blockNumber]).sort()).toEqual([
      ['depeg', 42161, '777'], ['exit-mismatch', 1, '50'], ['withdrawal-claimable', 42161, '777'],
    ]);
  });
});

describe('toReadableLine (the default output)', () => {
  it('shows time, event, severity, title, kind, subject, chain and block on one line', () => {
    const r = report({ warnings: [warning('depeg', 'ezETH@1', 'critical')] });
    const [event] = eventsOf(lines(r, diff(emptyNotifyState, r, 1000n)));
    if (event === undefined) throw new Error('no event line');
    expect(toReadableLine(event, new Date(Date.UTC(2026, 10, 25, 9, 13, 29)))).toBe(
      '2026-11-25T09:13:29Z new          critical depeg ezETH@1  [depeg ezETH@1, chain 1 block 100]',
    );
  });

  it.each(HOSTILE_NAMES.map((name) => [name.slice(0, 30), name]))('keeps a hostile name inert: %j', (_short, name) => {
    const hostile: Warning = { ...warning('depeg', name), title: `${name} trades 5% below its NAV` };
    const r = report({ warnings: [hostile] });
    for (const event of eventsOf(lines(r, diff(emptyNotifyState, r, 1000n)))) {
      const text = toReadableLine(event, new Date(0));
      expect(text).not.toMatch(UNSAFE_CHARACTER);
      expect(text).not.toContain('\n');
      expect(text.length).toBeLessThan(400);
    }
  });
});
