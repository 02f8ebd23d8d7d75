// Builds the desktop app into out/: the main process and the preload bundled with esbuild
// (CommonJS for Node, `electron` left to the runtime), the renderer with Vite, and the icons.
//   node scripts/build.mjs            everything
//   node scripts/build.mjs --no-renderer   main and preload only
import console from 'node:console';
import process from 'node:process';
import { cp, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'out');
const withRenderer = !process.argv.includes('--no-renderer');

/** Electron 39 runs Node 22 in the main process and Chromium 142 in the preload's sandbox. */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
};

async function buildMain() {
  await rm(path.join(out, 'main'), { recursive: true, force: true });
  await esbuild({ ...common, entryPoints: ['electron/main.ts'], outfile: path.join(out, 'main', 'main.cjs') });
}

async function buildPreload() {
  await rm(path.join(out, 'preload'), { recursive: true, force: true });
  // A sandboxed preload can require only `electron` (and a few polyfilled modules): bundle the rest.
  await esbuild({ ...common, entryPoints: ['electron/preload.ts'], outfile: path.join(out, 'preload', 'preload.cjs') });
}

async function buildRenderer() {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ root: path.join(root, 'renderer'), configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}

async function copyIcons() {
  const icons = path.join(out, 'icons');
  await rm(icons, { recursive: true, force: true });
  await mkdir(icons, { recursive: true });
  await cp(path.join(root, 'build', 'icon.png'), path.join(icons, 'icon.png'));
  for (const file of await readdir(path.join(root, 'build', 'tray'))) {
    if (file.endsWith('.png')) await cp(path.join(root, 'build', 'tray', file), path.join(icons, file));
  }
}

const started = Date.now();
await Promise.all([buildMain(), buildPreload(), copyIcons()]);
if (withRenderer) await buildRenderer();
console.log(`built out/main, out/preload${withRenderer ? ', out/renderer' : ''} and out/icons in ${Date.now() - started} ms`);
