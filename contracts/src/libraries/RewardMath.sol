// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title RewardMath
/// @notice Pure reward arithmetic. Every function rounds toward the protocol and says so in its
///         name: what is paid out is rounded down, and the difference is returned to the caller
///         so it can be carried forward instead of lost.
library RewardMath {
    /// @dev Fixed-point scale of the reward-per-token accumulator.
    uint256 internal constant WAD = 1e18;
    /// @dev 100% in basis points.
    uint256 internal constant BPS = 10_000;
    /// @dev A pool holding less stake (one token) earns nothing: its stream goes back to the reserve.
    uint256 internal constant MIN_EARNING_STAKE = 1e18;

    /// @notice A provider's settlement weight: its stake integrated over the window, times its score.
    function weight(uint256 stakeSeconds, uint256 scoreBps) internal pure returns (uint256) {
        return stakeSeconds * scoreBps;
    }

    /// @notice The part of `budget` owed to a provider of weight `providerWeight`, rounded down.
    /// @dev Plain arithmetic is exact here: a budget is below 2^96 (it is held in the reserve) and a
    ///      weight below 2^142 (a 128-bit stake integral x 10,000), so the product stays below 2^238.
    function shareDown(uint256 budget, uint256 providerWeight, uint256 totalWeight)
        internal
        pure
        returns (uint256)
    {
        return budget * providerWeight / totalWeight;
    }

    /// @notice Splits a provider's reward into its commission (rounded down) and the pool's share.
    function splitCommissionDown(uint256 reward, uint256 commissionBps)
        internal
        pure
        returns (uint256 commission, uint256 poolShare)
    {
        commission = reward * commissionBps / BPS;
        poolShare = reward - commission;
    }

    /// @notice The per-second rate, at most `maxRate`, that streams `amount` over `duration`, rounded
    ///         down, and what is left over (less than `duration` wei unless the rate was capped).
    function streamRateDown(uint256 amount, uint256 duration, uint256 maxRate)
        internal
        pure
        returns (uint256 rate, uint256 remainder)
    {
        rate = amount / duration;
        if (rate > maxRate) rate = maxRate;
        remainder = amount - rate * duration;
    }

    /// @notice Accumulator increase when `amount` is spread over `totalStake`, rounded down.
    function perTokenDown(uint256 amount, uint256 totalStake) internal pure returns (uint256) {
        return amount * WAD / totalStake;
    }

    /// @notice Reward earned by `stake` while the accumulator grew by `perTokenDelta`, rounded down.
    function earnedDown(uint256 stake, uint256 perTokenDelta) internal pure returns (uint256) {
        return stake * perTokenDelta / WAD;
    }
}
