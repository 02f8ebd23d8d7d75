// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ElAddr, ElMath, OperatorSet, IElDelegationManager} from "./ElCommon.sol";
import {ElEigenPod} from "./ElEigenPod.sol";

/// EigenLayer EigenPodManager at its mainnet address: pods per owner, pod owners' deposit shares
/// (int256, as on mainnet), the beacon-chain slashing factor, and the balance-update paths
/// (increase -> increaseDelegatedShares; decrease -> lower slashing factor -> decreaseDelegatedShares).
contract ElEigenPodManager {
    uint256 internal constant GWEI_TO_WEI = 1e9;

    struct BeaconChainSlashingFactor {
        bool isSet;
        uint64 slashingFactor;
    }

    mapping(address => address) public ownerToPod;
    mapping(address => int256) public podOwnerDepositShares;
    mapping(address => BeaconChainSlashingFactor) internal _beaconChainSlashingFactor;
    uint256 public numPods;
    uint256 public burnableETHShares;

    event PodDeployed(address indexed eigenPod, address indexed podOwner);
    event PodSharesUpdated(address indexed podOwner, int256 sharesDelta);
    event NewTotalShares(address indexed podOwner, int256 newTotalShares);
    event BeaconChainSlashingFactorDecreased(address staker, uint64 prevBeaconChainSlashingFactor, uint64 newBeaconChainSlashingFactor);
    event BurnableETHSharesIncreased(uint256 shares);

    modifier onlyDelegationManager() {
        require(msg.sender == ElAddr.DELEGATION_MANAGER, "OnlyDelegationManager");
        _;
    }

    // ---- fixture entry points ----

    /// createPod on behalf of `owner` (CREATE2 with the owner as salt, like the real manager).
    function createPodFor(address owner) external returns (address pod) {
        require(ownerToPod[owner] == address(0), "EigenPodAlreadyExists");
        ++numPods;
        pod = address(new ElEigenPod{salt: _salt(owner)}());
        ElEigenPod(payable(pod)).initialize(owner);
        ownerToPod[owner] = pod;
        emit PodDeployed(pod, owner);
    }

    /// recordBeaconChainETHBalanceUpdate with a positive delta: new restaked beacon-chain ETH
    /// (a verified validator or a checkpoint showing growth).
    function recordBalanceIncrease(address podOwner, uint256 balanceIncreaseWei) external {
        require(podOwner != address(0), "InputAddressZero");
        require(balanceIncreaseWei % GWEI_TO_WEI == 0, "SharesNotMultipleOfGwei");
        require(podOwnerDepositShares[podOwner] >= 0, "LegacyWithdrawalsNotCompleted");
        require(balanceIncreaseWei > 0, "SharesAmountZero");
        (uint256 prevDepositShares, uint256 addedShares) = _addShares(podOwner, balanceIncreaseWei);
        IElDelegationManager(ElAddr.DELEGATION_MANAGER).increaseDelegatedShares(
            podOwner, ElAddr.BEACON_CHAIN_ETH_STRATEGY, prevDepositShares, addedShares
        );
    }

    /// recordBeaconChainETHBalanceUpdate with a negative delta: the pod's restaked balance fell
    /// from `prevRestakedBalanceWei` by `balanceDecreaseWei`, so the owner's beacon-chain slashing
    /// factor shrinks in proportion and their operator loses the matching shares.
    function recordBalanceDecrease(address podOwner, uint256 prevRestakedBalanceWei, uint256 balanceDecreaseWei) external {
        require(balanceDecreaseWei % GWEI_TO_WEI == 0, "SharesNotMultipleOfGwei");
        uint64 prev = beaconChainSlashingFactor(podOwner);
        uint64 next = uint64((uint256(prev) * (prevRestakedBalanceWei - balanceDecreaseWei)) / prevRestakedBalanceWei);
        _lowerSlashingFactor(podOwner, prev, next);
    }

    /// Sets the owner's beacon-chain slashing factor to `newFactor` (at most the current one):
    /// the same state change as a balance decrease of that proportion.
    function setBeaconChainSlashingFactor(address podOwner, uint64 newFactor) external {
        uint64 prev = beaconChainSlashingFactor(podOwner);
        require(newFactor <= prev, "SlashingFactorCanOnlyDecrease");
        _lowerSlashingFactor(podOwner, prev, newFactor);
    }

    /// Raw write of a pod owner's deposit shares, without touching delegation (for legacy
    /// negative balances, or a world that sets shares before anyone delegates).
    function setPodOwnerDepositShares(address podOwner, int256 shares) external {
        int256 prev = podOwnerDepositShares[podOwner];
        podOwnerDepositShares[podOwner] = shares;
        emit PodSharesUpdated(podOwner, shares - prev);
        emit NewTotalShares(podOwner, shares);
    }

    // ---- IShareManager, DelegationManager-only ----

    function removeDepositShares(address staker, address strategy, uint256 depositSharesToRemove)
        external onlyDelegationManager returns (uint256)
    {
        require(strategy == ElAddr.BEACON_CHAIN_ETH_STRATEGY, "InvalidStrategy");
        int256 updatedShares = podOwnerDepositShares[staker] - int256(depositSharesToRemove);
        require(updatedShares >= 0, "SharesNegative");
        podOwnerDepositShares[staker] = updatedShares;
        emit NewTotalShares(staker, updatedShares);
        return uint256(updatedShares);
    }

    function addShares(address staker, address strategy, uint256 shares) external onlyDelegationManager returns (uint256, uint256) {
        require(strategy == ElAddr.BEACON_CHAIN_ETH_STRATEGY, "InvalidStrategy");
        return _addShares(staker, shares);
    }

    /// The ETH would leave the pod to the owner; the fixture keeps no validator balances, so
    /// completing as tokens only settles a legacy deficit as the real manager does.
    function withdrawSharesAsTokens(address staker, address strategy, address, uint256 shares) external onlyDelegationManager {
        require(strategy == ElAddr.BEACON_CHAIN_ETH_STRATEGY, "InvalidStrategy");
        int256 current = podOwnerDepositShares[staker];
        if (current < 0) {
            uint256 deficit = uint256(-current);
            uint256 toAdd = shares > deficit ? deficit : shares;
            podOwnerDepositShares[staker] = current + int256(toAdd);
            emit PodSharesUpdated(staker, int256(toAdd));
            emit NewTotalShares(staker, current + int256(toAdd));
        }
    }

    function increaseBurnOrRedistributableShares(OperatorSet calldata, uint256, address, uint256 addedSharesToBurn)
        external onlyDelegationManager
    {
        burnableETHShares += addedSharesToBurn;
        emit BurnableETHSharesIncreased(addedSharesToBurn);
    }

    // ---- IEigenPodManager views ----

    function getPod(address podOwner) public view returns (address) {
        address pod = ownerToPod[podOwner];
        if (pod != address(0)) return pod;
        bytes32 codeHash = keccak256(type(ElEigenPod).creationCode);
        return address(uint160(uint256(keccak256(abi.encodePacked(bytes1(0xff), address(this), _salt(podOwner), codeHash)))));
    }

    function hasPod(address podOwner) public view returns (bool) {
        return ownerToPod[podOwner] != address(0);
    }

    function stakerDepositShares(address user, address strategy) public view returns (uint256 depositShares) {
        require(strategy == ElAddr.BEACON_CHAIN_ETH_STRATEGY, "InvalidStrategy");
        int256 s = podOwnerDepositShares[user];
        return s < 0 ? 0 : uint256(s);
    }

    function beaconChainSlashingFactor(address podOwner) public view returns (uint64) {
        BeaconChainSlashingFactor memory bsf = _beaconChainSlashingFactor[podOwner];
        return bsf.isSet ? bsf.slashingFactor : ElMath.WAD;
    }

    function beaconChainETHStrategy() external view returns (address) {
        return ElAddr.BEACON_CHAIN_ETH_STRATEGY;
    }

    function delegationManager() external view returns (address) {
        return ElAddr.DELEGATION_MANAGER;
    }

    // ---- internal ----

    function _salt(address owner) internal pure returns (bytes32) {
        return bytes32(uint256(uint160(owner)));
    }

    function _addShares(address staker, uint256 shares) internal returns (uint256, uint256) {
        require(staker != address(0), "InputAddressZero");
        require(int256(shares) >= 0, "SharesNegative");
        int256 sharesToAdd = int256(shares);
        int256 prevDepositShares = podOwnerDepositShares[staker];
        int256 updatedDepositShares = prevDepositShares + sharesToAdd;
        podOwnerDepositShares[staker] = updatedDepositShares;
        emit PodSharesUpdated(staker, sharesToAdd);
        emit NewTotalShares(staker, updatedDepositShares);
        if (updatedDepositShares <= 0) return (0, 0);
        if (prevDepositShares < 0) return (0, uint256(updatedDepositShares));
        return (uint256(prevDepositShares), shares);
    }

    function _lowerSlashingFactor(address podOwner, uint64 prev, uint64 next) internal {
        int256 currentDepositShares = podOwnerDepositShares[podOwner];
        require(currentDepositShares >= 0, "LegacyWithdrawalsNotCompleted");
        _beaconChainSlashingFactor[podOwner] = BeaconChainSlashingFactor({isSet: true, slashingFactor: next});
        emit BeaconChainSlashingFactorDecreased(podOwner, prev, next);
        IElDelegationManager(ElAddr.DELEGATION_MANAGER).decreaseDelegatedShares(
            podOwner, uint256(currentDepositShares), prev - next
        );
    }
}
