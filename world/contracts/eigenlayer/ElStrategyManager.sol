// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ElAddr, OperatorSet, ElOperatorSetKey, IElDelegationManager, IElStrategy} from "./ElCommon.sol";

/// EigenLayer StrategyManager at its mainnet address: deposit shares per staker and strategy,
/// the staker's strategy list, and the deposit path (strategy.deposit -> addShares ->
/// DelegationManager.increaseDelegatedShares) as the real contract runs it.
contract ElStrategyManager {
    using ElOperatorSetKey for OperatorSet;

    uint8 internal constant MAX_STAKER_STRATEGY_LIST_LENGTH = 32;

    mapping(address => mapping(address => uint256)) public stakerDepositShares;
    mapping(address => address[]) public stakerStrategyList;
    mapping(address => bool) public strategyIsWhitelistedForDeposit;
    /// Shares slashed and waiting to be burned or redistributed: operator set key => slash id => strategy => shares.
    mapping(bytes32 => mapping(uint256 => mapping(address => uint256))) internal _burnOrRedistributableShares;
    mapping(bytes32 => mapping(uint256 => address[])) internal _burnOrRedistributableStrategies;
    /// Burnable shares recorded before slash ids existed; never written by the fixture.
    mapping(address => uint256) internal _legacyBurnableShares;

    event Deposit(address staker, address strategy, uint256 shares);
    event StrategyAddedToDepositWhitelist(address strategy);
    event StrategyRemovedFromDepositWhitelist(address strategy);
    event BurnOrRedistributableSharesIncreased(OperatorSet operatorSet, uint256 slashId, address strategy, uint256 shares);

    modifier onlyDelegationManager() {
        require(msg.sender == ElAddr.DELEGATION_MANAGER, "OnlyDelegationManager");
        _;
    }

    // ---- fixture entry points (the real ones take msg.sender and a token transfer) ----

    function addStrategiesToDepositWhitelist(address[] calldata strategies) external {
        for (uint256 i = 0; i < strategies.length; ++i) {
            if (!strategyIsWhitelistedForDeposit[strategies[i]]) {
                strategyIsWhitelistedForDeposit[strategies[i]] = true;
                emit StrategyAddedToDepositWhitelist(strategies[i]);
            }
        }
    }

    function removeStrategiesFromDepositWhitelist(address[] calldata strategies) external {
        for (uint256 i = 0; i < strategies.length; ++i) {
            if (strategyIsWhitelistedForDeposit[strategies[i]]) {
                strategyIsWhitelistedForDeposit[strategies[i]] = false;
                emit StrategyRemovedFromDepositWhitelist(strategies[i]);
            }
        }
    }

    /// depositIntoStrategy on behalf of `staker`: `amount` of the underlying enters the strategy,
    /// the minted shares are credited, and the DelegationManager updates the staker's deposit
    /// scaling factor and their operator's shares.
    function depositFor(address staker, address strategy, uint256 amount) external returns (uint256 shares) {
        require(strategyIsWhitelistedForDeposit[strategy], "StrategyNotWhitelisted");
        shares = IElStrategy(strategy).deposit(IElStrategy(strategy).underlyingToken(), amount);
        (uint256 prevDepositShares, uint256 addedShares) = _addShares(staker, strategy, shares);
        IElDelegationManager(ElAddr.DELEGATION_MANAGER).increaseDelegatedShares(staker, strategy, prevDepositShares, addedShares);
    }

    // ---- IShareManager, DelegationManager-only ----

    function removeDepositShares(address staker, address strategy, uint256 depositSharesToRemove)
        external onlyDelegationManager returns (uint256)
    {
        require(depositSharesToRemove != 0, "SharesAmountZero");
        uint256 userDepositShares = stakerDepositShares[staker][strategy];
        require(depositSharesToRemove <= userDepositShares, "SharesAmountTooHigh");
        userDepositShares -= depositSharesToRemove;
        stakerDepositShares[staker][strategy] = userDepositShares;
        if (userDepositShares == 0) _removeStrategyFromStakerStrategyList(staker, strategy);
        return userDepositShares;
    }

    function addShares(address staker, address strategy, uint256 shares) external onlyDelegationManager returns (uint256, uint256) {
        return _addShares(staker, strategy, shares);
    }

    function withdrawSharesAsTokens(address staker, address strategy, address token, uint256 shares) external onlyDelegationManager {
        IElStrategy(strategy).withdraw(staker, token, shares);
    }

    function increaseBurnOrRedistributableShares(OperatorSet calldata operatorSet, uint256 slashId, address strategy, uint256 shares)
        external onlyDelegationManager
    {
        bytes32 k = operatorSet.key();
        require(_burnOrRedistributableShares[k][slashId][strategy] == 0, "StrategyAlreadyInSlash");
        _burnOrRedistributableShares[k][slashId][strategy] = shares;
        _burnOrRedistributableStrategies[k][slashId].push(strategy);
        emit BurnOrRedistributableSharesIncreased(operatorSet, slashId, strategy, shares);
    }

    // ---- views ----

    function delegation() external view returns (address) {
        return ElAddr.DELEGATION_MANAGER;
    }

    function getDeposits(address staker) external view returns (address[] memory, uint256[] memory) {
        address[] memory list = stakerStrategyList[staker];
        uint256[] memory depositedShares = new uint256[](list.length);
        for (uint256 i = 0; i < list.length; ++i) depositedShares[i] = stakerDepositShares[staker][list[i]];
        return (list, depositedShares);
    }

    function getStakerStrategyList(address staker) external view returns (address[] memory) {
        return stakerStrategyList[staker];
    }

    function stakerStrategyListLength(address staker) external view returns (uint256) {
        return stakerStrategyList[staker].length;
    }

    /// Legacy (pre-slash-id) burnable shares; slashes since the redistribution release are
    /// tracked per operator set and slash id instead, so this stays 0 here.
    function getBurnableShares(address strategy) external view returns (uint256) {
        return _legacyBurnableShares[strategy];
    }

    function getBurnOrRedistributableShares(OperatorSet calldata operatorSet, uint256 slashId, address strategy)
        external view returns (uint256)
    {
        return _burnOrRedistributableShares[operatorSet.key()][slashId][strategy];
    }

    function getBurnOrRedistributableShares(OperatorSet calldata operatorSet, uint256 slashId)
        external view returns (address[] memory strategies, uint256[] memory shares)
    {
        bytes32 k = operatorSet.key();
        strategies = _burnOrRedistributableStrategies[k][slashId];
        shares = new uint256[](strategies.length);
        for (uint256 i = 0; i < strategies.length; ++i) shares[i] = _burnOrRedistributableShares[k][slashId][strategies[i]];
    }

    function getBurnOrRedistributableCount(OperatorSet calldata operatorSet, uint256 slashId) external view returns (uint256) {
        return _burnOrRedistributableStrategies[operatorSet.key()][slashId].length;
    }

    // ---- internal, as in StrategyManager ----

    function _addShares(address staker, address strategy, uint256 shares) internal returns (uint256, uint256) {
        require(staker != address(0), "StakerAddressZero");
        require(shares != 0, "SharesAmountZero");
        uint256 prevDepositShares = stakerDepositShares[staker][strategy];
        if (prevDepositShares == 0) {
            require(stakerStrategyList[staker].length < MAX_STAKER_STRATEGY_LIST_LENGTH, "MaxStrategiesExceeded");
            stakerStrategyList[staker].push(strategy);
        }
        stakerDepositShares[staker][strategy] = prevDepositShares + shares;
        emit Deposit(staker, strategy, shares);
        return (prevDepositShares, shares);
    }

    function _removeStrategyFromStakerStrategyList(address staker, address strategy) internal {
        address[] storage list = stakerStrategyList[staker];
        uint256 n = list.length;
        uint256 j = 0;
        for (; j < n; ++j) {
            if (list[j] == strategy) {
                list[j] = list[n - 1];
                break;
            }
        }
        require(j != n, "StrategyNotFound");
        list.pop();
    }
}
