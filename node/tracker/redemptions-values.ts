/**
 * Narrowing of decoded view results (the batch returns `unknown`): each helper returns null when the
 * value is not of the expected shape, which the redemption readers treat as a failed read.
 */
import { isAddress, type Address } from 'viem';
import type { Read } from '../../shared/snapshot';

export function bigintOf(r: Read<unknown>): bigint | null {
  if (!r.ok) return null;
  return typeof r.value === 'bigint' ? r.value : typeof r.value === 'number' ? BigInt(r.value) : null;
}

export function boolOf(r: Read<unknown>): boolean | null {
  return r.ok && typeof r.value === 'boolean' ? r.value : null;
}

export function addressOf(r: Read<unknown>): Address | null {
  return r.ok && typeof r.value === 'string' && isAddress(r.value, { strict: false }) ? r.value : null;
}

/** A multi-output result (decoded as an array). */
export function tupleOf(r: Read<unknown>): readonly unknown[] | null {
  return r.ok && Array.isArray(r.value) ? r.value : null;
}

/** Element `i` of a tuple as a bigint. */
export function bigAt(t: readonly unknown[], i: number): bigint | null {
  const v = t[i];
  return typeof v === 'bigint' ? v : typeof v === 'number' ? BigInt(v) : null;
}

export function field(value: unknown, name: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  const v: unknown = Reflect.get(value, name);
  return v;
}

/** The error text of a failed read, or a shape error. */
export function errorOf(r: Read<unknown>, what: string): string {
  return r.ok ? `unexpected result of ${what}` : r.error;
}

export const MAX = (a: bigint, b: bigint): bigint => (a > b ? a : b);
