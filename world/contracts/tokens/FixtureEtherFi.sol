// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {FixtureERC20} from "./FixtureERC20.sol";
import {FixtureRevertable} from "../infra/FixtureProxy.sol";
import {FX_EETH, FX_ETHERFI_LIQUIDITY_POOL, FixtureTokenMath} from "./FixtureAddresses.sol";

interface IFxEETH {
    function shares(address account) external view returns (uint256);
    function totalShares() external view returns (uint256);
    function mintShares(address to, uint256 shares) external;
}

interface IFxLiquidityPool {
    function getTotalPooledEther() external view returns (uint256);
    function amountForShare(uint256 share) external view returns (uint256);
    function sharesForAmount(uint256 amount) external view returns (uint256);
    function getTotalEtherClaimOf(address user) external view returns (uint256);
    function addPooledEther(uint256 amount) external;
}

/// ether.fi LiquidityPool (etherfi-protocol/smart-contracts src/core/LiquidityPool.sol): the pool's
/// ether is totalValueOutOfLp + totalValueInLp; conversions use eETH's shares, rounded down.
contract FixtureEtherFiLiquidityPool is FixtureRevertable {
    uint128 public totalValueOutOfLp;
    uint128 public totalValueInLp;

    function eETH() external pure returns (address) {
        return FX_EETH;
    }

    function getTotalPooledEther() public view returns (uint256) {
        return uint256(totalValueOutOfLp) + uint256(totalValueInLp);
    }

    function getTotalEtherClaimOf(address user) external view returns (uint256) {
        uint256 total = IFxEETH(FX_EETH).totalShares();
        if (total == 0) return 0;
        return getTotalPooledEther() * IFxEETH(FX_EETH).shares(user) / total;
    }

    function sharesForAmount(uint256 amount) public view returns (uint256) {
        uint256 pooled = getTotalPooledEther();
        if (pooled == 0) return 0;
        return amount * IFxEETH(FX_EETH).totalShares() / pooled;
    }

    function amountForShare(uint256 share) public view returns (uint256) {
        uint256 total = IFxEETH(FX_EETH).totalShares();
        if (total == 0) return 0;
        return share * getTotalPooledEther() / total;
    }

    /// Fixture-only: ether entering the pool (a deposit): totalValueInLp grows.
    function addPooledEther(uint256 amount) external {
        totalValueInLp += uint128(amount);
    }

    /// Fixture-only: sets both totals (an oracle report / rebase).
    function setTotals(uint128 outOfLp, uint128 inLp) external {
        totalValueOutOfLp = outOfLp;
        totalValueInLp = inLp;
    }

    /// Fixture-only: rebases so that amountForShare(1e18) (weETH.getRate()) is exactly `rate`:
    /// pooled = ceil(rate * totalShares / 1e18), keeping totalValueInLp and putting the rest out of the LP.
    function setRate(uint256 rate) external {
        uint256 total = IFxEETH(FX_EETH).totalShares();
        require(total >= 1 ether, "fixture: too few shares for an exact rate");
        uint256 pooled = FixtureTokenMath.ceilDiv(rate * total, 1 ether);
        if (pooled >= totalValueInLp) {
            totalValueOutOfLp = uint128(pooled - totalValueInLp);
        } else {
            totalValueInLp = uint128(pooled);
            totalValueOutOfLp = 0;
        }
    }
}

/// ether.fi eETH (src/core/EETH.sol): share-based; balanceOf = LiquidityPool.getTotalEtherClaimOf,
/// totalSupply = LiquidityPool.getTotalPooledEther, transfers move sharesForAmount(amount) shares.
contract FixtureEETH is FixtureERC20 {
    event TransferShares(address indexed from, address indexed to, uint256 sharesValue);

    function name() external pure override returns (string memory) {
        return "ether.fi ETH";
    }

    function symbol() external pure override returns (string memory) {
        return "eETH";
    }

    function liquidityPool() external pure returns (address) {
        return FX_ETHERFI_LIQUIDITY_POOL;
    }

    function shares(address account) external view returns (uint256) {
        return _balances[account];
    }

    function totalShares() external view returns (uint256) {
        return _supply;
    }

    function totalSupply() public view override returns (uint256) {
        return IFxLiquidityPool(FX_ETHERFI_LIQUIDITY_POOL).getTotalPooledEther();
    }

    function balanceOf(address account) public view override returns (uint256) {
        return IFxLiquidityPool(FX_ETHERFI_LIQUIDITY_POOL).getTotalEtherClaimOf(account);
    }

    /// Fixture-only: a deposit of `amount` ether for `to`, as LiquidityPool.deposit: shares are
    /// sharesForAmount(amount) (amount itself into an empty pool) and the pool grows by `amount`.
    function mint(address to, uint256 amount) external override {
        IFxLiquidityPool pool = IFxLiquidityPool(FX_ETHERFI_LIQUIDITY_POOL);
        uint256 newShares = pool.getTotalPooledEther() == 0 ? amount : pool.sharesForAmount(amount);
        _mintShares(to, newShares);
        pool.addPooledEther(amount);
        emit Transfer(address(0), to, amount);
    }

    /// Fixture-only: burns the shares worth `amount` eETH (the pool keeps its ether: use setRate after).
    function burn(address from, uint256 amount) external override {
        uint256 burned = IFxLiquidityPool(FX_ETHERFI_LIQUIDITY_POOL).sharesForAmount(amount);
        require(_balances[from] >= burned, "fixture: burn exceeds shares");
        _balances[from] -= burned;
        _supply -= burned;
        emit TransferShares(from, address(0), burned);
        emit Transfer(from, address(0), amount);
    }

    /// Fixture-only: creates `newShares` shares for `to`, adding the ether they are worth to the pool.
    function mintShares(address to, uint256 newShares) external {
        IFxLiquidityPool pool = IFxLiquidityPool(FX_ETHERFI_LIQUIDITY_POOL);
        uint256 eth = _supply == 0 ? newShares : pool.amountForShare(newShares);
        _mintShares(to, newShares);
        pool.addPooledEther(eth);
        emit Transfer(address(0), to, eth);
    }

    function _transfer(address from, address to, uint256 amount) internal override {
        require(!_paused, "Pausable: paused");
        require(from != address(0) && to != address(0), "AddressZero");
        uint256 moved = IFxLiquidityPool(FX_ETHERFI_LIQUIDITY_POOL).sharesForAmount(amount);
        require(moved <= _balances[from], "TransferAmountExceedsBalance");
        _balances[from] -= moved;
        _balances[to] += moved;
        emit TransferShares(from, to, moved);
        emit Transfer(from, to, amount);
    }

    function _mintShares(address to, uint256 newShares) internal {
        _balances[to] += newShares;
        _supply += newShares;
        emit TransferShares(address(0), to, newShares);
    }
}

/// ether.fi weETH (src/core/WeETH.sol): a plain ERC-20 of eETH shares held by the wrapper.
contract FixtureWeETH is FixtureERC20 {
    function name() external pure override returns (string memory) {
        return "Wrapped eETH";
    }

    function symbol() external pure override returns (string memory) {
        return "weETH";
    }

    function eETH() external pure returns (address) {
        return FX_EETH;
    }

    function liquidityPool() external pure returns (address) {
        return FX_ETHERFI_LIQUIDITY_POOL;
    }

    function getWeETHByeETH(uint256 eETHAmount) external view returns (uint256) {
        return IFxLiquidityPool(FX_ETHERFI_LIQUIDITY_POOL).sharesForAmount(eETHAmount);
    }

    function getEETHByWeETH(uint256 weETHAmount) public view returns (uint256) {
        return IFxLiquidityPool(FX_ETHERFI_LIQUIDITY_POOL).amountForShare(weETHAmount);
    }

    function getRate() external view returns (uint256) {
        return getEETHByWeETH(1 ether);
    }

    /// Fixture-only: mints weETH to `to` and the eETH shares backing it to the wrapper.
    function mint(address to, uint256 amount) external override {
        _mint(to, amount);
        IFxEETH(FX_EETH).mintShares(address(this), amount);
    }
}
