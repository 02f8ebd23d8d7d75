/** Curve StableSwap pool views (classic and NG), from the CurveStableSwap section of ../shared/reference/lrt_abi.txt. */
import { parseAbi } from 'viem';

export const curveAbi = parseAbi([
  'function coins(uint256 i) view returns (address)',
  'function get_dy(int128 i, int128 j, uint256 dx) view returns (uint256)',
]);
