// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {FixtureERC20} from "./FixtureERC20.sol";
import {FixtureRevertable} from "../infra/FixtureProxy.sol";
import {FX_ETHX, FixtureTokenMath} from "./FixtureAddresses.sol";

/// Rocket Pool rETH (rocket-pool/rocketpool contracts/contract/token/RocketTokenRETH.sol). The
/// network balances RocketNetworkBalances reports (total ETH, rETH supply) are stored here.
contract FixtureRETH is FixtureERC20 {
    uint256 internal _networkTotalEth;
    uint256 internal _networkRethSupply;

    function name() external pure override returns (string memory) {
        return "Rocket Pool ETH";
    }

    function symbol() external pure override returns (string memory) {
        return "rETH";
    }

    function getEthValue(uint256 rethAmount) public view returns (uint256) {
        if (_networkRethSupply == 0) return rethAmount;
        return rethAmount * _networkTotalEth / _networkRethSupply;
    }

    function getRethValue(uint256 ethAmount) external view returns (uint256) {
        if (_networkRethSupply == 0) return ethAmount;
        require(_networkTotalEth > 0, "Cannot calculate rETH token amount while total network balance is zero");
        return ethAmount * _networkRethSupply / _networkTotalEth;
    }

    function getExchangeRate() external view returns (uint256) {
        return getEthValue(1 ether);
    }

    /// Fixture-only: the balances reported by the oDAO (RocketNetworkBalances).
    function setNetworkBalances(uint256 totalEth, uint256 rethSupply) external {
        _networkTotalEth = totalEth;
        _networkRethSupply = rethSupply;
    }

    /// Fixture-only: reports the current supply and the total ETH that make getExchangeRate() == rate.
    function setExchangeRate(uint256 rate) external {
        require(_supply >= 1 ether, "fixture: too little supply for an exact rate");
        _networkRethSupply = _supply;
        _networkTotalEth = FixtureTokenMath.ceilDiv(rate * _supply, 1 ether);
    }
}

/// Coinbase cbETH (coinbase/wrapped-tokens-os StakedTokenV1): the exchange rate is a stored value
/// set by the oracle; the token is pausable.
contract FixtureCbETH is FixtureERC20 {
    uint256 internal _exchangeRate;

    function name() external pure override returns (string memory) {
        return "Coinbase Wrapped Staked ETH";
    }

    function symbol() external pure override returns (string memory) {
        return "cbETH";
    }

    function paused() external view returns (bool) {
        return _paused;
    }

    function exchangeRate() external view returns (uint256) {
        return _exchangeRate;
    }

    /// Fixture-only: the oracle's updateExchangeRate.
    function setExchangeRate(uint256 rate) external {
        _exchangeRate = rate;
    }
}

/// Stader ETHx: a pausable ERC-20; its rate lives in StaderStakePoolsManager.
contract FixtureETHx is FixtureERC20 {
    function name() external pure override returns (string memory) {
        return "ETHx";
    }

    function symbol() external pure override returns (string memory) {
        return "ETHx";
    }

    function paused() external view returns (bool) {
        return _paused;
    }
}

interface IFxTotalSupply {
    function totalSupply() external view returns (uint256);
}

/// Stader StakePoolsManager (stader-labs/ethx contracts/StaderStakePoolsManager.sol):
/// getExchangeRate() = totalETHBalance * 1e18 / totalETHXSupply from the oracle's last report,
/// 1e18 while either figure is zero.
contract FixtureStaderStakePoolsManager is FixtureRevertable {
    uint256 internal _totalEthBalance;
    uint256 internal _totalEthxSupply;

    function ethX() external pure returns (address) {
        return FX_ETHX;
    }

    function getExchangeRate() external view returns (uint256) {
        if (_totalEthBalance == 0 || _totalEthxSupply == 0) return 1 ether;
        return _totalEthBalance * 1 ether / _totalEthxSupply;
    }

    /// Fixture-only: the oracle's exchange-rate report.
    function setReport(uint256 totalEthBalance, uint256 totalEthxSupply) external {
        _totalEthBalance = totalEthBalance;
        _totalEthxSupply = totalEthxSupply;
    }

    /// Fixture-only: reports the current ETHx supply and the ETH balance that make getExchangeRate() == rate.
    function setExchangeRate(uint256 rate) external {
        uint256 supply = IFxTotalSupply(FX_ETHX).totalSupply();
        require(supply >= 1 ether, "fixture: too little supply for an exact rate");
        _totalEthxSupply = supply;
        _totalEthBalance = FixtureTokenMath.ceilDiv(rate * supply, 1 ether);
    }
}
