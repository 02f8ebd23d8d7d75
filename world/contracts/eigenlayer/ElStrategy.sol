// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ElAddr, IElStrategyManager} from "./ElCommon.sol";

/// An EigenLayer strategy (StrategyBase) placed at a mainnet strategy address. Share math is
/// StrategyBase's, with its virtual offsets; the token balance is a stored number the scenario
/// sets (deposits add to it, withdrawals take from it), so no token contract is needed.
contract ElStrategy {
    uint256 internal constant SHARES_OFFSET = 1e3;
    uint256 internal constant BALANCE_OFFSET = 1e3;
    uint256 internal constant MAX_TOTAL_SHARES = 1e38 - 1;

    address public underlyingToken;
    uint256 public totalShares;
    /// Stands in for underlyingToken.balanceOf(strategy).
    uint256 public underlyingBalance;

    event ExchangeRateEmitted(uint256 rate);
    event StrategyTokenSet(address token, uint8 decimals);

    modifier onlyStrategyManager() {
        require(msg.sender == ElAddr.STRATEGY_MANAGER, "OnlyStrategyManager");
        _;
    }

    // ---- fixture setters ----

    function setUnderlyingToken(address token) external {
        underlyingToken = token;
        emit StrategyTokenSet(token, 18);
    }

    /// Sets the strategy's token balance (yield, loss, or tokens sent to it directly).
    function setUnderlyingBalance(uint256 balance) external {
        underlyingBalance = balance;
    }

    // ---- StrategyManager-only, as in StrategyBase ----

    /// StrategyBase.deposit; the stored balance grows by `amount` first, standing in for the
    /// token transfer the StrategyManager makes before calling deposit.
    function deposit(address token, uint256 amount) external onlyStrategyManager returns (uint256 newShares) {
        require(token == underlyingToken, "OnlyUnderlyingToken");
        underlyingBalance += amount;
        uint256 priorTotalShares = totalShares;
        uint256 virtualShareAmount = priorTotalShares + SHARES_OFFSET;
        uint256 virtualTokenBalance = underlyingBalance + BALANCE_OFFSET;
        uint256 virtualPriorTokenBalance = virtualTokenBalance - amount;
        newShares = (amount * virtualShareAmount) / virtualPriorTokenBalance;
        require(newShares != 0, "NewSharesZero");
        totalShares = priorTotalShares + newShares;
        require(totalShares <= MAX_TOTAL_SHARES, "TotalSharesExceedsMax");
        emit ExchangeRateEmitted((1e18 * virtualTokenBalance) / (totalShares + SHARES_OFFSET));
    }

    /// StrategyBase.withdraw; the tokens leave the stored balance.
    function withdraw(address, address token, uint256 amountShares) external onlyStrategyManager returns (uint256 amountOut) {
        require(token == underlyingToken, "OnlyUnderlyingToken");
        uint256 priorTotalShares = totalShares;
        require(amountShares <= priorTotalShares, "WithdrawalAmountExceedsTotalDeposits");
        uint256 virtualPriorTotalShares = priorTotalShares + SHARES_OFFSET;
        uint256 virtualTokenBalance = underlyingBalance + BALANCE_OFFSET;
        amountOut = (virtualTokenBalance * amountShares) / virtualPriorTotalShares;
        totalShares = priorTotalShares - amountShares;
        underlyingBalance -= amountOut;
        emit ExchangeRateEmitted((1e18 * (virtualTokenBalance - amountOut)) / (totalShares + SHARES_OFFSET));
    }

    // ---- IStrategy views ----

    function explanation() external pure returns (string memory) {
        return "Base Strategy implementation to inherit from for more complex implementations";
    }

    function sharesToUnderlyingView(uint256 amountShares) public view returns (uint256) {
        return ((underlyingBalance + BALANCE_OFFSET) * amountShares) / (totalShares + SHARES_OFFSET);
    }

    function sharesToUnderlying(uint256 amountShares) external view returns (uint256) {
        return sharesToUnderlyingView(amountShares);
    }

    function underlyingToSharesView(uint256 amountUnderlying) public view returns (uint256) {
        return (amountUnderlying * (totalShares + SHARES_OFFSET)) / (underlyingBalance + BALANCE_OFFSET);
    }

    function underlyingToShares(uint256 amountUnderlying) external view returns (uint256) {
        return underlyingToSharesView(amountUnderlying);
    }

    function userUnderlyingView(address user) external view returns (uint256) {
        return sharesToUnderlyingView(shares(user));
    }

    function shares(address user) public view returns (uint256) {
        return IElStrategyManager(ElAddr.STRATEGY_MANAGER).stakerDepositShares(user, address(this));
    }

    function strategyManager() external view returns (address) {
        return ElAddr.STRATEGY_MANAGER;
    }
}
