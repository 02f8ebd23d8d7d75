// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {FixtureERC20} from "./FixtureERC20.sol";
import {FixtureRevertable} from "../infra/FixtureProxy.sol";

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

/// Swell EigenLayerManager (SwellNetwork/v3-core-public contracts/lrt/contracts/implementations/
/// EigenLayerManager.sol): the registry of rswETH's StakerProxy contracts, each the owner of one
/// EigenPod and the account that restakes and delegates in EigenLayer. Ids start at 1:
/// createStakerAndPod does `++stakeId; stakerProxyAddresses[stakeId] = proxy`, so stakeId is the last
/// id and an id never assigned reads as the zero address.
contract FixtureSwellEigenLayerManager is FixtureRevertable {
    uint256 public stakeId;
    mapping(uint256 => address) public stakerProxyAddresses;

    /// Fixture-only: createStakerAndPod for proxies that already exist (the real one deploys a
    /// BeaconProxy per id); appends them with the next ids.
    function addStakerProxies(address[] calldata proxies) external {
        for (uint256 i = 0; i < proxies.length; i++) {
            ++stakeId;
            stakerProxyAddresses[stakeId] = proxies[i];
        }
    }
}
