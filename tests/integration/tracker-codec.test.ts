/**
 * The tracker's hand-rolled Multicall3 aggregate3 codec (used for speed) must produce and read
 * exactly the bytes viem's generic ABI codec does, for any batch.
 */
import fc from 'fast-check';
import { encodeFunctionData, encodeFunctionResult, getAddress, type Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { multicall3Abi } from '../../shared/abi/multicall3-abi';
import { decodeAggregate3, encodeAggregate3 } from '../../node/tracker/aggregate3-codec';

const hex = (bytes: Uint8Array): Hex => `0x${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
const address = fc.uint8Array({ minLength: 20, maxLength: 20 }).map((b) => getAddress(hex(b)));
const bytes = fc.uint8Array({ minLength: 0, maxLength: 200 }).map(hex);

describe('aggregate3 codec', () => {
  it('encodes calls exactly as viem does (allowFailure true)', () => {
    fc.assert(fc.property(fc.array(fc.record({ target: address, callData: bytes }), { maxLength: 30 }), (calls) => {
      const viem = encodeFunctionData({ abi: multicall3Abi, functionName: 'aggregate3', args: [calls.map((c) => ({ ...c, allowFailure: true }))] });
      expect(encodeAggregate3(calls)).toBe(viem);
    }));
  });

  it('decodes results exactly as viem encodes them', () => {
    fc.assert(fc.property(fc.array(fc.record({ success: fc.boolean(), returnData: bytes }), { maxLength: 30 }), (results) => {
      const data = encodeFunctionResult({ abi: multicall3Abi, functionName: 'aggregate3', result: results });
      expect(decodeAggregate3(data)).toEqual(results);
    }));
  });

  it('rejects truncated data instead of inventing results', () => {
    const data = encodeFunctionResult({ abi: multicall3Abi, functionName: 'aggregate3', result: [{ success: true, returnData: '0x1234' }] });
    expect(() => decodeAggregate3(`0x${data.slice(2, -64)}`)).toThrow(/truncated/);
  });
});
