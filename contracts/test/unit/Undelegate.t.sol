// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IStakingErrors} from "../../src/interfaces/IStakingErrors.sol";
import {IStakingEvents} from "../../src/interfaces/IStakingEvents.sol";
import {ProviderStatus, UnbondingEntry} from "../../src/interfaces/IStakingTypes.sol";
import {UnitBase} from "./UnitBase.sol";

contract UndelegateTest is UnitBase {
    function setUp() public override {
        super.setUp();
        addProvider(p1, SELF, 1000);
        delegateAs(alice, p1, 10_000 ether);
    }

    function test_undelegate_queuesAmount() public {
        uint256 releaseAt = block.timestamp + UNBONDING;
        vm.expectEmit(address(staking));
        emit IStakingEvents.Undelegated(alice, p1, 4000 ether, 6000 ether, SELF + 6000 ether, 0, releaseAt);
        undelegateAs(alice, p1, 4000 ether);

        assertEq(stakeOf(p1, alice), 6000 ether);
        assertEq(staking.getProvider(p1).totalStake, SELF + 6000 ether);
        assertEq(totalStaked(), SELF + 6000 ether);
        (uint256 first, UnbondingEntry[] memory entries) = queueOf(alice);
        assertEq(first, 0);
        assertEq(entries.length, 1);
        assertEq(entries[0].amount, 4000 ether);
        assertEq(entries[0].releaseAt, releaseAt);
        assertEq(token.balanceOf(address(staking)), SELF + 10_000 ether, "tokens stay until withdraw");
    }

    function test_undelegate_fullAmount() public {
        undelegateAs(alice, p1, 10_000 ether);
        assertEq(stakeOf(p1, alice), 0);
        assertEq(staking.getProvider(p1).totalStake, SELF);
    }

    function test_undelegate_remainderExactlyMinimum() public {
        undelegateAs(alice, p1, 10_000 ether - MIN_DELEGATION);
        assertEq(stakeOf(p1, alice), MIN_DELEGATION);
    }

    function test_undelegate_revertsOnZeroAmount() public {
        vm.prank(alice);
        vm.expectRevert(IStakingErrors.StakingZeroAmount.selector);
        staking.undelegate(p1, 0);
    }

    function test_undelegate_revertsWhenAmountTooLarge() public {
        uint256 amount = uint256(type(uint96).max) + 1;
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IStakingErrors.StakingAmountTooLarge.selector, amount));
        staking.undelegate(p1, amount);
    }

    function test_undelegate_revertsOnInsufficientStake() public {
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(
                IStakingErrors.StakingInsufficientStake.selector, 10_000 ether + 1, 10_000 ether
            )
        );
        staking.undelegate(p1, 10_000 ether + 1);
    }

    function test_undelegate_revertsWithoutDelegation() public {
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IStakingErrors.StakingInsufficientStake.selector, 1, 0));
        staking.undelegate(p1, 1);
    }

    function test_undelegate_revertsWhenRemainderBelowMinimum() public {
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(
                IStakingErrors.StakingBelowMinDelegation.selector, MIN_DELEGATION - 1, MIN_DELEGATION
            )
        );
        staking.undelegate(p1, 10_000 ether - MIN_DELEGATION + 1);
    }

    function test_undelegate_revertsForUnknownProvider() public {
        vm.prank(alice);
        vm.expectRevert(errUnknown(p2));
        staking.undelegate(p2, 1);
    }

    /// @dev Raising minDelegation never traps a delegation below it: a full exit still works.
    function test_undelegate_fullExitAfterMinimumRaised() public {
        params.minDelegation = 20_000 ether;
        setParams(params);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(
                IStakingErrors.StakingBelowMinDelegation.selector, 9000 ether, 20_000 ether
            )
        );
        staking.undelegate(p1, 1000 ether);
        undelegateAs(alice, p1, 10_000 ether);
        assertEq(stakeOf(p1, alice), 0);
    }

    function test_undelegate_sameEpochMergesIntoNewestEntry() public {
        undelegateAs(alice, p1, 1000 ether);
        vm.warp(block.timestamp + 1 days);
        uint256 releaseAt = block.timestamp + UNBONDING;
        vm.expectEmit(address(staking));
        emit IStakingEvents.Undelegated(alice, p1, 2000 ether, 7000 ether, SELF + 7000 ether, 0, releaseAt);
        undelegateAs(alice, p1, 2000 ether);
        (, UnbondingEntry[] memory entries) = queueOf(alice);
        assertEq(entries.length, 1);
        assertEq(entries[0].amount, 3000 ether);
        assertEq(entries[0].releaseAt, releaseAt, "released at the later time");
    }

    function test_undelegate_newEpochAddsEntry() public {
        undelegateAs(alice, p1, 1000 ether);
        vm.warp(genesis + epochLength);
        undelegateAs(alice, p1, 2000 ether);
        (uint256 first, UnbondingEntry[] memory entries) = queueOf(alice);
        assertEq(first, 0);
        assertEq(entries.length, 2);
        assertEq(entries[0].amount, 1000 ether);
        assertEq(entries[0].releaseAt, genesis + UNBONDING);
        assertEq(entries[1].amount, 2000 ether);
        assertEq(entries[1].releaseAt, genesis + epochLength + UNBONDING);
    }

    /// @dev The queue holds 16 entries; a 17th undelegation merges into the newest instead of reverting.
    function test_undelegate_fullQueueMergesIntoNewest() public {
        delegateAs(alice, p1, 100_000 ether);
        for (uint256 i; i < 16; ++i) {
            vm.warp(genesis + i * epochLength);
            undelegateAs(alice, p1, 1000 ether + i);
        }
        (, UnbondingEntry[] memory entries) = queueOf(alice);
        assertEq(entries.length, 16);

        vm.warp(genesis + 16 * epochLength);
        uint256 releaseAt = block.timestamp + UNBONDING;
        uint256 stakeLeft = 110_000 ether - (16_000 ether + 120) - 500 ether;
        vm.expectEmit(address(staking));
        emit IStakingEvents.Undelegated(alice, p1, 500 ether, stakeLeft, SELF + stakeLeft, 15, releaseAt);
        undelegateAs(alice, p1, 500 ether);

        (, entries) = queueOf(alice);
        assertEq(entries.length, 16);
        assertEq(entries[15].amount, 1000 ether + 15 + 500 ether);
        assertEq(entries[15].releaseAt, releaseAt);
    }

    /// @dev Once entries are withdrawn the queue has room again.
    function test_undelegate_queueRoomAfterWithdraw() public {
        delegateAs(alice, p1, 100_000 ether);
        for (uint256 i; i < 16; ++i) {
            vm.warp(genesis + i * epochLength);
            undelegateAs(alice, p1, 1000 ether);
        }
        withdrawAs(alice); // entries from epochs 0..13 have matured (14-day unbonding, 7-day epochs)
        (uint256 first, UnbondingEntry[] memory entries) = queueOf(alice);
        assertEq(first, 14);
        assertEq(entries.length, 2);
        vm.warp(genesis + 16 * epochLength);
        undelegateAs(alice, p1, 1000 ether);
        (first, entries) = queueOf(alice);
        assertEq(entries.length, 3);
        // Entry 16 wraps around to the ring's first position, which shares the queue's header slot.
        assertEq(first, 14);
        assertEq(entries[2].amount, 1000 ether);
        assertEq(entries[2].releaseAt, block.timestamp + UNBONDING);
    }

    function test_undelegate_stopsEarningImmediately() public {
        settleNext(10_000);
        undelegateAs(alice, p1, 10_000 ether);
        uint256 pending = staking.pendingRewards(p1, alice);
        vm.warp(block.timestamp + epochLength);
        assertEq(staking.pendingRewards(p1, alice), pending);
        assertEq(pending, 0, "no stream time has passed since settlement");
    }

    function test_undelegate_keepsEarnedRewards() public {
        settleNext(10_000);
        vm.warp(block.timestamp + epochLength / 2);
        uint256 pending = staking.pendingRewards(p1, alice);
        assertGt(pending, 0);
        undelegateAs(alice, p1, 10_000 ether);
        vm.warp(block.timestamp + epochLength);
        assertEq(staking.pendingRewards(p1, alice), pending);
        assertEq(claimAs(alice, p1), pending);
    }

    function test_undelegate_providerSelfStakeUnbondsInBond() public {
        give(p1, 50_000 ether);
        vm.prank(p1);
        staking.delegate(p1, 50_000 ether);
        uint256 releaseAt = block.timestamp + PROVIDER_UNBONDING;
        vm.expectEmit(address(staking));
        emit IStakingEvents.Undelegated(
            p1, p1, 50_000 ether, SELF, SELF + 10_000 ether, type(uint256).max, releaseAt
        );
        undelegateAs(p1, p1, 50_000 ether);

        assertEq(staking.getProvider(p1).selfStake, SELF);
        assertEq(staking.getProvider(p1).selfStakeUnbonding, 50_000 ether);
        assertEq(staking.getProvider(p1).selfStakeReleaseAt, releaseAt);
        (, UnbondingEntry[] memory entries) = queueOf(p1);
        assertEq(entries.length, 0, "self-stake does not use the delegator queue");
    }

    function test_undelegate_providerRevertsBelowMinSelfStake() public {
        vm.prank(p1);
        vm.expectRevert(
            abi.encodeWithSelector(IStakingErrors.StakingBelowMinSelfStake.selector, SELF - 1, SELF)
        );
        staking.undelegate(p1, 1);
    }

    /// @dev The provider's bond must keep backing its delegations under the ratio.
    function test_undelegate_providerRevertsBelowRatioBacking() public {
        give(p1, SELF);
        vm.prank(p1);
        staking.delegate(p1, SELF); // self 200k
        delegateAs(bob, p1, 2_000_000 ether); // delegated 2.01M -> needs ceil(2.01M / 16)
        uint256 required = 2_010_000 ether;
        required = (required + 15) / 16;
        vm.prank(p1);
        vm.expectRevert(
            abi.encodeWithSelector(IStakingErrors.StakingBelowMinSelfStake.selector, SELF, required)
        );
        staking.undelegate(p1, SELF);
        undelegateAs(p1, p1, 2 * SELF - required);
        assertEq(staking.getProvider(p1).selfStake, required);
    }

    function test_undelegate_worksForJailedProvider() public {
        jailAs(p1);
        undelegateAs(alice, p1, 10_000 ether);
        assertEq(stakeOf(p1, alice), 0);
    }

    function test_undelegate_worksForExitedProvider() public {
        vm.prank(p1);
        staking.exitProvider();
        undelegateAs(alice, p1, 10_000 ether);
        assertEq(stakeOf(p1, alice), 0);
        assertEq(staking.getProvider(p1).totalStake, 0);
    }

    function test_undelegate_exitedProviderHasNoSelfStakeLeft() public {
        vm.prank(p1);
        staking.exitProvider();
        vm.prank(p1);
        vm.expectRevert(abi.encodeWithSelector(IStakingErrors.StakingInsufficientStake.selector, 1, 0));
        staking.undelegate(p1, 1);
    }

    function test_undelegate_worksWhilePaused() public {
        pauseAll();
        undelegateAs(alice, p1, 10_000 ether);
        assertEq(stakeOf(p1, alice), 0);
        assertEq(uint8(statusOf(p1)), uint8(ProviderStatus.Active));
    }

    /// @dev Security finding 5: a release time past 2^32 - 1 used to wrap to a small number, so the
    ///      entry matured at once. Stored times are checked now: the undelegation reverts instead.
    function test_undelegate_releaseTimeBeyond32BitsRevertsInsteadOfWrapping() public {
        uint256 staked = stakeOf(p1, alice);
        uint256 at = uint256(type(uint32).max) - UNBONDING + 1;
        vm.warp(at);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IStakingErrors.StakingTimeOverflow.selector, at + UNBONDING));
        staking.undelegate(p1, staked);
        assertEq(stakeOf(p1, alice), staked);
    }
}
