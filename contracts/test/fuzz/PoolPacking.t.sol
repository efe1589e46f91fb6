// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";

import {ProviderStatus} from "../../src/interfaces/IStakingTypes.sol";
import {PoolLib} from "../../src/libraries/PoolLib.sol";
import {Pool, Provider, Stake, Stream} from "../../src/libraries/StakingStorage.sol";

/// @notice Holds one provider in storage so the packed single-store write can be read back the way
///         the protocol reads it: through the compiler's own struct layout.
contract PoolHarness {
    Provider internal prov;

    function write(Pool memory pool, Stake memory stake) external returns (Pool memory, Stake memory) {
        prov.stake = stake;
        PoolLib.write(prov, pool);
        return (prov.pool, prov.stake);
    }

    function writeStakeAndStream(Stake memory stake, Stream memory stream)
        external
        returns (Stake memory, Stream memory, Pool memory)
    {
        PoolLib.writeStake(prov, stake);
        PoolLib.writeStream(prov, stream);
        return (prov.stake, prov.stream, prov.pool);
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

    /// @dev The stake and stream slots' hand-packed stores read back member for member and leave
    ///      the pool slot alone.
    function test_fuzz_writeStakeAndStream_roundTrip(Stake memory stake, Stream memory stream) public {
        (Stake memory s, Stream memory r, Pool memory pool) = harness.writeStakeAndStream(stake, stream);
        assertEq(s.total, stake.total, "total");
        assertEq(s.stakeSeconds, stake.stakeSeconds, "stakeSeconds");
        assertEq(s.updatedAt, stake.updatedAt, "stake updatedAt");
        assertEq(r.rewardPerToken, stream.rewardPerToken, "rewardPerToken");
        assertEq(r.rate, stream.rate, "rate");
        assertEq(r.finish, stream.finish, "finish");
        assertEq(r.votesSeen, stream.votesSeen, "votesSeen");
        assertEq(pool.selfStake, 0, "pool slot touched");
        assertEq(pool.flags, 0, "pool slot touched");
    }
}
