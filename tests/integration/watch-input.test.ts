/**
 * `matryoshka watch` refusing to start, as the real process: a bad address, a bad config file, an
 * unknown channel, a data dir it cannot write, an empty data dir. Each exits 3 with a message naming the problem on stderr and
 * nothing on stdout, before any chain is read (no node needed).
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WatchProcess } from '../support/watch-process';

const GOOD = '0x00000000219ab540356cBB839Cbe05303d7705Fa';
const BAD_CHECKSUM = '0x00000000219Ab540356cBB839Cbe05303d7705Fa';
// Nothing listens here: a run that got past its checks would fail differently (and slowly).
const RPC = 'http://127.0.0.1:9';

const started: WatchProcess[] = [];
afterAll(async () => {
  // A run that did not refuse would still be watching: end it.
  await Promise.all(started.map((watch) => watch.stop('SIGKILL')));
});

async function run(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const watch = new WatchProcess(args);
  started.push(watch);
  const code = await watch.exited;
  return { code, stdout: watch.lines.map((l) => l.text).join('\n'), stderr: watch.stderr };
}

function config(doc: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'mk-watch-config-')), 'config.json');
  writeFileSync(path, JSON.stringify(doc));
  return path;
}

describe('matryoshka watch: could not start (exit 3)', () => {
  it.each([
    // (Options the parser refuses are covered in tests/unit/cli/watch-options.test.ts.)
    ['a bad checksum', ['--rpc', RPC, BAD_CHECKSUM], /checksum|not a valid|invalid/i],
    ['an unknown channel', ['--rpc', RPC, '--notify', 'pager', GOOD], /pager/],
  ])('%s', async (_name, args, message) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mk-watch-data-'));
    const result = await run(['--data-dir', dataDir, ...args]);
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  }, 30_000);

  it('a config file with a misspelt setting, before touching the data dir', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'mk-watch-data-')), 'store');
    const result = await run(['--data-dir', dataDir, '--config', config({ notifications: { notifyOnResolv: true } }), '--rpc', RPC, GOOD]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/notifications/);
    expect(result.stdout).toBe('');
    expect(() => readdirSync(dataDir)).toThrow();
  }, 30_000);

  it('a data dir that cannot be written (a restart would repeat every notification)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mk-watch-data-')), 'a-file');
    writeFileSync(file, 'not a directory');
    const result = await run(['--data-dir', join(file, 'store'), '--rpc', RPC, GOOD]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/cannot be written/);
    expect(result.stdout).toBe('');
  }, 30_000);

  it('no address and none in the data dir', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mk-watch-data-'));
    const result = await run(['--data-dir', dataDir, '--rpc', RPC]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/no wallet to watch/);
    expect(result.stdout).toBe('');
  }, 30_000);
});
