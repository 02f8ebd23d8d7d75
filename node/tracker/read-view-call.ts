/**
 * Reads a registry view call (NAV rates, conversions, paused flags, delay getters, staker lists):
 * signatures are human-readable strings in shared/registry, parsed here.
 */
import { parseAbiItem, type AbiFunction, type Address } from 'viem';
import type { AmountCall, ViewCall } from '../../shared/registry/types';
import type { Read } from '../../shared/snapshot';
import type { ContractReader } from './contract-reader';

const ONE = 10n ** 18n;
/** Parsed once per signature: the same ABI object lets the reader's codec cache hit. */
const parsed = new Map<string, readonly [AbiFunction]>();

function abiFor(signature: string): readonly [AbiFunction] {
  let abi = parsed.get(signature);
  if (!abi) {
    const candidate = parseAbiItem(signature);
    // A registry signature that is not a function is a data error in shared/registry: fail loudly.
    if (candidate.type !== 'function') throw new Error(`registry signature is not a function: ${signature}`);
    abi = [candidate];
    parsed.set(signature, abi);
  }
  return abi;
}

/** Reads `call` with no argument, or with 1e18 when `args` is `one`; or, for an AmountCall, with `amount`. */
export function readViewCall(reader: ContractReader, key: string, call: ViewCall | AmountCall, amount?: bigint): Promise<Read<unknown>> {
  const abi = abiFor(call.signature);
  const args: readonly bigint[] = amount !== undefined ? [amount] : 'args' in call && call.args === 'one' ? [ONE] : [];
  const address: Address = call.address;
  return reader.read({ key, address, abi, functionName: abi[0].name, args });
}

/** The display form of a registry signature, e.g. `getRate()`, for failed-read records. */
export function viewCallName(call: ViewCall | AmountCall): string {
  const [item] = abiFor(call.signature);
  return `${item.name}(${item.inputs.map((i) => i.type).join(',')})`;
}
