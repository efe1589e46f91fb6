// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title MedianLib
/// @notice The median of a handful of scores (one per committee report).
/// @dev With `f` extreme values among `n`, the median stays within the range of the other values
///      whenever `f < n / 2`: both middle elements of the sorted list are then honest ones.
library MedianLib {
    /// @notice The median of `values`; for an even count, the mean of the two middle values rounded
    ///         down. Sorts `values` in place (insertion sort: a committee has at most a few dozen
    ///         members). Reverts on an empty array.
    function medianDown(uint16[] memory values) internal pure returns (uint16) {
        uint256 n = values.length;
        for (uint256 i = 1; i < n; ++i) {
            uint16 key = values[i];
            uint256 j = i;
            while (j > 0 && values[j - 1] > key) {
                values[j] = values[j - 1];
                --j;
            }
            values[j] = key;
        }
        uint256 mid = n / 2;
        if (n % 2 == 1) return values[mid];
        // The sum of two uint16 fits in uint256; the mean fits back in uint16.
        return uint16((uint256(values[mid - 1]) + values[mid]) / 2);
    }
}
