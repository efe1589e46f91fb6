// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {PausableUpgradeable} from "@openzeppelin/contracts-upgradeable/utils/PausableUpgradeable.sol";

import {IStakingErrors} from "../../src/interfaces/IStakingErrors.sol";
import {IStakingEvents} from "../../src/interfaces/IStakingEvents.sol";
import {ProviderStatus, UnbondingEntry} from "../../src/interfaces/IStakingTypes.sol";
import {UnitBase} from "./UnitBase.sol";

contract RedelegateTest is UnitBase {
    function setUp() public override {
        super.setUp();
        addProvider(p1, SELF, 1000);
        addProvider(p2, SELF, 1000);
        delegateAs(alice, p1, 10_000 ether);
    }

    function _redelegate(address who, address from, address to, uint256 amount) internal {
        vm.prank(who);
        staking.redelegate(from, to, amount);
    }

    function test_redelegate_movesStakeWithoutUnbonding() public {
        vm.expectEmit(address(staking));
        emit IStakingEvents.Redelegated(
            alice, p1, p2, 4000 ether, 6000 ether, SELF + 6000 ether, 4000 ether, SELF + 4000 ether
        );
        _redelegate(alice, p1, p2, 4000 ether);
        assertEq(stakeOf(p1, alice), 6000 ether);
        assertEq(stakeOf(p2, alice), 4000 ether);
        assertEq(totalStaked(), 2 * SELF + 10_000 ether, "pool-wide total unchanged");
        (, UnbondingEntry[] memory entries) = queueOf(alice);
        assertEq(entries.length, 0);
        assertEq(token.balanceOf(alice), 0);
    }

    function test_redelegate_everything() public {
        _redelegate(alice, p1, p2, 10_000 ether);
        assertEq(stakeOf(p1, alice), 0);
        assertEq(stakeOf(p2, alice), 10_000 ether);
    }

    function test_redelegate_keepsRewardsAtSource() public {
        settleNext(10_000);
        vm.warp(block.timestamp + epochLength / 2);
        uint256 pending = staking.pendingRewards(p1, alice);
        _redelegate(alice, p1, p2, 10_000 ether);
        assertEq(staking.pendingRewards(p1, alice), pending);
        assertEq(claimAs(alice, p1), pending);
    }

    function test_redelegate_revertsForSameProvider() public {
        vm.prank(alice);
        vm.expectRevert(IStakingErrors.StakingSameProvider.selector);
        staking.redelegate(p1, p1, 1000 ether);
    }

    function test_redelegate_revertsFromOwnPool() public {
        vm.prank(p1);
        vm.expectRevert(IStakingErrors.StakingSelfStakeNotMovable.selector);
        staking.redelegate(p1, p2, 1000 ether);
    }

    function test_redelegate_revertsToOwnPool() public {
        vm.prank(p1);
        vm.expectRevert(IStakingErrors.StakingSelfStakeNotMovable.selector);
        staking.redelegate(p2, p1, 1000 ether);
    }

    function test_redelegate_revertsOnZeroAmount() public {
        vm.prank(alice);
        vm.expectRevert(IStakingErrors.StakingZeroAmount.selector);
        staking.redelegate(p1, p2, 0);
    }

    function test_redelegate_revertsOnInsufficientStake() public {
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(
                IStakingErrors.StakingInsufficientStake.selector, 10_001 ether, 10_000 ether
            )
        );
        staking.redelegate(p1, p2, 10_001 ether);
    }

    function test_redelegate_revertsWhenSourceRemainderBelowMinimum() public {
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(
                IStakingErrors.StakingBelowMinDelegation.selector, 500 ether, MIN_DELEGATION
            )
        );
        staking.redelegate(p1, p2, 9500 ether);
    }

    function test_redelegate_revertsWhenTargetBelowMinimum() public {
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(
                IStakingErrors.StakingBelowMinDelegation.selector, 500 ether, MIN_DELEGATION
            )
        );
        staking.redelegate(p1, p2, 500 ether);
    }

    function test_redelegate_revertsFromUnknownProvider() public {
        vm.prank(alice);
        vm.expectRevert(errUnknown(p3));
        staking.redelegate(p3, p2, 1000 ether);
    }

    function test_redelegate_revertsToUnknownProvider() public {
        vm.prank(alice);
        vm.expectRevert(errUnknown(p3));
        staking.redelegate(p1, p3, 1000 ether);
    }

    function test_redelegate_revertsToJailedProvider() public {
        jailAs(p2);
        vm.prank(alice);
        vm.expectRevert(errNotActive(p2, ProviderStatus.Jailed));
        staking.redelegate(p1, p2, 1000 ether);
    }

    function test_redelegate_revertsToPendingProvider() public {
        registerProvider(p3, SELF, 1000);
        vm.prank(alice);
        vm.expectRevert(errNotActive(p3, ProviderStatus.Pending));
        staking.redelegate(p1, p3, 1000 ether);
    }

    function test_redelegate_revertsOverTargetCapacity() public {
        vm.prank(governance);
        staking.setProviderCap(p2, SELF + 1000 ether);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(
                IStakingErrors.StakingProviderCapacityExceeded.selector, p2, 2000 ether, 1000 ether
            )
        );
        staking.redelegate(p1, p2, 2000 ether);
    }

    function test_redelegate_revertsWhenPaused() public {
        pauseAll();
        vm.prank(alice);
        vm.expectRevert(PausableUpgradeable.EnforcedPause.selector);
        staking.redelegate(p1, p2, 1000 ether);
    }

    function test_redelegate_outOfJailedProvider() public {
        jailAs(p1);
        _redelegate(alice, p1, p2, 10_000 ether);
        assertEq(stakeOf(p2, alice), 10_000 ether);
    }

    function test_redelegate_outOfExitedProvider() public {
        vm.prank(p1);
        staking.exitProvider();
        _redelegate(alice, p1, p2, 10_000 ether);
        assertEq(stakeOf(p2, alice), 10_000 ether);
        assertEq(staking.getProvider(p1).totalStake, 0);
    }

    /// @dev Stake that stays in the protocol needs no room under the global cap.
    function test_redelegate_worksWhenGlobalCapIsFull() public {
        uint256 staked = totalStaked();
        vm.prank(governance);
        staking.setGlobalCap(staked);
        _redelegate(alice, p1, p2, 5000 ether);
        assertEq(stakeOf(p2, alice), 5000 ether);
    }
}
