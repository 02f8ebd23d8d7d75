// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {FixtureERC4626, IFxERC20Balance} from "./FixtureERC4626.sol";
import {FX_WETH, FixtureTokenMath} from "./FixtureAddresses.sol";

/// Puffer pufETH (PufferFinance/puffer-contracts mainnet-contracts/src/PufferVaultV5.sol): an
/// ERC-4626 vault over WETH. totalAssets = the vault's WETH and ETH balances plus a stored backing
/// (standing in for stETH, EigenLayer and oracle-locked ETH). Redemptions pay the exit fee and the
/// treasury exit fee (basis points, fee on raw rounded up) and are limited by WETH + ETH liquidity,
/// with V5's exact formulas.
contract FixturePufETH is FixtureERC4626 {
    uint256 internal constant BASIS_POINT_SCALE = 10_000;
    uint256 internal _exitFeeBasisPoints;
    uint96 internal _treasuryExitFeeBasisPoints;

    function name() external pure override returns (string memory) {
        return "pufETH";
    }

    function symbol() external pure override returns (string memory) {
        return "pufETH";
    }

    function asset() public pure override returns (address) {
        return FX_WETH;
    }

    function getExitFeeBasisPoints() public view returns (uint256) {
        return _exitFeeBasisPoints;
    }

    function getTreasuryExitFeeBasisPoints() external view returns (uint96) {
        return _treasuryExitFeeBasisPoints;
    }

    function getTotalExitFeeBasisPoints() public view returns (uint256) {
        return _exitFeeBasisPoints + _treasuryExitFeeBasisPoints;
    }

    function previewRedeem(uint256 shares) public view override returns (uint256) {
        uint256 assets = _convertToAssets(shares, false);
        return assets - _feeOnRaw(assets, getTotalExitFeeBasisPoints());
    }

    function previewWithdraw(uint256 assets) public view override returns (uint256) {
        return _convertToShares(_assetsWithFee(assets, getTotalExitFeeBasisPoints()), true);
    }

    function maxWithdraw(address owner) public view override returns (uint256) {
        uint256 maxUserAssets = previewRedeem(balanceOf(owner));
        uint256 available = _assetsWithFee(_liquidAssets(), getExitFeeBasisPoints());
        available -= _feeOnRaw(available, getTotalExitFeeBasisPoints());
        return maxUserAssets < available ? maxUserAssets : available;
    }

    function maxRedeem(address owner) public view override returns (uint256) {
        uint256 shares = balanceOf(owner);
        uint256 available = _assetsWithFee(_liquidAssets(), getExitFeeBasisPoints());
        uint256 fromLiquidity = _convertToShares(available, true);
        return shares < fromLiquidity ? shares : fromLiquidity;
    }

    /// Fixture-only: the exit fee and the treasury exit fee, in basis points.
    function setExitFees(uint256 exitFeeBasisPoints, uint96 treasuryExitFeeBasisPoints) external {
        require(exitFeeBasisPoints + treasuryExitFeeBasisPoints < BASIS_POINT_SCALE, "fixture: fee too high");
        _exitFeeBasisPoints = exitFeeBasisPoints;
        _treasuryExitFeeBasisPoints = treasuryExitFeeBasisPoints;
    }

    function _liquidAssets() internal view override returns (uint256) {
        return IFxERC20Balance(FX_WETH).balanceOf(address(this)) + address(this).balance;
    }

    function _feeOnRaw(uint256 assets, uint256 feeBasisPoints) internal pure returns (uint256) {
        return FixtureTokenMath.mulDiv(assets, feeBasisPoints, BASIS_POINT_SCALE, true);
    }

    function _assetsWithFee(uint256 assets, uint256 feeBasisPoints) internal pure returns (uint256) {
        return FixtureTokenMath.mulDiv(assets, BASIS_POINT_SCALE, BASIS_POINT_SCALE - feeBasisPoints, false);
    }
}
