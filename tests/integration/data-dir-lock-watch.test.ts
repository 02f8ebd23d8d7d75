/**
 * One process per data dir, as real `matryoshka watch` processes against the simulated world: a
 * second watch on the data dir of a running one exits 3 naming it, before touching the store,
 * while the first keeps refreshing; once the first stops (SIGTERM) its lock is gone and a new
 * watch on that dir starts and refreshes.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEther } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR_LOCK_FILE } from '../../node/store/data-dir-lock';
import { startAnvil, type Anvil } from '../../world/anvil';
import { buildWorld, demoAddress, type World } from '../../world/demo-world';
import { WatchProcess } from '../support/watch-process';

const HOLDER = demoAddress('data-dir-lock:holder');

let anvil: Anvil;
let world: World;
let dir: string;
let dataDir: string;
let miner: ReturnType<typeof setInterval> | null = null;
const started: WatchProcess[] = [];

function startWatch(): WatchProcess {
  const watch = new WatchProcess(['--json-lines', '--rpc', anvil.rpcUrl, '--data-dir', dataDir, '--interval', '1', HOLDER]);
  started.push(watch);
  return watch;
}

beforeAll(async () => {
  anvil = await startAnvil();
  world = await buildWorld(anvil.rpcUrl);
  await world.tokens.mint('weETH', HOLDER, parseEther('3'));
  // New blocks keep coming, so a running watch keeps refreshing.
  miner = setInterval(() => { void world.ctx.mine(1).catch(() => {}); }, 1000);
  dir = mkdtempSync(join(tmpdir(), 'matryoshka-lock-watch-'));
  dataDir = join(dir, 'data');
}, 180_000);

afterAll(async () => {
  if (miner !== null) clearInterval(miner);
  await Promise.all(started.map((watch) => watch.stop('SIGKILL')));
  await anvil?.stop();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

describe('matryoshka watch: one process per data dir', () => {
  it('refuses a second watch on a held data dir, keeps the first running, and frees the dir when the first stops', async () => {
    const first = startWatch();
    await first.reportsAfter(1, 90_000);
    const lockFile = join(dataDir, DATA_DIR_LOCK_FILE);
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: first.child.pid, face: 'watch' });
    const storeWritten = statSync(join(dataDir, 'config.json')).mtimeMs;

    const second = startWatch();
    // A watch that got past the lock would run on: give it 20 s to refuse.
    expect(await Promise.race([second.exited, new Promise<string>((resolve) => setTimeout(() => resolve('still running'), 20_000))])).toBe(3);
    expect(second.stderr).toMatch(
      new RegExp(`^matryoshka: the data dir ${dataDir} is in use by matryoshka watch \\(pid ${first.child.pid}, since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\); stop it or pass another --data-dir$`, 'm'),
    );
    expect(second.lines).toEqual([]);

    // The first goes on refreshing and saving; the lock is still its own.
    await first.reportsAfter(2, 60_000);
    expect(first.child.exitCode).toBeNull();
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: first.child.pid });
    expect(statSync(join(dataDir, 'config.json')).mtimeMs).toBeGreaterThan(storeWritten);

    expect(await first.stop('SIGTERM')).toBe(0);
    expect(existsSync(lockFile)).toBe(false);

    const third = startWatch();
    await third.reportsAfter(1, 90_000);
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: third.child.pid, face: 'watch' });
    expect(await third.stop('SIGTERM')).toBe(0);
    expect(existsSync(lockFile)).toBe(false);
  }, 240_000);
});
