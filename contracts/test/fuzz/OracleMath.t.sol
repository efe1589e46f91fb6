// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";

import {MedianLib} from "../../src/libraries/MedianLib.sol";
import {ScorePacking} from "../../src/libraries/ScorePacking.sol";

/// @notice Properties of the committee's pure math: packing round-trips, and the median is bounded
///         by the honest values whatever a minority reports.
contract OracleMathFuzzTest is Test {
    function _values(uint256 seed, uint256 n) internal pure returns (uint16[] memory values) {
        values = new uint16[](n);
        for (uint256 i; i < n; ++i) {
            values[i] = uint16(uint256(keccak256(abi.encode(seed, i))) % 10_001);
        }
    }

    function test_fuzz_pack_roundTrips(uint256 seed, uint256 n) public pure {
        n = bound(n, 0, 200);
        uint16[] memory values = _values(seed, n);
        bytes memory packed = ScorePacking.pack(values);
        assertEq(packed.length, n * 2);
        assertEq(ScorePacking.count(packed.length), n);
        for (uint256 i; i < n; ++i) {
            assertEq(ScorePacking.at(packed, i), values[i]);
        }
    }

    function test_fuzz_pack_isBigEndianUint16(uint16 a, uint16 b) public pure {
        uint16[] memory values = new uint16[](2);
        (values[0], values[1]) = (a, b);
        assertEq(ScorePacking.pack(values), abi.encodePacked(a, b));
    }

    function test_fuzz_count_rejectsOddLengths(uint256 length) public pure {
        length = bound(length, 0, 1e6);
        uint256 c = ScorePacking.count(length);
        if (length % 2 == 1) assertEq(c, type(uint256).max);
        else assertEq(c, length / 2);
    }

    function test_fuzz_median_isMiddleOfSorted(uint256 seed, uint256 n) public pure {
        n = bound(n, 1, 33);
        uint16[] memory values = _values(seed, n);
        uint256 below;
        uint256 above;
        uint16 median = MedianLib.medianDown(values);
        for (uint256 i; i < n; ++i) {
            if (i > 0) assertLe(values[i - 1], values[i], "not sorted in place");
            if (values[i] < median) ++below;
            if (values[i] > median) ++above;
        }
        assertLe(below, n / 2);
        assertLe(above, n / 2);
    }

    function test_fuzz_median_evenIsMeanOfMiddlesDown(uint16 a, uint16 b) public pure {
        uint16[] memory values = new uint16[](2);
        (values[0], values[1]) = (a, b);
        assertEq(MedianLib.medianDown(values), uint16((uint256(a) + b) / 2));
    }

    /// @dev `f` extreme values among `n` with `f < n / 2` leave the median inside the honest range.
    function test_fuzz_median_boundedByHonestMajority(uint256 seed, uint256 n, uint256 f, bool high)
        public
        pure
    {
        n = bound(n, 1, 32);
        f = bound(f, 0, (n - 1) / 2);
        uint16[] memory values = _values(seed, n);
        uint16 lo = type(uint16).max;
        uint16 hi;
        for (uint256 i = f; i < n; ++i) {
            if (values[i] < lo) lo = values[i];
            if (values[i] > hi) hi = values[i];
        }
        for (uint256 i; i < f; ++i) {
            values[i] = high ? type(uint16).max : 0;
        }
        uint16 median = MedianLib.medianDown(values);
        assertGe(median, lo);
        assertLe(median, hi);
    }

    function test_median_revertsOnEmpty() public {
        vm.expectRevert();
        this.medianOf(new uint16[](0));
    }

    function medianOf(uint16[] memory values) external pure returns (uint16) {
        return MedianLib.medianDown(values);
    }
}
