// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {RewardMath} from "./RewardMath.sol";
import {Delegation, Layout, Pool, Provider, Stream} from "./StakingStorage.sol";

/// @title PoolLib
/// @notice A provider pool's reward accumulator and stake integral. Every stake change first
///         brings its pool up to now with `accrue`, then credits the delegation with `sync`.
library PoolLib {
    /// @dev Brings a pool's accumulator and stake integral up to now and returns the pool slot with
    ///      `lastUpdate` advanced, for the caller to modify and write back in one store.
    function accrue(Layout storage $, Provider storage prov)
        internal
        returns (Pool memory pool, uint256 rpt)
    {
        pool = prov.pool;
        rpt = prov.rewardPerToken;
        uint256 last = pool.lastUpdate;
        if (last == block.timestamp) return (pool, rpt);

        Stream memory stream = prov.stream;
        uint256 total = pool.totalStake;
        // total < 2^96 and elapsed < 2^32, so the product fits in 128 bits.
        stream.stakeSeconds += uint128(total * (block.timestamp - last));
        uint256 streamEnd = stream.finish < block.timestamp ? stream.finish : block.timestamp;
        if (streamEnd > last) {
            uint256 streamed = uint256(stream.rate) * (streamEnd - last);
            if (total == 0) {
                // Nobody was there to earn it: it goes back to the reward reserve.
                $.clock.rewardReserve += uint96(streamed);
            } else {
                rpt += RewardMath.perTokenDown(streamed, total);
                prov.rewardPerToken = rpt;
            }
        }
        prov.stream = stream;
        pool.lastUpdate = uint32(block.timestamp);
    }

    /// @dev Credits a delegation with what it earned since its last sync.
    function sync(Delegation storage d, uint256 rpt) internal {
        uint256 paid = d.rewardPerTokenPaid;
        if (paid == rpt) return;
        uint256 earned = RewardMath.earnedDown(d.stake, rpt - paid);
        if (earned != 0) d.rewards += uint160(earned);
        d.rewardPerTokenPaid = rpt;
    }

    /// @dev Restarts a pool's stream over one epoch length with `amount` plus what was still to
    ///      stream; the rounding remainder of the rate goes to the reserve.
    function restartStream(Layout storage $, Provider storage prov, uint256 amount)
        internal
        returns (uint256 rate, uint256 finish)
    {
        Stream memory stream = prov.stream;
        if (stream.finish > block.timestamp) {
            amount += uint256(stream.rate) * (stream.finish - block.timestamp);
        }
        uint256 length = $.clock.epochLength;
        uint256 remainder;
        (rate, remainder) = RewardMath.streamRateDown(amount, length);
        if (remainder != 0) $.clock.rewardReserve += uint96(remainder);
        finish = block.timestamp + length;
        stream.rate = uint96(rate);
        stream.finish = uint32(finish);
        prov.stream = stream;
    }

    /// @dev The pool's stake integral as of now, without writing.
    function stakeSecondsNow(Provider storage prov, Pool memory pool) internal view returns (uint256) {
        return
            uint256(prov.stream.stakeSeconds) + uint256(pool.totalStake) * (block.timestamp - pool.lastUpdate);
    }

    /// @dev What a delegation could claim now (plus the commission when `delegator` is the provider).
    function pendingRewards(Provider storage prov, Delegation memory d, bool isProvider)
        internal
        view
        returns (uint256 amount)
    {
        Pool memory pool = prov.pool;
        Stream memory stream = prov.stream;
        uint256 rpt = prov.rewardPerToken;
        uint256 streamEnd = stream.finish < block.timestamp ? stream.finish : block.timestamp;
        if (streamEnd > pool.lastUpdate && pool.totalStake != 0) {
            rpt += RewardMath.perTokenDown(
                uint256(stream.rate) * (streamEnd - pool.lastUpdate), pool.totalStake
            );
        }
        amount = d.rewards + RewardMath.earnedDown(d.stake, rpt - d.rewardPerTokenPaid);
        if (isProvider) amount += prov.settlement.commissionAccrued;
    }
}
