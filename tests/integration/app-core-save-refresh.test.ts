/**
 * The app core over the demo world: each refresh of the real tracker and engine lands on disk in
 * one store write, the redemption scan cursors included (they used to be a write of their own).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startAppCore, type AppCore } from '../../node/core/start-app-core';
import type { MonitorUpdate } from '../../node/monitor/create-monitor';
import { openStore } from '../../node/store/open-store';
import { startDemoWorld, type DemoWorld } from '../../world/demo-world';

let demo: DemoWorld;
let core: AppCore;
let dir: string;
const logs: string[] = [];

function nextUpdate(): Promise<MonitorUpdate> {
  return new Promise((resolve) => {
    const stop = core.monitor.onUpdate((update) => {
      stop();
      resolve(update);
    });
  });
}

beforeAll(async () => {
  demo = await startDemoWorld();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'matryoshka-core-save-'));
  const log = { info: () => {}, warn: (m: string) => void logs.push(m), error: (m: string) => void logs.push(m) };
  core = startAppCore({ store: { dir }, demo, sinks: [], log });
}, 120_000);

afterAll(async () => {
  vi.restoreAllMocks();
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('startAppCore: one store write per refresh', () => {
  it('saves report, history, notification state and redemption cursors of a refresh in one write', async () => {
    const writes = vi.spyOn(Conf.prototype, 'store', 'set');
    const first = nextUpdate();
    core.monitor.start();
    const update = await first;
    await core.monitor.idle();
    expect(update.report.positions.length).toBeGreaterThan(0);
    expect(writes).toHaveBeenCalledTimes(1);

    const onDisk = openStore({ dir });
    try {
      expect(onDisk.getLastReport()).not.toBeNull();
      expect(onDisk.getHistory()).toHaveLength(1);
      expect(onDisk.get().scanCursors.length).toBeGreaterThan(0);
      expect(onDisk.get().scanCursors.every((c) => c.chainId === 1 && BigInt(c.scannedTo) >= BigInt(c.fromBlock))).toBe(true);
    } finally {
      onDisk.close();
    }

    const cursorsBefore = core.store.get().scanCursors;
    await demo.world.ctx.mine(3);
    const second = nextUpdate();
    core.monitor.refreshNow();
    await second;
    await core.monitor.idle();
    expect(writes).toHaveBeenCalledTimes(2);
    const after = core.store.get().scanCursors;
    expect(after.map((c) => c.contract)).toEqual(cursorsBefore.map((c) => c.contract));
    expect(after.some((c, i) => BigInt(c.scannedTo) > BigInt(cursorsBefore[i]?.scannedTo ?? '0'))).toBe(true);
    expect(logs.filter((m) => m.includes('could not save'))).toEqual([]);
  }, 120_000);
});
