import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBigint, decodeBigints, encodeBigint, encodeBigints, isEncodedBigint } from '../../../shared/ipc/codec';

/** JSON-like values with bigints and strings that look like encoded bigints mixed in. */
const tagLikeString = fc.tuple(fc.bigInt(), fc.integer({ min: 0, max: 4 })).map(([n, extra]) => `${n}${'n'.repeat(extra)}`);
const leaf = fc.oneof(
  fc.bigInt(),
  fc.bigInt({ min: -(2n ** 300n), max: 2n ** 300n }),
  fc.string(),
  tagLikeString,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Object.is(d, -0)),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.letrec((tie) => ({
  any: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('any'), { maxLength: 5 }),
  object: fc.dictionary(fc.string().filter((k) => k !== '__proto__'), tie('any'), { maxKeys: 5 }),
})).any;

describe('bigint codec', () => {
  it('round-trips any JSON-like value with bigints, through JSON text', () => {
    fc.assert(
      fc.property(value, (input) => {
        const wire = JSON.parse(JSON.stringify(encodeBigints(input)));
        expect(decodeBigints(wire)).toEqual(input);
      }),
      { numRuns: 500 },
    );
  });

  it('produces plain JSON: no bigint survives encoding', () => {
    fc.assert(
      fc.property(value, (input) => {
        expect(() => JSON.stringify(encodeBigints(input))).not.toThrow();
      }),
    );
  });

  it('encodes bigints as decimal digits followed by one n', () => {
    expect(encodeBigints({ a: 0n, b: -42n, c: [10n ** 30n] })).toEqual({ a: '0n', b: '-42n', c: ['1000000000000000000000000000000n'] });
  });

  it('keeps ordinary strings and numbers as they are', () => {
    expect(encodeBigints({ s: 'weETH', n: 1.5, d: '123', e: 'n', f: '12a' })).toEqual({ s: 'weETH', n: 1.5, d: '123', e: 'n', f: '12a' });
  });

  it('escapes strings that look like an encoded bigint so they stay strings', () => {
    expect(encodeBigints({ s: '5n', t: '5nn' })).toEqual({ s: '5nn', t: '5nnn' });
    expect(decodeBigints<{ s: string; t: string }>({ s: '5nn', t: '5nnn' })).toEqual({ s: '5n', t: '5nn' });
    expect(decodeBigints<{ v: bigint }>({ v: '5n' })).toEqual({ v: 5n });
  });

  it('drops undefined properties as JSON would, and never modifies its input', () => {
    const input = { a: 1n, b: undefined, c: { d: 2n } };
    const copy = structuredClone(input);
    expect(encodeBigints(input)).toEqual({ a: '1n', c: { d: '2n' } });
    expect(input).toEqual(copy);
  });

  it('encodes and decodes single bigints, refusing anything that is not one', () => {
    expect(encodeBigint(-7n)).toBe('-7n');
    expect(decodeBigint('-7n')).toBe(-7n);
    expect(isEncodedBigint('12n')).toBe(true);
    for (const bad of ['12', '12nn', 'n', '-n', '1.5n', ' 1n', '0x10n']) {
      expect(isEncodedBigint(bad)).toBe(false);
      expect(() => decodeBigint(bad)).toThrow(TypeError);
    }
  });
});
