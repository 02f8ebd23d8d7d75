// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {FixtureERC20} from "./FixtureERC20.sol";
import {FixtureRevertable} from "../infra/FixtureProxy.sol";
import {FX_EZETH, FX_RENZO_RESTAKE_MANAGER, FixtureTokenMath} from "./FixtureAddresses.sol";

/// Renzo ezETH (EzEthToken): an ERC-20 whose NAV is TVL / supply through the rate provider. Like
/// the real token it has no paused() view (Renzo's pause flag is RestakeManager.paused()); the
/// fixture's setPaused still blocks transfers.
contract FixtureEzETH is FixtureERC20 {
    function name() external pure override returns (string memory) {
        return "Renzo Restaked ETH";
    }

    function symbol() external pure override returns (string memory) {
        return "ezETH";
    }
}

interface IFxRenzoRestakeManager {
    function calculateTVLs() external view returns (uint256[][] memory, uint256[] memory, uint256);
}

interface IFxEzETHSupply {
    function totalSupply() external view returns (uint256);
}

/// Renzo RestakeManager (Renzo-Protocol/contracts-public contracts/RestakeManager.sol):
/// calculateTVLs() returns the per-OperatorDelegator, per-token TVLs, the per-OperatorDelegator
/// totals and the protocol total, all in ETH. The fixture stores them as reported.
contract FixtureRenzoRestakeManager is FixtureRevertable {
    uint256[][] internal _operatorDelegatorTokenTVLs;
    uint256[] internal _operatorDelegatorTVLs;
    uint256 internal _totalTVL;
    address[] internal _operatorDelegators;
    bool public paused;

    function ezETH() external pure returns (address) {
        return FX_EZETH;
    }

    function calculateTVLs() external view returns (uint256[][] memory, uint256[] memory, uint256) {
        return (_operatorDelegatorTokenTVLs, _operatorDelegatorTVLs, _totalTVL);
    }

    function operatorDelegators(uint256 index) external view returns (address) {
        return _operatorDelegators[index];
    }

    function getOperatorDelegatorsLength() external view returns (uint256) {
        return _operatorDelegators.length;
    }

    /// Fixture-only: the full calculateTVLs() answer.
    function setTVLs(uint256[][] calldata tokenTVLs, uint256[] calldata odTVLs, uint256 totalTVL) external {
        delete _operatorDelegatorTokenTVLs;
        for (uint256 i = 0; i < tokenTVLs.length; i++) _operatorDelegatorTokenTVLs.push(tokenTVLs[i]);
        _operatorDelegatorTVLs = odTVLs;
        _totalTVL = totalTVL;
    }

    /// Fixture-only: Renzo's protocol pause (deposits and withdrawals).
    function setPaused(bool on) external {
        paused = on;
    }

    /// Fixture-only: the OperatorDelegator contracts (Renzo's EigenLayer stakers).
    function setOperatorDelegators(address[] calldata list) external {
        _operatorDelegators = list;
    }

    /// Fixture-only: sets the TVL so that the rate provider's getRate() is exactly `rate` for the
    /// current ezETH supply (TVL = ceil(rate * supply / 1e18)), reported as one OperatorDelegator
    /// holding one token.
    function setRate(uint256 rate) external {
        uint256 supply = IFxEzETHSupply(FX_EZETH).totalSupply();
        require(supply >= 1 ether, "fixture: too little supply for an exact rate");
        uint256 tvl = FixtureTokenMath.ceilDiv(rate * supply, 1 ether);
        delete _operatorDelegatorTokenTVLs;
        _operatorDelegatorTokenTVLs.push();
        _operatorDelegatorTokenTVLs[0].push(tvl);
        delete _operatorDelegatorTVLs;
        _operatorDelegatorTVLs.push(tvl);
        _totalTVL = tvl;
    }
}

/// Renzo BalancerRateProvider (contracts/RateProvider/BalancerRateProvider.sol):
/// getRate() = 1e18 * totalTVL / ezETH.totalSupply(), reverting InvalidZeroInput on a zero figure.
contract FixtureRenzoRateProvider is FixtureRevertable {
    error InvalidZeroInput();

    function restakeManager() external pure returns (address) {
        return FX_RENZO_RESTAKE_MANAGER;
    }

    function ezETHToken() external pure returns (address) {
        return FX_EZETH;
    }

    function getRate() external view returns (uint256) {
        (, , uint256 totalTVL) = IFxRenzoRestakeManager(FX_RENZO_RESTAKE_MANAGER).calculateTVLs();
        uint256 supply = IFxEzETHSupply(FX_EZETH).totalSupply();
        if (supply == 0 || totalTVL == 0) revert InvalidZeroInput();
        return 10 ** 18 * totalTVL / supply;
    }
}
