import { describe, expect, it } from 'vitest';
import {
  emptyStoreDocument,
  parseStore,
  settingsSchema,
  storeSchema,
  STORE_VERSION,
  walletSchema,
} from '../../shared/settings/settings';
import { defaultThresholds } from '../../shared/settings/thresholds';

// EIP-55 test vector.
const CHECKSUMMED = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const OTHER = '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359';
const ADDED = '2026-01-02T03:04:05.000Z';

function wallet(address: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { address, label: 'cold', ensName: null, chains: [1], addedAt: ADDED, ...extra };
}

describe('settings defaults', () => {
  it('a document with only a version is complete, with the documented defaults', () => {
    const doc = storeSchema.parse({ version: STORE_VERSION });
    expect(doc.wallets).toEqual([]);
    expect(doc.settings.refresh).toEqual({ pollIntervalSeconds: 12, minRefreshIntervalSeconds: 12, backoffMaxSeconds: 300 });
    expect(doc.settings.notifications.cooldownSeconds).toBe(3600);
    expect(doc.settings.notifications.hysteresisRefreshes).toBe(2);
    expect(doc.settings.notifications.minimumSeverity).toBe('warning');
    expect(doc.settings.notifications.quietHours).toEqual({ enabled: false, start: '22:00', end: '07:00' });
    expect(doc.settings.thresholds).toEqual(defaultThresholds);
    expect(doc.settings.language).toBe('en');
    expect(doc.settings.rpcEndpoints).toEqual({});
    expect(doc.settings.enabledChains).toContain(1);
    expect(doc.notify.active).toEqual({});
    expect(doc.lastReport).toBeNull();
    expect(emptyStoreDocument()).toEqual(doc);
  });

  it('fills a partial nested group with defaults and keeps what was given', () => {
    const settings = settingsSchema.parse({ notifications: { cooldownSeconds: 60 }, thresholds: { depegWarning: 0.02 } });
    expect(settings.notifications.cooldownSeconds).toBe(60);
    expect(settings.notifications.hysteresisRefreshes).toBe(2);
    expect(settings.thresholds.depegWarning).toBe(0.02);
    expect(settings.thresholds.depegCritical).toBe(defaultThresholds.depegCritical);
  });

  it.each([
    ['a script URL', { rpcEndpoints: { '1': ['javascript:alert(1)'] } }],
    ['an ftp URL', { rpcEndpoints: { '1': ['ftp://example.com'] } }],
    ['a chain key that is not a number', { rpcEndpoints: { mainnet: ['https://example.com'] } }],
    ['quiet hours at 24:00', { notifications: { quietHours: { start: '24:00' } } }],
    ['a language the app does not speak', { language: 'fr' }],
    ['a zero hysteresis', { notifications: { hysteresisRefreshes: 0 } }],
  ])('rejects %s', (_label, input) => {
    expect(settingsSchema.safeParse(input).success).toBe(false);
  });

  it('accepts http(s) and ws(s) endpoints, which may carry keys', () => {
    const settings = settingsSchema.parse({ rpcEndpoints: { '1': ['https://mainnet.example/v3/key', 'wss://node.example/ws'] } });
    expect(settings.rpcEndpoints['1']).toHaveLength(2);
  });
});

describe('wallet addresses', () => {
  it('stores a lowercase address checksummed', () => {
    expect(walletSchema.parse(wallet(CHECKSUMMED.toLowerCase())).address).toBe(CHECKSUMMED);
  });

  it('rejects a wrong checksum, a short address and a missing addedAt', () => {
    const broken = CHECKSUMMED.replace('aA', 'Aa');
    expect(walletSchema.safeParse(wallet(broken)).success).toBe(false);
    expect(walletSchema.safeParse(wallet(CHECKSUMMED.slice(0, 40))).success).toBe(false);
    expect(walletSchema.safeParse({ address: CHECKSUMMED }).success).toBe(false);
  });

  it('rejects a document listing the same wallet twice (in any case)', () => {
    const result = storeSchema.safeParse({ version: 1, wallets: [wallet(CHECKSUMMED), wallet(CHECKSUMMED.toLowerCase())] });
    expect(result.success).toBe(false);
  });
});

describe('parseStore', () => {
  it('accepts a valid document with no problems', () => {
    const result = parseStore({ version: 1, wallets: [wallet(CHECKSUMMED)] });
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result.value.wallets.map((w) => w.address)).toEqual([CHECKSUMMED]);
  });

  it('keeps every wallet when the settings are broken', () => {
    const result = parseStore({ version: 1, wallets: [wallet(CHECKSUMMED), wallet(OTHER)], settings: 'garbage' });
    expect(result.ok).toBe(false);
    expect(result.value.wallets.map((w) => w.address)).toEqual([CHECKSUMMED, OTHER]);
    expect(result.value.settings).toEqual(settingsSchema.parse({}));
    expect(result.problems.join(' ')).toMatch(/settings/i);
  });

  it('resets only the broken setting, naming it', () => {
    const result = parseStore({
      version: 1,
      settings: { language: 'zh-CN', thresholds: { depegWarning: 5, depegCritical: 0.05 }, notifications: { cooldownSeconds: 'soon', mutedKinds: ['depeg'] } },
    });
    expect(result.ok).toBe(false);
    expect(result.value.settings.language).toBe('zh-CN');
    expect(result.value.settings.thresholds.depegCritical).toBe(0.05);
    expect(result.value.settings.thresholds.depegWarning).toBe(defaultThresholds.depegWarning);
    expect(result.value.settings.notifications.mutedKinds).toEqual(['depeg']);
    expect(result.value.settings.notifications.cooldownSeconds).toBe(3600);
    const text = result.problems.join(' ');
    expect(text).toContain('thresholds.depegWarning');
    expect(text).toContain('notifications.cooldownSeconds');
    expect(text).not.toContain('language');
  });

  it('drops an unreadable wallet, naming it, and keeps the rest', () => {
    const result = parseStore({ version: 1, wallets: [wallet('0x1234'), wallet(OTHER), 42] });
    expect(result.value.wallets.map((w) => w.address)).toEqual([OTHER]);
    expect(result.problems.some((p) => p.includes('0x1234'))).toBe(true);
    expect(result.problems.some((p) => p.includes('Wallet number 3'))).toBe(true);
  });

  it('keeps the first of two entries for one wallet', () => {
    const result = parseStore({ version: 1, wallets: [wallet(CHECKSUMMED, { label: 'first' }), wallet(CHECKSUMMED.toLowerCase(), { label: 'second' })] });
    expect(result.ok).toBe(false);
    expect(result.value.wallets).toHaveLength(1);
    expect(result.value.wallets[0]?.label).toBe('first');
  });

  it('says a newer format is newer, and still salvages its wallets', () => {
    const result = parseStore({ version: 7, wallets: [wallet(CHECKSUMMED)] });
    expect(result.ok).toBe(false);
    expect(result.problems.join(' ')).toMatch(/newer version/);
    expect(result.value.version).toBe(1);
    expect(result.value.wallets).toHaveLength(1);
  });

  it('drops unreadable history points and resets unreadable notification memory', () => {
    const good = { t: 100, totalValueEth: '5', riskScore: 1, exposure: {}, warnings: {} };
    const result = parseStore({ version: 1, history: [good, { t: -1 }, { ...good, totalValueEth: '1.5' }], notify: { active: 3 } });
    expect(result.value.history).toHaveLength(1);
    expect(result.value.notify.active).toEqual({});
    expect(result.problems.join(' ')).toMatch(/2 history points/);
    expect(result.problems.join(' ')).toMatch(/announced again/);
  });

  it.each([null, 'text', 12, [1, 2]])('turns %j into a default document with a problem', (raw) => {
    const result = parseStore(raw);
    expect(result.ok).toBe(false);
    expect(result.value).toEqual(emptyStoreDocument());
    expect(result.problems.length).toBeGreaterThan(0);
  });
});
