// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title ScorePacking
/// @notice Scores travel as two big-endian bytes per provider: 100 scores fit in 200 bytes (seven
///         storage words) instead of 100 words as `uint16[]`.
library ScorePacking {
    /// @notice Bytes per packed score.
    uint256 internal constant WIDTH = 2;

    /// @notice Packs `scores` in order.
    function pack(uint16[] memory scores) internal pure returns (bytes memory packed) {
        packed = new bytes(scores.length * WIDTH);
        for (uint256 i; i < scores.length; ++i) {
            packed[i * WIDTH] = bytes1(uint8(scores[i] >> 8));
            packed[i * WIDTH + 1] = bytes1(uint8(scores[i]));
        }
    }

    /// @notice The `index`-th score of `packed` (memory).
    function at(bytes memory packed, uint256 index) internal pure returns (uint16 score) {
        uint256 offset = index * WIDTH;
        score = (uint16(uint8(packed[offset])) << 8) | uint16(uint8(packed[offset + 1]));
    }

    /// @notice The `index`-th score of `packed` (calldata).
    function atCalldata(bytes calldata packed, uint256 index) internal pure returns (uint16 score) {
        uint256 offset = index * WIDTH;
        score = (uint16(uint8(packed[offset])) << 8) | uint16(uint8(packed[offset + 1]));
    }

    /// @notice How many scores `packed` holds, or `type(uint256).max` when its length is not a
    ///         whole number of scores.
    function count(uint256 packedLength) internal pure returns (uint256) {
        return packedLength % WIDTH == 0 ? packedLength / WIDTH : type(uint256).max;
    }
}
