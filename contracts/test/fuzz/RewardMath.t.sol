// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";

import {RewardMath} from "../../src/libraries/RewardMath.sol";

/// @notice Properties of the pure reward arithmetic: every function rounds toward the protocol and
///         what it keeps back is bounded and accounted for.
contract RewardMathFuzzTest is Test {
    uint256 internal constant MAX_AMOUNT = type(uint96).max;
    /// @dev Stake-seconds are stored in 128 bits; a weight is stake-seconds x a score <= 10,000.
    uint256 internal constant MAX_WEIGHT = uint256(type(uint128).max) * 10_000;

    /// @dev Splitting a budget among n weights never pays more than the budget and keeps back
    ///      strictly less than one wei per share.
    function test_fuzz_shareDown_sumNeverExceedsBudget(uint256 budget, uint256[8] memory weights, uint256 n)
        public
        pure
    {
        budget = bound(budget, 0, MAX_AMOUNT);
        n = bound(n, 1, weights.length);
        uint256 total;
        for (uint256 i; i < n; ++i) {
            // Keep the sum inside what eight 128-bit stake integrals x 10,000 can reach.
            weights[i] = bound(weights[i], 0, MAX_WEIGHT);
            total += weights[i];
        }
        if (total == 0) return;
        uint256 paid;
        for (uint256 i; i < n; ++i) {
            uint256 share = RewardMath.shareDown(budget, weights[i], total);
            assertLe(share * total, budget * weights[i], "share rounded up");
            paid += share;
        }
        assertLe(paid, budget, "paid more than the budget");
        assertLt(budget - paid, n, "lost n wei or more");
    }

    /// @dev A single provider with all the weight gets the whole budget.
    function test_fuzz_shareDown_soleProviderGetsAll(uint256 budget, uint256 weight) public pure {
        budget = bound(budget, 0, MAX_AMOUNT);
        weight = bound(weight, 1, MAX_WEIGHT);
        assertEq(RewardMath.shareDown(budget, weight, weight), budget);
    }

    /// @dev Shares are monotonic in the weight: more weight never earns less.
    function test_fuzz_shareDown_monotonic(uint256 budget, uint256 a, uint256 b, uint256 rest) public pure {
        budget = bound(budget, 0, MAX_AMOUNT);
        a = bound(a, 0, MAX_WEIGHT);
        b = bound(b, a, MAX_WEIGHT);
        rest = bound(rest, 1, MAX_WEIGHT);
        assertLe(RewardMath.shareDown(budget, a, b + rest), RewardMath.shareDown(budget, b, b + rest));
    }

    function test_fuzz_weight_isStakeSecondsTimesScore(uint128 stakeSeconds, uint16 score) public pure {
        score = uint16(bound(score, 0, 10_000));
        assertEq(RewardMath.weight(stakeSeconds, score), uint256(stakeSeconds) * score);
    }

    function test_fuzz_splitCommissionDown_conserves(uint256 reward, uint256 bps) public pure {
        reward = bound(reward, 0, MAX_AMOUNT);
        bps = bound(bps, 0, 10_000);
        (uint256 commission, uint256 poolShare) = RewardMath.splitCommissionDown(reward, bps);
        assertEq(commission + poolShare, reward, "split does not add up");
        assertLe(commission, reward * bps / 10_000, "commission rounded up");
        // Rounded down by less than one wei.
        assertLt(reward * bps - commission * 10_000, 10_000, "commission rounded down by a wei or more");
        if (bps == 0) assertEq(commission, 0);
        if (bps == 10_000) assertEq(poolShare, 0);
    }

    function test_fuzz_streamRateDown_conserves(uint256 amount, uint256 duration) public pure {
        amount = bound(amount, 0, MAX_AMOUNT);
        duration = bound(duration, 1, type(uint32).max);
        (uint256 rate, uint256 remainder) = RewardMath.streamRateDown(amount, duration, type(uint80).max);
        assertEq(rate * duration + remainder, amount, "stream does not add up");
        if (rate < type(uint80).max) {
            assertLt(remainder, duration, "remainder of a full wei per second or more");
        }
    }

    /// @dev A rate above the cap is clamped and the excess comes back as remainder, never lost.
    function test_fuzz_streamRateDown_capsRate(uint256 amount, uint256 duration, uint256 maxRate)
        public
        pure
    {
        amount = bound(amount, 0, MAX_AMOUNT);
        duration = bound(duration, 1, type(uint32).max);
        maxRate = bound(maxRate, 0, type(uint80).max);
        (uint256 rate, uint256 remainder) = RewardMath.streamRateDown(amount, duration, maxRate);
        assertLe(rate, maxRate, "rate above the cap");
        assertEq(rate * duration + remainder, amount, "stream does not add up");
    }

    /// @dev However a streamed amount is shared among stakes summing to the pool total, the pool
    ///      never pays more than was streamed, and keeps back less than total/1e18 + n wei.
    function test_fuzz_perTokenEarned_neverPaysMoreThanStreamed(
        uint256 amount,
        uint96[6] memory stakes,
        uint256 n
    ) public pure {
        amount = bound(amount, 0, MAX_AMOUNT);
        n = bound(n, 1, stakes.length);
        uint256 total;
        for (uint256 i; i < n; ++i) {
            total += stakes[i];
        }
        if (total == 0) return;
        uint256 perToken = RewardMath.perTokenDown(amount, total);
        uint256 paid;
        for (uint256 i; i < n; ++i) {
            paid += RewardMath.earnedDown(stakes[i], perToken);
        }
        assertLe(paid, amount, "paid more than streamed");
        // Accumulator floor: < total / 1e18 wei; each delegation's floor: < 1 wei.
        assertLe(amount - paid, total / 1e18 + n, "rounding kept back too much");
    }

    /// @dev The same over several accrual steps with a changing stake split, as a pool sees it:
    ///      every delegation syncs at each step, and the sum never exceeds what was streamed.
    function test_fuzz_perTokenEarned_multiStep(uint256[5] memory amounts, uint96[3][5] memory stakes)
        public
        pure
    {
        uint256 streamed;
        uint256 paid;
        uint256 maxLoss;
        for (uint256 s; s < amounts.length; ++s) {
            uint256 amount = bound(amounts[s], 0, MAX_AMOUNT / 8);
            uint256 total;
            for (uint256 i; i < 3; ++i) {
                total += stakes[s][i];
            }
            if (total == 0) continue;
            uint256 perToken = RewardMath.perTokenDown(amount, total);
            streamed += amount;
            for (uint256 i; i < 3; ++i) {
                paid += RewardMath.earnedDown(stakes[s][i], perToken);
            }
            maxLoss += total / 1e18 + 3;
        }
        assertLe(paid, streamed, "paid more than streamed");
        assertLe(streamed - paid, maxLoss, "rounding kept back too much");
    }

    /// @dev earnedDown is additive the right way: syncing twice never pays more than syncing once.
    function test_fuzz_earnedDown_splitSyncNeverPaysMore(uint96 stake, uint256 d1, uint256 d2) public pure {
        d1 = bound(d1, 0, type(uint128).max);
        d2 = bound(d2, 0, type(uint128).max);
        uint256 once = RewardMath.earnedDown(stake, d1 + d2);
        uint256 twice = RewardMath.earnedDown(stake, d1) + RewardMath.earnedDown(stake, d2);
        assertLe(twice, once);
        assertLe(once - twice, 1);
    }
}
