// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {
    ElAddr, ElMath, ElHistory, ElSets, ElAddressSet, ElBytes32Set, ElSnapshot, ElOperatorSetKey,
    OperatorSet, Allocation, IElDelegationManager
} from "./ElCommon.sol";

/// EigenLayer AllocationManager at its mainnet address. On mainnet the proxy forwards view calls
/// to AllocationManagerView; this fixture answers them itself, from the same state: operator
/// sets and their strategies and members, allocations with pending diffs and effect blocks,
/// encumbered and max magnitudes (with history), the deallocation queue, registration status,
/// allocation delays and slashing (AllocationManager._slashOperator, which calls the
/// DelegationManager's slashOperatorShares). Permission checks (PermissionController, slasher,
/// AVS registrar callbacks) are left out: any caller may act for any operator or AVS.
contract ElAllocationManager {
    using ElMath for uint256;
    using ElHistory for ElSnapshot[];
    using ElSets for ElAddressSet;
    using ElSets for ElBytes32Set;
    using ElOperatorSetKey for OperatorSet;

    uint32 internal constant DEFAULT_DEALLOCATION_DELAY = 100800;
    uint32 internal constant DEFAULT_ALLOCATION_CONFIGURATION_DELAY = 126000;

    struct StrategyInfo {
        uint64 maxMagnitude;
        uint64 encumberedMagnitude;
    }

    struct RegistrationStatus {
        bool registered;
        uint32 slashableUntil;
    }

    struct AllocationDelayInfo {
        uint32 delay;
        bool isSet;
        uint32 pendingDelay;
        uint32 effectBlock;
    }

    struct PendingSlasher {
        address slasher;
        uint32 effectBlock;
    }

    struct Deque {
        bytes32[] items;
        uint256 head;
    }

    /// IAllocationManager.AllocateParams
    struct AllocateParams {
        OperatorSet operatorSet;
        address[] strategies;
        uint64[] newMagnitudes;
    }

    /// IAllocationManager.SlashingParams
    struct SlashingParams {
        address operator;
        uint32 operatorSetId;
        address[] strategies;
        uint256[] wadsToSlash;
        string description;
    }

    mapping(address => ElBytes32Set) internal _operatorSets; // avs => set ids (as bytes32)
    mapping(bytes32 => ElAddressSet) internal _operatorSetStrategies;
    mapping(bytes32 => ElAddressSet) internal _operatorSetMembers;
    mapping(address => ElBytes32Set) internal registeredSets;
    mapping(address => ElBytes32Set) internal allocatedSets;
    mapping(address => mapping(bytes32 => ElAddressSet)) internal allocatedStrategies;
    mapping(address => mapping(bytes32 => mapping(address => Allocation))) internal allocations;
    mapping(address => mapping(address => uint64)) internal encumberedMagnitude;
    mapping(address => mapping(address => ElSnapshot[])) internal _maxMagnitudeHistory;
    mapping(address => mapping(address => Deque)) internal deallocationQueue;
    mapping(address => mapping(bytes32 => RegistrationStatus)) internal registrationStatus;
    mapping(address => AllocationDelayInfo) internal _allocationDelayInfo;
    mapping(bytes32 => uint256) internal _slashIds;
    mapping(bytes32 => address) internal _slashers;
    /// updateSlasher's pending change; the fixture has no updateSlasher, so this stays empty.
    mapping(bytes32 => PendingSlasher) internal _pendingSlashers;
    mapping(bytes32 => address) internal _redistributionRecipients;
    mapping(address => address) internal _avsRegistrar;
    bool internal _delaysSet;
    uint32 internal _deallocationDelay;
    uint32 internal _allocationConfigurationDelay;

    event AllocationDelaySet(address operator, uint32 delay, uint32 effectBlock);
    event AllocationUpdated(address operator, OperatorSet operatorSet, address strategy, uint64 magnitude, uint32 effectBlock);
    event EncumberedMagnitudeUpdated(address operator, address strategy, uint64 encumberedMagnitude);
    event MaxMagnitudeUpdated(address operator, address strategy, uint64 maxMagnitude);
    event OperatorSlashed(address operator, OperatorSet operatorSet, address[] strategies, uint256[] wadSlashed, string description);
    event OperatorSetCreated(OperatorSet operatorSet);
    event OperatorAddedToOperatorSet(address indexed operator, OperatorSet operatorSet);
    event OperatorRemovedFromOperatorSet(address indexed operator, OperatorSet operatorSet);
    event StrategyAddedToOperatorSet(OperatorSet operatorSet, address strategy);
    event StrategyRemovedFromOperatorSet(OperatorSet operatorSet, address strategy);
    event RedistributionAddressSet(OperatorSet operatorSet, address redistributionRecipient);
    event SlasherUpdated(OperatorSet operatorSet, address slasher, uint32 effectBlock);

    // ---- fixture setters ----

    /// DEALLOCATION_DELAY and ALLOCATION_CONFIGURATION_DELAY are immutables on mainnet.
    function setDelays(uint32 deallocationDelay, uint32 allocationConfigurationDelay) external {
        _delaysSet = true;
        _deallocationDelay = deallocationDelay;
        _allocationConfigurationDelay = allocationConfigurationDelay;
    }

    /// Sets an operator's allocation delay with immediate effect (as for a newly registered operator).
    function setAllocationDelayNow(address operator, uint32 delay) external {
        _setAllocationDelay(operator, delay, true);
    }

    // ---- actions, as in AllocationManager.sol ----

    /// createOperatorSets (one set); the AVS is its slasher.
    function createOperatorSet(address avs, uint32 operatorSetId, address[] calldata strategies) external {
        _createOperatorSet(avs, operatorSetId, strategies, ElAddr.DEFAULT_BURN_ADDRESS);
    }

    /// createRedistributingOperatorSets (one set).
    function createRedistributingOperatorSet(address avs, uint32 operatorSetId, address[] calldata strategies, address recipient) external {
        require(recipient != address(0), "InputAddressZero");
        require(recipient != ElAddr.DEFAULT_BURN_ADDRESS, "InvalidRedistributionRecipient");
        _createOperatorSet(avs, operatorSetId, strategies, recipient);
    }

    function addStrategiesToOperatorSet(address avs, uint32 operatorSetId, address[] calldata strategies) external {
        OperatorSet memory os = OperatorSet(avs, operatorSetId);
        require(_operatorSets[avs].contains(bytes32(uint256(operatorSetId))), "InvalidOperatorSet");
        for (uint256 i = 0; i < strategies.length; i++) _addStrategyToOperatorSet(os, strategies[i]);
    }

    function removeStrategiesFromOperatorSet(address avs, uint32 operatorSetId, address[] calldata strategies) external {
        OperatorSet memory os = OperatorSet(avs, operatorSetId);
        require(_operatorSets[avs].contains(bytes32(uint256(operatorSetId))), "InvalidOperatorSet");
        for (uint256 i = 0; i < strategies.length; i++) {
            require(_operatorSetStrategies[os.key()].remove(strategies[i]), "StrategyNotInOperatorSet");
            emit StrategyRemovedFromOperatorSet(os, strategies[i]);
        }
    }

    /// registerForOperatorSets (no AVS registrar callback).
    function registerForOperatorSets(address operator, address avs, uint32[] calldata operatorSetIds) external {
        require(IElDelegationManager(ElAddr.DELEGATION_MANAGER).isOperator(operator), "InvalidOperator");
        for (uint256 i = 0; i < operatorSetIds.length; i++) {
            OperatorSet memory os = OperatorSet(avs, operatorSetIds[i]);
            require(_operatorSets[avs].contains(bytes32(uint256(os.id))), "InvalidOperatorSet");
            require(!isOperatorSlashable(operator, os), "AlreadyMemberOfSet");
            registeredSets[operator].add(os.key());
            _operatorSetMembers[os.key()].add(operator);
            emit OperatorAddedToOperatorSet(operator, os);
            registrationStatus[operator][os.key()].registered = true;
        }
    }

    /// deregisterFromOperatorSets: the operator stays slashable for DEALLOCATION_DELAY blocks.
    function deregisterFromOperatorSets(address operator, address avs, uint32[] calldata operatorSetIds) external {
        for (uint256 i = 0; i < operatorSetIds.length; i++) {
            OperatorSet memory os = OperatorSet(avs, operatorSetIds[i]);
            require(_operatorSets[avs].contains(bytes32(uint256(os.id))), "InvalidOperatorSet");
            require(registrationStatus[operator][os.key()].registered, "NotMemberOfSet");
            registeredSets[operator].remove(os.key());
            _operatorSetMembers[os.key()].remove(operator);
            emit OperatorRemovedFromOperatorSet(operator, os);
            registrationStatus[operator][os.key()] =
                RegistrationStatus({registered: false, slashableUntil: uint32(block.number) + DEALLOCATION_DELAY()});
        }
    }

    /// setAllocationDelay: immediate when called by the DelegationManager (operator registration),
    /// otherwise effective after ALLOCATION_CONFIGURATION_DELAY.
    function setAllocationDelay(address operator, uint32 delay) external {
        _setAllocationDelay(operator, delay, msg.sender == ElAddr.DELEGATION_MANAGER);
    }

    /// modifyAllocations: allocations take effect after the operator's allocation delay.
    function modifyAllocations(address operator, AllocateParams[] calldata params) external {
        (bool isSet, uint32 delay) = getAllocationDelay(operator);
        require(isSet, "UninitializedAllocationDelay");
        _modifyAllocations(operator, params, delay);
    }

    /// modifyAllocations with an explicit allocation delay for increases (scenario control of
    /// when a pending allocation takes effect); decreases follow the real rules.
    function modifyAllocationsWithDelay(address operator, AllocateParams[] calldata params, uint32 allocationDelay) external {
        _modifyAllocations(operator, params, allocationDelay);
    }

    function clearDeallocationQueue(address operator, address[] calldata strategies, uint16[] calldata numToClear) external {
        require(strategies.length == numToClear.length, "InputArrayLengthMismatch");
        for (uint256 i = 0; i < strategies.length; ++i) _clearDeallocationQueue(operator, strategies[i], numToClear[i]);
    }

    /// slashOperator (any caller; the real one requires the operator set's slasher).
    function slashOperator(address avs, SlashingParams calldata params) external returns (uint256 slashId, uint256[] memory shares) {
        OperatorSet memory os = OperatorSet(avs, params.operatorSetId);
        require(params.strategies.length == params.wadsToSlash.length, "InputArrayLengthMismatch");
        require(_operatorSets[avs].contains(bytes32(uint256(os.id))), "InvalidOperatorSet");
        require(isOperatorSlashable(params.operator, os), "OperatorNotSlashable");
        return _slashOperator(params, os);
    }

    // ---- IAllocationManagerView ----

    function DEALLOCATION_DELAY() public view returns (uint32) {
        return _delaysSet ? _deallocationDelay : DEFAULT_DEALLOCATION_DELAY;
    }

    function ALLOCATION_CONFIGURATION_DELAY() public view returns (uint32) {
        return _delaysSet ? _allocationConfigurationDelay : DEFAULT_ALLOCATION_CONFIGURATION_DELAY;
    }

    function delegation() external view returns (address) {
        return ElAddr.DELEGATION_MANAGER;
    }

    function getOperatorSetCount(address avs) external view returns (uint256) {
        return _operatorSets[avs].values.length;
    }

    function getAllocatedSets(address operator) public view returns (OperatorSet[] memory) {
        return _decodeAll(allocatedSets[operator].values);
    }

    function getAllocatedStrategies(address operator, OperatorSet memory operatorSet) external view returns (address[] memory) {
        return allocatedStrategies[operator][operatorSet.key()].values;
    }

    function getAllocation(address operator, OperatorSet memory operatorSet, address strategy) public view returns (Allocation memory) {
        (, Allocation memory allocation) = _getUpdatedAllocation(operator, operatorSet.key(), strategy);
        return allocation;
    }

    function getAllocations(address[] memory operators, OperatorSet memory operatorSet, address strategy)
        external view returns (Allocation[] memory result)
    {
        result = new Allocation[](operators.length);
        for (uint256 i = 0; i < operators.length; i++) result[i] = getAllocation(operators[i], operatorSet, strategy);
    }

    function getStrategyAllocations(address operator, address strategy) external view returns (OperatorSet[] memory sets, Allocation[] memory allocs) {
        sets = getAllocatedSets(operator);
        allocs = new Allocation[](sets.length);
        for (uint256 i = 0; i < sets.length; i++) allocs[i] = getAllocation(operator, sets[i], strategy);
    }

    function getEncumberedMagnitude(address operator, address strategy) external view returns (uint64) {
        (uint64 used,) = _getFreeAndUsedMagnitude(operator, strategy);
        return used;
    }

    function getAllocatableMagnitude(address operator, address strategy) external view returns (uint64) {
        (, uint64 free) = _getFreeAndUsedMagnitude(operator, strategy);
        return free;
    }

    function getMaxMagnitude(address operator, address strategy) public view returns (uint64) {
        return uint64(_maxMagnitudeHistory[operator][strategy].latest(ElMath.WAD));
    }

    function getMaxMagnitudes(address operator, address[] memory strategies) external view returns (uint64[] memory m) {
        m = new uint64[](strategies.length);
        for (uint256 i = 0; i < strategies.length; ++i) m[i] = getMaxMagnitude(operator, strategies[i]);
    }

    function getMaxMagnitudes(address[] memory operators, address strategy) external view returns (uint64[] memory m) {
        m = new uint64[](operators.length);
        for (uint256 i = 0; i < operators.length; ++i) m[i] = getMaxMagnitude(operators[i], strategy);
    }

    function getMaxMagnitudesAtBlock(address operator, address[] memory strategies, uint32 blockNumber)
        external view returns (uint64[] memory m)
    {
        m = new uint64[](strategies.length);
        for (uint256 i = 0; i < strategies.length; ++i) {
            m[i] = uint64(_maxMagnitudeHistory[operator][strategies[i]].upperLookup(blockNumber, ElMath.WAD));
        }
    }

    function getAllocationDelay(address operator) public view returns (bool, uint32) {
        AllocationDelayInfo memory info = _allocationDelayInfo[operator];
        uint32 delay = info.delay;
        bool isSet = info.isSet;
        if (info.effectBlock != 0 && block.number >= info.effectBlock) {
            delay = info.pendingDelay;
            isSet = true;
        }
        return (isSet, delay);
    }

    function getRegisteredSets(address operator) public view returns (OperatorSet[] memory operatorSets) {
        return _decodeAll(registeredSets[operator].values);
    }

    function isMemberOfOperatorSet(address operator, OperatorSet memory operatorSet) external view returns (bool) {
        return _operatorSetMembers[operatorSet.key()].contains(operator);
    }

    function isOperatorSet(OperatorSet memory operatorSet) external view returns (bool) {
        return _operatorSets[operatorSet.avs].contains(bytes32(uint256(operatorSet.id)));
    }

    function getMembers(OperatorSet memory operatorSet) external view returns (address[] memory operators) {
        return _operatorSetMembers[operatorSet.key()].values;
    }

    function getMemberCount(OperatorSet memory operatorSet) external view returns (uint256) {
        return _operatorSetMembers[operatorSet.key()].values.length;
    }

    function getAVSRegistrar(address avs) external view returns (address) {
        address r = _avsRegistrar[avs];
        return r == address(0) ? avs : r;
    }

    function getStrategiesInOperatorSet(OperatorSet memory operatorSet) external view returns (address[] memory strategies) {
        return _operatorSetStrategies[operatorSet.key()].values;
    }

    function getMinimumSlashableStake(OperatorSet memory operatorSet, address[] memory operators, address[] memory strategies, uint32 futureBlock)
        external view returns (uint256[][] memory slashableStake)
    {
        slashableStake = _getMinimumAllocatedStake(operatorSet, operators, strategies, futureBlock);
        for (uint256 i = 0; i < operators.length; i++) {
            if (!isOperatorSlashable(operators[i], operatorSet)) {
                for (uint256 j = 0; j < strategies.length; j++) slashableStake[i][j] = 0;
            }
        }
    }

    function getAllocatedStake(OperatorSet memory operatorSet, address[] memory operators, address[] memory strategies)
        external view returns (uint256[][] memory slashableStake)
    {
        return _getMinimumAllocatedStake(operatorSet, operators, strategies, uint32(block.number));
    }

    function isOperatorSlashable(address operator, OperatorSet memory operatorSet) public view returns (bool) {
        RegistrationStatus memory status = registrationStatus[operator][operatorSet.key()];
        return status.registered || block.number <= status.slashableUntil;
    }

    function getRedistributionRecipient(OperatorSet memory operatorSet) public view returns (address) {
        address r = _redistributionRecipients[operatorSet.key()];
        return r == address(0) ? ElAddr.DEFAULT_BURN_ADDRESS : r;
    }

    function isRedistributingOperatorSet(OperatorSet memory operatorSet) public view returns (bool) {
        return getRedistributionRecipient(operatorSet) != ElAddr.DEFAULT_BURN_ADDRESS;
    }

    function getSlashCount(OperatorSet memory operatorSet) external view returns (uint256) {
        return _slashIds[operatorSet.key()];
    }

    function isOperatorRedistributable(address operator) external view returns (bool) {
        return _anyRedistributable(operator, getRegisteredSets(operator)) || _anyRedistributable(operator, getAllocatedSets(operator));
    }

    function getSlasher(OperatorSet memory operatorSet) external view returns (address) {
        return _slashers[operatorSet.key()];
    }

    function getPendingSlasher(OperatorSet memory operatorSet) external view returns (address pendingSlasher, uint32 effectBlock) {
        PendingSlasher memory p = _pendingSlashers[operatorSet.key()];
        if (block.number < p.effectBlock) return (p.slasher, p.effectBlock);
        return (address(0), 0);
    }

    // ---- internal, following AllocationManager.sol / AllocationManagerView.sol ----

    function _createOperatorSet(address avs, uint32 id, address[] calldata strategies, address recipient) internal {
        OperatorSet memory os = OperatorSet(avs, id);
        require(_operatorSets[avs].add(bytes32(uint256(id))), "InvalidOperatorSet");
        emit OperatorSetCreated(os);
        if (recipient != ElAddr.DEFAULT_BURN_ADDRESS) {
            _redistributionRecipients[os.key()] = recipient;
            emit RedistributionAddressSet(os, recipient);
        }
        for (uint256 j = 0; j < strategies.length; j++) _addStrategyToOperatorSet(os, strategies[j]);
        _slashers[os.key()] = avs;
        emit SlasherUpdated(os, avs, uint32(block.number));
    }

    function _addStrategyToOperatorSet(OperatorSet memory os, address strategy) internal {
        if (isRedistributingOperatorSet(os)) require(strategy != ElAddr.BEACON_CHAIN_ETH_STRATEGY, "InvalidStrategy");
        require(_operatorSetStrategies[os.key()].add(strategy), "StrategyAlreadyInOperatorSet");
        emit StrategyAddedToOperatorSet(os, strategy);
    }

    function _setAllocationDelay(address operator, uint32 delay, bool immediate) internal {
        AllocationDelayInfo memory info = _allocationDelayInfo[operator];
        if (info.effectBlock != 0 && block.number >= info.effectBlock) {
            info.delay = info.pendingDelay;
            info.isSet = true;
        }
        info.pendingDelay = delay;
        if (immediate) {
            info.delay = delay;
            info.isSet = true;
            info.effectBlock = uint32(block.number);
        } else {
            info.effectBlock = uint32(block.number) + ALLOCATION_CONFIGURATION_DELAY() + 1;
        }
        _allocationDelayInfo[operator] = info;
        emit AllocationDelaySet(operator, delay, info.effectBlock);
    }

    function _modifyAllocations(address operator, AllocateParams[] calldata params, uint32 allocationDelay) internal {
        for (uint256 i = 0; i < params.length; i++) {
            require(params[i].strategies.length == params[i].newMagnitudes.length, "InputArrayLengthMismatch");
            OperatorSet memory os = params[i].operatorSet;
            require(_operatorSets[os.avs].contains(bytes32(uint256(os.id))), "InvalidOperatorSet");
            bool operatorSlashable = isOperatorSlashable(operator, os);
            for (uint256 j = 0; j < params[i].strategies.length; j++) {
                _modifyOne(operator, os, params[i].strategies[j], params[i].newMagnitudes[j], operatorSlashable, allocationDelay);
            }
        }
    }

    function _modifyOne(address operator, OperatorSet memory os, address strategy, uint64 newMagnitude, bool operatorSlashable, uint32 allocationDelay)
        internal
    {
        _clearDeallocationQueue(operator, strategy, type(uint16).max);
        bytes32 k = os.key();
        (StrategyInfo memory info, Allocation memory allocation) = _getUpdatedAllocation(operator, k, strategy);
        require(allocation.effectBlock == 0, "ModificationAlreadyPending");
        bool isSlashable = _operatorSetStrategies[k].contains(strategy) && operatorSlashable && allocation.currentMagnitude != 0;
        allocation.pendingDiff = int128(uint128(newMagnitude)) - int128(uint128(allocation.currentMagnitude));
        require(allocation.pendingDiff != 0, "SameMagnitude");
        if (allocation.pendingDiff < 0) {
            if (isSlashable) {
                _dequePush(deallocationQueue[operator][strategy], k);
                allocation.effectBlock = uint32(block.number) + DEALLOCATION_DELAY() + 1;
            } else {
                info.encumberedMagnitude = ElMath.addInt128(info.encumberedMagnitude, allocation.pendingDiff);
                allocation.currentMagnitude = newMagnitude;
                allocation.pendingDiff = 0;
                allocation.effectBlock = uint32(block.number);
            }
        } else {
            info.encumberedMagnitude = ElMath.addInt128(info.encumberedMagnitude, allocation.pendingDiff);
            require(info.encumberedMagnitude <= info.maxMagnitude, "InsufficientMagnitude");
            allocation.effectBlock = uint32(block.number) + allocationDelay;
        }
        _updateAllocationInfo(operator, k, strategy, info, allocation);
        emit AllocationUpdated(operator, os, strategy, ElMath.addInt128(allocation.currentMagnitude, allocation.pendingDiff), allocation.effectBlock);
    }

    function _slashOperator(SlashingParams calldata params, OperatorSet memory os) internal returns (uint256 slashId, uint256[] memory shares) {
        uint256[] memory wadSlashed = new uint256[](params.strategies.length);
        shares = new uint256[](params.strategies.length);
        slashId = ++_slashIds[os.key()];
        for (uint256 i = 0; i < params.strategies.length; i++) {
            require(i == 0 || uint160(params.strategies[i]) > uint160(params.strategies[i - 1]), "StrategiesMustBeInAscendingOrder");
            require(0 < params.wadsToSlash[i] && params.wadsToSlash[i] <= ElMath.WAD, "InvalidWadToSlash");
            require(_operatorSetStrategies[os.key()].contains(params.strategies[i]), "StrategyNotInOperatorSet");
            (wadSlashed[i], shares[i]) = _slashOne(params.operator, os, slashId, params.strategies[i], params.wadsToSlash[i]);
        }
        emit OperatorSlashed(params.operator, os, params.strategies, wadSlashed, params.description);
    }

    /// One strategy of _slashOperator's loop.
    function _slashOne(address operator, OperatorSet memory os, uint256 slashId, address strategy, uint256 wadToSlash)
        internal returns (uint256 wadSlashed, uint256 shares)
    {
        (StrategyInfo memory info, Allocation memory allocation) = _getUpdatedAllocation(operator, os.key(), strategy);
        if (allocation.currentMagnitude == 0) return (0, 0);
        uint64 prevMaxMagnitude = info.maxMagnitude;
        uint64 slashedMagnitude = uint64(uint256(allocation.currentMagnitude).mulWadRoundUp(wadToSlash));
        wadSlashed = uint256(slashedMagnitude).divWad(info.maxMagnitude);
        allocation.currentMagnitude -= slashedMagnitude;
        info.maxMagnitude -= slashedMagnitude;
        info.encumberedMagnitude -= slashedMagnitude;
        _slashPendingDeallocation(operator, os, strategy, allocation, wadToSlash);
        _updateAllocationInfo(operator, os.key(), strategy, info, allocation);
        emit AllocationUpdated(operator, os, strategy, allocation.currentMagnitude, uint32(block.number));
        shares = _slashShares(operator, os, slashId, strategy, prevMaxMagnitude, info.maxMagnitude);
    }

    /// A pending deallocation shrinks in proportion, so completing it frees less magnitude.
    function _slashPendingDeallocation(address operator, OperatorSet memory os, address strategy, Allocation memory allocation, uint256 wadToSlash)
        internal
    {
        if (allocation.pendingDiff >= 0) return;
        uint64 slashedPending = uint64(uint256(uint128(-allocation.pendingDiff)).mulWadRoundUp(wadToSlash));
        allocation.pendingDiff += int128(uint128(slashedPending));
        emit AllocationUpdated(operator, os, strategy, ElMath.addInt128(allocation.currentMagnitude, allocation.pendingDiff), allocation.effectBlock);
    }

    /// Records the new max magnitude and has the DelegationManager slash the operator's shares.
    function _slashShares(address operator, OperatorSet memory os, uint256 slashId, address strategy, uint64 prevMax, uint64 newMax)
        internal returns (uint256)
    {
        _maxMagnitudeHistory[operator][strategy].push(uint32(block.number), newMax);
        emit MaxMagnitudeUpdated(operator, strategy, newMax);
        return IElDelegationManager(ElAddr.DELEGATION_MANAGER).slashOperatorShares(operator, os, slashId, strategy, prevMax, newMax);
    }

    function _clearDeallocationQueue(address operator, address strategy, uint16 numToClear) internal {
        Deque storage q = deallocationQueue[operator][strategy];
        uint256 numCleared;
        while (q.head < q.items.length && numCleared < numToClear) {
            bytes32 k = q.items[q.head];
            (StrategyInfo memory info, Allocation memory allocation) = _getUpdatedAllocation(operator, k, strategy);
            if (block.number < allocation.effectBlock) break;
            _updateAllocationInfo(operator, k, strategy, info, allocation);
            q.head++;
            ++numCleared;
        }
    }

    function _getUpdatedAllocation(address operator, bytes32 k, address strategy) internal view returns (StrategyInfo memory, Allocation memory) {
        StrategyInfo memory info = StrategyInfo({
            maxMagnitude: getMaxMagnitude(operator, strategy),
            encumberedMagnitude: encumberedMagnitude[operator][strategy]
        });
        Allocation memory allocation = allocations[operator][k][strategy];
        if (block.number < allocation.effectBlock) return (info, allocation);
        allocation.currentMagnitude = ElMath.addInt128(allocation.currentMagnitude, allocation.pendingDiff);
        if (allocation.pendingDiff < 0) info.encumberedMagnitude = ElMath.addInt128(info.encumberedMagnitude, allocation.pendingDiff);
        allocation.effectBlock = 0;
        allocation.pendingDiff = 0;
        return (info, allocation);
    }

    function _updateAllocationInfo(address operator, bytes32 k, address strategy, StrategyInfo memory info, Allocation memory allocation) internal {
        if (encumberedMagnitude[operator][strategy] != info.encumberedMagnitude) {
            encumberedMagnitude[operator][strategy] = info.encumberedMagnitude;
            emit EncumberedMagnitudeUpdated(operator, strategy, info.encumberedMagnitude);
        }
        allocations[operator][k][strategy] = allocation;
        if (allocation.pendingDiff != 0) {
            allocatedStrategies[operator][k].add(strategy);
            allocatedSets[operator].add(k);
        } else if (allocation.currentMagnitude == 0) {
            allocatedStrategies[operator][k].remove(strategy);
            if (allocatedStrategies[operator][k].values.length == 0) allocatedSets[operator].remove(k);
        }
    }

    function _getFreeAndUsedMagnitude(address operator, address strategy) internal view returns (uint64 used, uint64 free) {
        used = encumberedMagnitude[operator][strategy];
        Deque storage q = deallocationQueue[operator][strategy];
        for (uint256 i = q.head; i < q.items.length; ++i) {
            Allocation memory allocation = allocations[operator][q.items[i]][strategy];
            if (block.number < allocation.effectBlock) break;
            used = ElMath.addInt128(used, allocation.pendingDiff);
        }
        free = getMaxMagnitude(operator, strategy) - used;
    }

    function _getMinimumAllocatedStake(OperatorSet memory os, address[] memory operators, address[] memory strategies, uint32 futureBlock)
        internal view returns (uint256[][] memory allocatedStake)
    {
        allocatedStake = new uint256[][](operators.length);
        uint256[][] memory delegatedStake = IElDelegationManager(ElAddr.DELEGATION_MANAGER).getOperatorsShares(operators, strategies);
        for (uint256 i = 0; i < operators.length; i++) {
            allocatedStake[i] = new uint256[](strategies.length);
            for (uint256 j = 0; j < strategies.length; j++) {
                uint64 maxMagnitude = getMaxMagnitude(operators[i], strategies[j]);
                if (maxMagnitude == 0) continue;
                Allocation memory alloc = getAllocation(operators[i], os, strategies[j]);
                if (alloc.effectBlock <= futureBlock && alloc.pendingDiff < 0) {
                    alloc.currentMagnitude = ElMath.addInt128(alloc.currentMagnitude, alloc.pendingDiff);
                }
                uint256 slashableProportion = uint256(alloc.currentMagnitude).divWad(maxMagnitude);
                allocatedStake[i][j] = delegatedStake[i][j].mulWad(slashableProportion);
            }
        }
    }

    function _anyRedistributable(address operator, OperatorSet[] memory sets) internal view returns (bool) {
        for (uint256 i = 0; i < sets.length; ++i) {
            if (isOperatorSlashable(operator, sets[i]) && isRedistributingOperatorSet(sets[i])) return true;
        }
        return false;
    }

    function _decodeAll(bytes32[] storage keys) internal view returns (OperatorSet[] memory sets) {
        sets = new OperatorSet[](keys.length);
        for (uint256 i = 0; i < keys.length; i++) sets[i] = ElOperatorSetKey.decode(keys[i]);
    }

    function _dequePush(Deque storage q, bytes32 v) internal {
        q.items.push(v);
    }
}
