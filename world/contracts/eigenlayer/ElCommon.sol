// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// Shared types, addresses and math of the EigenLayer fixtures. The structs have the field order
/// and types of the real ones (IDelegationManager.Withdrawal, IAllocationManager.Allocation,
/// OperatorSetLib.OperatorSet), so every selector and ABI encoding matches mainnet.

struct OperatorSet {
    address avs;
    uint32 id;
}

struct Allocation {
    uint64 currentMagnitude;
    int128 pendingDiff;
    uint32 effectBlock;
}

struct Withdrawal {
    address staker;
    address delegatedTo;
    address withdrawer;
    uint256 nonce;
    uint32 startBlock;
    address[] strategies;
    uint256[] scaledShares;
}

/// One point of a block-keyed history (the real Snapshots library's Snapshot).
struct ElSnapshot {
    uint32 key;
    uint256 value;
}

/// Mainnet addresses of the contracts the fixtures call on each other. Constants live in the
/// runtime bytecode, so they survive anvil_setCode (immutables would not).
library ElAddr {
    address internal constant STRATEGY_MANAGER = 0x858646372CC42E1A627fcE94aa7A7033e7CF075A;
    address internal constant DELEGATION_MANAGER = 0x39053D51B77DC0d36036Fc1fCc8Cb819df8Ef37A;
    address internal constant ALLOCATION_MANAGER = 0x948a420b8CC1d6BFd0B6087C2E7c344a2CD0bc39;
    address internal constant EIGEN_POD_MANAGER = 0x91E677b07F7AF907ec9a428aafA9fc14a0d3A338;
    address internal constant BEACON_CHAIN_ETH_STRATEGY = 0xbeaC0eeEeeeeEEeEeEEEEeeEEeEeeeEeeEEBEaC0;
    address internal constant DEFAULT_BURN_ADDRESS = 0x00000000000000000000000000000000000E16E4;
}

/// The real SlashingLib's WAD arithmetic. Math.mulDiv is full-precision there; here a plain
/// checked product is used, which gives the same result whenever x * y fits in 256 bits
/// (always, for realistic share amounts) and reverts otherwise.
library ElMath {
    uint64 internal constant WAD = 1e18;

    function mulWad(uint256 x, uint256 y) internal pure returns (uint256) {
        return (x * y) / WAD;
    }

    function divWad(uint256 x, uint256 y) internal pure returns (uint256) {
        return (x * WAD) / y;
    }

    function mulDivUp(uint256 x, uint256 y, uint256 d) internal pure returns (uint256) {
        uint256 p = x * y;
        return p / d + (p % d == 0 ? 0 : 1);
    }

    function mulWadRoundUp(uint256 x, uint256 y) internal pure returns (uint256) {
        return mulDivUp(x, y, WAD);
    }

    /// The deposit scaling factor as stored: 0 means WAD.
    function scalingFactor(uint256 dsf) internal pure returns (uint256) {
        return dsf == 0 ? WAD : dsf;
    }

    function calcWithdrawable(uint256 dsf, uint256 depositShares, uint256 slashingFactor) internal pure returns (uint256) {
        return mulWad(mulWad(depositShares, scalingFactor(dsf)), slashingFactor);
    }

    function calcDepositShares(uint256 dsf, uint256 withdrawableShares, uint256 slashingFactor) internal pure returns (uint256) {
        return divWad(divWad(withdrawableShares, scalingFactor(dsf)), slashingFactor);
    }

    /// SlashingLib.update: the new deposit scaling factor after `addedShares` join `prevDepositShares`.
    function updatedScalingFactor(uint256 dsf, uint256 prevDepositShares, uint256 addedShares, uint256 slashingFactor)
        internal pure returns (uint256)
    {
        if (prevDepositShares == 0) return divWad(scalingFactor(dsf), slashingFactor);
        uint256 currentShares = calcWithdrawable(dsf, prevDepositShares, slashingFactor);
        uint256 next = divWad(divWad(currentShares + addedShares, prevDepositShares + addedShares), slashingFactor);
        require(next != 0, "InvalidDepositScalingFactor");
        return next;
    }

    /// SlashingLib.calcSlashedAmount (rounds the kept part up so the slash is never understated).
    function calcSlashedAmount(uint256 operatorShares, uint256 prevMaxMagnitude, uint256 newMaxMagnitude)
        internal pure returns (uint256)
    {
        return operatorShares - mulDivUp(operatorShares, newMaxMagnitude, prevMaxMagnitude);
    }

    /// AllocationManager._addInt128 with SafeCast's uint64 bound.
    function addInt128(uint64 a, int128 b) internal pure returns (uint64) {
        int256 r = int256(int128(uint128(a))) + int256(b);
        require(r >= 0 && r <= int256(uint256(type(uint64).max)), "SafeCast: uint64");
        return uint64(uint256(r));
    }
}

/// OperatorSetLib.key / decode: avs in the high 160 bits, id in the low 96.
library ElOperatorSetKey {
    function key(OperatorSet memory os) internal pure returns (bytes32) {
        return bytes32(abi.encodePacked(os.avs, uint96(os.id)));
    }

    function decode(bytes32 k) internal pure returns (OperatorSet memory) {
        return OperatorSet({avs: address(uint160(uint256(k) >> 96)), id: uint32(uint256(k) & type(uint96).max)});
    }
}

/// The real Snapshots library's lookups, plus an insert at a past key (used only to queue a
/// withdrawal "N blocks ago": every later cumulative point grows by the same amount, as if the
/// withdrawal had been queued then).
library ElHistory {
    function latest(ElSnapshot[] storage h, uint256 dflt) internal view returns (uint256) {
        return h.length == 0 ? dflt : h[h.length - 1].value;
    }

    function upperLookup(ElSnapshot[] storage h, uint32 k, uint256 dflt) internal view returns (uint256) {
        uint256 low = 0;
        uint256 high = h.length;
        while (low < high) {
            uint256 mid = (low + high) / 2;
            if (h[mid].key > k) high = mid;
            else low = mid + 1;
        }
        return high == 0 ? dflt : h[high - 1].value;
    }

    /// Snapshots.push: keys must not decrease; a push at the latest key overwrites it.
    function push(ElSnapshot[] storage h, uint32 k, uint256 v) internal {
        uint256 n = h.length;
        if (n > 0) {
            require(h[n - 1].key <= k, "InvalidSnapshotOrdering");
            if (h[n - 1].key == k) {
                h[n - 1].value = v;
                return;
            }
        }
        h.push(ElSnapshot({key: k, value: v}));
    }

    /// Adds `amount` to a cumulative history from key `k` on (k may lie in the past).
    function addFrom(ElSnapshot[] storage h, uint32 k, uint256 amount) internal {
        uint256 n = h.length;
        uint256 i = n;
        while (i > 0 && h[i - 1].key > k) i--;
        // h[i..] are the points with key > k; h[i - 1], if any, has key <= k
        uint256 firstLater;
        if (i > 0 && h[i - 1].key == k) {
            h[i - 1].value += amount;
            firstLater = i;
        } else {
            uint256 before = i == 0 ? 0 : h[i - 1].value;
            h.push(ElSnapshot({key: 0, value: 0}));
            for (uint256 j = n; j > i; j--) h[j] = h[j - 1];
            h[i] = ElSnapshot({key: k, value: before + amount});
            firstLater = i + 1;
        }
        for (uint256 j = firstLater; j < h.length; j++) h[j].value += amount;
    }
}

/// OpenZeppelin-style enumerable sets (swap-and-pop removal, so the order of `values` matches
/// what the real contracts return after the same adds and removes).
struct ElAddressSet {
    address[] values;
    mapping(address => uint256) position; // index + 1
}

struct ElBytes32Set {
    bytes32[] values;
    mapping(bytes32 => uint256) position; // index + 1
}

library ElSets {
    function add(ElAddressSet storage s, address v) internal returns (bool) {
        if (s.position[v] != 0) return false;
        s.values.push(v);
        s.position[v] = s.values.length;
        return true;
    }

    function remove(ElAddressSet storage s, address v) internal returns (bool) {
        uint256 pos = s.position[v];
        if (pos == 0) return false;
        uint256 last = s.values.length;
        if (pos != last) {
            address moved = s.values[last - 1];
            s.values[pos - 1] = moved;
            s.position[moved] = pos;
        }
        s.values.pop();
        delete s.position[v];
        return true;
    }

    function contains(ElAddressSet storage s, address v) internal view returns (bool) {
        return s.position[v] != 0;
    }

    function add(ElBytes32Set storage s, bytes32 v) internal returns (bool) {
        if (s.position[v] != 0) return false;
        s.values.push(v);
        s.position[v] = s.values.length;
        return true;
    }

    function remove(ElBytes32Set storage s, bytes32 v) internal returns (bool) {
        uint256 pos = s.position[v];
        if (pos == 0) return false;
        uint256 last = s.values.length;
        if (pos != last) {
            bytes32 moved = s.values[last - 1];
            s.values[pos - 1] = moved;
            s.position[moved] = pos;
        }
        s.values.pop();
        delete s.position[v];
        return true;
    }

    function contains(ElBytes32Set storage s, bytes32 v) internal view returns (bool) {
        return s.position[v] != 0;
    }
}

interface IElStrategyManager {
    function stakerDepositShares(address user, address strategy) external view returns (uint256);
    function getDeposits(address staker) external view returns (address[] memory, uint256[] memory);
    function removeDepositShares(address staker, address strategy, uint256 depositSharesToRemove) external returns (uint256);
    function addShares(address staker, address strategy, uint256 shares) external returns (uint256, uint256);
    function withdrawSharesAsTokens(address staker, address strategy, address token, uint256 shares) external;
    function increaseBurnOrRedistributableShares(OperatorSet calldata operatorSet, uint256 slashId, address strategy, uint256 shares) external;
}

interface IElEigenPodManager {
    function stakerDepositShares(address user, address strategy) external view returns (uint256);
    function beaconChainSlashingFactor(address staker) external view returns (uint64);
    function removeDepositShares(address staker, address strategy, uint256 depositSharesToRemove) external returns (uint256);
    function addShares(address staker, address strategy, uint256 shares) external returns (uint256, uint256);
    function withdrawSharesAsTokens(address staker, address strategy, address token, uint256 shares) external;
    function increaseBurnOrRedistributableShares(OperatorSet calldata operatorSet, uint256 slashId, address strategy, uint256 shares) external;
}

interface IElDelegationManager {
    function isOperator(address operator) external view returns (bool);
    function getOperatorsShares(address[] memory operators, address[] memory strategies) external view returns (uint256[][] memory);
    function increaseDelegatedShares(address staker, address strategy, uint256 prevDepositShares, uint256 addedShares) external;
    function decreaseDelegatedShares(address staker, uint256 curDepositShares, uint64 beaconChainSlashingFactorDecrease) external;
    function slashOperatorShares(
        address operator,
        OperatorSet calldata operatorSet,
        uint256 slashId,
        address strategy,
        uint64 prevMaxMagnitude,
        uint64 newMaxMagnitude
    ) external returns (uint256);
}

interface IElAllocationManager {
    function getMaxMagnitude(address operator, address strategy) external view returns (uint64);
    function getMaxMagnitudes(address operator, address[] memory strategies) external view returns (uint64[] memory);
    function getMaxMagnitudesAtBlock(address operator, address[] memory strategies, uint32 blockNumber) external view returns (uint64[] memory);
    function setAllocationDelay(address operator, uint32 delay) external;
}

interface IElStrategy {
    function deposit(address token, uint256 amount) external returns (uint256);
    function withdraw(address recipient, address token, uint256 amountShares) external returns (uint256);
    function underlyingToken() external view returns (address);
}
