// Desktop notifications of hostile names: what Electron is handed, from the real notification diff
// and from a notice that bypassed it, is plain one-line text (lines of a summary kept), bounded.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { diffReports, type Notification as Notice } from '../../../shared/notify/diff-reports';
import { emptyNotifyState } from '../../../shared/notify/notify-state';
import type { Warning } from '../../../shared/report';
import { defaultSettings } from '../../../shared/settings/settings';
import { HOSTILE_NAMES, LONG_NAME, UNSAFE_CHARACTER } from '../../support/hostile-strings';
import { Notification } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { createNotifier } = await import('../../../electron/notifier');

function warningNamed(name: string, i: number): Warning {
  return { id: `depeg:${i}`, kind: 'depeg', subject: name, severity: 'critical', title: `${name} trades 5% below NAV`, value: 0.05, threshold: 0.03, explanation: `The market pays less for ${name}.`, action: `Do not sell ${name} in a hurry.` };
}

function shown(): { title: string; body: string }[] {
  return Notification.instances.map((n) => ({ title: String(n.options.title), body: String(n.options.body) }));
}

function expectPlain(notes: readonly { title: string; body: string }[]): void {
  for (const { title, body } of notes) {
    expect(UNSAFE_CHARACTER.test(title), JSON.stringify(title)).toBe(false);
    expect(Array.from(title).length).toBeLessThanOrEqual(120);
    for (const line of body.split('\n')) {
      expect(UNSAFE_CHARACTER.test(line), JSON.stringify(line)).toBe(false);
      expect(Array.from(line).length).toBeLessThanOrEqual(400);
    }
  }
}

describe('desktop notifications of hostile names', () => {
  beforeEach(() => {
    Notification.instances.length = 0;
    Notification.isSupported.mockReturnValue(true);
    Notification.failNextShow = null;
  });

  const ctx = (groupThreshold: number) => ({
    now: 1_700_000_000n,
    settings: { ...defaultSettings.notifications, groupThreshold },
    thresholds: defaultSettings.thresholds,
    localMinutesOfDay: 12 * 60,
  });

  it('hands Electron plain, bounded text for each hostile warning the diff notifies', () => {
    const { notifications } = diffReports(emptyNotifyState, HOSTILE_NAMES.map(warningNamed), ctx(100));
    expect(notifications).toHaveLength(HOSTILE_NAMES.length);
    createNotifier(vi.fn(), { error: vi.fn() }).show(notifications);
    const notes = shown();
    expect(notes).toHaveLength(HOSTILE_NAMES.length);
    expectPlain(notes);
    // Markup is text, kept as the chain wrote it.
    expect(notes.some((n) => n.title.startsWith('<img src=x onerror='))).toBe(true);
  });

  it('keeps the lines of a grouped summary, each one plain', () => {
    const { notifications } = diffReports(emptyNotifyState, HOSTILE_NAMES.map(warningNamed), ctx(3));
    expect(notifications).toHaveLength(1);
    createNotifier(vi.fn(), { error: vi.fn() }).show(notifications);
    const [summary] = shown();
    expect(summary?.body.split('\n')).toHaveLength(HOSTILE_NAMES.length);
    expectPlain(shown());
  });

  it('cleans a notice that did not come through the diff, and logs only the clean title', () => {
    const raw: Notice = {
      key: 'raw',
      severity: 'critical',
      title: `\u202Egnp.exe\u001b[2J ${LONG_NAME}`,
      body: `line one\u0007\u200B\nline two\u2028${LONG_NAME}\n${'more\n'.repeat(100)}`,
      warningIds: ['raw'],
      grouped: false,
    };
    const log = { error: vi.fn() };
    Notification.failNextShow = new Error('no daemon');
    createNotifier(vi.fn(), log).show([raw, raw]);
    const notes = shown();
    expectPlain(notes);
    expect(notes[1]?.title.startsWith('gnp.exe [2J Loooo')).toBe(true);
    expect(notes[1]?.body.split('\n').slice(0, 2)).toEqual(['line one', expect.stringMatching(/^line two Lo+…$/)]);
    expect(notes[1]?.body.split('\n').length).toBeLessThanOrEqual(12);
    const logged = String(log.error.mock.calls[0]?.[0]);
    expect(UNSAFE_CHARACTER.test(logged)).toBe(false);
    expect(logged.length).toBeLessThan(200);
  });
});
