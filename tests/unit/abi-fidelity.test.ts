/**
 * Every ABI fragment the app calls must exist, with the same selector and the same input and output
 * types (tuple components included), in the contracts it is sent to:
 * - EigenLayer fragments against the compiled ABIs of the pinned eigenlayer-contracts commit;
 * - every fragment must also be a line of the verified reference lists (eigenlayer_abi.txt, lrt_abi.txt);
 * - the registry's NAV / rate / delay signatures against lrt_abi.txt;
 * - Multicall3 against viem's copy of the deployed Multicall3 ABI.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { multicall3Abi as viemMulticall3Abi, parseAbi, parseAbiItem, toFunctionSelector, type Abi, type AbiFunction, type AbiParameter } from 'viem';
import { eigenLayerAbi } from '../../shared/abi/eigenlayer-abi';
import { chainlinkAbi } from '../../shared/abi/chainlink-abi';
import { curveAbi } from '../../shared/abi/curve-abi';
import { multicall3Abi } from '../../shared/abi/multicall3-abi';
import { registry } from '../../shared/registry/registry';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The verified reference material lives beside the repository (../shared/reference); a vendored copy in the repo wins. */
const referenceDir = [join(repoRoot, 'reference'), join(repoRoot, '..', 'shared', 'reference')].find((d) => existsSync(join(d, 'eigenlayer_abi.txt')));

function reference(): string {
  if (!referenceDir) throw new Error(`reference ABIs not found beside ${repoRoot} (expected reference/ or ../shared/reference/)`);
  return referenceDir;
}

/** Canonical type of a parameter, tuples expanded: `(address,uint32)[]`. */
function canonicalType(p: AbiParameter): string {
  if (p.type.startsWith('tuple')) {
    const components = 'components' in p ? p.components : [];
    return `(${components.map(canonicalType).join(',')})${p.type.slice('tuple'.length)}`;
  }
  return p.type;
}

function shape(f: AbiFunction): string {
  return `${f.name}(${f.inputs.map(canonicalType).join(',')}) ${f.stateMutability} returns (${f.outputs.map(canonicalType).join(',')})`;
}

const functionsOf = (abi: Abi): AbiFunction[] => abi.filter((i): i is AbiFunction => i.type === 'function');

function loadCompiled(file: string): AbiFunction[] {
  const path = join(reference(), 'eigenlayer-compiled-abis', `${file}.json`);
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${path} is not an ABI array`);
  // The compiled JSON is solc's ABI output, which is viem's Abi shape.
  return functionsOf(parsed as Abi);
}

/** Sections of a reference list: `## Name` headers, `#` comments and blank lines dropped, each parsed with parseAbi. */
function loadReferenceSections(file: string): Map<string, AbiFunction[]> {
  const text = readFileSync(join(reference(), file), 'utf8');
  const sections = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('## ')) {
      current = [];
      sections.set(line.slice(3).trim(), current);
    } else if (line && !line.startsWith('#') && current) {
      current.push(line);
    }
  }
  return new Map([...sections].map(([name, lines]) => [name, functionsOf(parseAbi(lines))]));
}

/** Which compiled contract each section of eigenLayerAbi is called on. */
const compiledFor = {
  strategyManager: { section: 'StrategyManager', compiled: ['StrategyManager'] },
  delegationManager: { section: 'DelegationManager', compiled: ['DelegationManager'] },
  // The proxy forwards views to AllocationManagerView; the interface is what integrators bind to.
  allocationManager: { section: 'AllocationManager', compiled: ['AllocationManagerView', 'IAllocationManager'] },
  eigenPodManager: { section: 'EigenPodManager', compiled: ['EigenPodManager'] },
  eigenPod: { section: 'EigenPod', compiled: ['EigenPod'] },
  strategy: { section: 'Strategy', compiled: ['StrategyBase'] },
} as const satisfies Record<keyof typeof eigenLayerAbi, { section: string; compiled: readonly string[] }>;

const sectionNames = Object.keys(compiledFor) as (keyof typeof compiledFor)[];

describe('EigenLayer ABI fragments the app calls', () => {
  it('covers every contract section the tracker uses', () => {
    expect(Object.keys(eigenLayerAbi).sort()).toEqual([...sectionNames].sort());
  });

  for (const key of sectionNames) {
    const { section, compiled } = compiledFor[key];
    for (const fn of functionsOf(eigenLayerAbi[key])) {
      for (const contract of compiled) {
        it(`${section}.${fn.name} matches the compiled ${contract} ABI (selector, inputs, outputs)`, () => {
          const candidates = loadCompiled(contract).filter((c) => c.name === fn.name);
          const match = candidates.find((c) => toFunctionSelector(c) === toFunctionSelector(fn));
          expect(match, `${shape(fn)} not found in ${contract}.json (candidates: ${candidates.map(shape).join('; ') || 'none'})`).toBeDefined();
          if (!match) return;
          expect(shape(fn)).toBe(shape(match));
        });
      }

      it(`${section}.${fn.name} is a line of eigenlayer_abi.txt`, () => {
        const refs = loadReferenceSections('eigenlayer_abi.txt').get(section) ?? [];
        expect(refs.map(shape), `${section} section of eigenlayer_abi.txt`).toContain(shape(fn));
      });
    }
  }
});

describe('LRT, oracle and pool fragments', () => {
  const lrtFunctions = () => [...loadReferenceSections('lrt_abi.txt').values()].flat().map(shape);

  it('Chainlink and Curve fragments are lines of lrt_abi.txt', () => {
    const known = lrtFunctions();
    for (const fn of [...functionsOf(chainlinkAbi), ...functionsOf(curveAbi)]) expect(known, fn.name).toContain(shape(fn));
  });

  it('every registry NAV, rate and delay signature is a line of lrt_abi.txt', () => {
    const known = lrtFunctions();
    const signatures = registry.tokens.flatMap((t) => [
      t.nav.rate?.signature, t.nav.amount?.signature, t.nav.totalOverSupply?.total.call.signature, t.paused?.signature,
      ...(t.lookThrough?.discover?.kind === 'list' ? [t.lookThrough.discover.call.signature] : []),
      ...(t.lookThrough?.discover?.kind === 'indexed' ? [t.lookThrough.discover.length.signature, t.lookThrough.discover.item] : []),
      t.redemption && t.redemption.delay.kind !== 'default' ? t.redemption.delay.call.signature : undefined,
    ]).filter((s): s is string => s !== undefined);
    expect(signatures.length).toBeGreaterThan(10);
    // Not in lrt_abi.txt (it covers the LRTs and their oracles): pausable flags, the protocols' staker
    // lists (Kelp's, Renzo's and Swell's, docs/registry-sources.md section 2) and the plain LSTs' rate
    // views. Every other signature must be listed there.
    const unlisted = new Set([
      'paused() view returns (bool)', 'getNodeDelegatorQueue() view returns (address[])',
      'getOperatorDelegatorsLength() view returns (uint256)', 'operatorDelegators(uint256) view returns (address)',
      'stakeId() view returns (uint256)', 'stakerProxyAddresses(uint256) view returns (address)',
      'getExchangeRate() view returns (uint256)', 'getEthValue(uint256) view returns (uint256)', 'exchangeRate() view returns (uint256)',
    ]);
    for (const sig of new Set(signatures)) {
      const item = parseAbiItem(sig);
      if (item.type !== 'function') throw new Error(`${sig} is not a function`);
      if (unlisted.has(shape(item))) continue;
      expect(known, sig).toContain(shape(item));
    }
  });

  it('Multicall3 fragments match viem\'s copy of the deployed Multicall3 ABI', () => {
    // viem declares aggregate3 `view` so it can be eth_call'ed; the deployed function is payable.
    const withoutMutability = (f: AbiFunction) => shape(f).replace(/ (view|payable|nonpayable|pure) /, ' ');
    const deployed = new Map(functionsOf(viemMulticall3Abi).map((f) => [f.name, f]));
    const ours = functionsOf(multicall3Abi).filter((f) => deployed.has(f.name));
    expect(ours.map((f) => f.name).sort()).toEqual(['aggregate3', 'getCurrentBlockTimestamp']);
    for (const fn of ours) {
      const theirs = deployed.get(fn.name);
      expect(theirs && toFunctionSelector(theirs)).toBe(toFunctionSelector(fn));
      expect(theirs && withoutMutability(theirs)).toBe(withoutMutability(fn));
    }
  });
});
