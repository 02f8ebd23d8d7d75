/**
 * Issue 2: the demo's sample wallets exercise every warning the app has. Each sample wallet is read
 * on its own (the portfolio a user sees after adding just that wallet) by the real tracker and engine
 * over JSON-RPC, and together they must raise every message of the warning catalog
 * (shared/i18n/warning-params.ts: one key per kind, or per variant of a kind), so a new kind of
 * warning without demo coverage fails here. The few keys that by nature need a failing endpoint, or
 * chain history the demo cannot make in its start-up time, are listed below with the reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChainClients } from '../../node/core/build-chain-clients';
import { refreshPortfolio } from '../../node/core/refresh-portfolio';
import { WARNING_PARAMS, isWarningKey, type WarningKey } from '../../shared/i18n/warning-params';
import { registry } from '../../shared/registry/registry';
import type { RiskReport } from '../../shared/report';
import { defaultThresholds } from '../../shared/settings/thresholds';
import { startDemoWorld, type DemoWallet, type DemoWorld } from '../../world/demo-world';

/** Keys a healthy demo node cannot raise, and why. */
const NOT_FROM_THE_DEMO = {
  'chain-unreachable': 'needs an endpoint that does not answer (tests/integration/faults-rpc.test.ts)',
  'stale-data': 'needs an endpoint whose head block is older than staleDataSeconds (faults-rpc, watch-world)',
  'failed-reads': 'needs reads that fail on the endpoint (faults-rpc, tracker-failures)',
  'failed-reads-not-held': 'needs failing reads of a token no position stands on (faults-rpc, tracker-failures)',
  'redemption-overdue-documented': 'an ether.fi or Swell request past the documented delay is counted from its mint log: '
    + 'over 36,000 blocks (5 days) of real history, which anvil mines at about 1,200 blocks/s (tests/unit/engine/redemption-detail.test.ts)',
} as const satisfies Partial<Record<WarningKey, string>>;
/** The keys above that only a failing endpoint raises: a healthy demo must never show them. */
const FAILING_ENDPOINT_KEYS: readonly WarningKey[] = ['chain-unreachable', 'stale-data', 'failed-reads', 'failed-reads-not-held'];

let demo: DemoWorld;
/** Each sample wallet's first report, by label. */
const reports = new Map<string, RiskReport>();

async function scan(wallet: DemoWallet, previous: RiskReport | null): Promise<RiskReport> {
  const clients = buildChainClients({ chainIds: [1], userRpcs: new Map([[1, [demo.rpcUrl]]]), publicFallback: false });
  // The chain's own clock: nothing here may depend on how long the world took to build.
  const block = await demo.world.ctx.publicClient.getBlock({ blockTag: 'latest' });
  const { report } = await refreshPortfolio({
    clients, wallets: [{ address: wallet.address, ens: wallet.ens, label: wallet.label, chains: null }],
    registry, thresholds: defaultThresholds, now: block.timestamp, previous, redemptions: { cursors: [] },
  });
  return report;
}

function keysOf(report: RiskReport): WarningKey[] {
  return report.warnings.map((w) => w.message?.key ?? 'no message').filter((k): k is WarningKey => isWarningKey(k));
}

beforeAll(async () => {
  demo = await startDemoWorld();
  for (const w of demo.wallets) reports.set(w.label, await scan(w, null));
});
afterAll(async () => { await demo?.stop(); });

describe('demo coverage: the sample wallets raise every warning the engine has', () => {
  it('lists only catalog keys as not coverable', () => {
    for (const key of Object.keys(NOT_FROM_THE_DEMO)) expect(isWarningKey(key), key).toBe(true);
  });

  it('every catalog key but those is raised by some sample wallet, on its own or after a NAV drop', async () => {
    const raisedBy = new Map<WarningKey, string[]>();
    const note = (key: WarningKey, label: string) => raisedBy.set(key, [...(raisedBy.get(key) ?? []), label]);
    for (const [label, report] of reports) for (const key of keysOf(report)) note(key, label);

    // A NAV drop is measured against the previous report: the LRT of the all-in wallet loses 2% of its
    // NAV on chain, and that wallet's next refresh reports it.
    const allIn = demo.wallets.find((w) => w.label === 'All-in Swell');
    const first = reports.get('All-in Swell');
    if (allIn === undefined || first === undefined) throw new Error('the demo has no "All-in Swell" wallet');
    const rate = demo.world.tokens.navRate('rswETH');
    await demo.world.tokens.setNavRate('rswETH', (rate * 98n) / 100n);
    try {
      for (const key of keysOf(await scan(allIn, first))) note(key, `${allIn.label} (after the NAV drop)`);
    } finally {
      await demo.world.tokens.setNavRate('rswETH', rate);
    }

    const expected = Object.keys(WARNING_PARAMS).filter((k): k is WarningKey => isWarningKey(k) && !Object.hasOwn(NOT_FROM_THE_DEMO, k)).sort();
    const missing = expected.filter((k) => !raisedBy.has(k));
    expect(missing, `no sample wallet raises ${missing.join(', ')}`).toEqual([]);
    expect(raisedBy.has('nav-drop')).toBe(true);
  });

  it('a healthy demo node raises none of the failing-endpoint warnings', () => {
    for (const [label, report] of reports) {
      const failing = keysOf(report).filter((k) => FAILING_ENDPOINT_KEYS.includes(k));
      expect(failing, label).toEqual([]);
    }
  });

  it('each wallet added for coverage raises what its story says', () => {
    const story: Readonly<Record<string, readonly WarningKey[]>> = {
      'Operator hopper': ['concentration-hhi-operator'],
      'Two LSTs': ['concentration-hhi-protocol'],
      'Idle operator': ['nominal-security'],
      'Wiped-out operator': ['operator-tiny-magnitude', 'operator-slashed'],
      'Paused cbETH': ['token-paused'],
      'All-in Swell': ['concentration-protocol', 'concentration-operator'],
      'Stuck Kelp exit': ['redemption-overdue'],
    };
    for (const [label, keys] of Object.entries(story)) {
      const report = reports.get(label);
      expect(report, label).toBeDefined();
      expect(keysOf(report as RiskReport), label).toEqual(expect.arrayContaining([...keys]));
    }
    // Their point: nothing on top, so only the Herfindahl rule speaks.
    expect(keysOf(reports.get('Operator hopper') as RiskReport)).not.toContain('concentration-operator');
    expect(keysOf(reports.get('Two LSTs') as RiskReport)).not.toContain('concentration-protocol');
    // Every sample wallet is read completely: none of their positions is degraded.
    for (const [label, report] of reports) expect(report.positions.filter((p) => p.degraded).map((p) => p.id), label).toEqual([]);
  });
});
