/**
 * Multicall3 (mds1/multicall, canonical address 0xcA11bde05977b3631167028862bE2a173976CA11 on every
 * chain the app reads). aggregate3 batches calls with per-call failure isolation; getBlockNumber and
 * getCurrentBlockTimestamp report the block the batch ran in.
 */
import { parseAbi } from 'viem';

export const multicall3Abi = parseAbi([
  'struct Call3 { address target; bool allowFailure; bytes callData; }',
  'struct Result { bool success; bytes returnData; }',
  'function aggregate3(Call3[] calls) payable returns (Result[] returnData)',
  'function getBlockNumber() view returns (uint256 blockNumber)',
  'function getCurrentBlockTimestamp() view returns (uint256 timestamp)',
]);
