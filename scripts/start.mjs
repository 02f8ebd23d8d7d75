// `npm start`: builds the app, makes sure Electron's runtime is on disk, and launches it.
// npm installs the `electron` package without running its install script (npm 11 asks first), so
// the runtime is downloaded here on first start: that needs internet once.
import console from 'node:console';
import process from 'node:process';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');

function run(args, what) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`npm start: ${what} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

run([path.join(root, 'scripts', 'build.mjs')], 'the build');

if (!existsSync(path.join(electronDir, 'path.txt'))) {
  console.log('Downloading the Electron runtime (once; needs internet)…');
  run([path.join(electronDir, 'install.js')], "downloading Electron's runtime (it needs internet once; a mirror can be set with ELECTRON_MIRROR)");
}

// node_modules/electron exports the path of its binary.
const electronBinary = createRequire(import.meta.url)('electron');
const env = { ...process.env };
// Would make the binary behave as plain Node instead of starting the app.
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(electronBinary, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 0 : 1)));
