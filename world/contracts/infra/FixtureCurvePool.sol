// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {FixtureRevertable} from "./FixtureProxy.sol";

/// A two-coin Curve StableSwap(-NG) pool's read surface with a simple documented pricing model in
/// place of the StableSwap invariant: `price` is the value of one coin 0 in coin 1 (1e18 = 1.0);
///   get_dy(0, 1, dx) = dx * price / 1e18, less the fee;
///   get_dy(1, 0, dx) = dx * 1e18 / price, less the fee;
/// the fee is dy * fee / 1e10 (Curve's FEE_DENOMINATOR), rounded down, as Curve takes it from dy.
/// As in StableSwap-NG, price_oracle(0) and get_p(0) give the price of coin 1 in units of coin 0,
/// i.e. 1e36 / price (rounded down), not the price of coin 0.
contract FixtureCurvePool is FixtureRevertable {
    uint256 internal constant FEE_DENOMINATOR = 10 ** 10;
    address[2] internal _coins;
    uint256[2] internal _balances;
    uint256 internal _price;
    uint256 internal _fee;
    uint256 internal _virtualPrice;

    function coins(uint256 i) external view returns (address) {
        return _coins[i];
    }

    function balances(uint256 i) external view returns (uint256) {
        return _balances[i];
    }

    function fee() external view returns (uint256) {
        return _fee;
    }

    function get_dy(int128 i, int128 j, uint256 dx) external view returns (uint256) {
        uint256 dy;
        if (i == 0 && j == 1) {
            dy = dx * _price / 1 ether;
        } else if (i == 1 && j == 0) {
            dy = dx * 1 ether / _price;
        } else {
            revert("fixture: bad coin index");
        }
        return dy - dy * _fee / FEE_DENOMINATOR;
    }

    function price_oracle(uint256 i) external view returns (uint256) {
        require(i == 0, "fixture: bad coin index");
        return 1 ether * 1 ether / _price;
    }

    function get_p(uint256 i) external view returns (uint256) {
        require(i == 0, "fixture: bad coin index");
        return 1 ether * 1 ether / _price;
    }

    function last_price(uint256 i) external view returns (uint256) {
        require(i == 0, "fixture: bad coin index");
        return 1 ether * 1 ether / _price;
    }

    function get_virtual_price() external view returns (uint256) {
        return _virtualPrice;
    }

    /// Fixture-only: the pool's two coins, balances and virtual price.
    function configure(address coin0, address coin1, uint256 balance0, uint256 balance1, uint256 virtualPrice) external {
        _coins[0] = coin0;
        _coins[1] = coin1;
        _balances[0] = balance0;
        _balances[1] = balance1;
        _virtualPrice = virtualPrice;
    }

    /// Fixture-only: the value of one coin 0 in coin 1 (1e18 = 1.0).
    function setPrice(uint256 price) external {
        require(price > 0, "fixture: zero price");
        _price = price;
    }

    /// Fixture-only: the swap fee in 1e10 units (4000000 = 0.04%).
    function setFee(uint256 newFee) external {
        require(newFee < FEE_DENOMINATOR, "fixture: fee too high");
        _fee = newFee;
    }
}
