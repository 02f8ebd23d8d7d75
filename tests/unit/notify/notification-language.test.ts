/**
 * Notifications speak the user's language: a warning with a catalog message is notified in the
 * settings' language (single and summary), the words around it too, and the message survives the
 * notifier's persisted state so a resolution after a restart is still translated.
 */
import { describe, expect, it } from 'vitest';
import { warningText } from '../../../shared/i18n/warning-text';
import { diffReports } from '../../../shared/notify/diff-reports';
import { emptyNotifyState, notifyStateSchema } from '../../../shared/notify/notify-state';
import type { Warning } from '../../../shared/report';
import { notificationSettingsSchema } from '../../../shared/settings/settings';
import { defaultThresholds } from '../../../shared/settings/thresholds';

const T0 = 1_700_000_000n;
const settings = notificationSettingsSchema.parse({ hysteresisRefreshes: 1, notifyOnResolve: true });

function depeg(symbol: string, severity: Warning['severity']): Warning {
  const message = { key: 'depeg', params: { symbol, discount: 0.031, marketEth: '0.969', navEth: '1', protocol: 'Renzo', exitDays: 7 } };
  const en = warningText(message, 'en');
  if (en === null) throw new Error('the depeg template does not take these parameters');
  return { id: `depeg:${symbol}@1`, kind: 'depeg', subject: `${symbol}@1`, severity, value: 0.031, threshold: 0.02, ...en, message };
}

const diff = (warnings: readonly Warning[], language: string | undefined, state = emptyNotifyState, at = 0n) =>
  diffReports(state, warnings, { now: T0 + at, settings, thresholds: defaultThresholds, localMinutesOfDay: 720, ...(language === undefined ? {} : { language }) });

describe('notification language', () => {
  it('a single notification is in the settings language, English by default', () => {
    const w = depeg('ezETH', 'critical');
    const zh = warningText(w.message ?? { key: '', params: {} }, 'zh-CN');
    expect(zh).not.toBeNull();
    const [zhNote] = diff([w], 'zh-CN').notifications;
    expect(zhNote?.title).toBe(zh?.title);
    expect(zhNote?.body).toBe(`${zh?.explanation} ${zh?.action}`);
    expect(diff([w], undefined).notifications[0]?.title).toBe(w.title);
    expect(diff([w], 'fr').notifications[0]?.title).toBe(w.title);
  });

  it('escalations and summaries use the language\'s own words', () => {
    const first = diff([depeg('ezETH', 'warning')], 'zh-CN');
    const worse = diff([depeg('ezETH', 'critical')], 'zh-CN', first.state, 12n);
    expect(worse.notifications[0]?.title.startsWith('恶化：')).toBe(true);
    const many = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((s) => depeg(`${s}ETH`, 'critical'));
    const [summary] = diff(many, 'zh-CN').notifications;
    expect(summary?.grouped).toBe(true);
    expect(summary?.title).toBe('7 条风险警告需要关注，7 条严重');
    expect(summary?.body.split('\n')[0]).toMatch(/^\[严重\] .*aETH/);
    const [english] = diff(many, 'en').notifications;
    expect(english?.title).toBe('7 risk warnings need attention, 7 critical');
  });

  it('keeps the message in the persisted state, so a resolution after a restart is translated', () => {
    const first = diff([depeg('ezETH', 'warning')], 'zh-CN');
    const restored = notifyStateSchema.parse(JSON.parse(JSON.stringify(first.state)));
    expect(restored.active['depeg:ezETH@1']?.warning.message?.key).toBe('depeg');
    const resolved = diff([], 'zh-CN', restored, 12n);
    expect(resolved.events.map((e) => e.type)).toEqual(['resolved']);
    expect(resolved.notifications[0]?.title.startsWith('已解除：')).toBe(true);
    expect(resolved.notifications[0]?.title).toContain('ezETH');
  });
});
