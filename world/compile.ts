/**
 * Compiles the Solidity fixtures in world/contracts with solc-js (offline), caching the artifacts
 * by a hash of the sources and compiler version, so reruns are fast. The artifacts of the current
 * sources are committed (world/compiled/<hash>.json): a fresh clone starts the demo world in
 * seconds instead of compiling for minutes; any change to a fixture changes the hash and
 * recompiles (and the stale file is pruned).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync, unlinkSync, renameSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { Abi, Hex } from 'viem';

export interface Artifact {
  readonly abi: Abi;
  /** Runtime bytecode, placed with anvil_setCode. */
  readonly deployedBytecode: Hex;
}

export type Artifacts = Readonly<Record<string, Artifact>>;

const here = dirname(fileURLToPath(import.meta.url));
export const contractsDir = join(here, 'contracts');
export const compiledDir = join(here, 'compiled');

function listSources(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listSources(join(dir, e.name), `${prefix}${e.name}/`) : e.name.endsWith('.sol') ? [`${prefix}${e.name}`] : []);
}

interface SolcOutput {
  errors?: { severity: string; formattedMessage: string }[];
  contracts: Record<string, Record<string, { abi: Abi; evm: { deployedBytecode: { object: string } } }>>;
}

/** The cache key of the current sources and compiler. */
export function worldSourceHash(): string {
  return sourceInput().key;
}

function sourceInput(): { key: string; sources: Record<string, { content: string }> } {
  const require = createRequire(import.meta.url);
  const solc = require('solc') as { version(): string; compile(input: string): string };
  const files = listSources(contractsDir).sort();
  const sources: Record<string, { content: string }> = {};
  const hash = createHash('sha256').update(solc.version());
  for (const f of files) {
    const content = readFileSync(join(contractsDir, f), 'utf8');
    sources[f] = { content };
    hash.update(f).update('\0').update(content).update('\0');
  }
  return { key: hash.digest('hex').slice(0, 24), sources };
}

/** Compiles (or loads from cache) every contract under world/contracts. Contract names must be unique. */
export function compileWorld(): Artifacts {
  const require = createRequire(import.meta.url);
  const solc = require('solc') as { version(): string; compile(input: string): string };
  const { key, sources } = sourceInput();
  const cacheFile = join(compiledDir, `${key}.json`);
  if (existsSync(cacheFile)) return JSON.parse(readFileSync(cacheFile, 'utf8')) as Artifacts;

  const input = {
    language: 'Solidity',
    sources,
    settings: {
      optimizer: { enabled: true, runs: 200 },
      viaIR: false,
      evmVersion: 'cancun',
      outputSelection: { '*': { '*': ['abi', 'evm.deployedBytecode.object'] } },
    },
  };
  const out = JSON.parse(solc.compile(JSON.stringify(input))) as SolcOutput;
  const errors = (out.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length) throw new Error(`Solidity compilation failed:\n${errors.map((e) => e.formattedMessage).join('\n')}`);
  const artifacts: Record<string, Artifact> = {};
  for (const [file, contracts] of Object.entries(out.contracts ?? {})) {
    for (const [name, c] of Object.entries(contracts)) {
      if (artifacts[name]) throw new Error(`duplicate contract name ${name} (${file})`);
      if (!c.evm.deployedBytecode.object) continue; // interfaces and abstract contracts
      artifacts[name] = { abi: c.abi, deployedBytecode: `0x${c.evm.deployedBytecode.object}` };
    }
  }
  mkdirSync(compiledDir, { recursive: true });
  for (const f of readdirSync(compiledDir)) if (f.endsWith('.json')) unlinkSync(join(compiledDir, f));
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(artifacts));
  renameSync(tmp, cacheFile);
  return artifacts;
}
