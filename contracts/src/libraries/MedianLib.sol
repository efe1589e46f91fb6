// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title MedianLib
/// @notice The median of a handful of scores (one per committee report).
/// @dev Bound: with at most `f` arbitrary values among `n` and `f < n / 2`, the result lies within
///      the range [lo, hi] of the other values. At most `f` values sort below lo and at most `f`
///      above hi, so the element at sorted index k lies in [lo, hi] when `f <= k` and
///      `f <= n - 1 - k`. The middle index of an odd `n` (k = (n - 1) / 2) and both middle indices
///      of an even `n` (n / 2 - 1 and n / 2) meet this when `f <= (n - 1) / 2`; a mean of two values
///      in [lo, hi], rounded down, stays in it. One liar needs `n >= 3`: with `n = 2` it is one of
///      the two middles. The committee's quorum rule (QuorumLib) keeps every settled count there.
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
