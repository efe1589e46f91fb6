// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IStakingErrors} from "../interfaces/IStakingErrors.sol";
import {RewardMath} from "./RewardMath.sol";
import {Delegation, Layout, Pool, Provider, Stake, Stream} from "./StakingStorage.sol";
import {TimeLib} from "./TimeLib.sol";

/// @title PoolLib
/// @notice A provider pool's stake integral, its reward accumulator and its delegations' shares of
///         it. A stake change brings the pool's stake integral and rewards up to now (`sync`), reads
///         what the delegation is owed (`owed`), then writes the new stake with `store`.
library PoolLib {
    /// @dev Brings the pool's stake integral and reward stream up to now, in memory, for the caller
    ///      to change and write back (`writeStake`, `writeStream`); what streamed to nobody goes back
    ///      to the reward reserve, and then (`returned`) the caller must write both back.
    function sync(Layout storage $, Provider storage prov)
        internal
        returns (Stake memory stake, Stream memory stream, bool returned)
    {
        stake = prov.stake;
        stream = prov.stream;
        uint256 from = stake.updatedAt;
        if (from != block.timestamp) {
            stake.stakeSeconds = integrate(stake);
            stake.updatedAt = TimeLib.now32();
            uint256 unearned = advance(stream, stake.total, from);
            // Nobody was there to earn it: it goes back to the reward reserve.
            if (unearned != 0) {
                $.ledger.rewardReserve += uint96(unearned);
                returned = true;
            }
        }
    }

    /// @dev The stake integral as of now; saturates instead of overflowing (it only weighs rewards).
    function integrate(Stake memory stake) internal view returns (uint128) {
        uint256 stakeSeconds =
            uint256(stake.stakeSeconds) + uint256(stake.total) * (block.timestamp - stake.updatedAt);
        return stakeSeconds > type(uint128).max ? type(uint128).max : uint128(stakeSeconds);
    }

    /// @dev Writes the pool slot in one store. The compiler copies a memory struct to storage member
    ///      by member (several stores to the same slot); the bit offsets follow {Pool}'s declaration,
    ///      which the storage-layout check keeps fixed.
    function write(Provider storage prov, Pool memory pool) internal {
        uint256 word = uint256(pool.selfStake) | uint256(pool.commissionAccrued) << 96
            | uint256(uint8(pool.status)) << 192 | uint256(pool.commissionBps) << 200
            | uint256(pool.lowScoreStreak) << 216 | uint256(pool.lastScoreBps) << 224 | uint256(pool.flags)
            << 240;
        assembly ("memory-safe") {
            sstore(prov.slot, word)
        }
    }

    /// @dev Writes the stake slot in one store (see `write`).
    function writeStake(Provider storage prov, Stake memory stake) internal {
        uint256 word =
            uint256(stake.total) | uint256(stake.stakeSeconds) << 96 | uint256(stake.updatedAt) << 224;
        assembly ("memory-safe") {
            sstore(add(prov.slot, 1), word)
        }
    }

    /// @dev Writes the stream slot in one store (see `write`).
    function writeStream(Provider storage prov, Stream memory stream) internal {
        uint256 word = uint256(stream.rewardPerToken) | uint256(stream.rate) << 112 | uint256(stream.finish)
            << 192 | uint256(stream.votesSeen) << 224;
        assembly ("memory-safe") {
            sstore(add(prov.slot, 2), word)
        }
    }

    /// @dev Brings a stream held in memory from `from` (the pool's clock) up to now; returns what
    ///      streamed to nobody. The caller moves the clock.
    function advance(Stream memory stream, uint256 totalStake, uint256 from)
        internal
        view
        returns (uint256 unearned)
    {
        uint256 rpt;
        (rpt, unearned) = streamed(stream, totalStake, from);
        stream.rewardPerToken = uint112(rpt);
    }

    /// @dev The accumulator as of now, and what streamed to nobody. A pool below
    ///      `RewardMath.MIN_EARNING_STAKE` earns nothing, which bounds the accumulator's growth by the
    ///      rewards streamed and keeps it inside its 112 bits for any realistic history; if it would
    ///      still overflow, the rewards go back to the reserve rather than block the pool.
    function streamed(Stream memory stream, uint256 totalStake, uint256 from)
        internal
        view
        returns (uint256 rpt, uint256 unearned)
    {
        rpt = stream.rewardPerToken;
        uint256 end = stream.finish < block.timestamp ? stream.finish : block.timestamp;
        if (end <= from) return (rpt, 0);
        uint256 amount = uint256(stream.rate) * (end - from);
        if (totalStake < RewardMath.MIN_EARNING_STAKE) return (rpt, amount);
        uint256 next = rpt + RewardMath.perTokenDown(amount, totalStake);
        if (next > type(uint112).max) return (rpt, amount);
        return (next, 0);
    }

    /// @dev Rewards a delegation is owed at accumulator value `rpt`, rounded down.
    function owed(Delegation memory d, uint256 rpt) internal pure returns (uint256) {
        if (d.stake == 0) return uint256(int256(d.mark));
        return RewardMath.earnedDown(d.stake, uint256(int256(rpt) - d.mark));
    }

    /// @dev Writes a delegation's new stake while it keeps `owedAmount` of rewards, in one store: the
    ///      mark moves back so the new stake has earned exactly that much (rounded down, so the carry
    ///      never creates rewards). The carry fits the mark's 128 bits unless a stake below ~1e8 wei
    ///      keeps over ~160 tokens of rewards (2^127 / 1e18 per wei of stake), which no minimum
    ///      delegation allows; it then reverts rather than lose rewards (claim first). A slash moves
    ///      the provider's own rewards to its commission instead (see ProviderLogic.slash).
    function store(Delegation storage d, uint96 stake, uint256 votesSeen, uint256 owedAmount, uint256 rpt)
        internal
    {
        int256 mark = stake == 0
            ? int256(owedAmount)
            : int256(rpt) - int256(RewardMath.perTokenDown(owedAmount, stake));
        if (mark > type(int128).max || mark < type(int128).min) {
            revert IStakingErrors.StakingRewardsNotCarried(owedAmount, stake);
        }
        uint256 word = uint256(stake) | votesSeen << 96 | uint256(uint128(int128(mark))) << 128;
        assembly ("memory-safe") {
            sstore(d.slot, word)
        }
    }

    /// @dev Restarts a pool's stream over `length` seconds with `amount` plus what was still to
    ///      stream, and returns the rounding remainder of the rate for the reserve. The stream must
    ///      be up to date (`advance`).
    function restart(Stream memory stream, uint256 amount, uint256 length)
        internal
        view
        returns (uint256 remainder)
    {
        if (stream.finish > block.timestamp) {
            amount += uint256(stream.rate) * (stream.finish - block.timestamp);
        }
        uint256 rate;
        (rate, remainder) = RewardMath.streamRateDown(amount, length, type(uint80).max);
        stream.rate = uint80(rate);
        stream.finish = TimeLib.toTime(block.timestamp + length);
    }

    /// @dev Brings a pool up to now and restarts its stream with `amount` (see `restart`).
    function restartStream(Layout storage $, Provider storage prov, uint256 amount, uint256 length)
        internal
        returns (uint256 rate, uint256 finish)
    {
        // The stream is advanced at its old rate before it restarts.
        (Stake memory stake, Stream memory stream,) = sync($, prov);
        uint256 toReserve = restart(stream, amount, length);
        if (toReserve != 0) $.ledger.rewardReserve += uint96(toReserve);
        writeStream(prov, stream);
        writeStake(prov, stake);
        return (stream.rate, stream.finish);
    }

    /// @dev What a delegation could claim now (plus the commission when `delegator` is the provider).
    function pendingRewards(Provider storage prov, Delegation memory d, bool isProvider)
        internal
        view
        returns (uint256 amount)
    {
        Stake memory stake = prov.stake;
        (uint256 rpt,) = streamed(prov.stream, stake.total, stake.updatedAt);
        amount = owed(d, rpt);
        if (isProvider) amount += prov.pool.commissionAccrued;
    }
}
