import { describe, expect, it } from 'vitest';
import { applySettingsPatch } from '../../../shared/ipc/apply-settings-patch';
import { settingsPatchSchema } from '../../../shared/ipc/settings-patch';
import { defaultSettings, settingsSchema } from '../../../shared/settings/settings';

describe('settings patch', () => {
  it('leaves out what the patch leaves out (defaults are not filled in)', () => {
    expect(settingsPatchSchema.parse({ refresh: { pollIntervalSeconds: 5 } })).toEqual({ refresh: { pollIntervalSeconds: 5 } });
    expect(settingsPatchSchema.parse({ notifications: { quietHours: { enabled: true } } })).toEqual({ notifications: { quietHours: { enabled: true } } });
    expect(settingsPatchSchema.parse({})).toEqual({});
  });

  it('rejects unknown keys at every depth and values the settings schema refuses', () => {
    for (const bad of [{ refreshh: {} }, { refresh: { poll: 1 } }, { notifications: { quietHours: { begin: '22:00' } } }, { closeToTray: 'yes' }, { notifications: { quietHours: { start: '25:00' } } }]) {
      expect(settingsPatchSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('changes only the fields in the patch, at any depth', () => {
    const start = applySettingsPatch(defaultSettings, { notifications: { quietHours: { start: '21:30' }, cooldownSeconds: 60 } });
    const next = applySettingsPatch(start, settingsPatchSchema.parse({ notifications: { quietHours: { enabled: true } } }));
    expect(next.notifications.quietHours).toEqual({ enabled: true, start: '21:30', end: defaultSettings.notifications.quietHours.end });
    expect(next.notifications.cooldownSeconds).toBe(60);
    expect({ ...next, notifications: defaultSettings.notifications }).toEqual(defaultSettings);
    expect(settingsSchema.parse(next)).toEqual(next);
  });

  it('replaces arrays whole and merges RPC endpoints per chain (an empty list removes the chain)', () => {
    const withRpcs = applySettingsPatch(defaultSettings, { rpcEndpoints: { '1': ['https://a.example/key'], '8453': ['https://b.example'] } });
    const next = applySettingsPatch(withRpcs, { rpcEndpoints: { '1': [] }, notifications: { mutedKinds: ['depeg'] } });
    expect(next.rpcEndpoints).toEqual({ '8453': ['https://b.example'] });
    expect(next.notifications.mutedKinds).toEqual(['depeg']);
    expect(withRpcs.rpcEndpoints['1']).toEqual(['https://a.example/key']);
  });
});
