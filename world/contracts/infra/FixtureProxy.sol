// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @dev Storage slot of the fixture's "every call reverts" switch, shared by FixtureProxy and
/// FixtureRevertable: keccak256("matryoshka.fixture.reverting") - 1.
bytes32 constant FIXTURE_REVERTING_SLOT = 0x69f900ea40dc521c4de2d301bdda1330065dfee2a7ce918988a14e702821930c;
/// @dev EIP-1967 implementation slot: keccak256("eip1967.proxy.implementation") - 1.
bytes32 constant FIXTURE_IMPLEMENTATION_SLOT = 0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc;

/// A minimal EIP-1967-style proxy placed at a mainnet address in front of a fixture implementation
/// (most of the real contracts are proxies too). It exists so that a fixture can be switched into a
/// "broken" state where every call reverts, whatever the function: only `setReverting(bool)` still
/// passes, so the switch can be turned off again. The implementation address is written straight
/// into the EIP-1967 slot with anvil_setStorageAt (constructor storage does not carry over setCode).
contract FixtureProxy {
    bytes4 private constant SET_REVERTING = 0x39d7be17; // setReverting(bool)

    fallback() external payable {
        bool broken;
        assembly {
            broken := sload(FIXTURE_REVERTING_SLOT)
        }
        if (broken && msg.sig != SET_REVERTING) revert("fixture: reverting");
        assembly {
            let impl := sload(FIXTURE_IMPLEMENTATION_SLOT)
            calldatacopy(0, 0, calldatasize())
            let ok := delegatecall(gas(), impl, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            switch ok
            case 0 { revert(0, returndatasize()) }
            default { return(0, returndatasize()) }
        }
    }
}

/// Inherited by every proxied fixture: the fixture-only switch that makes FixtureProxy revert every call.
abstract contract FixtureRevertable {
    /// Fixture-only: when on, every call to this contract reverts (a broken token or oracle).
    function setReverting(bool on) external {
        assembly {
            sstore(FIXTURE_REVERTING_SLOT, on)
        }
    }
}
