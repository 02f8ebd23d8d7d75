/**
 * `--log-range` and the stderr progress of a long redemption log scan, for `scan` (in process, with a
 * terminal on stderr and without one) and `watch` (the real process), against the simulated world:
 * progress goes to stderr only, rising to 100%, and stdout stays pure JSON.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../../node/cli/parse-args';
import { runScan } from '../../node/cli/run-scan';
import { startDemoWorld, type DemoWorld } from '../../world/demo-world';
import { WatchProcess } from '../support/watch-process';

let demo: DemoWorld;
let dir: string;

beforeAll(async () => {
  demo = await startDemoWorld();
  dir = mkdtempSync(join(tmpdir(), 'matryoshka-log-range-'));
}, 300_000);

afterAll(async () => {
  await demo?.stop();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

class Collect extends Writable {
  text = '';
  constructor(readonly isTTY: boolean) { super(); }
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
}

/** The percentages of the progress lines in `text`, in order. */
function percents(text: string): number[] {
  return [...text.matchAll(/chain 1: redemption log scan (\d+)% \(/g)].map((m) => Number(m[1]));
}

async function scan(isTTY: boolean) {
  const parsed = parseArgs(['scan', '--json', '--rpc', demo.rpcUrl, '--log-range', '2', ...demo.wallets.map((w) => w.address)]);
  if (!parsed.ok) throw new Error(parsed.error);
  const stdout = new Collect(false);
  const stderr = new Collect(isTTY);
  const code = await runScan(parsed.options, { stdout, stderr, now: () => BigInt(Math.floor(Date.now() / 1000)) });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe('scan --log-range', () => {
  it('shows a long first scan rising to 100% on a terminal stderr, and stdout stays one JSON document', async () => {
    const run = await scan(true);
    expect(run.code).toBeLessThan(3);
    expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
    expect(run.stdout).not.toMatch(/redemption log scan/);
    const seen = percents(run.stderr);
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(100);
    expect(seen.every((p, i) => i === 0 || p > (seen[i - 1] ?? 0))).toBe(true);
    expect(seen.length).toBeLessThanOrEqual(11);
  });

  it('prints no progress when stderr is not a terminal (cron)', async () => {
    const run = await scan(false);
    expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
    expect(run.stderr).toBe('');
  });
});

describe('watch --log-range', () => {
  it('logs the first scan on stderr, keeps stdout to JSON lines and saves the range in the data dir', async () => {
    const dataDir = join(dir, 'watch');
    const wallet = demo.wallets[0]?.address ?? '';
    const watch = new WatchProcess(['--json-lines', '--rpc', demo.rpcUrl, '--data-dir', dataDir, '--log-range', '2', wallet]);
    try {
      await watch.reportsAfter(1, 90_000);
      expect(watch.lines.every((l) => l.json !== null)).toBe(true);
      const seen = percents(watch.stderr);
      expect(seen[0]).toBe(0);
      expect(seen.at(-1)).toBe(100);
    } finally {
      expect(await watch.stop()).toBe(0);
    }
    const file = readdirSync(dataDir).find((f) => f.endsWith('.json') && !f.includes('lock'));
    const stored = JSON.parse(readFileSync(join(dataDir, file ?? 'missing'), 'utf8')) as { settings: { logBlockRange: Record<string, number> } };
    expect(stored.settings.logBlockRange['1']).toBe(2);
  });
});
