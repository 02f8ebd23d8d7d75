/**
 * The eth_getLogs block range on the command line (`--log-range`, scan and watch) and in the config
 * file (`logBlockRange` per chain), and the stderr lines a long redemption log scan prints.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../node/cli/load-config';
import { parseArgs, usage } from '../../../node/cli/parse-args';
import { createScanProgressLog, LONG_SCAN_REQUESTS } from '../../../node/cli/scan-progress-log';

const ADDRESS = '0x00000000219ab540356cBB839Cbe05303d7705Fa';

function configFile(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'matryoshka-log-range-')), 'config.json');
  writeFileSync(path, JSON.stringify(content));
  return path;
}

describe('--log-range', () => {
  it.each([
    [['scan', '--log-range', '500', ADDRESS], 500],
    [['watch', '--log-range=10', ADDRESS], 10],
    [['scan', '--log-range', '1', ADDRESS], 1],
    [['scan', '--log-range', '1000000', ADDRESS], 1_000_000],
    [['scan', ADDRESS], null],
  ])('reads %j', (argv, expected) => {
    const parsed = parseArgs(argv);
    expect(parsed.ok && parsed.options.logRange).toBe(expected);
  });

  it.each([['0'], ['-5'], ['1.5'], ['1000001'], ['2k'], ['']])('refuses --log-range %j', (value) => {
    const parsed = parseArgs(['scan', `--log-range=${value}`, ADDRESS]);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/--log-range/);
  });

  it('needs a value and is in the usage text', () => {
    const parsed = parseArgs(['scan', ADDRESS, '--log-range']);
    expect(parsed.ok).toBe(false);
    expect(usage).toMatch(/--log-range BLOCKS/);
  });
});

describe('logBlockRange in the config file', () => {
  it('reads a range per chain', () => {
    const loaded = loadConfig(configFile({ logBlockRange: { '1': 800, '42161': 50_000 } }));
    expect(loaded.ok && [...loaded.config.logBlockRange]).toEqual([[1, 800], [42161, 50_000]]);
    const none = loadConfig(null);
    expect(none.ok && none.config.logBlockRange.size).toBe(0);
  });

  it.each([
    [{ logBlockRange: { '1': 0 } }],
    [{ logBlockRange: { '1': 2_000_000 } }],
    [{ logBlockRange: { '1': 12.5 } }],
    [{ logBlockRange: { mainnet: 100 } }],
    [{ logBlockRange: 100 }],
  ])('refuses %j', (content) => {
    const loaded = loadConfig(configFile(content));
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.error).toMatch(/logBlockRange/);
  });
});

describe('createScanProgressLog', () => {
  it('prints a long scan at 0% and once per 10% step, to 100%', () => {
    const lines: string[] = [];
    const log = createScanProgressLog((line) => lines.push(line), () => 10);
    const total = LONG_SCAN_REQUESTS * 10 * 5; // 100 calls of 10 blocks
    for (let scanned = 0; scanned <= total; scanned += 10) log(1, { scannedBlocks: BigInt(scanned), totalBlocks: BigInt(total) });
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe(`chain 1: redemption log scan 0% (0 of ${total.toLocaleString('en-US')} blocks)`);
    expect(lines[10]).toBe(`chain 1: redemption log scan 100% (${total.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} blocks)`);
    // The monitor republishes the last state with every other chain's update: nothing new is printed.
    log(1, { scannedBlocks: total, totalBlocks: total });
    expect(lines).toHaveLength(11);
    // The next refresh's scan starts its own steps.
    log(1, { scannedBlocks: 0, totalBlocks: total + 5 });
    expect(lines).toHaveLength(12);
  });

  it('prints nothing for a scan of fewer calls than a long one', () => {
    const lines: string[] = [];
    const log = createScanProgressLog((line) => lines.push(line), () => 2_000);
    const total = (LONG_SCAN_REQUESTS - 1) * 2_000;
    for (let scanned = 0; scanned <= total; scanned += 2_000) log(1, { scannedBlocks: scanned, totalBlocks: total });
    log(1, { scannedBlocks: 0, totalBlocks: 0 });
    expect(lines).toEqual([]);
  });
});
