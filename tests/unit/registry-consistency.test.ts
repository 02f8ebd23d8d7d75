/**
 * Structural checks of the built-in registry (shared/registry): every address is a checksummed
 * address, every entry names a source, staker and AVS lists hold no duplicates, discoveries are
 * the forms the tracker supports (a no-argument `address[]` view, or a uint256 length and an item
 * view from uint256 to address), and the ids the rest of the app keys on are unique.
 */
import { describe, expect, it } from 'vitest';
import { getAddress, isAddress, parseAbiItem } from 'viem';
import { registry } from '../../shared/registry/registry';
import { eigenLayer } from '../../shared/registry/eigenlayer';
import { ADDR, tokens } from '../../shared/registry/tokens';
import type { Sourced } from '../../shared/registry/types';

const isChecksummed = (a: string): boolean => isAddress(a, { strict: false }) && getAddress(a) === a;

function sourcedEntries(): { where: string; entry: Sourced }[] {
  const out: { where: string; entry: Sourced }[] = [{ where: 'eigenLayer', entry: eigenLayer }];
  for (const s of eigenLayer.strategies) out.push({ where: `strategy ${s.label}`, entry: s });
  for (const a of eigenLayer.avss) out.push({ where: `avs ${a.name}`, entry: a });
  for (const t of tokens) {
    out.push({ where: t.id, entry: t }, { where: `${t.id}.nav`, entry: t.nav });
    if (t.market) out.push({ where: `${t.id}.market`, entry: t.market });
    if (t.redemption) out.push({ where: `${t.id}.redemption`, entry: t.redemption }, { where: `${t.id}.redemption.delay`, entry: t.redemption.delay });
    if (t.lookThrough) out.push({ where: `${t.id}.lookThrough`, entry: t.lookThrough });
  }
  return out;
}

describe('registry consistency', () => {
  it('every address in ADDR, the tokens, the staker lists and the AVS list is checksummed', () => {
    const addresses: [string, string][] = [
      ...Object.entries(ADDR),
      ...tokens.map((t): [string, string] => [t.id, t.address]),
      ...tokens.flatMap((t) => (t.lookThrough?.stakers ?? []).map((s, i): [string, string] => [`${t.id}.stakers[${i}]`, s])),
      ...eigenLayer.avss.map((a): [string, string] => [a.name, a.address]),
    ];
    expect(addresses.length).toBeGreaterThan(600);
    const bad = addresses.filter(([, a]) => !isChecksummed(a));
    expect(bad).toEqual([]);
  });

  it('every sourced entry names at least one non-empty source', () => {
    const missing = sourcedEntries().filter(({ entry }) => entry.sources.length === 0 || entry.sources.some((s) => s.trim() === ''));
    expect(missing.map((m) => m.where)).toEqual([]);
  });

  it('token ids are unique and of the form SYMBOL@chainId', () => {
    const ids = tokens.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of tokens) expect(t.id).toBe(`${t.symbol}@${t.chainId}`);
  });

  it('staker lists and the AVS list hold no duplicate addresses', () => {
    for (const t of tokens) {
      const stakers = (t.lookThrough?.stakers ?? []).map((s) => s.toLowerCase());
      expect(new Set(stakers).size, t.id).toBe(stakers.length);
    }
    const avss = eigenLayer.avss.map((a) => a.address.toLowerCase());
    expect(new Set(avss).size).toBe(avss.length);
  });

  it('every LRT on EigenLayer names a way to find its stakers (a static list or a discovery)', () => {
    for (const t of tokens.filter((x) => x.chainId === 1 && x.venue === 'EigenLayer')) {
      expect(t.lookThrough, t.id).not.toBeNull();
      const lt = t.lookThrough;
      if (!lt) continue;
      expect(lt.stakers.length > 0 || lt.discover !== null, t.id).toBe(true);
    }
  });

  /** The function a registry signature names, with its input and output types. */
  const fn = (signature: string) => {
    const item = parseAbiItem(signature);
    if (item.type !== 'function') throw new Error(`${signature} is not a function`);
    return { inputs: item.inputs.map((i) => i.type), outputs: item.outputs.map((o) => o.type), mutability: item.stateMutability };
  };

  it('list discovery views take no argument and return address[]', () => {
    const lists = tokens.flatMap((t) => (t.lookThrough?.discover?.kind === 'list' ? [[t.id, t.lookThrough.discover.call] as const] : []));
    expect(lists.length).toBeGreaterThan(0);
    for (const [id, call] of lists) {
      expect(call.args, id).toBe('none');
      expect(fn(call.signature), id).toEqual({ inputs: [], outputs: ['address[]'], mutability: 'view' });
    }
  });

  it('indexed discoveries: a no-argument uint256 length, an item view from uint256 to address, a first index and a positive cap', () => {
    const indexed = tokens.flatMap((t) => (t.lookThrough?.discover?.kind === 'indexed' ? [[t.id, t.lookThrough.discover] as const] : []));
    expect(indexed.map(([id]) => id)).toEqual(['ezETH@1', 'rswETH@1']);
    for (const [id, d] of indexed) {
      expect(isChecksummed(d.length.address), id).toBe(true);
      expect(d.length.args, id).toBe('none');
      expect(fn(d.length.signature), id).toEqual({ inputs: [], outputs: ['uint256'], mutability: 'view' });
      expect(fn(d.item), id).toEqual({ inputs: ['uint256'], outputs: ['address'], mutability: 'view' });
      expect([0, 1], id).toContain(d.first);
      expect(Number.isSafeInteger(d.max) && d.max > 0, id).toBe(true);
    }
  });

  it('paused views are the plain paused() form and sit on the token contract itself', () => {
    for (const t of tokens) {
      if (!t.paused) continue;
      expect(t.paused.signature, t.id).toBe('function paused() view returns (bool)');
      expect(t.paused.address, t.id).toBe(t.address);
    }
  });

  it('requests are tracked only where the redemption names a queue contract', () => {
    for (const t of tokens) {
      if (t.redemption?.requestsTracked) expect(t.redemption.contract, t.id).not.toBeNull();
    }
  });

  it('the registry object exposes the same tokens and EigenLayer book', () => {
    expect(registry.tokens).toBe(tokens);
    expect(registry.eigenLayer).toBe(eigenLayer);
  });
});
