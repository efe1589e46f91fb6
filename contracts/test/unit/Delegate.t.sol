// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {PausableUpgradeable} from "@openzeppelin/contracts-upgradeable/utils/PausableUpgradeable.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";

import {IStakingErrors} from "../../src/interfaces/IStakingErrors.sol";
import {IStakingEvents} from "../../src/interfaces/IStakingEvents.sol";
import {ProviderStatus} from "../../src/interfaces/IStakingTypes.sol";
import {UnitBase} from "./UnitBase.sol";

contract DelegateTest is UnitBase {
    function setUp() public override {
        super.setUp();
        addProvider(p1, SELF, 1000);
    }

    function test_delegate_movesTokensAndStake() public {
        give(alice, 5000 ether);
        vm.expectEmit(address(staking));
        emit IStakingEvents.Delegated(alice, p1, 5000 ether, 5000 ether, SELF + 5000 ether);
        vm.prank(alice);
        staking.delegate(p1, 5000 ether);

        assertEq(stakeOf(p1, alice), 5000 ether);
        assertEq(staking.getProvider(p1).totalStake, SELF + 5000 ether);
        assertEq(staking.getProvider(p1).selfStake, SELF);
        assertEq(totalStaked(), SELF + 5000 ether);
        assertEq(token.balanceOf(alice), 0);
        assertEq(token.balanceOf(address(staking)), SELF + 5000 ether);
    }

    function test_delegate_topUpAddsToStake() public {
        delegateAs(alice, p1, MIN_DELEGATION);
        give(alice, 1);
        vm.expectEmit(address(staking));
        emit IStakingEvents.Delegated(alice, p1, 1, MIN_DELEGATION + 1, SELF + MIN_DELEGATION + 1);
        vm.prank(alice);
        staking.delegate(p1, 1);
        assertEq(stakeOf(p1, alice), MIN_DELEGATION + 1);
    }

    function test_delegate_exactlyMinDelegation() public {
        delegateAs(alice, p1, MIN_DELEGATION);
        assertEq(stakeOf(p1, alice), MIN_DELEGATION);
    }

    function test_delegate_providerTopsUpOwnBond() public {
        give(p1, 1 ether);
        vm.expectEmit(address(staking));
        emit IStakingEvents.Delegated(p1, p1, 1 ether, SELF + 1 ether, SELF + 1 ether);
        vm.prank(p1);
        staking.delegate(p1, 1 ether);
        assertEq(staking.getProvider(p1).selfStake, SELF + 1 ether);
    }

    function test_delegate_revertsOnZeroAmount() public {
        vm.prank(alice);
        vm.expectRevert(IStakingErrors.StakingZeroAmount.selector);
        staking.delegate(p1, 0);
    }

    function test_delegate_revertsBelowMinDelegation() public {
        give(alice, MIN_DELEGATION);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(
                IStakingErrors.StakingBelowMinDelegation.selector, MIN_DELEGATION - 1, MIN_DELEGATION
            )
        );
        staking.delegate(p1, MIN_DELEGATION - 1);
    }

    function test_delegate_revertsWhenAmountTooLarge() public {
        uint256 amount = uint256(type(uint96).max) + 1;
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IStakingErrors.StakingAmountTooLarge.selector, amount));
        staking.delegate(p1, amount);
    }

    function test_delegate_revertsForUnknownProvider() public {
        give(alice, MIN_DELEGATION);
        vm.prank(alice);
        vm.expectRevert(errUnknown(p2));
        staking.delegate(p2, MIN_DELEGATION);
    }

    function test_delegate_revertsToSelfWhenNotProvider() public {
        give(alice, MIN_DELEGATION);
        vm.prank(alice);
        vm.expectRevert(errUnknown(alice));
        staking.delegate(alice, MIN_DELEGATION);
    }

    function test_delegate_revertsWhenPending() public {
        registerProvider(p2, SELF, 1000);
        give(alice, MIN_DELEGATION);
        vm.prank(alice);
        vm.expectRevert(errNotActive(p2, ProviderStatus.Pending));
        staking.delegate(p2, MIN_DELEGATION);
    }

    function test_delegate_revertsWhenJailed() public {
        jailAs(p1);
        give(alice, MIN_DELEGATION);
        vm.prank(alice);
        vm.expectRevert(errNotActive(p1, ProviderStatus.Jailed));
        staking.delegate(p1, MIN_DELEGATION);
    }

    function test_delegate_revertsWhenExited() public {
        vm.prank(p1);
        staking.exitProvider();
        give(alice, MIN_DELEGATION);
        vm.prank(alice);
        vm.expectRevert(errNotActive(p1, ProviderStatus.Exited));
        staking.delegate(p1, MIN_DELEGATION);
    }

    function test_delegate_exitedProviderCannotTopUpOwnBond() public {
        vm.prank(p1);
        staking.exitProvider();
        give(p1, SELF);
        vm.prank(p1);
        vm.expectRevert(errNotActive(p1, ProviderStatus.Exited));
        staking.delegate(p1, SELF);
    }

    function test_delegate_revertsOverDelegationRatio() public {
        uint256 room = SELF * 16;
        give(alice, room + MIN_DELEGATION);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(
                IStakingErrors.StakingProviderCapacityExceeded.selector, p1, room + MIN_DELEGATION, room
            )
        );
        staking.delegate(p1, room + MIN_DELEGATION);
    }

    function test_delegate_revertsWhenPaused() public {
        pauseAll();
        give(alice, MIN_DELEGATION);
        vm.prank(alice);
        vm.expectRevert(PausableUpgradeable.EnforcedPause.selector);
        staking.delegate(p1, MIN_DELEGATION);
    }

    function test_delegate_revertsWithoutAllowance() public {
        token.transfer(alice, MIN_DELEGATION);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(
                IERC20Errors.ERC20InsufficientAllowance.selector, address(staking), 0, MIN_DELEGATION
            )
        );
        staking.delegate(p1, MIN_DELEGATION);
    }

    function test_delegate_revertsWithoutBalance() public {
        give(alice, MIN_DELEGATION - 1);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(
                IERC20Errors.ERC20InsufficientBalance.selector, alice, MIN_DELEGATION - 1, MIN_DELEGATION
            )
        );
        staking.delegate(p1, MIN_DELEGATION);
    }

    /// @dev A top-up credits what the old stake earned first; the new stake only earns from now.
    function test_delegate_topUpKeepsEarnedRewards() public {
        delegateAs(alice, p1, 100_000 ether);
        settleNext(10_000);
        vm.warp(block.timestamp + epochLength / 2);
        uint256 pendingBefore = staking.pendingRewards(p1, alice);
        assertGt(pendingBefore, 0);
        delegateAs(alice, p1, 100_000 ether);
        // The carry keeps what was earned, rounded down by less than stake/1e18 + 1 wei.
        uint256 pendingAfter = staking.pendingRewards(p1, alice);
        assertLe(pendingAfter, pendingBefore, "carry never creates rewards");
        assertApproxEqAbs(pendingAfter, pendingBefore, stakeOf(p1, alice) / 1e18 + 1, "carry keeps rewards");
    }

    function test_delegate_twoDelegatorsIndependent() public {
        delegateAs(alice, p1, 2000 ether);
        delegateAs(bob, p1, 3000 ether);
        assertEq(stakeOf(p1, alice), 2000 ether);
        assertEq(stakeOf(p1, bob), 3000 ether);
        assertEq(staking.getProvider(p1).totalStake, SELF + 5000 ether);
    }
}
