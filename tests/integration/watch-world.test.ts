/**
 * `matryoshka watch --json-lines` as a real child process against the simulated world, through a
 * fault-injecting proxy: changes driven on chain while it runs give exactly the expected event
 * lines (a depeg, its resolution past the hysteresis margin, a slash, a claimable withdrawal); an
 * RPC outage gives nothing until the data is as old as the configured staleness, then one
 * stale-data event, and never a report with fewer positions or less value; SIGTERM exits 0 with
 * the store saved; a restart on the same data dir repeats nothing; a signal during a slow refresh
 * abandons it after a bounded wait. Every stdout line is a JSON object valid against the
 * contract's schema and the published one.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEther } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAnvil, type Anvil } from '../../world/anvil';
import { buildWorld, type World } from '../../world/demo-world';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { setUpRestaker, type RestakerScenario } from '../support/restaker-scenario';
import { WatchProcess, watchLineValidators, type WatchJsonLine } from '../support/watch-process';

const STALE_SECONDS = 4;

let anvil: Anvil;
let world: World;
let proxy: FaultProxy;
let scenario: RestakerScenario;
let dir: string;
let dataDir: string;
let configPath: string;
let miner: ReturnType<typeof setInterval> | null = null;
let watch: WatchProcess;
const finished: WatchProcess[] = [];
const validators = watchLineValidators();

function startMining(): void {
  // New blocks keep coming, as on a real chain, so the watcher refreshes every interval.
  miner ??= setInterval(() => { void world.ctx.mine(1).catch(() => {}); }, 1000);
}
function stopMining(): void {
  if (miner !== null) clearInterval(miner);
  miner = null;
}

/** `wallets`: the addresses to give on the command line (none: the data dir's list). */
function startWatch(wallets: readonly string[]): WatchProcess {
  return new WatchProcess(['--json-lines', '--rpc', proxy.url, '--data-dir', dataDir, '--config', configPath, '--interval', '1', ...wallets]);
}

const ofKind = (lines: readonly WatchJsonLine[], kind: string): WatchJsonLine[] => lines.filter((l) => l.warning?.kind === kind);

beforeAll(async () => {
  anvil = await startAnvil();
  world = await buildWorld(anvil.rpcUrl);
  scenario = await setUpRestaker(world, { name: 'watch', lrt: 'ezETH', operatorSetId: 9, withdrawalDelayBlocks: 1000 });
  proxy = await startFaultProxy({ upstream: anvil.rpcUrl });
  dir = mkdtempSync(join(tmpdir(), 'matryoshka-watch-'));
  dataDir = join(dir, 'data');
  configPath = join(dir, 'config.json');
  writeFileSync(configPath, JSON.stringify({
    thresholds: { staleDataSeconds: STALE_SECONDS },
    // Every event is notified (info too, and resolutions), so every event shows as a line.
    notifications: { minimumSeverity: 'info', notifyOnResolve: true },
    refresh: { backoffMaxSeconds: 2 },
  }));
  startMining();
  watch = startWatch([scenario.holder]);
  await watch.reportsAfter(2, 90_000);
}, 180_000);

afterAll(async () => {
  stopMining();
  await watch?.stop('SIGKILL');
  await proxy?.stop();
  await anvil?.stop();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

describe('matryoshka watch --json-lines against the simulated world', () => {
  it('starts with a report of the wallet and one line per notified warning', () => {
    const first = watch.reports()[0];
    expect(first?.chains?.map((c) => [c.chainId, c.status])).toEqual([[1, 'ok']]);
    // 10 ezETH + the restaked stETH + the queued withdrawal.
    expect(first?.positions).toBe(3);
    expect(first?.degraded).toBe(false);
    const initial = watch.events();
    expect(initial.length).toBeGreaterThan(0);
    expect(initial.every((e) => e.event === 'new')).toBe(true);
    // More warnings than the group threshold at once: one grouped notification lists them all.
    expect(new Set(initial.map((e) => e.notification?.key)).size).toBe(1);
    expect(initial.every((e) => e.notification?.grouped === true)).toBe(true);
  });

  it('an LRT depegs: exactly one new depeg event', async () => {
    const from = watch.lines.length;
    await world.tokens.setMarketPrice('ezETH', (world.tokens.navRate('ezETH') * 98n) / 100n);
    await watch.waitFor('the depeg event', () => ofKind(watch.events(from), 'depeg').length > 0);
    await watch.reportsAfter(3);
    const depegs = ofKind(watch.events(from), 'depeg');
    expect(depegs.map((e) => [e.event, e.warning?.id, e.warning?.severity])).toEqual([['new', 'depeg:ezETH@1', 'warning']]);
  }, 60_000);

  it('an operator is slashed: one event naming it', async () => {
    const from = watch.lines.length;
    await world.eigen.slash(scenario.operator, scenario.set, scenario.strategy, parseEther('0.3'));
    await watch.waitFor('the slash event', () => ofKind(watch.events(from), 'operator-slashed').length > 0);
    await watch.reportsAfter(3);
    const slashed = ofKind(watch.events(from), 'operator-slashed');
    expect(slashed).toHaveLength(1);
    expect(slashed[0]?.event).toBe('new');
    expect(slashed[0]?.warning?.subject).toBe(scenario.operator.toLowerCase());
  }, 60_000);

  it('a queued withdrawal becomes claimable: one event', async () => {
    const from = watch.lines.length;
    await world.eigen.setMinWithdrawalDelayBlocks(1);
    await watch.waitFor('the claimable event', () => ofKind(watch.events(from), 'withdrawal-claimable').length > 0);
    await watch.reportsAfter(3);
    const claimable = ofKind(watch.events(from), 'withdrawal-claimable');
    expect(claimable.map((e) => e.event)).toEqual(['new']);
  }, 60_000);

  it('the LRT recovers: nothing inside the hysteresis margin, one resolved event past it', async () => {
    const from = watch.lines.length;
    // 0.95 % below NAV: under the 1 % threshold but not past 1 % × (1 − 10 %) = 0.9 %.
    await world.tokens.setMarketPrice('ezETH', (world.tokens.navRate('ezETH') * 9905n) / 10_000n);
    await watch.reportsAfter(4);
    expect(ofKind(watch.events(from), 'depeg')).toEqual([]);
    await world.tokens.setMarketPrice('ezETH', world.tokens.navRate('ezETH'));
    await watch.waitFor('the resolved event', () => ofKind(watch.events(from), 'depeg').length > 0);
    await watch.reportsAfter(3);
    expect(ofKind(watch.events(from), 'depeg').map((e) => [e.event, e.warning?.id])).toEqual([['resolved', 'depeg:ezETH@1']]);
  }, 60_000);

  it('an RPC outage: no event until the data is stale, then one stale-data event; nothing vanishes', async () => {
    // Let the watcher settle (no refresh in flight), then cut it off from the node.
    stopMining();
    await watch.quiet(2000);
    const lastGood = watch.reports().at(-1);
    const lastGoodAt = watch.lines.at(-1)?.at ?? 0;
    expect(lastGood?.degraded).toBe(false);
    const from = watch.lines.length;
    proxy.setFault({ kind: 'drop' });
    startMining();
    await watch.waitFor('the stale-data event', () => ofKind(watch.events(from), 'stale-data').length > 0, 30_000);
    const staleLine = watch.lines.slice(from).find((l) => l.json?.warning?.kind === 'stale-data');
    expect((staleLine?.at ?? 0) - lastGoodAt).toBeGreaterThanOrEqual(STALE_SECONDS * 1000 - 100);
    await watch.reportsAfter(2, 30_000);
    const during = watch.json(from);
    expect(during.filter((l) => l.type === 'event').map((e) => [e.event, e.warning?.id])).toEqual([['new', 'stale-data:1']]);
    for (const report of during.filter((l) => l.type === 'report')) {
      expect(report.degraded).toBe(true);
      expect(report.chains?.[0]?.status).toBe('failed');
      expect(report.positions).toBeGreaterThanOrEqual(lastGood?.positions ?? Infinity);
      expect(BigInt(report.metrics?.totalValueEth ?? '0')).toBeGreaterThanOrEqual(BigInt(lastGood?.metrics?.totalValueEth ?? '1'));
    }
    // The stale-data event names the last block read.
    expect(BigInt(staleLine?.json?.blockNumber ?? '0')).toBe(BigInt(lastGood?.chains?.[0]?.blockNumber ?? '-1'));

    // Back online: complete again, and only the stale-data warning resolves.
    const back = watch.lines.length;
    proxy.setFault({ kind: 'none' });
    await watch.waitFor('the stale-data resolution', () => ofKind(watch.events(back), 'stale-data').length > 0, 30_000);
    await watch.reportsAfter(2);
    expect(watch.events(back).map((e) => [e.event, e.warning?.id])).toEqual([['resolved', 'stale-data:1']]);
    expect(watch.reports(back).at(-1)?.degraded).toBe(false);
  }, 90_000);

  it('SIGTERM: exit 0, the store saved, every line valid against both schemas', async () => {
    finished.push(watch);
    expect(await watch.stop('SIGTERM')).toBe(0);
    expect(watch.stderr).not.toMatch(/unexpected error/);
    const lines = watch.lines;
    expect(lines.length).toBeGreaterThan(20);
    for (const line of lines) {
      expect(line.json, line.text).not.toBeNull();
      for (const { name, validate } of validators) expect(validate(line.json), `${name}: ${line.text}\n${JSON.stringify(validate.errors)}`).toBe(true);
    }
    const stored = JSON.parse(readFileSync(join(dataDir, 'config.json'), 'utf8')) as {
      wallets: { address: string }[]; notify: { active: Record<string, unknown> }; lastReport: unknown; settings: { notifications: { notifyOnResolve: boolean } };
    };
    expect(stored.wallets.map((w) => w.address)).toEqual([scenario.holder]);
    expect(Object.keys(stored.notify.active)).toContain(`operator-slashed:${scenario.operator.toLowerCase()}`);
    expect(Object.keys(stored.notify.active)).not.toContain('depeg:ezETH@1');
    expect(stored.lastReport).not.toBeNull();
    expect(stored.settings.notifications.notifyOnResolve).toBe(true);
  }, 30_000);

  it('a restart with the same data dir (no address given: its wallet list) repeats no event', async () => {
    const last = finished[0]?.reports().at(-1);
    watch = startWatch([]);
    // A repeat would come with the first report (the first refresh's diff); the second makes sure.
    await watch.reportsAfter(2, 60_000);
    expect(watch.events()).toEqual([]);
    expect(watch.reports()[0]?.positions).toBe(last?.positions);
    expect(watch.reports()[0]?.metrics?.totalValueEth).toBe(last?.metrics?.totalValueEth);
    for (const line of watch.lines) for (const { validate } of validators) expect(validate(line.json), line.text).toBe(true);
  }, 90_000);

  it('SIGINT during a slow refresh: abandoned after a bounded wait, exit 0, the store intact', async () => {
    // Every answer now takes 2 s: the next refresh (dozens of requests) is still running when the signal comes.
    proxy.setFault({ kind: 'latency', ms: 2000 });
    await new Promise((r) => setTimeout(r, 4500));
    const reportsBefore = watch.reports().length;
    const signalledAt = Date.now();
    expect(await watch.stop('SIGINT')).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(9000);
    expect(watch.stderr).toMatch(/abandoned/);
    expect(watch.reports().length).toBe(reportsBefore);
    const stored = JSON.parse(readFileSync(join(dataDir, 'config.json'), 'utf8')) as { wallets: { address: string }[]; notify: { active: Record<string, unknown> } };
    expect(stored.wallets.map((w) => w.address)).toEqual([scenario.holder]);
    expect(Object.keys(stored.notify.active)).toContain(`operator-slashed:${scenario.operator.toLowerCase()}`);
    proxy.setFault({ kind: 'none' });
  }, 30_000);
});
