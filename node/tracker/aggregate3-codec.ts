/**
 * Hand-rolled ABI codec for Multicall3.aggregate3((address,bool,bytes)[]) and its (bool,bytes)[]
 * result. viem's generic encoder/decoder spends most of a refresh's time on batches of thousands of
 * calls; this one does the same byte layout with string slicing. tests/integration/tracker-codec.test.ts
 * checks it against viem's encodeFunctionData / decodeFunctionResult on random batches.
 */
import type { Address, Hex } from 'viem';

/** keccak256("aggregate3((address,bool,bytes)[])")[0:4]. */
const AGGREGATE3_SELECTOR = '82ad56cb';

const word = (n: number): string => n.toString(16).padStart(64, '0');

export interface Aggregate3Call {
  readonly target: Address;
  readonly callData: Hex;
}

export interface Aggregate3Result {
  readonly success: boolean;
  readonly returnData: Hex;
}

/** Calldata of aggregate3(calls) with allowFailure = true for every call. */
export function encodeAggregate3(calls: readonly Aggregate3Call[]): Hex {
  const heads: string[] = [];
  const tails: string[] = [];
  let offset = calls.length * 32;
  for (const c of calls) {
    heads.push(word(offset));
    const data = c.callData.slice(2);
    const padded = data.padEnd(Math.ceil(data.length / 64) * 64, '0');
    const tail = `${c.target.slice(2).toLowerCase().padStart(64, '0')}${word(1)}${word(0x60)}${word(data.length / 2)}${padded}`;
    tails.push(tail);
    offset += tail.length / 2;
  }
  return `0x${AGGREGATE3_SELECTOR}${word(0x20)}${word(calls.length)}${heads.join('')}${tails.join('')}`;
}

/** Decodes aggregate3's return data; throws on malformed data. */
export function decodeAggregate3(data: Hex): Aggregate3Result[] {
  const hex = data.slice(2);
  const readWord = (byteOffset: number): number => {
    const s = hex.slice(byteOffset * 2, byteOffset * 2 + 64);
    if (s.length !== 64) throw new Error('aggregate3 result is truncated');
    const n = Number.parseInt(s, 16);
    if (!Number.isSafeInteger(n)) throw new Error('aggregate3 result has an out-of-range offset');
    return n;
  };
  const arrayStart = readWord(0);
  const length = readWord(arrayStart);
  const base = arrayStart + 32;
  const results: Aggregate3Result[] = [];
  for (let i = 0; i < length; i += 1) {
    const tuple = base + readWord(base + i * 32);
    const success = readWord(tuple) === 1;
    const bytesStart = tuple + readWord(tuple + 32);
    const len = readWord(bytesStart);
    const from = (bytesStart + 32) * 2;
    if (from + len * 2 > hex.length) throw new Error('aggregate3 result is truncated');
    results.push({ success, returnData: `0x${hex.slice(from, from + len * 2)}` });
  }
  return results;
}
