// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title CapacityLib
/// @notice How much more stake a provider, and the pool as a whole, can take. `type(uint256).max`
///         stands for "no limit".
library CapacityLib {
    uint256 internal constant UNLIMITED = type(uint256).max;

    /// @notice Room left for delegated stake under `ratio` x self-stake (0 = no ratio limit).
    function delegationRoom(uint256 totalStake, uint256 selfStake, uint256 ratio)
        internal
        pure
        returns (uint256)
    {
        if (ratio == 0) return UNLIMITED;
        uint256 maxDelegated = selfStake * ratio;
        uint256 delegated = totalStake - selfStake;
        return maxDelegated > delegated ? maxDelegated - delegated : 0;
    }

    /// @notice Room left under a provider's own cap (0 = no cap).
    function capRoom(uint256 totalStake, uint256 maxStake) internal pure returns (uint256) {
        if (maxStake == 0) return UNLIMITED;
        return maxStake > totalStake ? maxStake - totalStake : 0;
    }

    /// @notice Room left under the global cap for accounts without allotment: the cap minus
    ///         everything staked minus every unused allotment (0 cap = uncapped).
    function openRoom(uint256 globalCap, uint256 totalStaked, uint256 unusedAllotments)
        internal
        pure
        returns (uint256)
    {
        if (globalCap == 0) return UNLIMITED;
        uint256 taken = totalStaked + unusedAllotments;
        return globalCap > taken ? globalCap - taken : 0;
    }

    /// @notice Adds two rooms where either may be unlimited.
    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        return a == UNLIMITED || b == UNLIMITED ? UNLIMITED : a + b;
    }

    function min(uint256 a, uint256 b) internal pure returns (uint256) {
        return a < b ? a : b;
    }
}
