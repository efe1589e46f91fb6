// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {PausableUpgradeable} from "@openzeppelin/contracts-upgradeable/utils/PausableUpgradeable.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";

import {UnitBase} from "./UnitBase.sol";

/// @dev The guardian pauses new stake; exits, claims and settlement keep working.
contract PauseTest is UnitBase {
    address internal guardian = makeAddr("guardian");

    function setUp() public override {
        super.setUp();
        vm.prank(governance);
        staking.grantRole(PAUSER_ROLE, guardian);
        addProvider(p1, SELF, 1000);
        addProvider(p2, SELF, 1000);
        delegateAs(alice, p1, 10_000 ether);
        settleNext(10_000);
        vm.warp(block.timestamp + 1 days);
        vm.prank(guardian);
        staking.pause();
    }

    function test_pause_byGuardian() public view {
        assertTrue(staking.paused());
    }

    function test_pause_emitsPaused() public {
        vm.prank(governance);
        staking.unpause();
        vm.expectEmit(address(staking));
        emit PausableUpgradeable.Paused(guardian);
        vm.prank(guardian);
        staking.pause();
    }

    function test_pause_revertsWhenAlreadyPaused() public {
        vm.prank(guardian);
        vm.expectRevert(PausableUpgradeable.EnforcedPause.selector);
        staking.pause();
    }

    function test_pause_revertsForNonPauser() public {
        vm.prank(stranger);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, PAUSER_ROLE
            )
        );
        staking.pause();
    }

    function test_unpause_byGovernance() public {
        vm.expectEmit(address(staking));
        emit PausableUpgradeable.Unpaused(governance);
        vm.prank(governance);
        staking.unpause();
        assertFalse(staking.paused());
        delegateAs(bob, p1, MIN_DELEGATION);
    }

    function test_unpause_revertsForGuardian() public {
        vm.prank(guardian);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, guardian, GOVERNANCE_ROLE
            )
        );
        staking.unpause();
    }

    function test_unpause_revertsWhenNotPaused() public {
        vm.prank(governance);
        staking.unpause();
        vm.prank(governance);
        vm.expectRevert(PausableUpgradeable.ExpectedPause.selector);
        staking.unpause();
    }

    /*//////////////////////////////////////////////////////////////
                            BLOCKED WHILE PAUSED
    //////////////////////////////////////////////////////////////*/

    function test_paused_blocksDelegate() public {
        give(bob, MIN_DELEGATION);
        vm.prank(bob);
        vm.expectRevert(PausableUpgradeable.EnforcedPause.selector);
        staking.delegate(p1, MIN_DELEGATION);
    }

    function test_paused_blocksDelegateWithPermit() public {
        vm.prank(bob);
        vm.expectRevert(PausableUpgradeable.EnforcedPause.selector);
        staking.delegateWithPermit(p1, MIN_DELEGATION, block.timestamp, 0, 0, 0);
    }

    function test_paused_blocksRedelegate() public {
        vm.prank(alice);
        vm.expectRevert(PausableUpgradeable.EnforcedPause.selector);
        staking.redelegate(p1, p2, MIN_DELEGATION);
    }

    function test_paused_blocksRestake() public {
        vm.prank(alice);
        vm.expectRevert(PausableUpgradeable.EnforcedPause.selector);
        staking.restake(p1);
    }

    function test_paused_blocksRegisterProvider() public {
        give(p3, SELF);
        vm.prank(p3);
        vm.expectRevert(PausableUpgradeable.EnforcedPause.selector);
        staking.registerProvider(SELF, 0, "");
    }

    /*//////////////////////////////////////////////////////////////
                           ALLOWED WHILE PAUSED
    //////////////////////////////////////////////////////////////*/

    function test_paused_allowsUndelegateAndWithdraw() public {
        undelegateAs(alice, p1, 10_000 ether);
        vm.warp(block.timestamp + UNBONDING);
        assertEq(withdrawAs(alice), 10_000 ether);
    }

    function test_paused_allowsClaim() public {
        uint256 pending = staking.pendingRewards(p1, alice);
        assertGt(pending, 0);
        assertEq(claimAs(alice, p1), pending);
    }

    function test_paused_allowsClaimAll() public {
        address[] memory list = new address[](1);
        list[0] = p1;
        uint256 pending = staking.pendingRewards(p1, alice);
        vm.prank(alice);
        assertEq(staking.claimAll(list), pending);
    }

    function test_paused_allowsExitAndWithdrawSelfStake() public {
        vm.prank(p1);
        staking.exitProvider();
        vm.warp(block.timestamp + PROVIDER_UNBONDING);
        vm.prank(p1);
        staking.withdrawSelfStake();
        assertEq(token.balanceOf(p1) >= SELF, true);
    }

    function test_paused_allowsProviderSelfUndelegate() public {
        give(p1, 1000 ether);
        vm.prank(governance);
        staking.unpause();
        vm.prank(p1);
        staking.delegate(p1, 1000 ether);
        vm.prank(guardian);
        staking.pause();
        undelegateAs(p1, p1, 1000 ether);
        assertEq(staking.getProvider(p1).selfStakeUnbonding, 1000 ether);
    }

    function test_paused_allowsSettlement() public {
        settleNext(10_000);
        assertEq(nextEpochToSettle(), 2);
    }

    function test_paused_allowsProviderAdministration() public {
        vm.prank(p1);
        staking.setCommission(500);
        vm.prank(p1);
        staking.setMetadataURI("ipfs://x");
        jailAs(p2);
        vm.prank(governance);
        staking.unjail(p2);
    }

    function test_paused_allowsAddRewards() public {
        give(stranger, 1 ether);
        vm.prank(stranger);
        staking.addRewards(p1, 1 ether);
    }
}
