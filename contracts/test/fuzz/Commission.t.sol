// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Vm} from "forge-std/Vm.sol";

import {IStakingErrors} from "../../src/interfaces/IStakingErrors.sol";
import {UnbondingEntry} from "../../src/interfaces/IStakingTypes.sol";
import {ProtocolFuzzBase} from "./utils/ProtocolFuzzBase.sol";

/// @notice Commission: the provider's cut of each settled reward is floor(reward x bps / 10,000),
///         the pool streams the rest; a decrease applies at once, an increase only at the first
///         settlement after the notice period, which outlasts the unbonding period.
contract CommissionFuzzTest is ProtocolFuzzBase {
    address internal provider = makeAddr("provider");
    address internal other = makeAddr("other");
    address internal alice = makeAddr("alice");

    function _setUp(uint256 self, uint256 deposit, uint16 commission)
        internal
        returns (uint256, uint256, uint16)
    {
        self = bound(self, params.minSelfStake, 20_000_000 ether);
        deposit = bound(deposit, params.minDelegation, self * params.delegationRatio);
        commission = uint16(bound(commission, 0, params.maxCommissionBps));
        addProvider(provider, self, commission);
        addProvider(other, params.minSelfStake, 0);
        delegateAs(alice, provider, deposit);
        return (self, deposit, commission);
    }

    /// @dev The provider accrues floor(reward x bps / 10,000); provider and delegator then share
    ///      the pool's part by stake, and nothing more than the reward is ever claimable.
    function test_fuzz_commission_splitsEachReward(
        uint256 self,
        uint256 deposit,
        uint16 commission,
        uint16 score
    ) public {
        (self, deposit, commission) = _setUp(self, deposit, commission);
        score = uint16(bound(score, 1, 10_000));
        Vm.Log[] memory logs = settleWithScores(pair(provider, other), scorePair(score, 10_000));
        Settled memory s = settledOf(logs, provider);
        assertGt(s.reward, 0);
        assertEq(s.commission, s.reward * commission / 10_000, "commission");
        assertEq(staking.getProvider(provider).commissionAccrued, s.commission, "accrued");
        uint256 poolShare = s.reward - s.commission;
        uint256 rate = staking.getProvider(provider).rewardRate;
        assertEq(rate, poolShare / epochLength, "stream rate");

        vm.warp(block.timestamp + epochLength);
        uint256 providerGot = staking.pendingRewards(provider, provider);
        uint256 aliceGot = staking.pendingRewards(provider, alice);
        uint256 streamed = rate * epochLength;
        assertLe(providerGot + aliceGot, s.commission + streamed, "more than the reward");
        // Each gets its stake share of the stream, within the accumulator's rounding.
        uint256 total = self + deposit;
        assertApproxEqAbs(aliceGot, streamed * deposit / total, total / 1e18 + 2, "delegator share");
        assertApproxEqAbs(
            providerGot - s.commission, streamed * self / total, total / 1e18 + 2, "provider share"
        );
        // Commission at 0 leaves the provider only its stake share; a higher commission never
        // leaves the delegator more.
        if (commission == 0) assertEq(s.commission, 0);
    }

    /// @dev A decrease applies at the very next settlement.
    function test_fuzz_commissionDecrease_appliesAtOnce(uint16 from, uint16 to, uint256 at) public {
        from = uint16(bound(from, 1, params.maxCommissionBps));
        to = uint16(bound(to, 0, from));
        _setUp(1_000_000 ether, 1_000_000 ether, from);
        vm.warp(bound(at, genesis, epochEnd(0) - 1));
        vm.prank(provider);
        staking.setCommission(to);
        assertEq(staking.getProvider(provider).commissionBps, to);
        assertEq(staking.getProvider(provider).commissionEffectiveAt, 0);
        Settled memory s =
            settledOf(settleWithScores(pair(provider, other), scorePair(10_000, 10_000)), provider);
        assertEq(s.commission, s.reward * to / 10_000);
    }

    /// @dev An increase scheduled at `at` leaves every settlement whose window starts before
    ///      `at + notice` at the old rate and applies from the first window that starts at or after
    ///      it. A delegator who undelegates when it is scheduled can withdraw before it applies.
    function test_fuzz_commissionIncrease_waitsForNotice(uint16 from, uint16 to, uint256 at) public {
        from = uint16(bound(from, 0, params.maxCommissionBps - 1));
        to = uint16(bound(to, from + 1, params.maxCommissionBps));
        _setUp(1_000_000 ether, 1_000_000 ether, from);
        at = bound(at, genesis, epochEnd(0) - 1);
        vm.warp(at);
        vm.prank(provider);
        staking.setCommission(to);
        uint256 effectiveAt = at + params.commissionNoticePeriod;
        assertEq(staking.getProvider(provider).commissionEffectiveAt, effectiveAt);
        assertEq(staking.getProvider(provider).commissionBps, from, "increase applied early");

        // Alice leaves at once and can withdraw before the new commission applies.
        vm.prank(alice);
        staking.undelegate(provider, 1_000_000 ether);
        (, uint256 releaseAt) = _firstEntry(alice);
        assertLt(releaseAt, effectiveAt, "delegator cannot leave before the increase");

        uint256 windowStart = genesis;
        for (uint256 epoch; epoch < 5; ++epoch) {
            Settled memory s =
                settledOf(settleWithScores(pair(provider, other), scorePair(10_000, 10_000)), provider);
            uint256 applied = windowStart >= effectiveAt ? to : from;
            assertEq(s.commission, s.reward * applied / 10_000, "commission rate at settlement");
            assertEq(staking.getProvider(provider).commissionBps, applied);
            windowStart = block.timestamp;
        }
    }

    function test_fuzz_commissionAboveMax_reverts(uint16 bps) public {
        bps = uint16(bound(bps, params.maxCommissionBps + 1, type(uint16).max));
        addProvider(provider, params.minSelfStake, 0);
        vm.prank(provider);
        vm.expectRevert(
            abi.encodeWithSelector(
                IStakingErrors.StakingCommissionTooHigh.selector, bps, params.maxCommissionBps
            )
        );
        staking.setCommission(bps);
    }

    function _firstEntry(address account) internal view returns (uint256 amount, uint256 releaseAt) {
        (, UnbondingEntry[] memory entries) = staking.unbondingQueue(account);
        return (entries[0].amount, entries[0].releaseAt);
    }

    /// @dev Security finding 4: governance lowers the maximum to `low`, then raises it to `high`
    ///      (in the same block or later). The provider's commission never comes back above
    ///      min(its commission, low) without a new notice period: every later settlement charges at
    ///      most that, until an increase it schedules afterwards has waited its notice.
    function test_fuzz_maxCommission_lowerThenRaiseBringsNoCommissionBack(
        uint16 commission,
        uint16 low,
        uint16 high,
        uint256 gap
    ) public {
        (,, commission) = _setUp(1_000_000 ether, 1_000_000 ether, commission);
        low = uint16(bound(low, 0, params.maxCommissionBps));
        high = uint16(bound(high, low, 10_000));
        uint256 ceiling = commission < low ? commission : low;
        params.maxCommissionBps = low;
        vm.prank(governance);
        staking.setParameters(params);
        vm.warp(block.timestamp + bound(gap, 0, 30 days));
        params.maxCommissionBps = high;
        vm.prank(governance);
        staking.setParameters(params);
        assertEq(staking.getProvider(provider).commissionBps, ceiling);
        for (uint256 epoch; epoch < 4; ++epoch) {
            Settled memory s =
                settledOf(settleWithScores(pair(provider, other), scorePair(10_000, 10_000)), provider);
            assertEq(s.commission, s.reward * ceiling / 10_000, "commission came back without notice");
        }
    }
}
