/**
 * The per-chain eth_getLogs block range setting (issue 10): default, bounds, documents written before it,
 * salvage of a bad value, the settings patch, and the monitor's optional scan progress on the wire.
 */
import { describe, expect, it } from 'vitest';
import { progressSchema } from '../../shared/ipc/contract';
import { applySettingsPatch } from '../../shared/ipc/apply-settings-patch';
import { settingsPatchSchema } from '../../shared/ipc/settings-patch';
import {
  DEFAULT_LOG_BLOCK_RANGE, defaultSettings, logBlockRangeFor, MAX_LOG_BLOCK_RANGE, MIN_LOG_BLOCK_RANGE, parseStore, settingsSchema, STORE_VERSION,
} from '../../shared/settings/settings';

describe('logBlockRange setting', () => {
  it('defaults to 2,000 blocks on every chain, also for documents written before the setting', () => {
    expect(DEFAULT_LOG_BLOCK_RANGE).toBe(2_000);
    expect(defaultSettings.logBlockRange).toEqual({});
    const old = parseStore({ version: STORE_VERSION, settings: { language: 'en' } });
    expect(old.ok).toBe(true);
    expect(logBlockRangeFor(old.value.settings, 1)).toBe(2_000);
    expect(logBlockRangeFor(old.value.settings, 42161)).toBe(2_000);
  });

  it('takes a range per chain within bounds', () => {
    const s = settingsSchema.parse({ logBlockRange: { '1': MIN_LOG_BLOCK_RANGE, '8453': MAX_LOG_BLOCK_RANGE } });
    expect(logBlockRangeFor(s, 1)).toBe(1);
    expect(logBlockRangeFor(s, 8453)).toBe(1_000_000);
    expect(logBlockRangeFor(s, 59144)).toBe(DEFAULT_LOG_BLOCK_RANGE);
  });

  it.each([[{ '1': 0 }], [{ '1': MAX_LOG_BLOCK_RANGE + 1 }], [{ '1': 1.5 }], [{ '1': -1 }], [{ mainnet: 10 }], [{ '0': 10 }]])('refuses %j', (logBlockRange) => {
    expect(settingsSchema.safeParse({ logBlockRange }).success).toBe(false);
  });

  it('resets only a bad range to its default when salvaging a stored document, and says so', () => {
    const parsed = parseStore({ version: STORE_VERSION, settings: { logBlockRange: { '1': 0 }, language: 'zh-CN' } });
    expect(parsed.ok).toBe(false);
    expect(parsed.value.settings.language).toBe('zh-CN');
    expect(parsed.value.settings.logBlockRange).toEqual({});
    expect(parsed.problems.join(' ')).toMatch(/logBlockRange/);
  });

  it('is changed per chain by a settings patch, and a patch out of bounds is refused', () => {
    const start = settingsSchema.parse({ logBlockRange: { '1': 500 } });
    const patch = settingsPatchSchema.parse({ logBlockRange: { '42161': 10_000 } });
    expect(applySettingsPatch(start, patch).logBlockRange).toEqual({ '1': 500, '42161': 10_000 });
    expect(settingsPatchSchema.safeParse({ logBlockRange: { '1': 0 } }).success).toBe(false);
  });
});

describe('progress scan detail on the wire', () => {
  const base = { running: true, startedAt: 1, finishedAt: null };
  it('is optional (a core without it still parses) and bounded by its total', () => {
    expect(progressSchema.safeParse({ ...base, chains: [{ chainId: 1, state: 'reading', error: null }] }).success).toBe(true);
    expect(progressSchema.safeParse({ ...base, chains: [{ chainId: 1, state: 'reading', error: null, scan: { scannedBlocks: 5, totalBlocks: 10 } }] }).success).toBe(true);
    expect(progressSchema.safeParse({ ...base, chains: [{ chainId: 1, state: 'reading', error: null, scan: { scannedBlocks: 11, totalBlocks: 10 } }] }).success).toBe(false);
    expect(progressSchema.safeParse({ ...base, chains: [{ chainId: 1, state: 'reading', error: null, scan: { scannedBlocks: 1.5, totalBlocks: 10 } }] }).success).toBe(false);
  });
});
