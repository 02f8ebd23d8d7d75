/**
 * Wallet input under fuzzing: wrong EIP-55 checksums, short and long hex, arbitrary and hostile
 * text, and thousands of wallets with duplicates through resolveWallets (no network: addresses
 * only, or ENS names without a mainnet endpoint).
 */
import fc from 'fast-check';
import { getAddress, type Address } from 'viem';
import { describe, expect, it } from 'vitest';
import { resolveWallets } from '../../../node/core/resolve-wallets';
import { parseWalletInput } from '../../../shared/wallet-input';

const address = fc.uint8Array({ minLength: 20, maxLength: 20 }).map((bytes): Address => getAddress(`0x${Buffer.from(bytes).toString('hex')}`));

/** The checksummed address with the case of one letter flipped: a typo'd checksum. */
const wrongChecksum = fc.tuple(address, fc.nat()).map(([a, n]) => {
  const letters = [...a.slice(2)].map((c, i) => (/[a-fA-F]/.test(c) ? i : -1)).filter((i) => i >= 0);
  const at = letters[n % Math.max(1, letters.length)];
  if (at === undefined) return null;
  const body = [...a.slice(2)];
  const c = body[at] ?? '';
  body[at] = c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase();
  const text = `0x${body.join('')}`;
  const digits = text.slice(2);
  // Flipping the only letter may leave the digits all one case, which carries no checksum.
  return digits === digits.toLowerCase() || digits === digits.toUpperCase() ? null : text;
}).filter((t): t is string => t !== null);

describe('parseWalletInput under fuzzing', () => {
  it('accepts an address in checksummed, lower and upper case, always returning the checksummed form', () => {
    fc.assert(fc.property(address, fc.constantFrom('', ' ', '\t', '\n'), (a, pad) => {
      for (const text of [a, a.toLowerCase(), `0x${a.slice(2).toUpperCase()}`, `0X${a.slice(2).toLowerCase()}`]) {
        expect(parseWalletInput(`${pad}${text}${pad}`)).toEqual({ kind: 'address', address: a });
      }
    }), { numRuns: 500 });
  });

  it('rejects a wrong checksum, naming the input and the right form', () => {
    fc.assert(fc.property(wrongChecksum, (text) => {
      const parsed = parseWalletInput(text);
      expect(parsed.kind).toBe('error');
      if (parsed.kind === 'error') {
        expect(parsed.message).toContain('checksum');
        expect(parsed.message).toContain(getAddress(text.toLowerCase()));
      }
    }), { numRuns: 500 });
  });

  it('rejects hex of any length but 40 digits, saying how many it got', () => {
    const hex = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), maxLength: 120 }).filter((s) => s.length !== 40);
    fc.assert(fc.property(hex, (body) => {
      const parsed = parseWalletInput(`0x${body}`);
      expect(parsed.kind).toBe('error');
      if (parsed.kind === 'error') expect(parsed.message).toContain(`got ${body.length}`);
    }), { numRuns: 500 });
  });

  it('never throws on arbitrary text, and keeps error messages short even for huge input', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.constantFrom('<script>alert(1)</script>.eth', '\u202Eevil.eth', 'vitalik..eth', '.eth', 'a.b.c.', '0x.eth', `${'a'.repeat(100_000)}.eth`, '0x'.padEnd(100_000, 'f')),
    );
    fc.assert(fc.property(text, (t) => {
      const parsed = parseWalletInput(t);
      expect(['address', 'ens', 'error']).toContain(parsed.kind);
      if (parsed.kind === 'error') expect(parsed.message.length).toBeLessThan(1_000);
      if (parsed.kind === 'ens') expect(parsed.name.split('.').every((label) => label.length > 0)).toBe(true);
    }), { numRuns: 400 });
  }, 30_000);
});

describe('resolveWallets with thousands of wallets and duplicates', () => {
  it('merges duplicates written in any case, keeps first-seen order, loses none', async () => {
    const unique = fc.sample(address, { numRuns: 3_000, seed: 8_2030 });
    const distinct = [...new Map(unique.map((a) => [a.toLowerCase(), a])).values()];
    // Every address three times: checksummed, lower case with spaces, upper case.
    const inputs = distinct.flatMap((a) => [a, `  ${a.toLowerCase()} `, `0x${a.slice(2).toUpperCase()}`]);
    const result = await resolveWallets(null, inputs);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.wallets.map((w) => w.address)).toEqual(distinct);
      expect(result.wallets.every((w) => w.ens === null)).toBe(true);
    }
  });

  it('one bad input among thousands: every error is reported and nothing is half-resolved', async () => {
    const good = fc.sample(address, { numRuns: 2_000, seed: 8_2031 });
    const bad = ['0x1234', 'not a wallet', `0x${'g'.repeat(40)}`, 'nobody.eth'];
    const result = await resolveWallets(null, [...good.slice(0, 1_000), ...bad, ...good.slice(1_000)]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toHaveLength(bad.length);
      expect(result.errors[0]).toContain('0x1234');
      expect(result.errors[3]).toContain('nobody.eth');
      expect(result.errors[3]).toContain('no mainnet endpoint');
    }
  });
});
