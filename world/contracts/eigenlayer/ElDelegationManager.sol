// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {
    ElAddr, ElMath, ElHistory, ElSets, ElBytes32Set, ElSnapshot, OperatorSet, Withdrawal,
    IElStrategyManager, IElEigenPodManager, IElAllocationManager, IElStrategy
} from "./ElCommon.sol";

/// EigenLayer DelegationManager at its mainnet address, with the slashing model of the real
/// contract: deposit scaling factors, operator shares as the sum of stakers' withdrawable shares,
/// slashing factors from the operator's max magnitude (and, for beacon-chain ETH, the pod owner's
/// beacon-chain slashing factor), queued withdrawals holding scaled shares, and the slashable
/// window of queued shares. Fixture entry points take the staker/operator as an argument where
/// the real ones use msg.sender; everything below them follows DelegationManager.sol.
contract ElDelegationManager {
    using ElMath for uint256;
    using ElHistory for ElSnapshot[];
    using ElSets for ElBytes32Set;

    uint32 internal constant DEFAULT_MIN_WITHDRAWAL_DELAY_BLOCKS = 100800;

    mapping(address => address) public delegatedTo;
    mapping(address => address) internal _delegationApprover;
    mapping(address => mapping(address => uint256)) public operatorShares;
    mapping(address => mapping(address => uint256)) internal _depositScalingFactor;
    mapping(address => uint256) public cumulativeWithdrawalsQueued;
    mapping(bytes32 => bool) public pendingWithdrawals;
    mapping(bytes32 => Withdrawal) internal _queuedWithdrawals;
    mapping(address => ElBytes32Set) internal _stakerQueuedWithdrawalRoots;
    mapping(address => mapping(address => ElSnapshot[])) internal _cumulativeScaledSharesHistory;
    /// MIN_WITHDRAWAL_DELAY_BLOCKS is an immutable on mainnet; here storage with a default.
    bool internal _minDelaySet;
    uint32 internal _minDelay;

    event OperatorRegistered(address indexed operator, address delegationApprover);
    event DelegationApproverUpdated(address indexed operator, address newDelegationApprover);
    event OperatorMetadataURIUpdated(address indexed operator, string metadataURI);
    event OperatorSharesIncreased(address indexed operator, address staker, address strategy, uint256 shares);
    event OperatorSharesDecreased(address indexed operator, address staker, address strategy, uint256 shares);
    event StakerDelegated(address indexed staker, address indexed operator);
    event StakerUndelegated(address indexed staker, address indexed operator);
    event DepositScalingFactorUpdated(address staker, address strategy, uint256 newDepositScalingFactor);
    event SlashingWithdrawalQueued(bytes32 withdrawalRoot, Withdrawal withdrawal, uint256[] sharesToWithdraw);
    event SlashingWithdrawalCompleted(bytes32 withdrawalRoot);
    event OperatorSharesSlashed(address indexed operator, address strategy, uint256 totalSlashedShares);

    // ---- fixture setters and entry points ----

    function setMinWithdrawalDelayBlocks(uint32 blocks) external {
        _minDelaySet = true;
        _minDelay = blocks;
    }

    /// registerAsOperator for `operator`.
    function registerAsOperatorFor(address operator, address delegationApprover_, uint32 allocationDelay, string calldata metadataURI)
        external
    {
        require(!isDelegated(operator), "ActivelyDelegated");
        IElAllocationManager(ElAddr.ALLOCATION_MANAGER).setAllocationDelay(operator, allocationDelay);
        _delegationApprover[operator] = delegationApprover_;
        emit DelegationApproverUpdated(operator, delegationApprover_);
        _delegate(operator, operator);
        emit OperatorRegistered(operator, delegationApprover_);
        emit OperatorMetadataURIUpdated(operator, metadataURI);
    }

    /// delegateTo for `staker` (no approver signature is checked).
    function delegateFor(address staker, address operator) external {
        require(!isDelegated(staker), "ActivelyDelegated");
        require(isOperator(operator), "OperatorNotRegistered");
        _delegate(staker, operator);
    }

    /// undelegate: queues one withdrawal per deposited strategy, as the real contract does.
    function undelegateFor(address staker) external returns (bytes32[] memory withdrawalRoots) {
        require(isDelegated(staker), "NotActivelyDelegated");
        require(!isOperator(staker), "OperatorsCannotUndelegate");
        address operator = delegatedTo[staker];
        delegatedTo[staker] = address(0);
        emit StakerUndelegated(staker, operator);
        (address[] memory strategies, uint256[] memory depositedShares) = getDepositedShares(staker);
        withdrawalRoots = new bytes32[](strategies.length);
        uint256[] memory slashingFactors = _getSlashingFactors(staker, operator, strategies);
        for (uint256 i = 0; i < strategies.length; i++) {
            address[] memory one = new address[](1);
            uint256[] memory oneShares = new uint256[](1);
            uint256[] memory oneFactor = new uint256[](1);
            one[0] = strategies[i];
            oneShares[0] = depositedShares[i];
            oneFactor[0] = slashingFactors[i];
            withdrawalRoots[i] = _removeSharesAndQueueWithdrawal(staker, operator, one, oneShares, oneFactor, uint32(block.number));
        }
    }

    /// queueWithdrawals for `staker`, one withdrawal. `startBlock` 0 means this block; an earlier
    /// block queues it "in the past" (its shares enter the operator's slashable-queue history at
    /// that block). Share arithmetic uses today's slashing factors, as if nothing was slashed since.
    function queueWithdrawalFor(address staker, address[] calldata strategies, uint256[] calldata depositShares, uint32 startBlock)
        external returns (bytes32)
    {
        require(strategies.length == depositShares.length, "InputArrayLengthMismatch");
        uint32 start = startBlock == 0 ? uint32(block.number) : startBlock;
        require(start <= block.number, "StartBlockInFuture");
        address operator = delegatedTo[staker];
        uint256[] memory slashingFactors = _getSlashingFactors(staker, operator, strategies);
        return _removeSharesAndQueueWithdrawal(staker, operator, strategies, depositShares, slashingFactors, start);
    }

    /// completeQueuedWithdrawal for the withdrawal with this root (the withdrawer is the staker).
    function completeQueuedWithdrawalFor(bytes32 withdrawalRoot, bool receiveAsTokens) external {
        require(pendingWithdrawals[withdrawalRoot], "WithdrawalNotQueued");
        Withdrawal memory withdrawal = _queuedWithdrawals[withdrawalRoot];
        uint32 slashableUntil = withdrawal.startBlock + minWithdrawalDelayBlocks();
        require(uint32(block.number) > slashableUntil, "WithdrawalDelayNotElapsed");
        uint256[] memory prevSlashingFactors =
            _getSlashingFactorsAtBlock(withdrawal.staker, withdrawal.delegatedTo, withdrawal.strategies, slashableUntil);

        _stakerQueuedWithdrawalRoots[withdrawal.staker].remove(withdrawalRoot);
        delete _queuedWithdrawals[withdrawalRoot];
        delete pendingWithdrawals[withdrawalRoot];
        emit SlashingWithdrawalCompleted(withdrawalRoot);

        address newOperator = delegatedTo[withdrawal.staker];
        uint256[] memory newSlashingFactors = _getSlashingFactors(withdrawal.staker, newOperator, withdrawal.strategies);
        for (uint256 i = 0; i < withdrawal.strategies.length; i++) {
            address strategy = withdrawal.strategies[i];
            uint256 sharesToWithdraw = withdrawal.scaledShares[i].mulWad(prevSlashingFactors[i]);
            if (sharesToWithdraw == 0) continue;
            if (receiveAsTokens) {
                if (strategy == ElAddr.BEACON_CHAIN_ETH_STRATEGY) {
                    IElEigenPodManager(ElAddr.EIGEN_POD_MANAGER).withdrawSharesAsTokens(withdrawal.staker, strategy, address(0), sharesToWithdraw);
                } else {
                    IElStrategyManager(ElAddr.STRATEGY_MANAGER).withdrawSharesAsTokens(
                        withdrawal.staker, strategy, _underlyingToken(strategy), sharesToWithdraw
                    );
                }
            } else {
                (uint256 prevDepositShares, uint256 addedShares) = strategy == ElAddr.BEACON_CHAIN_ETH_STRATEGY
                    ? IElEigenPodManager(ElAddr.EIGEN_POD_MANAGER).addShares(withdrawal.staker, strategy, sharesToWithdraw)
                    : IElStrategyManager(ElAddr.STRATEGY_MANAGER).addShares(withdrawal.staker, strategy, sharesToWithdraw);
                _increaseDelegation(newOperator, withdrawal.staker, strategy, prevDepositShares, addedShares, newSlashingFactors[i]);
            }
        }
    }

    // ---- called by the other core fixtures, as on mainnet ----

    function increaseDelegatedShares(address staker, address strategy, uint256 prevDepositShares, uint256 addedShares) external {
        require(msg.sender == ElAddr.STRATEGY_MANAGER || msg.sender == ElAddr.EIGEN_POD_MANAGER, "OnlyStrategyManagerOrEigenPodManager");
        address operator = delegatedTo[staker];
        uint64 maxMagnitude = IElAllocationManager(ElAddr.ALLOCATION_MANAGER).getMaxMagnitude(operator, strategy);
        uint256 slashingFactor = _getSlashingFactor(staker, strategy, maxMagnitude);
        _increaseDelegation(operator, staker, strategy, prevDepositShares, addedShares, slashingFactor);
    }

    function decreaseDelegatedShares(address staker, uint256 curDepositShares, uint64 beaconChainSlashingFactorDecrease) external {
        require(msg.sender == ElAddr.EIGEN_POD_MANAGER, "OnlyEigenPodManager");
        if (!isDelegated(staker)) return;
        address operator = delegatedTo[staker];
        address bc = ElAddr.BEACON_CHAIN_ETH_STRATEGY;
        uint64 maxMagnitude = IElAllocationManager(ElAddr.ALLOCATION_MANAGER).getMaxMagnitude(operator, bc);
        uint256 sharesToRemove = ElMath.calcWithdrawable(
            _depositScalingFactor[staker][bc], curDepositShares, uint256(maxMagnitude).mulWad(beaconChainSlashingFactorDecrease)
        );
        _decreaseDelegation(operator, staker, bc, sharesToRemove);
    }

    function slashOperatorShares(
        address operator,
        OperatorSet calldata operatorSet,
        uint256 slashId,
        address strategy,
        uint64 prevMaxMagnitude,
        uint64 newMaxMagnitude
    ) external returns (uint256 totalDepositSharesToSlash) {
        require(msg.sender == ElAddr.ALLOCATION_MANAGER, "OnlyAllocationManager");
        uint256 operatorSharesSlashed = ElMath.calcSlashedAmount(operatorShares[operator][strategy], prevMaxMagnitude, newMaxMagnitude);
        uint256 fromQueue = _getSlashableSharesInQueue(operator, strategy, prevMaxMagnitude, newMaxMagnitude);
        totalDepositSharesToSlash = operatorSharesSlashed + fromQueue;
        _decreaseDelegation(operator, address(0), strategy, operatorSharesSlashed);
        emit OperatorSharesSlashed(operator, strategy, totalDepositSharesToSlash);
        if (strategy == ElAddr.BEACON_CHAIN_ETH_STRATEGY) {
            IElEigenPodManager(ElAddr.EIGEN_POD_MANAGER).increaseBurnOrRedistributableShares(operatorSet, slashId, strategy, totalDepositSharesToSlash);
        } else {
            IElStrategyManager(ElAddr.STRATEGY_MANAGER).increaseBurnOrRedistributableShares(operatorSet, slashId, strategy, totalDepositSharesToSlash);
        }
    }

    // ---- IDelegationManager views ----

    function isDelegated(address staker) public view returns (bool) {
        return delegatedTo[staker] != address(0);
    }

    function isOperator(address operator) public view returns (bool) {
        return operator != address(0) && delegatedTo[operator] == operator;
    }

    function delegationApprover(address operator) external view returns (address) {
        return _delegationApprover[operator];
    }

    function depositScalingFactor(address staker, address strategy) external view returns (uint256) {
        return ElMath.scalingFactor(_depositScalingFactor[staker][strategy]);
    }

    function getOperatorShares(address operator, address[] memory strategies) public view returns (uint256[] memory shares) {
        shares = new uint256[](strategies.length);
        for (uint256 i = 0; i < strategies.length; ++i) shares[i] = operatorShares[operator][strategies[i]];
    }

    function getOperatorsShares(address[] memory operators, address[] memory strategies) external view returns (uint256[][] memory shares) {
        shares = new uint256[][](operators.length);
        for (uint256 i = 0; i < operators.length; ++i) shares[i] = getOperatorShares(operators[i], strategies);
    }

    function getSlashableSharesInQueue(address operator, address strategy) external view returns (uint256) {
        uint64 maxMagnitude = IElAllocationManager(ElAddr.ALLOCATION_MANAGER).getMaxMagnitude(operator, strategy);
        return _getSlashableSharesInQueue(operator, strategy, maxMagnitude, 0);
    }

    function getWithdrawableShares(address staker, address[] memory strategies)
        external view returns (uint256[] memory withdrawableShares, uint256[] memory depositShares)
    {
        withdrawableShares = new uint256[](strategies.length);
        depositShares = new uint256[](strategies.length);
        uint256[] memory slashingFactors = _getSlashingFactors(staker, delegatedTo[staker], strategies);
        for (uint256 i = 0; i < strategies.length; ++i) {
            depositShares[i] = _shareManagerDepositShares(staker, strategies[i]);
            withdrawableShares[i] = ElMath.calcWithdrawable(_depositScalingFactor[staker][strategies[i]], depositShares[i], slashingFactors[i]);
        }
    }

    function getDepositedShares(address staker) public view returns (address[] memory, uint256[] memory) {
        (address[] memory tokenStrategies, uint256[] memory tokenDeposits) = IElStrategyManager(ElAddr.STRATEGY_MANAGER).getDeposits(staker);
        uint256 podOwnerShares = IElEigenPodManager(ElAddr.EIGEN_POD_MANAGER).stakerDepositShares(staker, ElAddr.BEACON_CHAIN_ETH_STRATEGY);
        if (podOwnerShares == 0) return (tokenStrategies, tokenDeposits);
        uint256 n = tokenStrategies.length;
        address[] memory strategies = new address[](n + 1);
        uint256[] memory shares = new uint256[](n + 1);
        strategies[n] = ElAddr.BEACON_CHAIN_ETH_STRATEGY;
        shares[n] = podOwnerShares;
        for (uint256 i = 0; i < n; i++) {
            strategies[i] = tokenStrategies[i];
            shares[i] = tokenDeposits[i];
        }
        return (strategies, shares);
    }

    function queuedWithdrawals(bytes32 withdrawalRoot) external view returns (Withdrawal memory withdrawal) {
        return _queuedWithdrawals[withdrawalRoot];
    }

    function getQueuedWithdrawal(bytes32 withdrawalRoot) external view returns (Withdrawal memory withdrawal, uint256[] memory shares) {
        return _getSharesByWithdrawalRoot(withdrawalRoot);
    }

    function getQueuedWithdrawals(address staker) external view returns (Withdrawal[] memory withdrawals, uint256[][] memory shares) {
        bytes32[] memory roots = getQueuedWithdrawalRoots(staker);
        withdrawals = new Withdrawal[](roots.length);
        shares = new uint256[][](roots.length);
        for (uint256 i; i < roots.length; ++i) (withdrawals[i], shares[i]) = _getSharesByWithdrawalRoot(roots[i]);
    }

    function getQueuedWithdrawalRoots(address staker) public view returns (bytes32[] memory) {
        return _stakerQueuedWithdrawalRoots[staker].values;
    }

    function convertToDepositShares(address staker, address[] memory strategies, uint256[] memory withdrawableShares)
        external view returns (uint256[] memory depositShares)
    {
        uint256[] memory slashingFactors = _getSlashingFactors(staker, delegatedTo[staker], strategies);
        depositShares = new uint256[](strategies.length);
        for (uint256 i = 0; i < strategies.length; ++i) {
            depositShares[i] = ElMath.calcDepositShares(_depositScalingFactor[staker][strategies[i]], withdrawableShares[i], slashingFactors[i]);
        }
    }

    function calculateWithdrawalRoot(Withdrawal memory withdrawal) public pure returns (bytes32) {
        return keccak256(abi.encode(withdrawal));
    }

    function minWithdrawalDelayBlocks() public view returns (uint32) {
        return _minDelaySet ? _minDelay : DEFAULT_MIN_WITHDRAWAL_DELAY_BLOCKS;
    }

    function beaconChainETHStrategy() external view returns (address) {
        return ElAddr.BEACON_CHAIN_ETH_STRATEGY;
    }

    function strategyManager() external view returns (address) {
        return ElAddr.STRATEGY_MANAGER;
    }

    function eigenPodManager() external view returns (address) {
        return ElAddr.EIGEN_POD_MANAGER;
    }

    function allocationManager() external view returns (address) {
        return ElAddr.ALLOCATION_MANAGER;
    }

    // ---- internal, following DelegationManager.sol ----

    function _delegate(address staker, address operator) internal {
        (address[] memory strategies, uint256[] memory withdrawableShares) = getDepositedShares(staker);
        uint256[] memory operatorSlashingFactors = _getSlashingFactors(address(0), operator, strategies);
        delegatedTo[staker] = operator;
        emit StakerDelegated(staker, operator);
        for (uint256 i = 0; i < strategies.length; ++i) {
            if (strategies[i] == ElAddr.BEACON_CHAIN_ETH_STRATEGY) {
                uint64 stakerBeaconChainSlashing = IElEigenPodManager(ElAddr.EIGEN_POD_MANAGER).beaconChainSlashingFactor(staker);
                withdrawableShares[i] =
                    ElMath.calcWithdrawable(_depositScalingFactor[staker][strategies[i]], withdrawableShares[i], stakerBeaconChainSlashing);
            }
            _increaseDelegation(operator, staker, strategies[i], 0, withdrawableShares[i], operatorSlashingFactors[i]);
        }
    }

    function _removeSharesAndQueueWithdrawal(
        address staker,
        address operator,
        address[] memory strategies,
        uint256[] memory depositSharesToWithdraw,
        uint256[] memory slashingFactors,
        uint32 startBlock
    ) internal returns (bytes32 withdrawalRoot) {
        require(staker != address(0), "InputAddressZero");
        require(strategies.length != 0, "InputArrayLengthZero");
        uint256[] memory scaledShares = new uint256[](strategies.length);
        uint256[] memory withdrawableShares = new uint256[](strategies.length);
        for (uint256 i = 0; i < strategies.length; ++i) {
            uint256 dsf = _depositScalingFactor[staker][strategies[i]];
            withdrawableShares[i] = ElMath.calcWithdrawable(dsf, depositSharesToWithdraw[i], slashingFactors[i]);
            scaledShares[i] = depositSharesToWithdraw[i].mulWad(ElMath.scalingFactor(dsf));
            if (operator != address(0)) {
                _cumulativeScaledSharesHistory[operator][strategies[i]].addFrom(startBlock, scaledShares[i]);
                _decreaseDelegation(operator, staker, strategies[i], withdrawableShares[i]);
            }
            uint256 sharesAfter = strategies[i] == ElAddr.BEACON_CHAIN_ETH_STRATEGY
                ? IElEigenPodManager(ElAddr.EIGEN_POD_MANAGER).removeDepositShares(staker, strategies[i], depositSharesToWithdraw[i])
                : IElStrategyManager(ElAddr.STRATEGY_MANAGER).removeDepositShares(staker, strategies[i], depositSharesToWithdraw[i]);
            if (sharesAfter == 0) {
                _depositScalingFactor[staker][strategies[i]] = 0;
                emit DepositScalingFactorUpdated(staker, strategies[i], ElMath.WAD);
            }
        }
        uint256 nonce = cumulativeWithdrawalsQueued[staker];
        cumulativeWithdrawalsQueued[staker] = nonce + 1;
        Withdrawal memory withdrawal = Withdrawal({
            staker: staker,
            delegatedTo: operator,
            withdrawer: staker,
            nonce: nonce,
            startBlock: startBlock,
            strategies: strategies,
            scaledShares: scaledShares
        });
        withdrawalRoot = calculateWithdrawalRoot(withdrawal);
        pendingWithdrawals[withdrawalRoot] = true;
        _queuedWithdrawals[withdrawalRoot] = withdrawal;
        _stakerQueuedWithdrawalRoots[staker].add(withdrawalRoot);
        emit SlashingWithdrawalQueued(withdrawalRoot, withdrawal, withdrawableShares);
    }

    function _increaseDelegation(
        address operator,
        address staker,
        address strategy,
        uint256 prevDepositShares,
        uint256 addedShares,
        uint256 slashingFactor
    ) internal {
        require(slashingFactor != 0, "FullySlashed");
        if (addedShares == 0) return;
        uint256 next = ElMath.updatedScalingFactor(_depositScalingFactor[staker][strategy], prevDepositShares, addedShares, slashingFactor);
        _depositScalingFactor[staker][strategy] = next;
        emit DepositScalingFactorUpdated(staker, strategy, next);
        if (isDelegated(staker)) {
            operatorShares[operator][strategy] += addedShares;
            emit OperatorSharesIncreased(operator, staker, strategy, addedShares);
        }
    }

    function _decreaseDelegation(address operator, address staker, address strategy, uint256 sharesToDecrease) internal {
        operatorShares[operator][strategy] -= sharesToDecrease;
        emit OperatorSharesDecreased(operator, staker, strategy, sharesToDecrease);
    }

    function _getSlashingFactor(address staker, address strategy, uint64 operatorMaxMagnitude) internal view returns (uint256) {
        if (strategy == ElAddr.BEACON_CHAIN_ETH_STRATEGY) {
            uint64 bcsf = IElEigenPodManager(ElAddr.EIGEN_POD_MANAGER).beaconChainSlashingFactor(staker);
            return uint256(operatorMaxMagnitude).mulWad(bcsf);
        }
        return operatorMaxMagnitude;
    }

    function _getSlashingFactors(address staker, address operator, address[] memory strategies) internal view returns (uint256[] memory f) {
        f = new uint256[](strategies.length);
        uint64[] memory maxMagnitudes = IElAllocationManager(ElAddr.ALLOCATION_MANAGER).getMaxMagnitudes(operator, strategies);
        for (uint256 i = 0; i < strategies.length; i++) f[i] = _getSlashingFactor(staker, strategies[i], maxMagnitudes[i]);
    }

    function _getSlashingFactorsAtBlock(address staker, address operator, address[] memory strategies, uint32 blockNumber)
        internal view returns (uint256[] memory f)
    {
        f = new uint256[](strategies.length);
        uint64[] memory maxMagnitudes = IElAllocationManager(ElAddr.ALLOCATION_MANAGER).getMaxMagnitudesAtBlock(operator, strategies, blockNumber);
        for (uint256 i = 0; i < strategies.length; i++) f[i] = _getSlashingFactor(staker, strategies[i], maxMagnitudes[i]);
    }

    /// Scaled shares queued within the last MIN_WITHDRAWAL_DELAY_BLOCKS are still slashable.
    /// On a young chain (block.number <= delay) the real subtraction would underflow and revert;
    /// here everything queued so far counts as inside the window.
    function _getSlashableSharesInQueue(address operator, address strategy, uint64 prevMaxMagnitude, uint64 newMaxMagnitude)
        internal view returns (uint256)
    {
        if (prevMaxMagnitude == 0) return 0;
        ElSnapshot[] storage h = _cumulativeScaledSharesHistory[operator][strategy];
        uint256 cur = h.latest(0);
        uint32 delay = minWithdrawalDelayBlocks();
        uint256 prev = block.number > uint256(delay) ? h.upperLookup(uint32(block.number) - delay - 1, 0) : 0;
        uint256 scaledSharesAdded = cur - prev;
        return ElMath.calcSlashedAmount(scaledSharesAdded.mulWad(prevMaxMagnitude), prevMaxMagnitude, newMaxMagnitude);
    }

    function _getSharesByWithdrawalRoot(bytes32 withdrawalRoot) internal view returns (Withdrawal memory withdrawal, uint256[] memory shares) {
        withdrawal = _queuedWithdrawals[withdrawalRoot];
        shares = new uint256[](withdrawal.strategies.length);
        uint32 slashableUntil = withdrawal.startBlock + minWithdrawalDelayBlocks();
        uint256[] memory slashingFactors = slashableUntil < uint32(block.number)
            ? _getSlashingFactorsAtBlock(withdrawal.staker, withdrawal.delegatedTo, withdrawal.strategies, slashableUntil)
            : _getSlashingFactors(withdrawal.staker, withdrawal.delegatedTo, withdrawal.strategies);
        for (uint256 j; j < withdrawal.strategies.length; ++j) shares[j] = withdrawal.scaledShares[j].mulWad(slashingFactors[j]);
    }

    function _shareManagerDepositShares(address staker, address strategy) internal view returns (uint256) {
        return strategy == ElAddr.BEACON_CHAIN_ETH_STRATEGY
            ? IElEigenPodManager(ElAddr.EIGEN_POD_MANAGER).stakerDepositShares(staker, strategy)
            : IElStrategyManager(ElAddr.STRATEGY_MANAGER).stakerDepositShares(staker, strategy);
    }

    function _underlyingToken(address strategy) internal view returns (address) {
        return IElStrategy(strategy).underlyingToken();
    }
}
