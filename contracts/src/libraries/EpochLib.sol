// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title EpochLib
/// @notice Epoch arithmetic: epoch `e` covers `[genesis + e * length, genesis + (e + 1) * length)`.
library EpochLib {
    /// @notice The epoch containing `timestamp` (0 before genesis).
    function epochAt(uint256 timestamp, uint256 genesis, uint256 length) internal pure returns (uint256) {
        return timestamp < genesis ? 0 : (timestamp - genesis) / length;
    }

    /// @notice The first second after epoch `epoch`.
    function endOf(uint256 epoch, uint256 genesis, uint256 length) internal pure returns (uint256) {
        return genesis + (epoch + 1) * length;
    }
}
