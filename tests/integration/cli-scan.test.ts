/**
 * The CLI scan as a user runs it: the real process (tsx node/cli/main.ts) against the simulated
 * world over JSON-RPC. Output formats, exit codes, bad input, unreachable endpoints, and the
 * --json document validated against both the contract schema and the project's published schema.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../world/anvil';
import type { WarningMessage } from '../../shared/report';
import { warningText } from '../../shared/i18n/warning-text';
import { demoWallet, startDemoWorld, type DemoWorld } from '../../world/demo-world';
import { runCli, validator } from '../support/run-cli';

let demo: DemoWorld;
const wallet = (label: string) => demoWallet(demo.wallets, label);

beforeAll(async () => { demo = await startDemoWorld(); });
afterAll(async () => { await demo?.stop(); });

describe('matryoshka scan --json', () => {
  it('prints one JSON document that validates against the contract and the published schema', async () => {
    const run = await runCli(['scan', '--json', '--rpc', demo.rpcUrl, ...demo.wallets.map((w) => w.ens ?? w.address)]);
    expect(run.stderr).not.toMatch(/unexpected error/);
    const doc = JSON.parse(run.stdout) as Record<string, unknown>;
    for (const schema of ['reference/contracts/scan-report.schema.json', 'schemas/scan-report.schema.json']) {
      const validate = validator(schema);
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(doc['schemaVersion']).toBe(1);
    const wallets = doc['wallets'] as { address: string; ens: string | null }[];
    expect(wallets.map((w) => w.address)).toEqual(demo.wallets.map((w) => w.address));
    expect(wallets.find((w) => w.address === wallet('Native restaker').address)?.ens).toBe('alice.eth');
    // The holder's 20 weETH at the world's NAV rate, through eETH to ETH.
    const positions = doc['positions'] as { wallet: string; asset: { symbol: string }; amount: string; valueEth: string; kind: string; exit: { claimableAtBlock: string | null } }[];
    const weeth = positions.find((p) => p.wallet === wallet('LRT holder').address && p.asset.symbol === 'weETH');
    const rate = demo.world.tokens.navRate('weETH');
    expect(weeth?.amount).toBe((20n * 10n ** 18n).toString());
    expect(weeth?.valueEth).toBe(((20n * 10n ** 18n * rate) / 10n ** 18n).toString());
    // Queued withdrawals carry their completable block.
    const queued = positions.filter((p) => p.wallet === wallet('Withdrawing').address && p.kind === 'queued-withdrawal');
    expect(queued).toHaveLength(2);
    for (const q of queued) expect(q.exit.claimableAtBlock).toMatch(/^[1-9][0-9]*$/);
    // Severity decides the exit code: the demo has critical warnings.
    const warnings = doc['warnings'] as { severity: string; title: string; explanation: string; action: string; message?: WarningMessage }[];
    expect(warnings.some((w) => w.severity === 'critical')).toBe(true);
    // Each warning's catalog form renders back to its English text, and to Chinese.
    for (const w of warnings) {
      expect(w.message, w.title).toBeDefined();
      if (w.message === undefined) continue;
      expect(warningText(w.message, 'en')).toEqual({ title: w.title, explanation: w.explanation, action: w.action });
      expect(warningText(w.message, 'zh-CN')?.title).not.toBe(w.title);
    }
    expect(run.code).toBe(2);
  });
});

describe('matryoshka scan (table)', () => {
  it('shows positions with their stacks, exposure, exit profile and warnings', async () => {
    const run = await runCli(['scan', '--rpc', demo.rpcUrl, 'bob.eth', 'carol.eth']);
    expect(run.stdout).toContain('Wallet bob.eth');
    expect(run.stdout).toMatch(/weETH .*ether\.fi weETH/);
    expect(run.stdout).toContain('Exposure');
    expect(run.stdout).toContain('Exit profile');
    expect(run.stdout).toMatch(/\[CRITICAL\] ezETH trades/);
    expect(run.code).toBe(2);
  });

  it('exits 1 when the worst is a warning (thresholds from --config)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mk-cli-'));
    const config = join(dir, 'config.json');
    // ezETH's 4% discount is a warning, not critical, with this threshold.
    writeFileSync(config, JSON.stringify({ thresholds: { depegCritical: 0.5, concentrationProtocolTopShare: 1, exitMismatchShare: 1, concentrationOperatorTopShare: 1, concentrationVenueTopShare: 1, slashableShareWarning: 1, slashableShareCritical: 1, operatorMaxMagnitudeCut: 1 } }));
    const run = await runCli(['scan', '--config', config, '--rpc', demo.rpcUrl, 'carol.eth']);
    expect(run.stdout).toMatch(/\[WARNING\]\s+ezETH trades/);
    expect(run.code).toBe(1);
  });

  it('exits 0 for a wallet with nothing above info', async () => {
    const run = await runCli(['scan', '--rpc', demo.rpcUrl, 'empty.eth']);
    expect(run.stdout).toContain('(no positions)');
    expect(run.code).toBe(0);
  });
});

describe('matryoshka scan: could not assess (exit 3)', () => {
  it('rejects an address with a bad checksum, naming it', async () => {
    const good = wallet('LRT holder').address;
    const bad = good.slice(0, 2) + (good[2] === good[2]?.toUpperCase() ? good.slice(2, 3).toLowerCase() : good.slice(2, 3).toUpperCase()) + good.slice(3);
    const run = await runCli(['scan', '--rpc', demo.rpcUrl, bad === good ? `${good.slice(0, -1)}x` : bad]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/checksum|not a valid|invalid/i);
    expect(run.stdout).toBe('');
  });

  it('rejects short hex', async () => {
    const run = await runCli(['scan', '--rpc', demo.rpcUrl, '0x1234']);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
  });

  it('names an ENS name that does not resolve', async () => {
    const run = await runCli(['scan', '--rpc', demo.rpcUrl, 'nobody-here.eth']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('nobody-here.eth');
    expect(run.stderr).toMatch(/does not resolve/);
  });

  it('reports an unreachable endpoint', async () => {
    const port = await freePort();
    const run = await runCli(['scan', '--json', '--rpc', `http://127.0.0.1:${port}`, wallet('LRT holder').address]);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/no reachable endpoint|could not|failed/i);
  });

  it('refuses an unknown option', async () => {
    const run = await runCli(['scan', '--frobnicate', 'bob.eth']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('unknown option --frobnicate');
  });
});
