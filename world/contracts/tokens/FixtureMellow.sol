// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {FixtureERC4626, IFxERC20Balance} from "./FixtureERC4626.sol";
import {FX_WSTETH} from "./FixtureAddresses.sol";

/// Mellow rstETH (mellow-finance/simple-lrt MellowVaultCompat / MellowSymbioticVault): an ERC-4626
/// vault over wstETH. totalAssets = the vault's idle wstETH plus a stored backing standing in for
/// its Symbiotic vault stake. Pending and claimable withdrawals per account are fixture-set.
contract FixtureRstETH is FixtureERC4626 {
    mapping(address => uint256) internal _claimable;
    mapping(address => uint256) internal _pending;

    function name() external pure override returns (string memory) {
        return "Restaked stETH";
    }

    function symbol() external pure override returns (string memory) {
        return "rstETH";
    }

    function asset() public pure override returns (address) {
        return FX_WSTETH;
    }

    function claimableAssetsOf(address account) external view returns (uint256 claimableAssets) {
        return _claimable[account];
    }

    function pendingAssetsOf(address account) external view returns (uint256 pendingAssets) {
        return _pending[account];
    }

    /// Fixture-only: an account's withdrawals waiting for the Symbiotic epoch, and the claimable ones.
    function setWithdrawals(address account, uint256 pendingAssets, uint256 claimableAssets) external {
        _pending[account] = pendingAssets;
        _claimable[account] = claimableAssets;
    }

    function _liquidAssets() internal view override returns (uint256) {
        return IFxERC20Balance(FX_WSTETH).balanceOf(address(this));
    }
}
