// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {FixtureERC20} from "./FixtureERC20.sol";
import {FixtureTokenMath} from "./FixtureAddresses.sol";

interface IFxERC20Balance {
    function balanceOf(address account) external view returns (uint256);
}

/// The ERC-4626 views of an OpenZeppelin v5 ERC4626 vault with a decimals offset of 0: every
/// conversion uses totalSupply() + 1 and totalAssets() + 1 (the virtual share and asset), with
/// OpenZeppelin's rounding (convert/previewDeposit/previewRedeem down, previewMint/previewWithdraw up).
/// totalAssets() is a stored backing plus whatever `_liquidAssets()` the derived vault counts.
abstract contract FixtureERC4626 is FixtureERC20 {
    uint256 internal _backing;

    function asset() public view virtual returns (address);

    function _liquidAssets() internal view virtual returns (uint256);

    function totalAssets() public view virtual returns (uint256) {
        return _backing + _liquidAssets();
    }

    function convertToShares(uint256 assets) public view returns (uint256) {
        return _convertToShares(assets, false);
    }

    function convertToAssets(uint256 shares) public view returns (uint256) {
        return _convertToAssets(shares, false);
    }

    function maxDeposit(address) external pure returns (uint256) {
        return type(uint256).max;
    }

    function maxMint(address) external pure returns (uint256) {
        return type(uint256).max;
    }

    function maxWithdraw(address owner) public view virtual returns (uint256) {
        return _convertToAssets(balanceOf(owner), false);
    }

    function maxRedeem(address owner) public view virtual returns (uint256) {
        return balanceOf(owner);
    }

    function previewDeposit(uint256 assets) external view returns (uint256) {
        return _convertToShares(assets, false);
    }

    function previewMint(uint256 shares) external view returns (uint256) {
        return _convertToAssets(shares, true);
    }

    function previewWithdraw(uint256 assets) public view virtual returns (uint256) {
        return _convertToShares(assets, true);
    }

    function previewRedeem(uint256 shares) public view virtual returns (uint256) {
        return _convertToAssets(shares, false);
    }

    /// Fixture-only: the assets counted besides the liquid ones (staked ETH, restaked positions).
    function setBacking(uint256 amount) external {
        _backing = amount;
    }

    /// Fixture-only: sets the backing so that convertToAssets(1e18) is exactly `rate`:
    /// totalAssets = ceil(rate * (totalSupply + 1) / 1e18) - 1 (exact whenever totalSupply + 1 >= 1e18).
    function setRate(uint256 rate) external {
        uint256 supplyPlusOne = totalSupply() + 1;
        require(supplyPlusOne >= 1 ether, "fixture: too little supply for an exact rate");
        uint256 target = FixtureTokenMath.ceilDiv(rate * supplyPlusOne, 1 ether) - 1;
        uint256 liquid = _liquidAssets();
        require(target >= liquid, "fixture: liquid assets exceed the target");
        _backing = target - liquid;
    }

    function _convertToShares(uint256 assets, bool roundUp) internal view returns (uint256) {
        return FixtureTokenMath.mulDiv(assets, totalSupply() + 1, totalAssets() + 1, roundUp);
    }

    function _convertToAssets(uint256 shares, bool roundUp) internal view returns (uint256) {
        return FixtureTokenMath.mulDiv(shares, totalAssets() + 1, totalSupply() + 1, roundUp);
    }
}
