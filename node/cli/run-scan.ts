/**
 * `matryoshka scan`: one refresh, printed as a table or as the `--json` document, with an exit
 * code by the worst severity (0 info, 1 warning, 2 critical, 3 could not assess).
 */
import type { Writable } from 'node:stream';
import { registry } from '../../shared/registry/registry';
import type { Severity } from '../../shared/report';
import { DEFAULT_LOG_BLOCK_RANGE } from '../../shared/settings/settings';
import { toScanReportJson } from '../../shared/scan-report-json';
import { buildChainClients } from '../core/build-chain-clients';
import { refreshPortfolio } from '../core/refresh-portfolio';
import { resolveWallets } from '../core/resolve-wallets';
import { formatTable, inert } from './format-table';
import { loadConfig } from './load-config';
import type { CliOptions } from './parse-args';
import { createScanProgressLog } from './scan-progress-log';

export const EXIT = { ok: 0, warning: 1, critical: 2, unknown: 3 } as const;

export interface ScanIo {
  readonly stdout: Writable;
  readonly stderr: Writable;
  /** Unix seconds. */
  now(): bigint;
  /** Starts the simulated world for --demo. */
  startDemo?: () => Promise<{ rpcUrl: string; wallets: readonly { address: string; label: string }[]; stop(): Promise<void> }>;
}

export function exitCodeFor(severities: readonly Severity[]): number {
  if (severities.includes('critical')) return EXIT.critical;
  if (severities.includes('warning')) return EXIT.warning;
  return EXIT.ok;
}

/** Runs a scan and returns the process exit code. */
export async function runScan(options: CliOptions, io: ScanIo): Promise<number> {
  const fail = (message: string): number => { io.stderr.write(`matryoshka: ${message}\n`); return EXIT.unknown; };
  const log = (message: string): void => { if ((io.stderr as { isTTY?: boolean }).isTTY) io.stderr.write(`${message}\n`); };
  const cfg = loadConfig(options.config);
  if (!cfg.ok) return fail(cfg.error);

  let demo: Awaited<ReturnType<NonNullable<ScanIo['startDemo']>>> | null = null;
  try {
    const userRpcs = new Map<number, readonly string[]>(cfg.config.rpc);
    for (const [id, urls] of options.rpc) userRpcs.set(id, urls);
    const inputs = [...options.inputs];
    const labels = new Map<string, string>();
    if (options.demo) {
      if (!io.startDemo) return fail('--demo is not available in this build');
      log('starting the simulated world…');
      demo = await io.startDemo();
      userRpcs.set(1, [demo.rpcUrl]);
      for (const w of demo.wallets) { inputs.push(w.address); labels.set(w.address.toLowerCase(), w.label); }
    }
    const chainIds = options.chains ?? cfg.config.chains ?? [...new Set([1, ...userRpcs.keys()])].sort((a, b) => a - b);
    // Endpoints the user named are used alone: addresses never reach a server they did not choose.
    const clients = buildChainClients({ chainIds, userRpcs, publicFallback: false });
    if (!clients.size) return fail('no endpoint for the chains asked for');

    const resolved = await resolveWallets(clients.get(1)?.client ?? null, inputs);
    if (!resolved.ok) return fail(resolved.errors.map((e) => inert(e, 300)).join('\n'));
    log(`reading ${resolved.wallets.length} wallet(s) on ${[...clients.keys()].join(', ')}…`);
    // --log-range for every chain, else the config file's per chain, else the default.
    const rangeOf = (chainId: number): number => options.logRange ?? cfg.config.logBlockRange.get(chainId) ?? DEFAULT_LOG_BLOCK_RANGE;
    const scanProgress = createScanProgressLog(log, rangeOf);
    const { report } = await refreshPortfolio({
      clients,
      wallets: resolved.wallets.map((w) => ({ address: w.address, ens: w.ens, label: labels.get(w.address.toLowerCase()) ?? null, chains: null })),
      registry, thresholds: cfg.config.thresholds, now: io.now(), previous: null,
      // One-shot: no stored scan position, so pending redemptions are found from each queue's deployment.
      redemptions: { cursors: [], maxBlockRanges: new Map([...clients.keys()].map((id) => [id, BigInt(rangeOf(id))])) },
      onScanProgress: scanProgress,
      onProgress: (chainId, state, error) => log(`chain ${chainId}: ${state}${error ? ` (${inert(error, 200)})` : ''}`),
    });
    if (report.chains.every((c) => c.status === 'failed')) {
      const why = report.chains.map((c) => `chain ${c.chainId}: ${inert(c.failedReads[0]?.error ?? 'unreachable', 300)}`).join('; ');
      return fail(`no reachable endpoint (${why})`);
    }
    io.stdout.write(options.json ? `${JSON.stringify(toScanReportJson(report), null, 2)}\n` : `${formatTable(report)}\n`);
    return exitCodeFor(report.warnings.map((w) => w.severity));
  } finally {
    await demo?.stop();
  }
}
