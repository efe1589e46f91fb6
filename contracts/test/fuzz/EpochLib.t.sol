// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";

import {EpochLib} from "../../src/libraries/EpochLib.sol";

/// @notice Properties of the epoch clock: epochs tile time from genesis without gaps or overlaps.
contract EpochLibFuzzTest is Test {
    function _clock(uint256 genesis, uint256 length) internal pure returns (uint256, uint256) {
        return (bound(genesis, 0, type(uint32).max), bound(length, 1, type(uint32).max));
    }

    function test_fuzz_epochAt_insideItsEpoch(uint256 genesis, uint256 length, uint256 timestamp)
        public
        pure
    {
        (genesis, length) = _clock(genesis, length);
        timestamp = bound(timestamp, genesis, genesis + 1000 * length);
        uint256 epoch = EpochLib.epochAt(timestamp, genesis, length);
        uint256 end = EpochLib.endOf(epoch, genesis, length);
        assertGt(end, timestamp, "timestamp at or past its epoch's end");
        assertLe(end - length, timestamp, "timestamp before its epoch's start");
    }

    function test_fuzz_epochAt_beforeGenesisIsZero(uint256 genesis, uint256 length, uint256 timestamp)
        public
        pure
    {
        (genesis, length) = _clock(genesis, length);
        timestamp = bound(timestamp, 0, genesis);
        assertEq(EpochLib.epochAt(timestamp, genesis, length), 0);
    }

    /// @dev The end of an epoch is the first second of the next one.
    function test_fuzz_endOf_isNextEpochStart(uint256 genesis, uint256 length, uint256 epoch) public pure {
        (genesis, length) = _clock(genesis, length);
        epoch = bound(epoch, 0, 1_000_000);
        uint256 end = EpochLib.endOf(epoch, genesis, length);
        assertEq(EpochLib.epochAt(end, genesis, length), epoch + 1);
        assertEq(EpochLib.epochAt(end - 1, genesis, length), epoch);
        assertEq(end - EpochLib.endOf(epoch == 0 ? 0 : epoch - 1, genesis, length), epoch == 0 ? 0 : length);
    }

    function test_fuzz_epochAt_monotonic(uint256 genesis, uint256 length, uint256 t1, uint256 t2)
        public
        pure
    {
        (genesis, length) = _clock(genesis, length);
        t1 = bound(t1, 0, type(uint64).max);
        t2 = bound(t2, t1, type(uint64).max);
        uint256 e1 = EpochLib.epochAt(t1, genesis, length);
        uint256 e2 = EpochLib.epochAt(t2, genesis, length);
        assertLe(e1, e2);
        // Moving by d seconds moves at most ceil(d / length) epochs.
        assertLe(e2 - e1, (t2 - t1 + length - 1) / length);
    }
}
