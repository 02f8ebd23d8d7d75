import { describe, expect, it } from 'vitest';
import { parseStore, settingsSchema, storeSchema, STORE_VERSION } from '../../../shared/settings/settings';

describe('channels settings', () => {
  it('defaults: desktop on, no webhook; documents written before channels existed still load', () => {
    expect(settingsSchema.parse({}).channels).toEqual({ desktop: { enabled: true }, webhooks: [] });
    const old = { version: STORE_VERSION, settings: { language: 'zh-CN', notifications: { cooldownSeconds: 60 } } };
    const parsed = parseStore(old);
    expect(parsed.ok).toBe(true);
    expect(parsed.value.settings.language).toBe('zh-CN');
    expect(parsed.value.settings.notifications.cooldownSeconds).toBe(60);
    expect(parsed.value.settings.channels.webhooks).toEqual([]);
  });

  it('keeps webhooks with their format, secret and minimum severity', () => {
    const channels = settingsSchema.parse({ channels: { webhooks: [{ url: 'https://ntfy.sh/topic', format: 'ntfy', secret: 'k', minimumSeverity: 'critical' }] } }).channels;
    expect(channels.webhooks).toEqual([{ url: 'https://ntfy.sh/topic', format: 'ntfy', secret: 'k', minimumSeverity: 'critical' }]);
  });

  it.each([
    ['a non-http URL', { url: 'ftp://a.example/' }],
    ['an unknown format', { url: 'https://a.example/', format: 'teams' }],
    ['an empty secret', { url: 'https://a.example/', secret: '' }],
  ])('refuses %s', (_name, webhook) => {
    expect(settingsSchema.safeParse({ channels: { webhooks: [webhook] } }).success).toBe(false);
  });

  it('refuses more than 10 webhooks', () => {
    const webhooks = Array.from({ length: 11 }, (_, i) => ({ url: `https://a.example/${i}` }));
    expect(settingsSchema.safeParse({ channels: { webhooks } }).success).toBe(false);
  });

  it('a broken webhook list costs only the webhooks: the desktop switch and other settings survive', () => {
    const parsed = parseStore({ version: STORE_VERSION, settings: { language: 'zh-CN', channels: { desktop: { enabled: false }, webhooks: [{ url: 'nope' }] } } });
    expect(parsed.ok).toBe(false);
    expect(parsed.value.settings.language).toBe('zh-CN');
    expect(parsed.value.settings.channels).toEqual({ desktop: { enabled: false }, webhooks: [] });
    expect(parsed.problems.join(' ')).toContain('channels.webhooks');
    expect(storeSchema.safeParse(parsed.value).success).toBe(true);
  });
});
