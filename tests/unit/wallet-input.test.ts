import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseWalletInput } from '../../shared/wallet-input';

// A well-known checksummed address (EIP-55 test vector from the EIP itself).
const CHECKSUMMED = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';

/** Flips the case of the first letter in the address body, which breaks its checksum. */
function breakChecksum(address: string): string {
  const body = address.slice(2);
  const i = body.search(/[a-fA-F]/);
  const c = body.charAt(i);
  const flipped = c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase();
  return `0x${body.slice(0, i)}${flipped}${body.slice(i + 1)}`;
}

describe('parseWalletInput: addresses', () => {
  it('accepts a correctly checksummed address as is', () => {
    expect(parseWalletInput(CHECKSUMMED)).toEqual({ kind: 'address', address: CHECKSUMMED });
  });

  it('accepts all-lowercase and all-uppercase digits and returns the checksummed form', () => {
    expect(parseWalletInput(CHECKSUMMED.toLowerCase())).toEqual({ kind: 'address', address: CHECKSUMMED });
    expect(parseWalletInput(`0x${CHECKSUMMED.slice(2).toUpperCase()}`)).toEqual({ kind: 'address', address: CHECKSUMMED });
    expect(parseWalletInput(`0X${CHECKSUMMED.slice(2).toUpperCase()}`)).toEqual({ kind: 'address', address: CHECKSUMMED });
  });

  it('trims surrounding whitespace', () => {
    expect(parseWalletInput(`  ${CHECKSUMMED}\n`)).toEqual({ kind: 'address', address: CHECKSUMMED });
  });

  it('rejects mixed case with a wrong checksum, naming the input and the correct form', () => {
    const typo = breakChecksum(CHECKSUMMED);
    const result = parseWalletInput(typo);
    expect(result.kind).toBe('error');
    if (result.kind !== 'error') return;
    expect(result.message).toContain(typo);
    expect(result.message).toContain('checksum');
    expect(result.message).toContain(CHECKSUMMED);
  });

  it('rejects short, long and non-hex input with the reason', () => {
    const short = parseWalletInput(CHECKSUMMED.slice(0, -1));
    const long = parseWalletInput(`${CHECKSUMMED}a`);
    const nonHex = parseWalletInput(`0x${'g'.repeat(40)}`);
    expect(short).toMatchObject({ kind: 'error', message: expect.stringContaining('got 39') });
    expect(long).toMatchObject({ kind: 'error', message: expect.stringContaining('got 41') });
    expect(nonHex).toMatchObject({ kind: 'error', message: expect.stringContaining('not hexadecimal') });
    expect(parseWalletInput('0x')).toMatchObject({ kind: 'error', message: expect.stringContaining('got 0') });
  });

  it('every 20-byte value parses identically in lowercase, uppercase and checksummed form', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), (bytes) => {
      const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
      const lower = parseWalletInput(`0x${hex}`);
      expect(lower.kind).toBe('address');
      if (lower.kind !== 'address') return;
      expect(parseWalletInput(`0x${hex.toUpperCase()}`)).toEqual(lower);
      expect(parseWalletInput(lower.address)).toEqual(lower);
      expect(lower.address.toLowerCase()).toBe(`0x${hex}`);
    }));
  });

  it('every single-letter case flip of a checksummed address is rejected, unless it leaves one case throughout', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), (bytes) => {
      const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
      const ok = parseWalletInput(`0x${hex}`);
      if (ok.kind !== 'address' || !/[a-fA-F]/.test(ok.address.slice(2))) return;
      const broken = breakChecksum(ok.address);
      const letters = broken.slice(2).replace(/[0-9]/g, '');
      // A flip that leaves every letter in one case is the un-checksummed form, which is accepted by convention.
      if (letters === letters.toLowerCase() || letters === letters.toUpperCase()) {
        expect(parseWalletInput(broken)).toEqual(ok);
        return;
      }
      expect(parseWalletInput(broken).kind).toBe('error');
    }), { examples: [[Uint8Array.from([39, 3, 225, 5, 176, 141, 9, 5, 14, 148, 1, 2, 13, 0, 2, 224, 5, 67, 223, 81])]] });
  });
});

describe('parseWalletInput: ENS names', () => {
  it('returns names normalised (ENSIP-15)', () => {
    expect(parseWalletInput('Vitalik.ETH')).toEqual({ kind: 'ens', name: 'vitalik.eth' });
    expect(parseWalletInput('  alice.restaker.eth ')).toEqual({ kind: 'ens', name: 'alice.restaker.eth' });
  });

  it('rejects names that cannot be normalised, and empty labels', () => {
    expect(parseWalletInput('foo..eth')).toMatchObject({ kind: 'error', message: expect.stringContaining('"foo..eth" is not a valid ENS name') });
    expect(parseWalletInput('bad name.eth')).toMatchObject({ kind: 'error', message: expect.stringContaining('not a valid ENS name') });
  });

  it('rejects input that is neither an address nor a name', () => {
    expect(parseWalletInput('')).toMatchObject({ kind: 'error' });
    expect(parseWalletInput('vitalik')).toMatchObject({ kind: 'error', message: expect.stringContaining('neither an address') });
    expect(parseWalletInput('1234')).toMatchObject({ kind: 'error', message: expect.stringContaining('neither an address') });
  });
});
