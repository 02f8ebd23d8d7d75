/**
 * Pending LRT redemptions in the CLI scan (issue 10), as a user runs it: the real process against the
 * demo world. `scan --json` lists every request the demo put in the queues with its status, the LRT given
 * up, the amount locked, what it pays and when, and validates against both schemas; the table shows the
 * same requests with one truthful time (an estimate says so in every place), and says that bob.eth's
 * pufETH is a protocol whose pending redemptions are not tracked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADDR } from '../../shared/registry/tokens';
import { DEMO_REDEMPTIONS } from '../../world/redemptions-world';
import { demoWallet, startDemoWorld, type DemoWorld } from '../../world/demo-world';
import { runCli, validator } from '../support/run-cli';

interface RedemptionJson {
  protocol: string; requestId: string; queue: string; status: string;
  assetGiven: { symbol: string; tokenId: string | null }; amountLocked: string; expectedAmount: string;
  timing: string; estimatedClaimableAt: string | null; expectedDelaySeconds: number | null; expectedDelayOnChain: boolean;
}
interface PositionJson {
  id: string; wallet: string; kind: string; amount: string; asset: { symbol: string };
  exit: { atNavSeconds: number | null; claimableAtBlock: string | null; claimableAt: string | null };
  redemption?: RedemptionJson;
}

let demo: DemoWorld;
const wallet = (label: string) => demoWallet(demo.wallets, label);

beforeAll(async () => { demo = await startDemoWorld(); });
afterAll(async () => { await demo?.stop(); });

const D = DEMO_REDEMPTIONS;
/** The requests populateRedemptionsDemo makes, by queue and the LRT given up. */
const DEMO_REQUESTS = [
  { protocol: 'ether.fi', queue: ADDR.etherfiWithdrawRequestNFT, given: 'eETH', locked: D.etherfiClaimable, status: 'claimable', timing: 'now' },
  { protocol: 'ether.fi', queue: ADDR.etherfiWithdrawRequestNFT, given: 'eETH', locked: D.etherfiPending, status: 'pending', timing: 'estimate' },
  { protocol: 'Renzo', queue: ADDR.renzoWithdrawQueue, given: 'ezETH', locked: D.renzoPending, status: 'pending', timing: 'on-chain' },
  { protocol: 'Kelp DAO', queue: ADDR.kelpWithdrawalManager, given: 'rsETH', locked: D.kelpPending, status: 'pending', timing: 'on-chain' },
  { protocol: 'Swell', queue: ADDR.rswEXIT, given: 'rswETH', locked: D.swellClaimable, status: 'claimable', timing: 'now' },
] as const;

describe('matryoshka scan --json: redemptions', () => {
  it('lists every demo request with its status, what was given up, what it pays and when, valid against both schemas', async () => {
    const run = await runCli(['scan', '--json', '--rpc', demo.rpcUrl, 'dave.eth', 'bob.eth']);
    expect(run.stderr).not.toMatch(/unexpected error/);
    const doc = JSON.parse(run.stdout) as { chains: { blockTimestamp: string }[]; positions: PositionJson[]; redemptionsNotTracked: unknown };
    for (const schema of ['reference/contracts/scan-report.schema.json', 'schemas/scan-report.schema.json']) {
      const validate = validator(schema);
      expect(validate(doc), `${schema}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    const dave = wallet('Withdrawing').address;
    const redemptions = doc.positions.filter((p) => p.kind === 'redemption');
    expect(redemptions.every((p) => p.wallet === dave)).toBe(true);
    const seen = redemptions.map((p) => {
      const r = p.redemption;
      if (r === undefined) throw new Error(`${p.id} has no redemption detail`);
      return { protocol: r.protocol, queue: r.queue, given: r.assetGiven.symbol, locked: BigInt(r.amountLocked), status: r.status, timing: r.timing };
    });
    const key = (x: { protocol: string; locked: bigint }) => `${x.protocol}:${x.locked}`;
    expect(seen.map(key).sort()).toEqual(DEMO_REQUESTS.map(key).sort());
    expect(seen.sort((a, b) => key(a).localeCompare(key(b)))).toEqual([...DEMO_REQUESTS].sort((a, b) => key(a).localeCompare(key(b))));
    const blockTime = BigInt(doc.chains[0]?.blockTimestamp ?? '0');
    for (const p of redemptions) {
      const r = p.redemption as RedemptionJson;
      // What the request pays is the position's amount; the request id is the protocol's own.
      expect(r.expectedAmount, p.id).toBe(p.amount);
      expect(p.id.endsWith(`:${r.requestId}`), p.id).toBe(true);
      if (r.status === 'claimable') expect(p.exit.atNavSeconds, p.id).toBe(0);
      if (r.timing === 'estimate') {
        // ether.fi has no delay getter: the documented default, so an estimate with its moment; the exit's claimableAt stays the protocol's own (none).
        expect(r.expectedDelayOnChain).toBe(false);
        expect(p.exit.claimableAt).toBeNull();
        expect(p.exit.atNavSeconds).toBeGreaterThan(0);
        expect(BigInt(r.estimatedClaimableAt ?? '0')).toBe(blockTime + BigInt(p.exit.atNavSeconds ?? 0));
      } else {
        expect(r.estimatedClaimableAt, p.id).toBeNull();
      }
      if (r.protocol === 'Renzo') expect(BigInt(p.exit.claimableAt ?? '0')).toBeGreaterThan(blockTime);
      if (r.protocol === 'Kelp DAO') expect(p.exit.claimableAtBlock).toMatch(/^[1-9][0-9]*$/);
    }
    // Pending Puffer requests are not read: the document says so for bob.eth, who holds pufETH.
    expect(doc.redemptionsNotTracked).toEqual([{ wallet: wallet('LRT holder').address, protocol: 'Puffer', queue: ADDR.pufferWithdrawalManager, tokens: ['pufETH@1'] }]);
  });
});

describe('matryoshka scan (table): redemptions', () => {
  it('shows each request with its status and one truthful time, and the untracked Puffer queue for bob.eth', async () => {
    const run = await runCli(['scan', '--rpc', demo.rpcUrl, 'dave.eth', 'bob.eth']);
    const out = run.stdout;
    expect(out).toMatch(/ETH \(redemption, pending\)/);
    expect(out).toMatch(/ETH \(redemption, claimable\)/);
    // One row per request: protocol and id, status, what was given up, what it pays.
    for (const r of DEMO_REQUESTS) {
      const given = `gave up ${Number(r.locked) / 1e18} ${r.given}`;
      expect(out, `${r.protocol} ${given}`).toMatch(new RegExp(`${r.protocol.replace('.', '\\.')} #\\S+\\s+${r.status}\\s+${given.replace('.', '\\.')}\\s`));
    }
    // The pending ether.fi request: an estimate in the exit column, the request row and the pending line, never "unknown".
    const id = /ether\.fi (#\d+)\s+pending/.exec(out)?.[1];
    expect(id).toBeDefined();
    const etherfiPending = out.split('\n').filter((l) => id !== undefined && l.includes(`ether.fi ${id}`));
    expect(etherfiPending).toHaveLength(2);
    for (const line of etherfiPending) expect(line).toMatch(/about .*\(estimate/);
    expect(out).toMatch(/ETH \(redemption, pending\)\s+Ethereum\s+2\s+2 ETH\s+—\s+about \d+d( \d+h)? \(estimate\)/);
    expect(out).toMatch(/pending: redemption ether\.fi #\d+ \(pending\) 2 ETH claimable about \d{4}-\d\d-\d\d \d\d:\d\d UTC \(estimate: 5d documented default delay\)/);
    expect(out).not.toContain('unknown time');
    // bob.eth holds pufETH: Puffer's pending requests are not tracked, and the table says so under that wallet.
    const bob = out.slice(out.indexOf('Wallet bob.eth'), out.indexOf('Exposure'));
    expect(bob).toContain('note: pending Puffer redemptions are not tracked (pufETH held)');
    const dave = out.slice(out.indexOf('Wallet dave.eth'), out.indexOf('Wallet bob.eth'));
    expect(dave).not.toContain('not tracked');
  });
});
