/**
 * Checks the type of a value read through a signature known only at run time (registry view calls
 * are parsed from strings, so viem cannot type their results). A value of the wrong shape is a
 * failed read, recorded under the read's key, never a guess.
 */
import type { Address } from 'viem';
import { isAddress } from 'viem';
import type { Read } from '../../shared/snapshot';
import type { ContractReader } from './contract-reader';

export const isBigint = (v: unknown): v is bigint => typeof v === 'bigint';
export const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
export const isAddressList = (v: unknown): v is readonly Address[] => Array.isArray(v) && v.every((a) => typeof a === 'string' && isAddress(a));

/** Keeps a read whose value passes `guard`; otherwise records and returns a failure. */
export function narrowRead<T>(
  reader: ContractReader,
  read: Read<unknown>,
  guard: (v: unknown) => v is T,
  failure: { readonly key: string; readonly target: Address | null; readonly call: string; readonly expected: string },
): Read<T> {
  if (!read.ok) return read;
  if (guard(read.value)) return { ok: true, value: read.value };
  const error = `unexpected result: expected ${failure.expected}`;
  reader.fail({ key: failure.key, target: failure.target, call: failure.call, error });
  return { ok: false, error };
}
