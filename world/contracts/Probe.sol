// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// Smallest fixture: proves compile -> setCode -> read works. Used by the world smoke test.
contract Probe {
    uint256 public value;
    function setValue(uint256 v) external { value = v; }
}
