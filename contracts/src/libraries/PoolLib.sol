// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {RewardMath} from "./RewardMath.sol";
import {Delegation, Layout, Provider, Stake, Stream} from "./StakingStorage.sol";

/// @title PoolLib
/// @notice A provider pool's stake integral, its reward accumulator and its delegations' shares of
///         it. A stake change brings the pool's stake (`stakeNow`) and rewards (`accrue`) up to now,
///         reads what the delegation is owed (`owed`), then writes the new stake with `store`.
library PoolLib {
    /// @dev Brings the pool's stake integral up to now and returns the slot for the caller to change
    ///      and write back in one store.
    function stakeNow(Provider storage prov) internal view returns (Stake memory stake) {
        stake = prov.stake;
        if (stake.updatedAt != block.timestamp) {
            stake.stakeSeconds = integrate(stake);
            stake.updatedAt = uint32(block.timestamp);
        }
    }

    /// @dev The stake integral as of now; saturates instead of overflowing (it only weighs rewards).
    function integrate(Stake memory stake) internal view returns (uint128) {
        uint256 stakeSeconds =
            uint256(stake.stakeSeconds) + uint256(stake.total) * (block.timestamp - stake.updatedAt);
        return stakeSeconds > type(uint128).max ? type(uint128).max : uint128(stakeSeconds);
    }

    /// @dev Streams rewards up to now into the accumulator of a pool holding `totalStake` and returns
    ///      the accumulator. Writes only when something changed.
    function accrue(Layout storage $, Provider storage prov, uint256 totalStake) internal returns (uint256) {
        Stream memory stream = prov.stream;
        if (stream.updatedAt == block.timestamp) return stream.rewardPerToken;
        (uint256 rpt, uint256 unearned) = streamed(stream, totalStake);
        // Nobody was there to earn it: it goes back to the reward reserve.
        if (unearned != 0) $.ledger.rewardReserve += uint96(unearned);
        stream.rewardPerToken = uint112(rpt);
        stream.updatedAt = uint32(block.timestamp);
        prov.stream = stream;
        return rpt;
    }

    /// @dev The accumulator as of now, and what streamed to nobody. A pool below
    ///      `RewardMath.MIN_EARNING_STAKE` earns nothing, which bounds the accumulator's growth by the
    ///      rewards streamed and keeps it inside its 112 bits for any realistic history; if it would
    ///      still overflow, the rewards go back to the reserve rather than block the pool.
    function streamed(Stream memory stream, uint256 totalStake)
        internal
        view
        returns (uint256 rpt, uint256 unearned)
    {
        rpt = stream.rewardPerToken;
        uint256 end = stream.finish < block.timestamp ? stream.finish : block.timestamp;
        if (end <= stream.updatedAt) return (rpt, 0);
        uint256 amount = uint256(stream.rate) * (end - stream.updatedAt);
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

    /// @dev Writes a delegation's new stake while it keeps `owedAmount` of rewards: the mark moves
    ///      back so the new stake has earned exactly that much (rounded down, so the carry never
    ///      creates rewards). `owedAmount` is bounded by the token supply (< 2^96), so the mark
    ///      stays within 160 bits.
    function store(Delegation storage d, uint96 stake, uint256 owedAmount, uint256 rpt) internal {
        int256 mark = stake == 0
            ? int256(owedAmount)
            : int256(rpt) - int256(RewardMath.perTokenDown(owedAmount, stake));
        d.stake = stake;
        d.mark = int160(mark);
    }

    /// @dev Restarts a pool's stream over `length` seconds with `amount` plus what was still to
    ///      stream; the rounding remainder of the rate goes to the reserve. Call after `accrue`.
    function restartStream(Layout storage $, Provider storage prov, uint256 amount, uint256 length)
        internal
        returns (uint256 rate, uint256 finish)
    {
        Stream memory stream = prov.stream;
        if (stream.finish > block.timestamp) {
            amount += uint256(stream.rate) * (stream.finish - block.timestamp);
        }
        uint256 remainder;
        (rate, remainder) = RewardMath.streamRateDown(amount, length, type(uint80).max);
        if (remainder != 0) $.ledger.rewardReserve += uint96(remainder);
        finish = block.timestamp + length;
        stream.rate = uint80(rate);
        stream.finish = uint32(finish);
        stream.updatedAt = uint32(block.timestamp);
        prov.stream = stream;
    }

    /// @dev What a delegation could claim now (plus the commission when `delegator` is the provider).
    function pendingRewards(Provider storage prov, Delegation memory d, bool isProvider)
        internal
        view
        returns (uint256 amount)
    {
        (uint256 rpt,) = streamed(prov.stream, prov.stake.total);
        amount = owed(d, rpt);
        if (isProvider) amount += prov.pool.commissionAccrued;
    }
}
