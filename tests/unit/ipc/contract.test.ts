import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { API_CHANNELS, EVENT_CHANNELS } from '../../../shared/ipc/channels';
import { encodeBigints } from '../../../shared/ipc/codec';
import { API_EVENTS, API_METHODS, apiResultSchema, appStateSchema, encodedBigintSchema, progressSchema, type AppState } from '../../../shared/ipc/contract';
import { decodeReport } from '../../../shared/ipc/decode-report';
import type { RiskReport } from '../../../shared/report';
import { defaultSettings } from '../../../shared/settings/settings';

const progress = fc.record({
  running: fc.boolean(),
  startedAt: fc.option(fc.nat(), { nil: null }),
  finishedAt: fc.option(fc.nat(), { nil: null }),
  chains: fc.array(
    fc.record({ chainId: fc.integer({ min: 1, max: 2 ** 31 }), state: fc.constantFrom('pending', 'reading', 'done', 'failed' as const), error: fc.option(fc.string(), { nil: null }) }),
    { maxLength: 4 },
  ),
});

const address = fc.uint8Array({ minLength: 20, maxLength: 20 }).map((bytes) => `0x${Buffer.from(bytes).toString('hex')}`);

describe('the IPC contract', () => {
  it('gives every method and event its own channel', () => {
    const channels = [...Object.values(API_METHODS).map((m) => m.channel), ...Object.values(API_EVENTS).map((e) => e.channel)];
    expect(new Set(channels).size).toBe(channels.length);
    expect(Object.keys(API_METHODS).sort()).toEqual(Object.keys(API_CHANNELS).sort());
    expect(Object.keys(API_EVENTS).sort()).toEqual(Object.keys(EVENT_CHANNELS).sort());
  });

  it('round-trips progress through JSON unchanged', () => {
    fc.assert(
      fc.property(progress, (value) => {
        expect(progressSchema.parse(JSON.parse(JSON.stringify(value)))).toEqual(value);
      }),
    );
  });

  it('round-trips the app state, report included, through JSON', () => {
    fc.assert(
      fc.property(progress, fc.array(address, { maxLength: 3 }), fc.bigInt(), fc.boolean(), (p, addresses, total, paused) => {
        const state: AppState = {
          wallets: [...new Set(addresses)].map((a) => ({ address: a as `0x${string}`, label: '', ensName: null, chains: [1], addedAt: '2026-01-01T00:00:00.000Z' })),
          settings: defaultSettings,
          report: encodeBigints({ total, nested: [{ amount: total }] }),
          progress: p,
          problems: [{ code: 'store-restored', message: 'The settings file was restored from a backup.' }],
          paused,
          history: [{ t: 1_800_000_000, totalValueEth: '1', riskScore: 3, exposure: { layer: {}, protocol: {} }, warnings: { info: 0, warning: 1, critical: 0 } }],
        };
        const wire = JSON.parse(JSON.stringify(state));
        const parsed = appStateSchema.parse(wire);
        expect(parsed.report).toEqual({ total: `${total}n`, nested: [{ amount: `${total}n` }] });
        expect(parsed.wallets.map((w) => w.address.toLowerCase())).toEqual(state.wallets.map((w) => w.address));
        expect(parsed.progress).toEqual(p);
      }),
      { numRuns: 50 },
    );
  });

  it('refuses a state whose report is not JSON or whose wallet is malformed', () => {
    const base = { wallets: [], settings: defaultSettings, report: null, progress: { running: false, startedAt: null, finishedAt: null, chains: [] }, problems: [], paused: false, history: [] };
    expect(appStateSchema.safeParse(base).success).toBe(true);
    expect(appStateSchema.safeParse({ ...base, report: { total: 1n } }).success).toBe(false);
    expect(appStateSchema.safeParse({ ...base, wallets: [{ address: 'nope' }] }).success).toBe(false);
  });

  it('accepts only tagged decimal strings as encoded bigints', () => {
    for (const good of ['0n', '-1n', '123456789012345678901234567890n']) expect(encodedBigintSchema.safeParse(good).success).toBe(true);
    for (const bad of ['0', 1, 1n, '1nn', '0x1n', '']) expect(encodedBigintSchema.safeParse(bad).success).toBe(false);
  });

  it('describes results as a value or a typed error from the closed set', () => {
    const schema = apiResultSchema(API_METHODS.setPaused.response);
    expect(schema.safeParse({ ok: true, value: { paused: true } }).success).toBe(true);
    expect(schema.safeParse({ ok: false, error: { code: 'not-found', message: 'x' } }).success).toBe(true);
    expect(schema.safeParse({ ok: false, error: { code: 'teapot', message: 'x' } }).success).toBe(false);
    expect(schema.safeParse({ ok: true, value: { paused: 'yes' } }).success).toBe(false);
  });

  it('decodes a report back to bigints in one place', () => {
    const report = { generatedAt: 1_700_000_000n, warnings: [], metrics: { totalEth: 10n ** 18n } } as unknown as RiskReport;
    const wire = appStateSchema.shape.report.parse(JSON.parse(JSON.stringify(encodeBigints(report))));
    expect(wire).not.toBeNull();
    if (wire !== null) expect(decodeReport(wire)).toEqual(report);
  });
});
