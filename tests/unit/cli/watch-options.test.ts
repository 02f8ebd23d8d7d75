/**
 * The command line and config file of `matryoshka watch`: options only watch takes are refused by
 * scan, the interval is whole seconds, watch may run on the data dir's wallets, and the config's
 * settings groups keep only the keys the file sets (so they never reset the data dir's others).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../node/cli/load-config';
import { parseArgs } from '../../../node/cli/parse-args';

const ADDRESS = '0x00000000219ab540356cBB839Cbe05303d7705Fa';

describe('parseArgs for watch', () => {
  it('reads the watch options', () => {
    const parsed = parseArgs(['watch', '--json-lines', '--data-dir', '/tmp/x', '--interval', '30', '--notify', 'desktop,webhook', '--rpc', 'http://127.0.0.1:8545', ADDRESS]);
    expect(parsed.ok && parsed.options).toMatchObject({ command: 'watch', jsonLines: true, dataDir: '/tmp/x', intervalSeconds: 30, notify: ['desktop', 'webhook'], inputs: [ADDRESS] });
  });

  it('runs without addresses (the data dir lists the wallets); scan still needs one', () => {
    expect(parseArgs(['watch', '--data-dir', '/tmp/x']).ok).toBe(true);
    expect(parseArgs(['scan']).ok).toBe(false);
  });

  it.each([
    [['watch', '--interval', '0', ADDRESS], /--interval/],
    [['watch', '--interval', '1.5', ADDRESS], /whole seconds/],
    [['watch', '--interval', '86401', ADDRESS], /--interval/],
    [['watch', '--json', ADDRESS], /--json-lines/],
    [['watch', '--data-dir', '', ADDRESS], /--data-dir/],
    [['scan', '--json-lines', ADDRESS], /only for matryoshka watch/],
    [['scan', '--data-dir', '/tmp/x', ADDRESS], /--data-dir: only for matryoshka watch/],
    [['scan', '--interval', '5', ADDRESS], /--interval: only for matryoshka watch/],
  ])('refuses %j', (argv, message) => {
    const parsed = parseArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });
});

describe('loadConfig for watch', () => {
  const write = (doc: unknown): string => {
    const path = join(mkdtempSync(join(tmpdir(), 'mk-config-')), 'config.json');
    writeFileSync(path, JSON.stringify(doc));
    return path;
  };

  it('keeps only the settings the file gives, checked against the settings schema', () => {
    const loaded = loadConfig(write({ thresholds: { staleDataSeconds: 60 }, notifications: { notifyOnResolve: true, minimumSeverity: 'info' }, refresh: { backoffMaxSeconds: 5 }, channels: { webhooks: [] } }));
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.config.thresholdOverrides).toEqual({ staleDataSeconds: 60 });
    expect(loaded.config.thresholds.staleDataSeconds).toBe(60);
    expect(loaded.config.thresholds.depegWarning).toBe(0.01); // the documented default, for the scan
    expect(loaded.config.notifications).toEqual({ notifyOnResolve: true, minimumSeverity: 'info' });
    expect(loaded.config.refresh).toEqual({ backoffMaxSeconds: 5 });
    expect(loaded.config.channels).toEqual({ webhooks: [] });
  });

  it.each([
    [{ notifications: { notifyOnResolv: true } }, /notifications/],
    [{ notifications: { minimumSeverity: 'loud' } }, /notifications: minimumSeverity/],
    [{ refresh: { pollIntervalSeconds: 0 } }, /refresh: pollIntervalSeconds/],
    [{ thresholds: { staleDataSecond: 5 } }, /thresholds/],
    [{ channel: {} }, /channel/],
  ])('refuses %j, naming the key', (doc, message) => {
    const loaded = loadConfig(write(doc));
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.error).toMatch(message);
  });
});
