/** Readable reason for a call that reverted inside Multicall3 (which hands back the raw revert data). */
import { decodeErrorResult, type Abi, type Hex } from 'viem';

/** `execution reverted: <reason>` from revert data (Error(string), Panic, the ABI's errors), or the raw data. */
export function decodeRevert(abi: Abi, data: Hex): string {
  if (data === '0x') return 'execution reverted (no reason)';
  try {
    // Knows Error(string) and Panic(uint256) besides the ABI's own errors.
    const decoded = decodeErrorResult({ abi, data });
    const args = decoded.args?.map((a) => String(a)).join(', ') ?? '';
    return decoded.errorName === 'Error' ? `execution reverted: ${args}` : `execution reverted: ${decoded.errorName}(${args})`;
  } catch {
    return `execution reverted (data ${data.length > 74 ? `${data.slice(0, 74)}…` : data})`;
  }
}
