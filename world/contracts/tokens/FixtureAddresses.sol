// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

// Mainnet addresses the token fixtures refer to each other by (shared/registry/tokens.ts ADDR).
// The fixtures live at these addresses on the simulated chain, so they can be constants.
address constant FX_WETH = 0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2;
address constant FX_STETH = 0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84;
address constant FX_WSTETH = 0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0;
address constant FX_ETHX = 0xA35b1B31Ce002FBF2058D22F30f95D405200A15b;
address constant FX_EETH = 0x35fA164735182de50811E8e2E824cFb9B6118ac2;
address constant FX_WEETH = 0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee;
address constant FX_ETHERFI_LIQUIDITY_POOL = 0x308861A430be4cce5502d0A12724771Fc6DaF216;
address constant FX_EZETH = 0xbf5495Efe5DB9ce00f80364C8B423567e58d2110;
address constant FX_RENZO_RESTAKE_MANAGER = 0x74a09653A083691711cF8215a6ab074BB4e99ef5;
address constant FX_RSWETH = 0xFAe103DC9cf190eD75350761e95403b7b8aFa6c0;

/// Full-precision-free helpers: fixture amounts stay far below 2^128, so a*b never overflows.
library FixtureTokenMath {
    function ceilDiv(uint256 a, uint256 b) internal pure returns (uint256) {
        return a == 0 ? 0 : (a - 1) / b + 1;
    }

    /// a * b / d rounded down (Floor) or up (Ceil), as OpenZeppelin Math.mulDiv.
    function mulDiv(uint256 a, uint256 b, uint256 d, bool roundUp) internal pure returns (uint256) {
        uint256 p = a * b;
        return roundUp ? ceilDiv(p, d) : p / d;
    }
}
