/**
 * Entry point of the `matryoshka` command (npm run scan / npm run watch).
 */
import { readFileSync } from 'node:fs';
import { parseArgs, usage } from './parse-args';
import { EXIT, runScan } from './run-scan';

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
  if (options.command === 'watch') {
    process.stderr.write('matryoshka: watch is not part of this build yet\n');
    return EXIT.unknown;
  }
  return runScan(options, {
    stdout: process.stdout,
    stderr: process.stderr,
    now: () => BigInt(Math.floor(Date.now() / 1000)),
    startDemo: async () => {
      const { startDemoWorld } = await import('../../world/demo-world');
      return startDemoWorld();
    },
  });
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    process.stderr.write(`matryoshka: unexpected error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = EXIT.unknown;
  },
);
