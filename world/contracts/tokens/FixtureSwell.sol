// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {FixtureERC20} from "./FixtureERC20.sol";

/// Swell rswETH (SwellNetwork/v3-core-public contracts/lrt/contracts/implementations/RswETH.sol):
/// the rate is stored by reprice(); 1:1 before the first reprice. ethToRswETHRate is the UD60x18
/// division 1e18 / rate, i.e. 1e36 / rate rounded down.
contract FixtureRswETH is FixtureERC20 {
    uint256 internal _rswETHToETHRateFixed;

    function name() external pure override returns (string memory) {
        return "rswETH";
    }

    function symbol() external pure override returns (string memory) {
        return "rswETH";
    }

    function rswETHToETHRate() public view returns (uint256) {
        return _rswETHToETHRateFixed == 0 ? 1 ether : _rswETHToETHRateFixed;
    }

    function ethToRswETHRate() external view returns (uint256) {
        return 1 ether * 1 ether / rswETHToETHRate();
    }

    function getRate() external view returns (uint256) {
        return rswETHToETHRate();
    }

    /// Fixture-only: the rate a reprice() would store.
    function setRate(uint256 rate) external {
        _rswETHToETHRateFixed = rate;
    }
}
