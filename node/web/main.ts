/**
 * Entry point of `npm run web`: parses the command line, starts the web app and prints the URL
 * (with its token). Composition only; see ./start-web-app.
 */
import { mkdtemp } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataDirLockError } from '../store/data-dir-lock';
import { parseWebArgs, webUsage } from './parse-web-args';
import { startWebApp, type DemoWorld } from './start-web-app';

const log = {
  info: (message: string) => console.error(`[matryoshka] ${message}`),
  warn: (message: string, ...rest: unknown[]) => console.error(`[matryoshka] ${message}`, ...rest),
  error: (message: string, ...rest: unknown[]) => console.error(`[matryoshka] ${message}`, ...rest),
};

/** Starts the simulated world (anvil + the restaking ecosystem + sample wallets) in this process. */
async function startDemo(): Promise<DemoWorld> {
  // Loaded only for --demo: it brings anvil and the Solidity compiler.
  const { startDemoWorld } = await import('../../world/demo-world');
  console.error('[matryoshka] starting the simulated world…');
  return startDemoWorld();
}

function defaultDataDir(): string {
  return join(process.env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), 'matryoshka-web');
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseWebArgs(argv);
  if (!parsed.ok) {
    console.error(`matryoshka web: ${parsed.error}\n\n${webUsage}`);
    return 2;
  }
  const { args } = parsed;
  if (args.help) {
    console.log(webUsage);
    return 0;
  }
  const demo = args.demo ? await startDemo() : undefined;
  // The demo never writes into the user's own data directory unless asked to.
  const dataDir = args.dataDir ?? (demo === undefined ? defaultDataDir() : await mkdtemp(join(tmpdir(), 'matryoshka-demo-')));
  const rendererDir = args.rendererDir ?? fileURLToPath(new URL('../../out/renderer', import.meta.url));
  const app = await startWebApp({
    dataDir,
    rendererDir,
    port: args.port,
    host: args.host,
    allowRemote: args.hostExplicit,
    allowedHostNames: args.allowHosts,
    ...(demo === undefined ? {} : { demo }),
    log,
  }).catch(async (error: unknown) => {
    await demo?.stop();
    // Another Matryoshka process (a watch, another web host) uses this data directory.
    if (error instanceof DataDirLockError && error.code === 'held') throw new Error(`${error.message}; stop it or pass another --data-dir`, { cause: error });
    throw error;
  });
  console.error(`[matryoshka] data directory: ${dataDir}`);
  console.log(`Matryoshka is running. Open this URL (it carries your access token):\n\n  ${app.host.url}\n`);

  let closing = false;
  const shutdown = (): void => {
    if (closing) return;
    closing = true;
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('shutdown failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  return new Promise<number>(() => {
    // Runs until a signal arrives.
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`matryoshka web: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
