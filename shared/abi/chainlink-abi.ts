/** Chainlink AggregatorV3 feed views, from the ChainlinkAggregatorV3 section of ../shared/reference/lrt_abi.txt. */
import { parseAbi } from 'viem';

export const chainlinkAbi = parseAbi([
  'function latestRoundData() view returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)',
]);
