/**
 * Parses the command line of `matryoshka scan` and `matryoshka watch`. Pure: no I/O; errors are
 * returned as messages for the caller to print (exit code 3).
 */
import { chains } from '../../shared/registry/chains';
import { MAX_LOG_BLOCK_RANGE, MIN_LOG_BLOCK_RANGE } from '../../shared/settings/settings';

export type Command = 'scan' | 'watch' | 'help' | 'version';

export interface CliOptions {
  readonly command: Command;
  readonly inputs: readonly string[];
  /** Per chain id, the user's endpoints in the order given. */
  readonly rpc: ReadonlyMap<number, readonly string[]>;
  /** null: every chain with an endpoint (or mainnet only when none is given). */
  readonly chains: readonly number[] | null;
  readonly json: boolean;
  readonly jsonLines: boolean;
  readonly demo: boolean;
  readonly config: string | null;
  readonly dataDir: string | null;
  readonly intervalSeconds: number | null;
  readonly notify: readonly string[];
  /** Largest eth_getLogs block range, for every chain read (null: the config file's or the settings'). */
  readonly logRange: number | null;
}

export type ParseResult = { readonly ok: true; readonly options: CliOptions } | { readonly ok: false; readonly error: string };

const knownChainIds: ReadonlySet<number> = new Set(chains.map((c) => c.id));

function parseChainId(text: string): number | null {
  if (!/^[1-9][0-9]{0,9}$/.test(text)) return null;
  return Number(text);
}

function parseUrl(text: string): string | null {
  try {
    const u = new URL(text);
    return u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'ws:' || u.protocol === 'wss:' ? u.toString() : null;
  } catch {
    return null;
  }
}

/** Parses argv (without `node` and the script). */
export function parseArgs(argv: readonly string[]): ParseResult {
  let command: Command = 'scan';
  const args = [...argv];
  if (args[0] === 'scan' || args[0] === 'watch') command = args.shift() as Command; // narrowed by the comparison above
  const rpc = new Map<number, string[]>();
  const inputs: string[] = [];
  const notify: string[] = [];
  let chainsOpt: number[] | null = null;
  let json = false, jsonLines = false, demo = false;
  let config: string | null = null, dataDir: string | null = null, intervalSeconds: number | null = null, logRange: number | null = null;

  const takeValue = (flag: string, inline: string | undefined): string | { error: string } => {
    if (inline !== undefined) return inline;
    const v = args.shift();
    if (v === undefined || v.startsWith('--')) return { error: `${flag} needs a value` };
    return v;
  };

  while (args.length) {
    const arg = args.shift() as string; // length checked by the loop condition
    if (arg === '--') { inputs.push(...args.splice(0)); break; }
    if (!arg.startsWith('-')) { inputs.push(arg); continue; }
    const eq = arg.indexOf('=');
    const flag = eq > 0 && arg.startsWith('--') ? arg.slice(0, eq) : arg;
    const inline = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : undefined;
    switch (flag) {
      case '-h': case '--help': command = 'help'; break;
      case '-V': case '--version': command = 'version'; break;
      case '--json': json = true; break;
      case '--json-lines': jsonLines = true; break;
      case '--demo': demo = true; break;
      case '--rpc': {
        const v = takeValue(flag, inline);
        if (typeof v !== 'string') return { ok: false, error: v.error };
        const m = /^([0-9]+)=(.+)$/.exec(v);
        const chainId = m ? parseChainId(m[1] ?? '') : 1;
        const url = parseUrl(m ? (m[2] ?? '') : v);
        if (chainId === null) return { ok: false, error: `--rpc ${v}: invalid chain id` };
        if (!knownChainIds.has(chainId)) return { ok: false, error: `--rpc ${v}: chain ${chainId} is not supported (supported: ${[...knownChainIds].join(', ')})` };
        if (url === null) return { ok: false, error: `--rpc ${v}: not an http(s) or ws(s) URL` };
        rpc.set(chainId, [...(rpc.get(chainId) ?? []), url]);
        break;
      }
      case '--chains': {
        const v = takeValue(flag, inline);
        if (typeof v !== 'string') return { ok: false, error: v.error };
        const ids = v.split(',').map((s) => s.trim()).filter(Boolean).map(parseChainId);
        if (!ids.length || ids.some((id) => id === null || !knownChainIds.has(id))) {
          return { ok: false, error: `--chains ${v}: expected a comma-separated list of supported chain ids (${[...knownChainIds].join(', ')})` };
        }
        chainsOpt = [...new Set(ids as number[])]; // nulls excluded just above
        break;
      }
      case '--config': { const v = takeValue(flag, inline); if (typeof v !== 'string') return { ok: false, error: v.error }; config = v; break; }
      case '--data-dir': { const v = takeValue(flag, inline); if (typeof v !== 'string') return { ok: false, error: v.error }; dataDir = v; break; }
      case '--interval': {
        const v = takeValue(flag, inline);
        if (typeof v !== 'string') return { ok: false, error: v.error };
        // Whole seconds: the refresh policy (shared/settings/settings.ts) counts in whole seconds.
        if (!/^[1-9][0-9]{0,4}$/.test(v) || Number(v) > 86_400) return { ok: false, error: `--interval ${v}: expected whole seconds from 1 to 86400` };
        intervalSeconds = Number(v);
        break;
      }
      case '--log-range': {
        const v = takeValue(flag, inline);
        if (typeof v !== 'string') return { ok: false, error: v.error };
        if (!/^[1-9][0-9]{0,6}$/.test(v) || Number(v) < MIN_LOG_BLOCK_RANGE || Number(v) > MAX_LOG_BLOCK_RANGE) {
          return { ok: false, error: `--log-range ${v}: expected a whole number of blocks from ${MIN_LOG_BLOCK_RANGE} to ${MAX_LOG_BLOCK_RANGE}` };
        }
        logRange = Number(v);
        break;
      }
      case '--notify': {
        const v = takeValue(flag, inline);
        if (typeof v !== 'string') return { ok: false, error: v.error };
        notify.push(...v.split(',').map((s) => s.trim()).filter(Boolean));
        break;
      }
      default:
        return { ok: false, error: `unknown option ${arg} (see --help)` };
    }
  }
  if (json && jsonLines) return { ok: false, error: '--json and --json-lines cannot be combined' };
  if (command === 'scan') {
    const watchOnly = [jsonLines && '--json-lines', dataDir !== null && '--data-dir', intervalSeconds !== null && '--interval', notify.length > 0 && '--notify'].filter((f) => f !== false);
    if (watchOnly.length > 0) return { ok: false, error: `${watchOnly.join(', ')}: only for matryoshka watch` };
  }
  if (command === 'watch' && json) return { ok: false, error: '--json is for scan; watch prints JSON with --json-lines' };
  if (command === 'watch' && dataDir === '') return { ok: false, error: '--data-dir needs a directory' };
  // watch may run on the wallets its data dir already lists (checked once the store is open).
  if (command === 'scan' && !demo && inputs.length === 0) {
    return { ok: false, error: 'give at least one address or ENS name, or --demo' };
  }
  return { ok: true, options: { command, inputs, rpc, chains: chainsOpt, json, jsonLines, demo, config, dataDir, intervalSeconds, notify, logRange } };
}

export const usage = `Usage:
  matryoshka [scan] [options] <address|ens>...   one-shot risk report
  matryoshka watch [options] [<address|ens>...] keep watching and alert on changes
                                                 (no address: the data dir's wallets)

Options:
  --rpc URL | --rpc CHAINID=URL   JSON-RPC endpoint (repeatable; a bare URL is mainnet)
  --chains 1,42161,8453,59144     chains to read (default: mainnet, plus every chain given with --rpc)
  --json                          scan: print one JSON report on stdout (docs/cli.md)
  --json-lines                    watch: print only JSON objects on stdout, one per line
  --demo                          start the simulated world and use its sample wallets
  --config FILE                   settings and thresholds (JSON, docs/cli.md)
  --data-dir DIR                  watch: wallets, settings and notification state
                                  (default: $XDG_DATA_HOME/matryoshka, ~/.local/share/matryoshka)
  --interval SECONDS              watch: refresh on new blocks at most this often (whole seconds)
  --log-range BLOCKS              largest eth_getLogs block range, every chain (default 2000;
                                  1 to 1000000; lower it for an endpoint that refuses wide ranges)
  --notify desktop,webhook        watch: notification channels (docs/alerts.md)
  -h, --help    -V, --version

Exit codes, scan: 0 nothing above info, 1 worst is a warning, 2 worst is critical, 3 could not assess.
Exit codes, watch: 0 stopped by SIGINT/SIGTERM, 3 could not start (bad input, config or data dir).`;
