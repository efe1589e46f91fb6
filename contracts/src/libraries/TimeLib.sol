// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IStakingErrors} from "../interfaces/IStakingErrors.sol";

/// @title TimeLib
/// @notice Timestamps as the protocol stores them: 32 bits, checked. A time past 2106 reverts
///         instead of wrapping to a small one (which would make an unbonding entry mature at once).
library TimeLib {
    /// @notice `time` as a stored timestamp; reverts with `StakingTimeOverflow` above 2^32 - 1.
    function toTime(uint256 time) internal pure returns (uint32) {
        if (time > type(uint32).max) revert IStakingErrors.StakingTimeOverflow(time);
        return uint32(time);
    }

    /// @notice The current block's time as a stored timestamp.
    function now32() internal view returns (uint32) {
        return toTime(block.timestamp);
    }
}
