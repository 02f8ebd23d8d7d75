import path from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it, vi } from 'vitest';

const root = path.join(import.meta.dirname, '..', '..', '..');

describe('the preload bundle', () => {
  it('runs where a sandboxed preload runs: `electron` is the only module it may require', async () => {
    // Same bundling as scripts/build.mjs.
    const result = await build({
      entryPoints: [path.join(root, 'electron', 'preload.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node22',
      external: ['electron'],
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.text ?? '';
    const exposed: Record<string, unknown> = {};
    const electron = {
      contextBridge: { exposeInMainWorld: (name: string, api: unknown) => (exposed[name] = api) },
      ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
    };
    const required: string[] = [];
    const sandboxRequire = (id: string) => {
      required.push(id);
      if (id === 'electron') return electron;
      throw new Error(`module not found: ${id}`);
    };
    const module = { exports: {} };
    vm.runInNewContext(code, { require: sandboxRequire, module, exports: module.exports });
    expect(required).toEqual(['electron']);
    expect(Object.keys(exposed)).toEqual(['matryoshka']);
    // Small: the channel names and a few closures, no schema library.
    expect(code.length).toBeLessThan(10_000);
  });
});
