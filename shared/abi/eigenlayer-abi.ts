/**
 * The EigenLayer functions the app calls, per core contract, parsed with viem's `parseAbi` from the
 * exact human-readable lines of ../shared/reference/eigenlayer_abi.txt (Layr-Labs/eigenlayer-contracts
 * @ f84a5151080cdf0b77b9b6e46506cde723d06c28). tests/unit/abi-fidelity.test.ts checks every fragment
 * here against the compiled ABIs of that commit, so the app never calls a function mainnet lacks.
 *
 * Only the lines the tracker uses are here; add a line by copying it from the reference file.
 */
import { parseAbi } from 'viem';

export const eigenLayerAbi = {
  strategyManager: parseAbi([
    'function getDeposits(address staker) view returns (address[], uint256[])',
  ]),
  delegationManager: parseAbi([
    'struct Withdrawal { address staker; address delegatedTo; address withdrawer; uint256 nonce; uint32 startBlock; address[] strategies; uint256[] scaledShares; }',
    'function delegatedTo(address staker) view returns (address)',
    'function isOperator(address operator) view returns (bool)',
    'function getOperatorShares(address operator, address[] strategies) view returns (uint256[])',
    'function getWithdrawableShares(address staker, address[] strategies) view returns (uint256[] withdrawableShares, uint256[] depositShares)',
    'function getQueuedWithdrawals(address staker) view returns (Withdrawal[] withdrawals, uint256[][] shares)',
    'function minWithdrawalDelayBlocks() view returns (uint32)',
  ]),
  /** Views live in AllocationManagerView since v1.9.0; the AllocationManager proxy forwards them. */
  allocationManager: parseAbi([
    'struct OperatorSet { address avs; uint32 id; }',
    'struct Allocation { uint64 currentMagnitude; int128 pendingDiff; uint32 effectBlock; }',
    'function getAllocatedSets(address operator) view returns (OperatorSet[])',
    'function getAllocation(address operator, OperatorSet operatorSet, address strategy) view returns (Allocation)',
    'function getMaxMagnitudes(address operator, address[] strategies) view returns (uint64[])',
    'function getRegisteredSets(address operator) view returns (OperatorSet[] operatorSets)',
    'function getAllocatedStake(OperatorSet operatorSet, address[] operators, address[] strategies) view returns (uint256[][] slashableStake)',
    'function DEALLOCATION_DELAY() view returns (uint32 delay)',
    'function isOperatorSlashable(address operator, OperatorSet operatorSet) view returns (bool)',
    'function getStrategiesInOperatorSet(OperatorSet operatorSet) view returns (address[] strategies)',
  ]),
  eigenPodManager: parseAbi([
    'function ownerToPod(address podOwner) view returns (address)',
    'function podOwnerDepositShares(address podOwner) view returns (int256)',
    'function beaconChainSlashingFactor(address staker) view returns (uint64)',
  ]),
  eigenPod: parseAbi([
    'function activeValidatorCount() view returns (uint256)',
  ]),
  strategy: parseAbi([
    'function sharesToUnderlyingView(uint256 amountShares) view returns (uint256)',
    'function underlyingToken() view returns (address)',
  ]),
} as const;
