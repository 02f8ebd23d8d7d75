/**
 * Per-function encoder and decoder, cached per ABI: a refresh encodes thousands of calls to a few
 * dozen functions, and viem's encodeFunctionData / decodeFunctionResult look the function up in the
 * ABI on every call. Results are decoded exactly as decodeFunctionResult does (one output: the value;
 * several: the array). Overloaded names fall back to viem's lookup by arguments.
 */
import {
  decodeAbiParameters, decodeFunctionResult, encodeAbiParameters, encodeFunctionData, getAbiItem, toFunctionSelector,
  toFunctionSignature, type Abi, type AbiFunction, type Hex,
} from 'viem';

export interface FunctionCodec {
  encode(args: readonly unknown[]): Hex;
  decode(data: Hex): unknown;
  /** e.g. `balanceOf(address)`. */
  signature(args: readonly unknown[]): string;
}

const cache = new WeakMap<Abi, Map<string, FunctionCodec>>();

function direct(item: AbiFunction): FunctionCodec {
  const selector = toFunctionSelector(item);
  const signature = toFunctionSignature(item);
  return {
    encode: (args) => (item.inputs.length === 0 ? selector : `${selector}${encodeAbiParameters(item.inputs, args).slice(2)}`),
    decode: (data) => {
      const values = decodeAbiParameters(item.outputs, data);
      return values.length === 0 ? undefined : values.length === 1 ? values[0] : values;
    },
    signature: () => signature,
  };
}

function byLookup(abi: Abi, functionName: string): FunctionCodec {
  return {
    encode: (args) => encodeFunctionData({ abi, functionName, args: [...args] }),
    decode: (data) => decodeFunctionResult({ abi, functionName, data }),
    signature: (args) => {
      const item = getAbiItem({ abi, name: functionName, args: [...args] });
      return item?.type === 'function' ? toFunctionSignature(item) : `${functionName}(…)`;
    },
  };
}

/** The cached codec of `functionName` in `abi`; throws if the ABI lacks it (a programmer error). */
export function functionCodec(abi: Abi, functionName: string): FunctionCodec {
  let perAbi = cache.get(abi);
  if (!perAbi) {
    perAbi = new Map();
    cache.set(abi, perAbi);
  }
  let codec = perAbi.get(functionName);
  if (!codec) {
    const items = abi.filter((i): i is AbiFunction => i.type === 'function' && i.name === functionName);
    const [only] = items;
    if (items.length === 0 || !only) throw new Error(`function ${functionName} is not in the ABI`);
    codec = items.length === 1 ? direct(only) : byLookup(abi, functionName);
    perAbi.set(functionName, codec);
  }
  return codec;
}
