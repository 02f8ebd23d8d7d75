/**
 * The engine benchmark (issue 4), run by scripts/bench.ts in child processes so that each
 * measurement has the V8 heap settings of the face it stands for:
 *   node --import tsx scripts/bench-engine.ts SNAPSHOT.json            (V8 defaults: the Electron main process)
 *   node --max-semi-space-size=64 --import tsx scripts/bench-engine.ts SNAPSHOT.json   (the CLI, watch and web host)
 * SNAPSHOT.json is the tracker benchmark's 1000-wallet snapshot (bigints encoded as by shared/ipc/codec.ts).
 * Prints the figures as one JSON object on stdout; progress on stderr. Medians of 21 runs after warm-up.
 */
import { readFileSync } from 'node:fs';
import { computeReport } from '../shared/engine/compute-report';
import { decodeBigints, type Encoded } from '../shared/ipc/codec';
import { registry } from '../shared/registry/registry';
import { defaultThresholds } from '../shared/settings/thresholds';
import type { ChainSnapshot } from '../shared/snapshot';
import { distinctBalances } from '../tests/unit/engine/distinct-balances';
import { realisticSnapshots, realisticWallets } from '../tests/unit/engine/realistic-portfolio';
import { median } from './median';

export interface EngineRow { wallets: number; positions: number; medianMs: number }
export interface EngineFigures { readonly tracker: EngineRow[]; readonly heavy: EngineRow[]; readonly heavyDistinct: EngineRow[] }

type Input = Parameters<typeof computeReport>[0];


function measure(label: string, wallets: number, input: Input, warmUp: number): EngineRow {
  for (let i = 0; i < warmUp; i++) computeReport(input);
  const times: number[] = [];
  let positions = 0;
  for (let i = 0; i < 21; i++) {
    const t0 = process.hrtime.bigint();
    positions = computeReport(input).positions.length;
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  process.stderr.write(`engine (${label}) ${wallets} wallets (${positions} positions): ${median(times).toFixed(2)} ms\n`);
  return { wallets, positions, medianMs: median(times) };
}

/** The tracker-derived portfolio: the first n wallets of the tracker benchmark's snapshot. */
function benchTrackerSnapshot(snapshot: ChainSnapshot): EngineRow[] {
  return [10, 100, 1000].map((n) => {
    const wallets = snapshot.wallets.slice(0, n);
    return measure('tracker', n, {
      snapshots: [{ ...snapshot, wallets }], registry, thresholds: defaultThresholds, now: (snapshot.blockTimestamp ?? 0n) + 12n, previous: null,
      wallets: wallets.map((w) => ({ address: w.wallet, label: null, ens: null })),
    }, 5);
  });
}

/**
 * The engine's own heavy fixture: 7 positions per wallet, 3 of them LRTs reaching ~24 operator sets each
 * (with `distinct`, every balance a different amount, as real wallets hold).
 */
function benchHeavy(sizes: readonly number[], distinct: boolean): EngineRow[] {
  return sizes.map((n) => measure(distinct ? 'heavy, distinct balances' : 'heavy', n, {
    snapshots: distinct ? distinctBalances(realisticSnapshots(n)) : realisticSnapshots(n), registry, thresholds: defaultThresholds, now: 1_800_000_000n, previous: null,
    wallets: realisticWallets(n).map((address) => ({ address, label: null, ens: null })),
  }, 3));
}

const file = process.argv[2];
if (file === undefined) throw new Error('usage: bench-engine.ts SNAPSHOT.json');
const snapshot = decodeBigints<ChainSnapshot>(JSON.parse(readFileSync(file, 'utf8')) as Encoded<ChainSnapshot>);
const figures: EngineFigures = { tracker: benchTrackerSnapshot(snapshot), heavy: benchHeavy([10, 100, 1000], false), heavyDistinct: benchHeavy([1000], true) };
process.stdout.write(`${JSON.stringify(figures)}\n`);
