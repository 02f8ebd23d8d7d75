// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {FX_EETH, FX_WEETH, FX_ETHERFI_LIQUIDITY_POOL} from "../tokens/FixtureAddresses.sol";
import {FixtureRevertable} from "../infra/FixtureProxy.sol";

interface IRmPool {
    function getTotalPooledEther() external view returns (uint256);
    function totalValueInLp() external view returns (uint128);
    function totalValueOutOfLp() external view returns (uint128);
    function amountForShare(uint256 share) external view returns (uint256);
    function sharesForAmount(uint256 amount) external view returns (uint256);
    function setTotals(uint128 outOfLp, uint128 inLp) external;
}

interface IRmToken {
    function balanceOf(address account) external view returns (uint256);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
    function burn(address from, uint256 amount) external;
}

interface IRmWeETH {
    function getEETHByWeETH(uint256 weETHAmount) external view returns (uint256);
}

/// ether.fi EtherFiRedemptionManager (etherfi-protocol/smart-contracts src/withdrawals/EtherFiRedemptionManager.sol):
/// instant redemption of eETH / weETH for ETH, with an exit fee in basis points, a low watermark of the
/// LiquidityPool's TVL kept back, and a rate-limit bucket counted in units of 1e12 wei. The views have the
/// real signatures and arithmetic (tokenToRedemptionInfo, totalRedeemableAmount, canRedeem, previewRedeem,
/// getInstantLiquidityAmount, lowWatermarkInETH, paused, pausedUntil); the instant liquidity is the world's
/// LiquidityPool.totalValueInLp(). Only the ETH output is simulated (the stETH output has no liquidity here).
/// Redeem pays the receiver what `_calcRedemption` gives, as the real one; its bookkeeping is simplified: the
/// tokens given are burned, the pool's in-LP ether drops by the ETH paid, the whole fee stays with the stakers
/// (no treasury transfer), and the ETH comes from this fixture's own balance. Access control is left out: the
/// admin setters are the world's. Placed behind FixtureProxy, so setReverting(true) breaks every call.
contract RdEtherFiRedemptionManager is FixtureRevertable {
    struct Limit {
        uint64 capacity;
        uint64 remaining;
        uint64 lastRefill;
        uint64 refillRate;
    }

    struct RedemptionInfo {
        Limit limit;
        uint16 exitFeeSplitToTreasuryInBps;
        uint16 exitFeeInBps;
        uint16 lowWatermarkInBpsOfTvl;
    }

    address public constant ETH_ADDRESS = 0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE;
    uint256 private constant BUCKET_UNIT_SCALE = 1e12;
    uint256 private constant BASIS_POINT_SCALE = 1e4;

    mapping(address => RedemptionInfo) public tokenToRedemptionInfo;
    bool private _paused;
    uint256 private _pausedUntil;

    event Redeemed(address indexed receiver, uint256 redemptionAmount, uint256 feeAmountToTreasury, uint256 feeAmountToStakers, address token);

    error InvalidOutputToken();
    error InsufficientBalance();
    error ExceededRedeemable();
    error RateLimitExceeded();
    error TransferFailed();
    error EnforcedPause();
    error ContractPausedUntil(uint256 pausedUntil);

    receive() external payable {}

    modifier whenNotPaused() {
        if (_paused) revert EnforcedPause();
        if (_pausedUntil >= block.timestamp) revert ContractPausedUntil(_pausedUntil);
        _;
    }

    // ---- views (real signatures and semantics) ----

    function paused() external view returns (bool) {
        return _paused;
    }

    function pausedUntil() external view returns (uint256) {
        return _pausedUntil;
    }

    function liquidityPool() external pure returns (address) {
        return FX_ETHERFI_LIQUIDITY_POOL;
    }

    function lowWatermarkInETH(address token) public view returns (uint256) {
        return IRmPool(FX_ETHERFI_LIQUIDITY_POOL).getTotalPooledEther() * tokenToRedemptionInfo[token].lowWatermarkInBpsOfTvl / BASIS_POINT_SCALE;
    }

    function getInstantLiquidityAmount(address token) public view returns (uint256) {
        if (token == ETH_ADDRESS) return IRmPool(FX_ETHERFI_LIQUIDITY_POOL).totalValueInLp();
        return 0;
    }

    function totalRedeemableAmount(address token) external view returns (uint256) {
        uint256 liquid = getInstantLiquidityAmount(token);
        uint256 lowWatermark = lowWatermarkInETH(token);
        if (liquid < lowWatermark) return 0;
        uint256 available = liquid - lowWatermark;
        uint256 consumable = uint256(_refilled(tokenToRedemptionInfo[token].limit).remaining) * BUCKET_UNIT_SCALE;
        return consumable < available ? consumable : available;
    }

    function canRedeem(uint256 amount, address token) public view returns (bool) {
        uint256 liquid = getInstantLiquidityAmount(token);
        uint256 lowWatermark = lowWatermarkInETH(token);
        if (liquid < lowWatermark) return false;
        if (liquid - lowWatermark < amount) return false;
        bool consumable = _refilled(tokenToRedemptionInfo[token].limit).remaining >= _toBucketUnitUp(amount);
        return consumable && amount <= liquid;
    }

    function previewRedeem(uint256 shares, address token) public view returns (uint256) {
        uint256 amountInEth = IRmPool(FX_ETHERFI_LIQUIDITY_POOL).amountForShare(shares);
        uint256 product = amountInEth * tokenToRedemptionInfo[token].exitFeeInBps;
        uint256 fee = product == 0 ? 0 : (product - 1) / BASIS_POINT_SCALE + 1;
        return amountInEth - fee;
    }

    // ---- redeem (ETH output) ----

    function redeemEEth(uint256 eEthAmount, address receiver, address outputToken) external whenNotPaused {
        if (eEthAmount > IRmToken(FX_EETH).balanceOf(msg.sender)) revert InsufficientBalance();
        if (!canRedeem(eEthAmount, outputToken)) revert ExceededRedeemable();
        (uint256 toReceiver, uint256 fee) = _calcRedemption(eEthAmount, outputToken);
        IRmToken(FX_EETH).transferFrom(msg.sender, address(this), eEthAmount);
        IRmToken(FX_EETH).burn(address(this), eEthAmount);
        _pay(eEthAmount, toReceiver, fee, receiver, outputToken);
    }

    function redeemWeEth(uint256 weEthAmount, address receiver, address outputToken) external whenNotPaused {
        uint256 eEthAmount = IRmWeETH(FX_WEETH).getEETHByWeETH(weEthAmount);
        if (weEthAmount > IRmToken(FX_WEETH).balanceOf(msg.sender)) revert InsufficientBalance();
        if (!canRedeem(eEthAmount, outputToken)) revert ExceededRedeemable();
        (uint256 toReceiver, uint256 fee) = _calcRedemption(eEthAmount, outputToken);
        IRmToken(FX_WEETH).transferFrom(msg.sender, address(this), weEthAmount);
        // "unwrap": the weETH and the eETH shares the wrapper holds for it are burned.
        IRmToken(FX_WEETH).burn(address(this), weEthAmount);
        IRmToken(FX_EETH).burn(FX_WEETH, eEthAmount);
        _pay(eEthAmount, toReceiver, fee, receiver, outputToken);
    }

    // ---- fixture-only setters (the real ones are the operating timelock's / guardian's) ----

    /// As initializeTokenParameters for one token: a full bucket of `capacity` wei refilling `refillRate` wei per second.
    function initializeTokenParameters(address token, uint16 exitFeeSplitToTreasuryInBps, uint16 exitFeeInBps, uint16 lowWatermarkInBpsOfTvl, uint256 capacity, uint256 refillRate) external {
        uint64 cap = _toBucketUnitDown(capacity);
        tokenToRedemptionInfo[token] = RedemptionInfo({
            limit: Limit({capacity: cap, remaining: cap, lastRefill: uint64(block.timestamp), refillRate: _toBucketUnitDown(refillRate)}),
            exitFeeSplitToTreasuryInBps: exitFeeSplitToTreasuryInBps,
            exitFeeInBps: exitFeeInBps,
            lowWatermarkInBpsOfTvl: lowWatermarkInBpsOfTvl
        });
    }

    function setExitFeeBasisPoints(uint16 exitFeeInBps, address token) external {
        require(exitFeeInBps <= BASIS_POINT_SCALE, "fixture: fee above 100%");
        tokenToRedemptionInfo[token].exitFeeInBps = exitFeeInBps;
    }

    function setLowWatermarkInBpsOfTvl(uint16 lowWatermarkInBpsOfTvl, address token) external {
        tokenToRedemptionInfo[token].lowWatermarkInBpsOfTvl = lowWatermarkInBpsOfTvl;
    }

    /// As BucketLimiter.setCapacity: refill first, then cap what remains.
    function setCapacity(uint256 capacity, address token) external {
        Limit storage limit = tokenToRedemptionInfo[token].limit;
        _refill(limit);
        limit.capacity = _toBucketUnitDown(capacity);
        if (limit.remaining > limit.capacity) limit.remaining = limit.capacity;
    }

    /// Fixture-only: what is left in the bucket now (as if redemptions had consumed the rest), capped at its capacity.
    function setRemaining(uint256 remaining, address token) external {
        Limit storage limit = tokenToRedemptionInfo[token].limit;
        _refill(limit);
        uint64 units = _toBucketUnitDown(remaining);
        limit.remaining = units > limit.capacity ? limit.capacity : units;
    }

    function setRefillRatePerSecond(uint256 refillRate, address token) external {
        Limit storage limit = tokenToRedemptionInfo[token].limit;
        _refill(limit);
        limit.refillRate = _toBucketUnitDown(refillRate);
    }

    function pause() external {
        _paused = true;
    }

    function unpause() external {
        _paused = false;
    }

    /// Fixture-only: the timed pause (PausableUntil) ends at `until` (unix seconds); 0 clears it.
    function setPausedUntil(uint256 until) external {
        _pausedUntil = until;
    }

    // ---- internals ----

    /// The real _calcRedemption, ETH part: shares for the amount, the fee taken in shares (rounded down for
    /// the receiver), the receiver's shares back to ETH (rounded down).
    function _calcRedemption(uint256 ethAmount, address token) internal view returns (uint256 toReceiver, uint256 fee) {
        IRmPool pool = IRmPool(FX_ETHERFI_LIQUIDITY_POOL);
        uint256 shares = pool.sharesForAmount(ethAmount);
        toReceiver = pool.amountForShare(shares * (BASIS_POINT_SCALE - tokenToRedemptionInfo[token].exitFeeInBps) / BASIS_POINT_SCALE);
        fee = ethAmount > toReceiver ? ethAmount - toReceiver : 0;
    }

    function _pay(uint256 ethAmount, uint256 toReceiver, uint256 fee, address receiver, address token) internal {
        if (token != ETH_ADDRESS) revert InvalidOutputToken();
        Limit storage limit = tokenToRedemptionInfo[token].limit;
        _refill(limit);
        uint64 units = _toBucketUnitUp(ethAmount);
        if (limit.remaining < units) revert RateLimitExceeded();
        limit.remaining -= units;
        IRmPool pool = IRmPool(FX_ETHERFI_LIQUIDITY_POOL);
        pool.setTotals(pool.totalValueOutOfLp(), pool.totalValueInLp() - uint128(toReceiver));
        (bool ok, ) = receiver.call{value: toReceiver}("");
        if (!ok) revert TransferFailed();
        emit Redeemed(receiver, ethAmount, 0, fee, token);
    }

    function _refilled(Limit memory limit) internal view returns (Limit memory) {
        uint64 now_ = uint64(block.timestamp);
        if (now_ == limit.lastRefill) return limit;
        uint256 grown = uint256(limit.remaining) + uint256(now_ - limit.lastRefill) * uint256(limit.refillRate);
        limit.remaining = grown > limit.capacity ? limit.capacity : uint64(grown);
        limit.lastRefill = now_;
        return limit;
    }

    function _refill(Limit storage limit) internal {
        Limit memory next = _refilled(limit);
        limit.remaining = next.remaining;
        limit.lastRefill = next.lastRefill;
    }

    function _toBucketUnitDown(uint256 amount) internal pure returns (uint64) {
        return uint64(amount / BUCKET_UNIT_SCALE);
    }

    function _toBucketUnitUp(uint256 amount) internal pure returns (uint64) {
        return uint64((amount + BUCKET_UNIT_SCALE - 1) / BUCKET_UNIT_SCALE);
    }
}
