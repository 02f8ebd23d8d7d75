/**
 * A total-over-supply NAV read over a scripted ContractReader: the total is the registry's return
 * value of calculateTVLs() (the third), a malformed answer is a failed read, never a figure, and
 * the per-token rate is floor(total × 1e18 / supply), failed (and recorded) on a zero total or supply.
 */
import { describe, expect, it } from 'vitest';
import type { ContractReader } from '../../../node/tracker/contract-reader';
import { navRateFromTotal, readNavTotal } from '../../../node/tracker/read-nav-total';
import { tokens } from '../../../shared/registry/tokens';
import type { FailedRead, Read } from '../../../shared/snapshot';

const E18 = 10n ** 18n;
const ezEth = tokens.find((t) => t.id === 'ezETH@1');
const form = ezEth?.nav.totalOverSupply;
if (!ezEth || !form) throw new Error('registry: ezETH@1 has no nav.totalOverSupply');

function scripted(answer: Read<unknown>): { reader: ContractReader; failures: FailedRead[]; calls: string[] } {
  const failures: FailedRead[] = [];
  const calls: string[] = [];
  const reader: ContractReader = {
    read(c) {
      calls.push(`${c.address}:${c.functionName}`);
      if (!answer.ok) failures.push({ key: c.key, target: c.address, call: c.functionName, error: answer.error });
      return Promise.resolve(answer) as never;
    },
    block: () => Promise.resolve({ ok: true, value: { number: 1n, timestamp: 1n } }),
    fail(f) { failures.push(f); },
    failedReads: () => failures,
  };
  return { reader, failures, calls };
}

describe('readNavTotal (ezETH: RestakeManager.calculateTVLs())', () => {
  it('reads calculateTVLs() on the RestakeManager once and keeps its third value', async () => {
    const { reader, calls, failures } = scripted({ ok: true, value: [[[1n, 2n]], [3n], 1_234n] });
    expect(await readNavTotal(reader, ezEth, form)).toEqual({ ok: true, value: 1_234n });
    expect(calls).toEqual([`${form.total.call.address}:calculateTVLs`]);
    expect(failures).toEqual([]);
  });

  it('a malformed answer (no third value, or not a uint) is a failed read under token.navTotal', async () => {
    for (const value of [[[], []], [[], [], 'x'], 5n]) {
      const { reader, failures } = scripted({ ok: true, value });
      expect((await readNavTotal(reader, ezEth, form)).ok).toBe(false);
      expect(failures.map((f) => f.key)).toEqual(['token.navTotal:ezETH@1']);
    }
  });
});

describe('navRateFromTotal', () => {
  const supply = 1_100_000n * E18 + 987_654_321n;
  const total = 1_234_567n * E18 + 123_456_789n;

  it('is floor(total × 1e18 / supply), what getRate() returns', () => {
    const { reader } = scripted({ ok: true, value: 0n });
    expect(navRateFromTotal(reader, ezEth, { ok: true, value: total }, { ok: true, value: supply })).toEqual({ ok: true, value: 1_122_333_636_363_635_468n });
  });

  it('a zero total or supply is a failed rate, recorded under token.nav (getRate() reverts InvalidZeroInput)', () => {
    for (const [t, s] of [[0n, supply], [total, 0n]] as const) {
      const { reader, failures } = scripted({ ok: true, value: 0n });
      expect(navRateFromTotal(reader, ezEth, { ok: true, value: t }, { ok: true, value: s }).ok).toBe(false);
      expect(failures.map((f) => f.key)).toEqual(['token.nav:ezETH@1']);
    }
  });

  it('a failed total or supply passes its failure through without recording it twice', () => {
    const { reader, failures } = scripted({ ok: true, value: 0n });
    expect(navRateFromTotal(reader, ezEth, { ok: false, error: 'reverted' }, { ok: true, value: supply })).toEqual({ ok: false, error: 'reverted' });
    expect(navRateFromTotal(reader, ezEth, { ok: true, value: total }, { ok: false, error: 'gone' })).toEqual({ ok: false, error: 'gone' });
    expect(failures).toEqual([]);
  });
});
