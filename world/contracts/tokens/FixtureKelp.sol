// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {FixtureERC20} from "./FixtureERC20.sol";
import {FixtureRevertable} from "../infra/FixtureProxy.sol";

/// Kelp rsETH: a pausable ERC-20; its NAV is LRTOracle.rsETHPrice().
contract FixtureRsETH is FixtureERC20 {
    function name() external pure override returns (string memory) {
        return "rsETH";
    }

    function symbol() external pure override returns (string memory) {
        return "rsETH";
    }

    function paused() external view returns (bool) {
        return _paused;
    }
}

/// Kelp LRTOracle (Kelp-DAO/LRT-rsETH contracts/LRTOracle.sol): rsETHPrice is a stored value,
/// refreshed on mainnet by updateRSETHPrice(); here set by the fixture.
contract FixtureKelpLRTOracle is FixtureRevertable {
    uint256 public rsETHPrice;
    mapping(address => uint256) internal _assetPrices;
    mapping(address => address) public assetPriceOracle;

    function getAssetPrice(address asset) external view returns (uint256) {
        uint256 p = _assetPrices[asset];
        require(p != 0, "fixture: no price for asset");
        return p;
    }

    /// Fixture-only: the stored rsETH price (ETH per rsETH, 1e18 = 1.0).
    function setRsETHPrice(uint256 price) external {
        rsETHPrice = price;
    }

    /// Fixture-only: an asset price (ETH per unit of the asset) and the oracle that gives it.
    function setAssetPrice(address asset, uint256 price, address priceOracle) external {
        _assetPrices[asset] = price;
        assetPriceOracle[asset] = priceOracle;
    }
}

/// Kelp LRTDepositPool (contracts/LRTDepositPool.sol): the queue of NodeDelegator contracts that
/// hold Kelp's restaked positions.
contract FixtureKelpDepositPool is FixtureRevertable {
    address[] internal _nodeDelegatorQueue;

    function getNodeDelegatorQueue() external view returns (address[] memory) {
        return _nodeDelegatorQueue;
    }

    function nodeDelegatorQueue(uint256 index) external view returns (address) {
        return _nodeDelegatorQueue[index];
    }

    /// Fixture-only: replaces the NodeDelegator queue.
    function setNodeDelegatorQueue(address[] calldata list) external {
        _nodeDelegatorQueue = list;
    }
}
