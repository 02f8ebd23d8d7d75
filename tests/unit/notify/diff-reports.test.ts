import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffReports } from '../../../shared/notify/diff-reports';
import type { DiffResult, Notification } from '../../../shared/notify/diff-reports';
import { emptyNotifyState, notifyStateSchema } from '../../../shared/notify/notify-state';
import type { NotifyState } from '../../../shared/notify/notify-state';
import type { Severity, Warning } from '../../../shared/report';
import { notificationSettingsSchema } from '../../../shared/settings/settings';
import type { NotificationSettings } from '../../../shared/settings/settings';
import { defaultThresholds } from '../../../shared/settings/thresholds';

const T0 = 1_700_000_000n;
const NOON = 12 * 60;

function w(id: string, severity: Severity, extra: Partial<Warning> = {}): Warning {
  const [kind = id, subject = ''] = id.split(':');
  return { id, kind, severity, title: `Title of ${id}`, subject, value: null, threshold: null, explanation: `Why ${id}.`, action: `Do something about ${id}.`, ...extra };
}

interface Step {
  readonly warnings: readonly Warning[];
  /** Seconds after T0; default: 12 s after the previous step. */
  readonly at?: number;
  /** Local minutes of day; default noon. */
  readonly minute?: number;
}

interface Seen {
  readonly events: string[];
  readonly notes: string[];
}

function noteLabel(note: Notification): string {
  return note.grouped ? `summary:${note.warningIds.length}` : note.key;
}

function settingsWith(overrides: Record<string, unknown>): NotificationSettings {
  return notificationSettingsSchema.parse(overrides);
}

/** Plays steps through diffReports, threading the state; returns each step's result. */
function play(steps: readonly Step[], overrides: Record<string, unknown> = {}, start: NotifyState = emptyNotifyState): DiffResult[] {
  const settings = settingsWith(overrides);
  let state = start;
  let at = 0;
  const results: DiffResult[] = [];
  for (const step of steps) {
    at = step.at ?? (results.length === 0 ? 0 : at + 12);
    const result = diffReports(state, step.warnings, { now: T0 + BigInt(at), settings, thresholds: defaultThresholds, localMinutesOfDay: step.minute ?? NOON });
    results.push(result);
    state = result.state;
  }
  return results;
}

function seen(results: readonly DiffResult[]): Seen[] {
  return results.map((result) => ({
    events: result.events.map((event) => `${event.type}:${event.warning.id}`),
    notes: result.notifications.map(noteLabel),
  }));
}

const A = 'depeg:weETH';
const B = 'slashable-share:portfolio';
const C = 'operator-concentration:0xabc';
const D = 'exit-mismatch:portfolio';
const NONE: Seen = { events: [], notes: [] };

interface Scenario {
  readonly name: string;
  readonly settings?: Record<string, unknown>;
  readonly steps: readonly Step[];
  readonly expected: readonly Seen[];
}

const scenarios: readonly Scenario[] = [
  {
    name: 'a new warning is announced once, and not again while it stays',
    steps: [{ warnings: [w(A, 'warning')] }, { warnings: [w(A, 'warning')] }, { warnings: [w(A, 'warning')] }],
    expected: [{ events: [`new:${A}`], notes: [`new:${A}`] }, NONE, NONE],
  },
  {
    name: 'a warning missing for one refresh and back is not announced again',
    steps: [{ warnings: [w(A, 'warning')] }, { warnings: [] }, { warnings: [w(A, 'warning')] }, { warnings: [] }, { warnings: [w(A, 'warning')] }],
    expected: [{ events: [`new:${A}`], notes: [`new:${A}`] }, NONE, NONE, NONE, NONE],
  },
  {
    name: 'a warning missing for two refreshes is resolved (silently by default)',
    steps: [{ warnings: [w(A, 'warning')] }, { warnings: [] }, { warnings: [] }, { warnings: [] }],
    expected: [{ events: [`new:${A}`], notes: [`new:${A}`] }, NONE, { events: [`resolved:${A}`], notes: [] }, NONE],
  },
  {
    name: 'hysteresisRefreshes 3 waits three refreshes',
    settings: { hysteresisRefreshes: 3 },
    steps: [{ warnings: [w(A, 'warning')] }, { warnings: [] }, { warnings: [] }, { warnings: [] }],
    expected: [{ events: [`new:${A}`], notes: [`new:${A}`] }, NONE, NONE, { events: [`resolved:${A}`], notes: [] }],
  },
  {
    name: 'notifyOnResolve announces the resolution',
    settings: { notifyOnResolve: true },
    steps: [{ warnings: [w(A, 'warning')] }, { warnings: [] }, { warnings: [] }],
    expected: [{ events: [`new:${A}`], notes: [`new:${A}`] }, NONE, { events: [`resolved:${A}`], notes: [`resolved:${A}`] }],
  },
  {
    name: 'an escalation is immediate and is notified inside the cooldown',
    steps: [{ warnings: [w(A, 'warning')] }, { warnings: [w(A, 'critical')] }],
    expected: [{ events: [`new:${A}`], notes: [`new:${A}`] }, { events: [`escalated:${A}`], notes: [`escalated:${A}`] }],
  },
  {
    name: 'a de-escalation waits for the hysteresis and is not notified',
    steps: [{ warnings: [w(A, 'critical')] }, { warnings: [w(A, 'warning')] }, { warnings: [w(A, 'warning')] }, { warnings: [w(A, 'warning')] }],
    expected: [{ events: [`new:${A}`], notes: [`new:${A}`] }, NONE, { events: [`de-escalated:${A}`], notes: [] }, NONE],
  },
  {
    name: 'a critical warning that goes lower then missing de-escalates first, then resolves',
    steps: [{ warnings: [w(A, 'critical')] }, { warnings: [w(A, 'warning')] }, { warnings: [] }, { warnings: [] }, { warnings: [] }],
    expected: [{ events: [`new:${A}`], notes: [`new:${A}`] }, NONE, { events: [`de-escalated:${A}`], notes: [] }, NONE, { events: [`resolved:${A}`], notes: [] }],
  },
  {
    name: 'the cooldown holds back a warning that comes back soon after resolving',
    steps: [{ warnings: [w(A, 'warning')] }, { warnings: [] }, { warnings: [] }, { warnings: [w(A, 'warning')] }],
    expected: [{ events: [`new:${A}`], notes: [`new:${A}`] }, NONE, { events: [`resolved:${A}`], notes: [] }, { events: [`new:${A}`], notes: [] }],
  },
  {
    name: 'after the cooldown the same warning is announced again',
    steps: [{ warnings: [w(A, 'warning')] }, { warnings: [] }, { warnings: [] }, { warnings: [w(A, 'warning')], at: 3600 }],
    expected: [{ events: [`new:${A}`], notes: [`new:${A}`] }, NONE, { events: [`resolved:${A}`], notes: [] }, { events: [`new:${A}`], notes: [`new:${A}`] }],
  },
  {
    name: 'a warning coming back worse inside the cooldown is announced',
    steps: [{ warnings: [w(A, 'warning')] }, { warnings: [] }, { warnings: [] }, { warnings: [w(A, 'critical')] }],
    expected: [{ events: [`new:${A}`], notes: [`new:${A}`] }, NONE, { events: [`resolved:${A}`], notes: [] }, { events: [`new:${A}`], notes: [`new:${A}`] }],
  },
  {
    name: 'below the minimum severity: recorded, not notified; notified once it escalates',
    steps: [{ warnings: [w(A, 'info')] }, { warnings: [w(A, 'warning')] }],
    expected: [{ events: [`new:${A}`], notes: [] }, { events: [`escalated:${A}`], notes: [`escalated:${A}`] }],
  },
  {
    name: 'minimumSeverity info notifies info warnings',
    settings: { minimumSeverity: 'info' },
    steps: [{ warnings: [w(A, 'info')] }],
    expected: [{ events: [`new:${A}`], notes: [`new:${A}`] }],
  },
  {
    name: 'a muted kind is recorded but never notified, even when critical',
    settings: { mutedKinds: ['depeg'] },
    steps: [{ warnings: [w(A, 'warning'), w(B, 'warning')] }, { warnings: [w(A, 'critical'), w(B, 'warning')] }],
    expected: [{ events: [`new:${A}`, `new:${B}`], notes: [`new:${B}`] }, { events: [`escalated:${A}`], notes: [] }],
  },
  {
    name: 'notifications disabled: events only',
    settings: { enabled: false },
    steps: [{ warnings: [w(A, 'critical')] }],
    expected: [{ events: [`new:${A}`], notes: [] }],
  },
  {
    name: 'quiet hours hold a warning back and deliver it when they end',
    settings: { quietHours: { enabled: true } },
    steps: [{ warnings: [w(A, 'warning')], minute: 23 * 60 }, { warnings: [w(A, 'warning')], minute: 3 * 60 }, { warnings: [w(A, 'warning')], minute: 7 * 60 }, { warnings: [w(A, 'warning')], minute: 8 * 60 }],
    expected: [{ events: [`new:${A}`], notes: [] }, NONE, { events: [], notes: [`new:${A}`] }, NONE],
  },
  {
    name: 'a critical warning is shown during quiet hours by default',
    settings: { quietHours: { enabled: true } },
    steps: [{ warnings: [w(A, 'critical'), w(B, 'warning')], minute: 23 * 60 }, { warnings: [w(A, 'critical'), w(B, 'warning')], minute: 7 * 60 + 1 }],
    expected: [{ events: [`new:${A}`, `new:${B}`], notes: [`new:${A}`] }, { events: [], notes: [`new:${B}`] }],
  },
  {
    name: 'criticalBypassesQuietHours off holds critical warnings too',
    settings: { quietHours: { enabled: true }, criticalBypassesQuietHours: false },
    steps: [{ warnings: [w(A, 'critical')], minute: 23 * 60 }, { warnings: [w(A, 'critical')], minute: 9 * 60 }],
    expected: [{ events: [`new:${A}`], notes: [] }, { events: [], notes: [`new:${A}`] }],
  },
  {
    name: 'a warning resolved during quiet hours is not delivered afterwards',
    settings: { quietHours: { enabled: true, start: '22:00', end: '07:00' } },
    steps: [{ warnings: [w(A, 'warning')], minute: 23 * 60 }, { warnings: [], minute: 23 * 60 }, { warnings: [], minute: 23 * 60 }, { warnings: [], minute: 8 * 60 }],
    expected: [{ events: [`new:${A}`], notes: [] }, NONE, { events: [`resolved:${A}`], notes: [] }, NONE],
  },
  {
    name: 'more than three notifications at once make one summary',
    steps: [{ warnings: [w(A, 'warning'), w(B, 'critical'), w(C, 'warning'), w(D, 'warning')] }],
    expected: [{ events: [`new:${A}`, `new:${D}`, `new:${C}`, `new:${B}`], notes: ['summary:4'] }],
  },
  {
    name: 'three notifications at once stay separate, most severe first',
    steps: [{ warnings: [w(A, 'warning'), w(B, 'critical'), w(C, 'warning')] }],
    expected: [{ events: [`new:${A}`, `new:${C}`, `new:${B}`], notes: [`new:${B}`, `new:${A}`, `new:${C}`] }],
  },
  {
    name: 'groupThreshold 1 groups any two',
    settings: { groupThreshold: 1 },
    steps: [{ warnings: [w(A, 'warning'), w(B, 'warning')] }, { warnings: [w(A, 'critical'), w(B, 'warning')] }],
    expected: [{ events: [`new:${A}`, `new:${B}`], notes: ['summary:2'] }, { events: [`escalated:${A}`], notes: [`escalated:${A}`] }],
  },
];

describe('diffReports scenarios', () => {
  it.each(scenarios)('$name', ({ steps, settings, expected }) => {
    expect(seen(play(steps, settings))).toEqual(expected);
  });
});

describe('diffReports hysteresis margin', () => {
  it('a value hovering just under the crossed threshold does not de-escalate; one past the margin does', () => {
    // Depeg: higher is worse; critical at 3 %, margin 10 % of it: below 2.7 % counts.
    const critical = w(A, 'critical', { value: 0.05, threshold: 0.03 });
    const hovering = w(A, 'warning', { value: 0.029, threshold: 0.01 });
    const clear = w(A, 'warning', { value: 0.02, threshold: 0.01 });
    const results = play([{ warnings: [critical] }, { warnings: [hovering] }, { warnings: [hovering] }, { warnings: [hovering] }, { warnings: [clear] }, { warnings: [clear] }]);
    expect(seen(results).map((step) => step.events)).toEqual([[`new:${A}`], [], [], [], [], [`de-escalated:${A}`]]);
    expect(results[5]?.events[0]?.warning.value).toBe(0.02);
  });

  it('a hovering refresh in between starts the streak over', () => {
    const critical = w(A, 'critical', { value: 0.05, threshold: 0.03 });
    const hovering = w(A, 'warning', { value: 0.029, threshold: 0.01 });
    const clear = w(A, 'warning', { value: 0.02, threshold: 0.01 });
    const results = play([{ warnings: [critical] }, { warnings: [clear] }, { warnings: [hovering] }, { warnings: [clear] }, { warnings: [clear] }]);
    expect(seen(results).map((step) => step.events)).toEqual([[`new:${A}`], [], [], [], [`de-escalated:${A}`]]);
  });

  it('works for values where lower is worse (a health factor)', () => {
    // Critical below 1.05; margin: above 1.05 * 1.1 = 1.155 counts.
    const critical = w('health-factor:aave', 'critical', { value: 1.02, threshold: 1.05 });
    const hovering = w('health-factor:aave', 'warning', { value: 1.1, threshold: 1.2 });
    const clear = w('health-factor:aave', 'warning', { value: 1.18, threshold: 1.2 });
    const results = play([{ warnings: [critical] }, { warnings: [hovering] }, { warnings: [hovering] }, { warnings: [clear] }, { warnings: [clear] }]);
    expect(seen(results).map((step) => step.events)).toEqual([['new:health-factor:aave'], [], [], [], ['de-escalated:health-factor:aave']]);
  });

  it('numeric strings (wei) are compared as numbers', () => {
    const critical = w('locked:portfolio', 'critical', { value: '9000', threshold: '5000' });
    const hovering = w('locked:portfolio', 'warning', { value: '4800', threshold: '1000' });
    const results = play([{ warnings: [critical] }, { warnings: [hovering] }, { warnings: [hovering] }]);
    expect(seen(results).map((step) => step.events)).toEqual([['new:locked:portfolio'], [], []]);
  });
});

describe('diffReports restart', () => {
  it('state survives a JSON round trip: nothing is announced again after a restart', () => {
    const warnings = [w(A, 'warning'), w(B, 'critical')];
    const [first] = play([{ warnings }]);
    expect(first?.notifications).toHaveLength(2);
    const reloaded = notifyStateSchema.parse(JSON.parse(JSON.stringify(first?.state)));
    expect(reloaded).toEqual(first?.state);
    const after = play([{ warnings, at: 600 }], {}, reloaded);
    expect(seen(after)).toEqual([NONE]);
  });

  it('a hysteresis streak and a quiet-hours hold survive a restart', () => {
    const settings = { quietHours: { enabled: true } };
    const [, second] = play([{ warnings: [w(A, 'warning'), w(B, 'warning')], minute: 23 * 60 }, { warnings: [w(B, 'warning')], minute: 23 * 60 }], settings);
    const reloaded = notifyStateSchema.parse(JSON.parse(JSON.stringify(second?.state)));
    const after = play([{ warnings: [w(B, 'warning')], minute: 8 * 60, at: 100 }], settings, reloaded);
    expect(seen(after)).toEqual([{ events: [`resolved:${A}`], notes: [`new:${B}`] }]);
  });

  it('the state holds no bigint and nothing but plain JSON', () => {
    const [result] = play([{ warnings: [w(A, 'warning')] }]);
    expect(JSON.parse(JSON.stringify(result?.state))).toEqual(result?.state);
  });
});

describe('diffReports flood and content', () => {
  it('a thousand warnings at once make one bounded summary', () => {
    const warnings = Array.from({ length: 1000 }, (_, i) => w(`depeg:token${i}`, i === 500 ? 'critical' : 'warning'));
    const [result] = play([{ warnings }]);
    expect(result?.events).toHaveLength(1000);
    expect(result?.notifications).toHaveLength(1);
    const summary = result?.notifications[0];
    expect(summary?.grouped).toBe(true);
    expect(summary?.severity).toBe('critical');
    expect(summary?.warningIds).toHaveLength(1000);
    expect(summary?.title).toContain('1000');
    expect(summary?.body).toContain('990 more');
    expect(summary?.body.length).toBeLessThan(1000);
  });

  it('titles and bodies lose control and bidi characters and are cut to length', () => {
    const hostile = w('depeg:evil', 'critical', { title: `Depeg of \u202Ehtml.exe\u202C <script>x</script>\u0007`, explanation: 'x'.repeat(5000) });
    const [result] = play([{ warnings: [hostile] }]);
    const note = result?.notifications[0];
    expect(note?.title).not.toMatch(/[\u202A-\u202E]/);
    expect(note?.title).not.toContain('\u0007');
    expect(note?.title).toContain('<script>');
    expect(note?.body.length).toBeLessThanOrEqual(400);
  });

  it('duplicate ids keep the most severe', () => {
    const [result] = play([{ warnings: [w(A, 'warning'), w(A, 'critical'), w(A, 'info')] }]);
    expect(result?.events).toHaveLength(1);
    expect(result?.events[0]?.warning.severity).toBe('critical');
  });
});

describe('diffReports properties', () => {
  const severity = fc.constantFrom<Severity>('info', 'warning', 'critical');
  const warning = fc.record({ id: fc.constantFrom(A, B, C, D, 'nav-drop:ezETH', 'stale:1'), severity, value: fc.option(fc.double({ min: 0, max: 2, noNaN: true }), { nil: null }), threshold: fc.option(fc.double({ min: 0.01, max: 2, noNaN: true }), { nil: null }) })
    .map(({ id, severity: s, value, threshold }) => w(id, s, { value, threshold }));
  const list = fc.array(warning, { maxLength: 8 });
  const settings = fc.record({
    hysteresisRefreshes: fc.integer({ min: 1, max: 4 }),
    cooldownSeconds: fc.integer({ min: 0, max: 7200 }),
    groupThreshold: fc.integer({ min: 1, max: 5 }),
    minimumSeverity: severity,
    quietHours: fc.record({ enabled: fc.boolean() }),
  });

  it('the same warning list fed twice from a fresh state gives no event and no notification the second time', () => {
    fc.assert(
      fc.property(list, settings, fc.integer({ min: 0, max: 1439 }), (warnings, overrides, minute) => {
        const [, second] = play([{ warnings, minute }, { warnings, minute }], overrides);
        expect(second?.events).toEqual([]);
        expect(second?.notifications).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('from any reachable state, a list fed twice never announces anything new or worse the second time', () => {
    fc.assert(
      fc.property(fc.array(list, { maxLength: 6 }), list, settings, (history, warnings, overrides) => {
        const results = play([...history.map((warnings_) => ({ warnings: warnings_ })), { warnings }, { warnings }], overrides);
        const last = results[results.length - 1];
        expect(last?.events.filter((event) => event.type === 'new' || event.type === 'escalated')).toEqual([]);
        expect(last?.notifications).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('every warning reported is active afterwards, and no event is lost in a JSON round trip', () => {
    fc.assert(
      fc.property(fc.array(list, { minLength: 1, maxLength: 6 }), settings, (lists, overrides) => {
        const results = play(lists.map((warnings) => ({ warnings })), overrides);
        const last = results[results.length - 1];
        const ids = new Set((lists[lists.length - 1] ?? []).map((item) => item.id));
        for (const id of ids) expect(last?.state.active[id]).toBeDefined();
        expect(notifyStateSchema.parse(JSON.parse(JSON.stringify(last?.state)))).toEqual(last?.state);
      }),
      { numRuns: 200 },
    );
  });
});
