/**
 * Entry point of the `matryoshka` command (npm run scan / npm run watch).
 */
import { readFileSync } from 'node:fs';
import { parseArgs, usage } from './parse-args';
import { EXIT, runScan } from './run-scan';

/**
 * Resolves on the first SIGINT/SIGTERM. Later ones are ignored: the shutdown is bounded anyway
 * (run-watch abandons a slow refresh), and a library on the path (`when-exit`, through conf's
 * atomic writes) raises the signal again on its own.
 */
function stopSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    const onSignal = (): void => resolve();
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`matryoshka: ${parsed.error}\n\n${usage}\n`);
    return EXIT.unknown;
  }
  const { options } = parsed;
  if (options.command === 'help') { process.stdout.write(`${usage}\n`); return 0; }
  if (options.command === 'version') {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    process.stdout.write(`matryoshka ${pkg.version}\n`);
    return 0;
  }
  const startDemo = async () => {
    const { startDemoWorld } = await import('../../world/demo-world');
    return startDemoWorld();
  };
  if (options.command === 'watch') {
    const signal = stopSignal();
    const { runWatch } = await import('./run-watch');
    const code = await runWatch(options, { stdout: process.stdout, stderr: process.stderr, env: process.env, stopSignal: signal, startDemo });
    // Requests of an abandoned refresh may still be open: exit now that the state is saved
    // (writes to pipes and files are synchronous on Linux, so nothing printed is lost).
    process.exit(code);
  }
  return runScan(options, {
    stdout: process.stdout,
    stderr: process.stderr,
    now: () => BigInt(Math.floor(Date.now() / 1000)),
    startDemo,
  });
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    process.stderr.write(`matryoshka: unexpected error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = EXIT.unknown;
  },
);
