// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";

import {ProviderStatus} from "../../src/interfaces/IStakingTypes.sol";
import {PoolLib} from "../../src/libraries/PoolLib.sol";
import {Pool, Provider, Stake} from "../../src/libraries/StakingStorage.sol";

/// @notice Holds one provider in storage so the packed single-store write can be read back the way
///         the protocol reads it: through the compiler's own struct layout.
contract PoolHarness {
    Provider internal prov;

    function write(Pool memory pool, Stake memory stake) external returns (Pool memory, Stake memory) {
        prov.stake = stake;
        PoolLib.write(prov, pool);
        return (prov.pool, prov.stake);
    }
}

contract PoolPackingTest is Test {
    PoolHarness internal harness = new PoolHarness();

    /// @dev Every member written by the hand-packed store reads back unchanged, and the next slot
    ///      (the pool's stake) is untouched.
    function test_fuzz_write_roundTrips(
        uint96 selfStake,
        uint96 commissionAccrued,
        uint8 status,
        uint16 commissionBps,
        uint8 lowScoreStreak,
        uint16 lastScoreBps,
        uint8 flags,
        Stake memory stake
    ) public {
        Pool memory pool = Pool({
            selfStake: selfStake,
            commissionAccrued: commissionAccrued,
            status: ProviderStatus(bound(status, 0, uint8(type(ProviderStatus).max))),
            commissionBps: commissionBps,
            lowScoreStreak: lowScoreStreak,
            lastScoreBps: lastScoreBps,
            flags: flags
        });
        (Pool memory read, Stake memory stakeAfter) = harness.write(pool, stake);
        assertEq(read.selfStake, pool.selfStake, "selfStake");
        assertEq(read.commissionAccrued, pool.commissionAccrued, "commissionAccrued");
        assertEq(uint8(read.status), uint8(pool.status), "status");
        assertEq(read.commissionBps, pool.commissionBps, "commissionBps");
        assertEq(read.lowScoreStreak, pool.lowScoreStreak, "lowScoreStreak");
        assertEq(read.lastScoreBps, pool.lastScoreBps, "lastScoreBps");
        assertEq(read.flags, pool.flags, "flags");
        assertEq(stakeAfter.total, stake.total, "stake slot touched");
        assertEq(stakeAfter.stakeSeconds, stake.stakeSeconds, "stake slot touched");
        assertEq(stakeAfter.updatedAt, stake.updatedAt, "stake slot touched");
    }
}
