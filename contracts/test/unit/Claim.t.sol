// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IStakingErrors} from "../../src/interfaces/IStakingErrors.sol";
import {IStakingEvents} from "../../src/interfaces/IStakingEvents.sol";
import {UnitBase} from "./UnitBase.sol";

/// @dev One provider (100k self, 10% commission) and alice (50k), one epoch at score 100%:
///      budget 1,000,000 -> commission 100,000, pool share 900,000 streamed over 604,800 s at
///      rate floor(900,000e18 / 604,800) = 1,488,095,238,095,238,095 (remainder 144,000 wei to the
///      reserve). After the full stream, rewardPerToken = floor(rate * 604,800 * 1e18 / 150,000e18)
///      = 5,999,999,999,999,999,999.
contract ClaimTest is UnitBase {
    uint256 internal constant RATE = 1_488_095_238_095_238_095;
    uint256 internal constant RPT = 5_999_999_999_999_999_999;
    uint256 internal constant ALICE_REWARD = 299_999_999_999_999_999_950_000; // 50,000e18 * RPT / 1e18
    uint256 internal constant P1_REWARD = 599_999_999_999_999_999_900_000; // 100,000e18 * RPT / 1e18
    uint256 internal constant COMMISSION = 100_000 ether;

    function setUp() public override {
        super.setUp();
        addProvider(p1, SELF, 1000);
        delegateAs(alice, p1, 50_000 ether);
        settleNext(10_000);
    }

    function test_claim_paysStreamedRewardsExactly() public {
        assertEq(staking.getProvider(p1).rewardRate, RATE);
        vm.warp(block.timestamp + epochLength);
        assertEq(staking.pendingRewards(p1, alice), ALICE_REWARD);
        vm.expectEmit(address(staking));
        emit IStakingEvents.RewardsClaimed(alice, p1, ALICE_REWARD);
        assertEq(claimAs(alice, p1), ALICE_REWARD);
        assertEq(token.balanceOf(alice), ALICE_REWARD);
        assertEq(staking.pendingRewards(p1, alice), 0);
    }

    function test_claim_providerGetsRewardsAndCommission() public {
        vm.warp(block.timestamp + epochLength);
        assertEq(staking.pendingRewards(p1, p1), P1_REWARD + COMMISSION);
        assertEq(claimAs(p1, p1), P1_REWARD + COMMISSION);
        assertEq(token.balanceOf(p1), P1_REWARD + COMMISSION);
        assertEq(staking.getProvider(p1).commissionAccrued, 0);
    }

    /// @dev The commission is claimable at once (it does not stream).
    function test_claim_commissionClaimableRightAfterSettlement() public {
        assertEq(claimAs(p1, p1), COMMISSION);
    }

    function test_claim_halfWayPaysHalfStream() public {
        vm.warp(block.timestamp + epochLength / 2);
        uint256 rpt = RATE * (epochLength / 2) * WAD / 150_000 ether;
        assertEq(claimAs(alice, p1), 50_000 ether * rpt / WAD);
    }

    function test_claim_nothingAfterStreamEnds() public {
        vm.warp(block.timestamp + epochLength);
        claimAs(alice, p1);
        vm.warp(block.timestamp + 10 days);
        vm.prank(alice);
        vm.expectRevert(IStakingErrors.StakingNothingToClaim.selector);
        staking.claim(p1);
    }

    function test_claim_revertsWithNothingToClaim() public {
        vm.prank(alice);
        vm.expectRevert(IStakingErrors.StakingNothingToClaim.selector);
        staking.claim(p1);
    }

    function test_claim_revertsForStranger() public {
        vm.warp(block.timestamp + epochLength);
        vm.prank(stranger);
        vm.expectRevert(IStakingErrors.StakingNothingToClaim.selector);
        staking.claim(p1);
    }

    function test_claim_revertsForUnknownProvider() public {
        vm.prank(alice);
        vm.expectRevert(IStakingErrors.StakingNothingToClaim.selector);
        staking.claim(p2);
    }

    /// @dev A delegator claiming at the provider never receives the provider's commission.
    function test_claim_delegatorDoesNotGetCommission() public {
        vm.warp(block.timestamp + epochLength);
        assertEq(claimAs(alice, p1), ALICE_REWARD);
        assertEq(staking.getProvider(p1).commissionAccrued, COMMISSION);
    }

    function test_claim_worksWhilePaused() public {
        vm.warp(block.timestamp + epochLength);
        pauseAll();
        assertEq(claimAs(alice, p1), ALICE_REWARD);
    }

    function test_claim_worksAfterProviderExited() public {
        vm.warp(block.timestamp + epochLength);
        vm.prank(p1);
        staking.exitProvider();
        assertEq(claimAs(alice, p1), ALICE_REWARD);
        assertEq(claimAs(p1, p1), P1_REWARD + COMMISSION);
    }

    function test_claim_worksAfterFullUndelegation() public {
        vm.warp(block.timestamp + epochLength);
        undelegateAs(alice, p1, 50_000 ether);
        assertEq(claimAs(alice, p1), ALICE_REWARD);
    }

    /// @dev Claim reads the accumulator without storing it; claiming mid-stream and again at the
    ///      end pays the whole reward once, within the accumulator's rounding.
    function test_claim_midStreamThenAtEndPaysEachPartOnce() public {
        vm.warp(block.timestamp + epochLength / 3);
        uint256 first = claimAs(alice, p1);
        assertEq(staking.pendingRewards(p1, alice), 0, "nothing left right after a claim");
        vm.warp(block.timestamp + epochLength);
        uint256 second = claimAs(alice, p1);
        assertLe(first + second, ALICE_REWARD + 1, "paid more than earned");
        assertApproxEqAbs(first + second, ALICE_REWARD, 50_000, "lost more than rounding");
    }

    /// @dev A delegation that left entirely keeps what it is owed; coming back carries it into the
    ///      new stake without earning on the stake it no longer had.
    function test_claim_owedSurvivesLeavingAndComingBack() public {
        vm.warp(block.timestamp + epochLength);
        undelegateAs(alice, p1, 50_000 ether);
        assertEq(staking.pendingRewards(p1, alice), ALICE_REWARD);
        delegateAs(alice, p1, 10_000 ether);
        uint256 carried = staking.pendingRewards(p1, alice);
        assertLe(carried, ALICE_REWARD, "carry created rewards");
        assertApproxEqAbs(carried, ALICE_REWARD, 10_000 ether / 1e18 + 1, "carry lost rewards");
        assertEq(claimAs(alice, p1), carried);
    }

    /// @dev A pool holding less than one token earns nothing: what streams goes back to the reserve
    ///      when the pool is next touched, so the accumulator's growth stays bounded.
    function test_claim_poolBelowOneTokenEarnsNothing() public {
        params.minDelegation = 1;
        setParams(params);
        delegateAs(bob, p1, 0.5 ether);
        undelegateAs(alice, p1, 50_000 ether);
        vm.prank(p1);
        staking.exitProvider(); // only bob's half token is left in the pool
        uint256 rate = staking.getProvider(p1).rewardRate;
        uint256 before = reserve();
        uint256 bobBefore = staking.pendingRewards(p1, bob);
        vm.warp(block.timestamp + epochLength / 2);
        assertEq(staking.pendingRewards(p1, bob), bobBefore, "a dust pool earned");
        claimAs(p1, p1);
        assertEq(reserve(), before + rate * (epochLength / 2), "stream not returned to the reserve");
    }

    function test_claimAll_paysEveryProviderInOneTransfer() public {
        addProvider(p2, SELF, 0);
        delegateAs(alice, p2, 50_000 ether);
        settleNext(10_000); // epoch 1: both scored
        vm.warp(block.timestamp + epochLength);
        uint256 at1 = staking.pendingRewards(p1, alice);
        uint256 at2 = staking.pendingRewards(p2, alice);
        assertGt(at2, 0);

        address[] memory list = new address[](2);
        (list[0], list[1]) = (p1, p2);
        vm.expectEmit(address(staking));
        emit IStakingEvents.RewardsClaimed(alice, p1, at1);
        vm.expectEmit(address(staking));
        emit IStakingEvents.RewardsClaimed(alice, p2, at2);
        vm.prank(alice);
        assertEq(staking.claimAll(list), at1 + at2);
        assertEq(token.balanceOf(alice), at1 + at2);
    }

    function test_claimAll_skipsProvidersWithNothing() public {
        vm.warp(block.timestamp + epochLength);
        address[] memory list = new address[](3);
        (list[0], list[1], list[2]) = (p2, p1, p1);
        vm.prank(alice);
        assertEq(staking.claimAll(list), ALICE_REWARD);
    }

    function test_claimAll_revertsWhenNothing() public {
        address[] memory list = new address[](1);
        list[0] = p1;
        vm.prank(alice);
        vm.expectRevert(IStakingErrors.StakingNothingToClaim.selector);
        staking.claimAll(list);
    }

    function test_claimAll_revertsForEmptyList() public {
        vm.prank(alice);
        vm.expectRevert(IStakingErrors.StakingNothingToClaim.selector);
        staking.claimAll(new address[](0));
    }

    function test_claimAll_worksWhilePaused() public {
        vm.warp(block.timestamp + epochLength);
        pauseAll();
        address[] memory list = new address[](1);
        list[0] = p1;
        vm.prank(p1);
        assertEq(staking.claimAll(list), P1_REWARD + COMMISSION);
    }

    function test_getDelegation_matchesPending() public {
        vm.warp(block.timestamp + epochLength);
        (uint256 stake, uint256 rewards) = staking.getDelegation(p1, alice);
        assertEq(stake, 50_000 ether);
        assertEq(rewards, ALICE_REWARD);
        (stake, rewards) = staking.getDelegation(p1, p1);
        assertEq(stake, SELF);
        assertEq(rewards, P1_REWARD + COMMISSION);
    }
}
