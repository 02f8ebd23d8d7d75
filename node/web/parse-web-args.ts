/**
 * The command line of `npm run web`. Pure: errors come back as messages for the caller to print.
 */
export interface WebArgs {
  /** 0: any free port. */
  readonly port: number;
  readonly host: string;
  /** True when `--host` was given: a non-loopback address is then allowed (with a warning). */
  readonly hostExplicit: boolean;
  /** Extra host names the Host/Origin checks accept (`--allow-host`, repeatable). */
  readonly allowHosts: readonly string[];
  readonly dataDir: string | null;
  readonly rendererDir: string | null;
  readonly demo: boolean;
  readonly help: boolean;
}

export type ParseWebArgsResult = { readonly ok: true; readonly args: WebArgs } | { readonly ok: false; readonly error: string };

export const DEFAULT_WEB_PORT = 8790;

export const webUsage = `Usage: npm run web -- [options]

Serves Matryoshka in your browser at http://127.0.0.1:${DEFAULT_WEB_PORT}/ (open the URL it prints: it carries the access token).

Options:
  --port N            port to listen on (default ${DEFAULT_WEB_PORT}; 0 picks a free one)
  --host ADDRESS      interface to bind (default 127.0.0.1). Anything else than loopback makes
                      the app reachable from other machines: a warning is printed
  --allow-host NAME   also accept this host name or IP in Host/Origin headers, repeatable: with
                      --host 0.0.0.0, name what the browser will type (e.g. mybox.lan or 192.168.1.5)
  --data-dir DIR      where wallets, settings and history are kept
  --renderer-dir DIR  the built renderer (default out/renderer)
  --demo              start the simulated world in this process and watch its sample wallets
  --help              this text`;

const HOST_NAME = /^[A-Za-z0-9.-]{1,253}$|^[0-9A-Fa-f:]{2,39}$/;

/** Parses `argv` (without node and the script). */
export function parseWebArgs(argv: readonly string[]): ParseWebArgsResult {
  let port = DEFAULT_WEB_PORT;
  let host = '127.0.0.1';
  let hostExplicit = false;
  const allowHosts: string[] = [];
  let dataDir: string | null = null;
  let rendererDir: string | null = null;
  let demo = false;
  let help = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : null;
    const value = (): string | null => {
      if (inline !== null) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) return null;
      i += 1;
      return next;
    };
    switch (name) {
      case '--port': {
        const text = value();
        if (text === null || !/^\d{1,5}$/.test(text) || Number(text) > 65_535) return { ok: false, error: '--port needs a number from 0 to 65535' };
        port = Number(text);
        break;
      }
      case '--host': {
        const text = value();
        if (text === null || !HOST_NAME.test(text)) return { ok: false, error: '--host needs an IP address or host name' };
        host = text;
        hostExplicit = true;
        break;
      }
      case '--allow-host': {
        const text = value();
        if (text === null || !HOST_NAME.test(text)) return { ok: false, error: '--allow-host needs a host name' };
        allowHosts.push(text.toLowerCase());
        break;
      }
      case '--data-dir': {
        const text = value();
        if (text === null || text === '') return { ok: false, error: '--data-dir needs a directory' };
        dataDir = text;
        break;
      }
      case '--renderer-dir': {
        const text = value();
        if (text === null || text === '') return { ok: false, error: '--renderer-dir needs a directory' };
        rendererDir = text;
        break;
      }
      case '--demo':
        if (inline !== null) return { ok: false, error: '--demo takes no value' };
        demo = true;
        break;
      case '--help':
      case '-h':
        help = true;
        break;
      default:
        return { ok: false, error: `unknown option ${JSON.stringify(arg.slice(0, 100))}` };
    }
  }
  return { ok: true, args: { port, host, hostExplicit, allowHosts, dataDir, rendererDir, demo, help } };
}
