// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {FixtureERC20} from "./FixtureERC20.sol";
import {FX_STETH, FixtureTokenMath} from "./FixtureAddresses.sol";

/// Lido stETH (lidofinance/core contracts/0.4.24/StETH.sol): balances are shares; a balance in
/// ether is shares * totalPooledEther / totalShares, rounded down. External shares (Lido v3 vaults)
/// are not modelled: the share rate is totalPooledEther / totalShares, as before v3.
contract FixtureStETH is FixtureERC20 {
    uint256 internal _totalPooledEther;

    event TransferShares(address indexed from, address indexed to, uint256 sharesValue);

    function name() external pure override returns (string memory) {
        return "Liquid staked Ether 2.0";
    }

    function symbol() external pure override returns (string memory) {
        return "stETH";
    }

    function totalSupply() public view override returns (uint256) {
        return _totalPooledEther;
    }

    function balanceOf(address account) public view override returns (uint256) {
        return getPooledEthByShares(_balances[account]);
    }

    function sharesOf(address account) external view returns (uint256) {
        return _balances[account];
    }

    function getTotalShares() external view returns (uint256) {
        return _supply;
    }

    function getTotalPooledEther() external view returns (uint256) {
        return _totalPooledEther;
    }

    function getSharesByPooledEth(uint256 ethAmount) public view returns (uint256) {
        require(ethAmount < type(uint128).max, "ETH_TOO_LARGE");
        if (_totalPooledEther == 0) return ethAmount; // never on mainnet (initial shares)
        return ethAmount * _supply / _totalPooledEther;
    }

    function getPooledEthByShares(uint256 sharesAmount) public view returns (uint256) {
        require(sharesAmount < type(uint128).max, "SHARES_TOO_LARGE");
        if (_supply == 0) return 0;
        return sharesAmount * _totalPooledEther / _supply;
    }

    function getPooledEthBySharesRoundUp(uint256 sharesAmount) external view returns (uint256) {
        require(sharesAmount < type(uint128).max, "SHARES_TOO_LARGE");
        if (_supply == 0) return 0;
        return FixtureTokenMath.ceilDiv(sharesAmount * _totalPooledEther, _supply);
    }

    function transferShares(address to, uint256 sharesAmount) external returns (uint256) {
        _transferShares(msg.sender, to, sharesAmount);
        uint256 amount = getPooledEthByShares(sharesAmount);
        emit Transfer(msg.sender, to, amount);
        return amount;
    }

    /// Fixture-only: a deposit of `amount` ether for `to`, as Lido.submit: shares are
    /// getSharesByPooledEth(amount) and the pool grows by `amount`.
    function mint(address to, uint256 amount) external override {
        uint256 shares = getSharesByPooledEth(amount);
        _mintShares(to, shares);
        _totalPooledEther += amount;
        emit Transfer(address(0), to, amount);
    }

    /// Fixture-only: burns the shares worth `amount` ether and takes that ether out of the pool.
    function burn(address from, uint256 amount) external override {
        uint256 shares = getSharesByPooledEth(amount);
        require(_balances[from] >= shares, "BALANCE_EXCEEDED");
        _balances[from] -= shares;
        _supply -= shares;
        _totalPooledEther -= amount;
        emit Transfer(from, address(0), amount);
    }

    /// Fixture-only: creates `shares` shares for `to`, adding the ether they are worth to the pool.
    function mintShares(address to, uint256 shares) external {
        uint256 eth = _supply == 0 ? shares : getPooledEthByShares(shares);
        _mintShares(to, shares);
        _totalPooledEther += eth;
        emit Transfer(address(0), to, eth);
    }

    /// Fixture-only: sets the pooled ether (an oracle report), rebasing every balance.
    function setTotalPooledEther(uint256 amount) external {
        _totalPooledEther = amount;
    }

    /// Fixture-only: sets the pooled ether so that getPooledEthByShares(1e18) is exactly `rate`
    /// (pooled = ceil(rate * totalShares / 1e18); exact whenever totalShares >= 1e18).
    function setShareRate(uint256 rate) external {
        require(_supply >= 1 ether, "fixture: too few shares for an exact rate");
        _totalPooledEther = FixtureTokenMath.ceilDiv(rate * _supply, 1 ether);
    }

    function _transfer(address from, address to, uint256 amount) internal override {
        require(!_paused, "CONTRACT_IS_STOPPED");
        uint256 shares = getSharesByPooledEth(amount);
        _transferShares(from, to, shares);
        emit Transfer(from, to, amount);
    }

    function _transferShares(address from, address to, uint256 shares) internal {
        require(to != address(0), "TRANSFER_TO_ZERO_ADDR");
        require(_balances[from] >= shares, "BALANCE_EXCEEDED");
        _balances[from] -= shares;
        _balances[to] += shares;
        emit TransferShares(from, to, shares);
    }

    function _mintShares(address to, uint256 shares) internal {
        _balances[to] += shares;
        _supply += shares;
        emit TransferShares(address(0), to, shares);
    }
}

interface IFxStETH {
    function getPooledEthByShares(uint256 sharesAmount) external view returns (uint256);
    function getSharesByPooledEth(uint256 ethAmount) external view returns (uint256);
    function mintShares(address to, uint256 shares) external;
}

/// Lido wstETH (lidofinance/core contracts/0.6.12/WstETH.sol): a plain ERC-20 whose balances are
/// stETH shares held by the wrapper; conversions go through the stETH share rate.
contract FixtureWstETH is FixtureERC20 {
    function name() external pure override returns (string memory) {
        return "Wrapped liquid staked Ether 2.0";
    }

    function symbol() external pure override returns (string memory) {
        return "wstETH";
    }

    function stETH() external pure returns (address) {
        return FX_STETH;
    }

    function getWstETHByStETH(uint256 stETHAmount) external view returns (uint256) {
        return IFxStETH(FX_STETH).getSharesByPooledEth(stETHAmount);
    }

    function getStETHByWstETH(uint256 wstETHAmount) external view returns (uint256) {
        return IFxStETH(FX_STETH).getPooledEthByShares(wstETHAmount);
    }

    function stEthPerToken() external view returns (uint256) {
        return IFxStETH(FX_STETH).getPooledEthByShares(1 ether);
    }

    function tokensPerStEth() external view returns (uint256) {
        return IFxStETH(FX_STETH).getSharesByPooledEth(1 ether);
    }

    /// Fixture-only: mints wstETH to `to` and the stETH shares backing it to the wrapper.
    function mint(address to, uint256 amount) external override {
        _mint(to, amount);
        IFxStETH(FX_STETH).mintShares(address(this), amount);
    }
}
