// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IStakingErrors} from "../../src/interfaces/IStakingErrors.sol";
import {IStakingEvents} from "../../src/interfaces/IStakingEvents.sol";
import {UnbondingEntry} from "../../src/interfaces/IStakingTypes.sol";
import {UnitBase} from "./UnitBase.sol";

contract WithdrawTest is UnitBase {
    function setUp() public override {
        super.setUp();
        addProvider(p1, SELF, 1000);
        delegateAs(alice, p1, 10_000 ether);
    }

    function test_withdraw_paysMaturedEntry() public {
        undelegateAs(alice, p1, 4000 ether);
        vm.warp(block.timestamp + UNBONDING);
        vm.expectEmit(address(staking));
        emit IStakingEvents.Withdrawn(alice, 4000 ether, 0, 1);
        assertEq(withdrawAs(alice), 4000 ether);
        assertEq(token.balanceOf(alice), 4000 ether);
        assertEq(token.balanceOf(address(staking)), SELF + 6000 ether);
        (uint256 first, UnbondingEntry[] memory entries) = queueOf(alice);
        assertEq(first, 1);
        assertEq(entries.length, 0);
    }

    function test_withdraw_revertsWithEmptyQueue() public {
        vm.prank(alice);
        vm.expectRevert(IStakingErrors.StakingNothingToWithdraw.selector);
        staking.withdraw();
    }

    function test_withdraw_revertsBeforeMaturity() public {
        undelegateAs(alice, p1, 4000 ether);
        vm.warp(block.timestamp + UNBONDING - 1);
        vm.prank(alice);
        vm.expectRevert(IStakingErrors.StakingNothingToWithdraw.selector);
        staking.withdraw();
    }

    function test_withdraw_revertsAfterEverythingWithdrawn() public {
        undelegateAs(alice, p1, 4000 ether);
        vm.warp(block.timestamp + UNBONDING);
        withdrawAs(alice);
        vm.prank(alice);
        vm.expectRevert(IStakingErrors.StakingNothingToWithdraw.selector);
        staking.withdraw();
    }

    function test_withdraw_paysEveryMaturedEntryAndStopsAtFirstImmature() public {
        undelegateAs(alice, p1, 1000 ether); // epoch 0, releases at genesis + 14d
        vm.warp(genesis + epochLength);
        undelegateAs(alice, p1, 2000 ether); // epoch 1, releases at genesis + 21d
        vm.warp(genesis + 2 * epochLength);
        undelegateAs(alice, p1, 3000 ether); // epoch 2, releases at genesis + 28d

        vm.warp(genesis + 21 days);
        assertEq(staking.withdrawable(alice), 3000 ether);
        vm.expectEmit(address(staking));
        emit IStakingEvents.Withdrawn(alice, 3000 ether, 0, 2);
        assertEq(withdrawAs(alice), 3000 ether);

        (uint256 first, UnbondingEntry[] memory entries) = queueOf(alice);
        assertEq(first, 2);
        assertEq(entries.length, 1);
        assertEq(entries[0].amount, 3000 ether);

        vm.warp(genesis + 28 days);
        vm.expectEmit(address(staking));
        emit IStakingEvents.Withdrawn(alice, 3000 ether, 2, 3);
        withdrawAs(alice);
        assertEq(token.balanceOf(alice), 6000 ether);
    }

    function test_withdraw_fullQueueOfSixteen() public {
        delegateAs(alice, p1, 100_000 ether);
        for (uint256 i; i < 17; ++i) {
            vm.warp(genesis + i * 1 days * 7);
            undelegateAs(alice, p1, 1000 ether);
        }
        vm.warp(block.timestamp + UNBONDING);
        vm.expectEmit(address(staking));
        emit IStakingEvents.Withdrawn(alice, 17_000 ether, 0, 16);
        assertEq(withdrawAs(alice), 17_000 ether);
    }

    function test_withdraw_worksWhilePaused() public {
        undelegateAs(alice, p1, 4000 ether);
        pauseAll();
        vm.warp(block.timestamp + UNBONDING);
        assertEq(withdrawAs(alice), 4000 ether);
    }

    function test_withdraw_unaffectedByLaterUnbondingPeriodChange() public {
        undelegateAs(alice, p1, 4000 ether);
        params.unbondingPeriod = 30 days;
        params.commissionNoticePeriod = 31 days;
        params.providerUnbondingPeriod = 30 days;
        setParams(params);
        vm.warp(block.timestamp + UNBONDING);
        assertEq(withdrawAs(alice), 4000 ether);
    }

    function test_withdraw_providerSelfStakeNotInQueue() public {
        give(p1, 1000 ether);
        vm.prank(p1);
        staking.delegate(p1, 1000 ether);
        undelegateAs(p1, p1, 1000 ether);
        vm.warp(block.timestamp + PROVIDER_UNBONDING);
        vm.prank(p1);
        vm.expectRevert(IStakingErrors.StakingNothingToWithdraw.selector);
        staking.withdraw();
        vm.prank(p1);
        staking.withdrawSelfStake();
        assertEq(token.balanceOf(p1), 1000 ether);
    }

    function test_withdrawSelfStake_revertsBeforeRelease() public {
        give(p1, 1000 ether);
        vm.prank(p1);
        staking.delegate(p1, 1000 ether);
        undelegateAs(p1, p1, 1000 ether);
        vm.warp(block.timestamp + PROVIDER_UNBONDING - 1);
        vm.prank(p1);
        vm.expectRevert(IStakingErrors.StakingNothingToWithdraw.selector);
        staking.withdrawSelfStake();
    }

    function test_withdrawSelfStake_revertsWithNothingUnbonding() public {
        vm.prank(alice);
        vm.expectRevert(IStakingErrors.StakingNothingToWithdraw.selector);
        staking.withdrawSelfStake();
    }
}
