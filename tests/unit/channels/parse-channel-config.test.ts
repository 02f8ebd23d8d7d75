import { describe, expect, it } from 'vitest';
import { parseChannelConfig } from '../../../node/channels/parse-channel-config';

describe('parseChannelConfig', () => {
  it('no section: no webhook, desktop not said', () => {
    expect(parseChannelConfig(undefined)).toEqual({ ok: true, webhooks: [], desktop: null });
  });

  it('reads webhooks with their defaults and the desktop switch', () => {
    const result = parseChannelConfig({
      desktop: { enabled: false },
      webhooks: [{ url: 'https://ntfy.sh/my-topic', format: 'ntfy', minimumSeverity: 'critical' }, { url: 'https://hooks.example/x', secret: 's3cret' }],
    });
    expect(result).toEqual({
      ok: true,
      desktop: false,
      webhooks: [
        { url: 'https://ntfy.sh/my-topic', format: 'ntfy', secret: null, minimumSeverity: 'critical' },
        { url: 'https://hooks.example/x', format: 'json', secret: 's3cret', minimumSeverity: null },
      ],
    });
  });

  it.each([
    ['an unknown key (a typo)', { webhook: [] }, /channels: Unrecognized key: "webhook"/],
    ['an unknown webhook key', { webhooks: [{ url: 'https://a.example/', secrte: 'x' }] }, /channels\.webhooks\.0: Unrecognized key: "secrte"/],
    ['an unknown format', { webhooks: [{ url: 'https://a.example/', format: 'teams' }] }, /channels\.webhooks\.0\.format/],
    ['a non-http URL', { webhooks: [{ url: 'file:///etc/passwd' }] }, /channels\.webhooks\.0\.url/],
    ['too many webhooks', { webhooks: Array.from({ length: 11 }, (_, i) => ({ url: `https://a.example/${i}` })) }, /channels\.webhooks: .*10/],
    ['not an object', 'ntfy', /channels: /],
  ])('rejects %s with a message naming the place', (_name, raw, message) => {
    const result = parseChannelConfig(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('never repeats a URL or a secret in its error', () => {
    const token = 'TOKEN-abcdef123456';
    const result = parseChannelConfig({ webhooks: [{ url: `ftp://hooks.example/${token}`, secret: 42, format: token }] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).not.toContain(token);
      expect(result.error).toMatch(/url/);
    }
  });
});
