// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ElAddr} from "./ElCommon.sol";

/// An EigenPod, deployed by the fixture EigenPodManager with CREATE2 (salt = owner), so each
/// owner's pod sits at a deterministic address that getPod() reports before it exists.
/// Validator state is set by the scenario rather than proven against beacon-chain roots.
contract ElEigenPod {
    address public podOwner;
    uint256 public activeValidatorCount;
    uint64 public lastCheckpointTimestamp;
    uint64 public currentCheckpointTimestamp;
    address public proofSubmitter;
    uint64 internal restakedExecutionLayerGwei;

    function initialize(address owner) external {
        require(msg.sender == ElAddr.EIGEN_POD_MANAGER, "OnlyEigenPodManager");
        require(podOwner == address(0), "AlreadyInitialized");
        podOwner = owner;
    }

    // ---- fixture setters ----

    function setActiveValidatorCount(uint256 count) external {
        activeValidatorCount = count;
    }

    function setWithdrawableRestakedExecutionLayerGwei(uint64 amountGwei) external {
        restakedExecutionLayerGwei = amountGwei;
    }

    function setCheckpointTimestamps(uint64 last, uint64 current) external {
        lastCheckpointTimestamp = last;
        currentCheckpointTimestamp = current;
    }

    function setProofSubmitter(address submitter) external {
        proofSubmitter = submitter;
    }

    // ---- IEigenPod views ----

    function withdrawableRestakedExecutionLayerGwei() external view returns (uint64) {
        return restakedExecutionLayerGwei;
    }

    function eigenPodManager() external view returns (address) {
        return ElAddr.EIGEN_POD_MANAGER;
    }

    receive() external payable {}
}
