// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";

import {IStakingErrors} from "../../src/interfaces/IStakingErrors.sol";
import {IStakingEvents} from "../../src/interfaces/IStakingEvents.sol";
import {ProviderStatus, ProviderView} from "../../src/interfaces/IStakingTypes.sol";
import {UnitBase} from "./UnitBase.sol";

contract ExitProviderTest is UnitBase {
    function setUp() public override {
        super.setUp();
        addProvider(p1, SELF, 1000);
        addProvider(p2, SELF, 1000);
        delegateAs(alice, p1, 50_000 ether);
    }

    function _exit(address provider) internal {
        vm.prank(provider);
        staking.exitProvider();
    }

    function test_exitProvider_unbondsSelfStake() public {
        uint256 releaseAt = block.timestamp + PROVIDER_UNBONDING;
        vm.expectEmit(address(staking));
        emit IStakingEvents.ProviderExited(p1, SELF, releaseAt, false);
        _exit(p1);

        ProviderView memory v = staking.getProvider(p1);
        assertEq(uint8(v.status), uint8(ProviderStatus.Exited));
        assertEq(v.selfStake, 0);
        assertEq(v.totalStake, 50_000 ether, "delegations stay until their owners move them");
        assertEq(v.selfStakeUnbonding, SELF);
        assertEq(v.selfStakeReleaseAt, releaseAt);
        assertEq(stakeOf(p1, p1), 0);
        assertEq(stakeOf(p1, alice), 50_000 ether);
        assertEq(totalStaked(), SELF + 50_000 ether);
        address[] memory scored = staking.scoredProviders();
        assertEq(scored.length, 1);
        assertEq(scored[0], p2);
    }

    function test_exitProvider_addsEarlierUnbondingSelfStake() public {
        give(p1, 10_000 ether);
        vm.prank(p1);
        staking.delegate(p1, 10_000 ether);
        undelegateAs(p1, p1, 10_000 ether);
        vm.warp(block.timestamp + 1 days);
        uint256 releaseAt = block.timestamp + PROVIDER_UNBONDING;
        vm.expectEmit(address(staking));
        emit IStakingEvents.ProviderExited(p1, SELF + 10_000 ether, releaseAt, false);
        _exit(p1);
        assertEq(staking.getProvider(p1).selfStakeUnbonding, SELF + 10_000 ether);
    }

    function test_exitProvider_pendingProvider() public {
        registerProvider(p3, SELF, 0);
        _exit(p3);
        assertEq(uint8(statusOf(p3)), uint8(ProviderStatus.Exited));
        assertEq(staking.scoredProviders().length, 2);
    }

    function test_exitProvider_jailedProvider() public {
        jailAs(p1);
        _exit(p1);
        assertEq(uint8(statusOf(p1)), uint8(ProviderStatus.Exited));
        assertEq(staking.scoredProviders().length, 1);
    }

    function test_exitProvider_revertsForUnknownProvider() public {
        vm.prank(stranger);
        vm.expectRevert(errUnknown(stranger));
        staking.exitProvider();
    }

    function test_exitProvider_revertsWhenExitedTwice() public {
        _exit(p1);
        vm.prank(p1);
        vm.expectRevert(errInvalidStatus(p1, ProviderStatus.Exited));
        staking.exitProvider();
    }

    function test_exitProvider_worksWhilePaused() public {
        pauseAll();
        _exit(p1);
        assertEq(uint8(statusOf(p1)), uint8(ProviderStatus.Exited));
    }

    /// @dev The exit works even when delegations exceed what the rest of the bond could back.
    function test_exitProvider_worksWithFullCapacityUsed() public {
        delegateAs(bob, p1, SELF * 16 - 50_000 ether);
        _exit(p1);
        assertEq(uint8(statusOf(p1)), uint8(ProviderStatus.Exited));
    }

    function test_exitProvider_excludedFromSettlement() public {
        _exit(p1);
        settleNext(10_000);
        assertEq(staking.getProvider(p2).rewardRate, (REWARD - REWARD / 10) / epochLength);
    }

    function test_exitProvider_keepsCommissionAndRewardsClaimable() public {
        settleNext(10_000);
        vm.warp(block.timestamp + epochLength / 2);
        uint256 pendingOwn = staking.pendingRewards(p1, p1);
        _exit(p1);
        assertEq(staking.pendingRewards(p1, p1), pendingOwn);
        assertEq(claimAs(p1, p1), pendingOwn);
    }

    /// @dev After the exit the remaining stream goes to the remaining delegators only.
    function test_exitProvider_streamGoesToRemainingDelegators() public {
        settleNext(10_000);
        _exit(p1);
        uint256 rate = staking.getProvider(p1).rewardRate;
        vm.warp(block.timestamp + epochLength);
        uint256 rpt = rate * epochLength * WAD / 50_000 ether;
        assertEq(staking.pendingRewards(p1, alice), 50_000 ether * rpt / WAD);
    }

    function test_exitProvider_delegatorsCanLeave() public {
        _exit(p1);
        undelegateAs(alice, p1, 20_000 ether);
        vm.prank(alice);
        staking.redelegate(p1, p2, 30_000 ether);
        vm.warp(block.timestamp + UNBONDING);
        assertEq(withdrawAs(alice), 20_000 ether);
        assertEq(stakeOf(p2, alice), 30_000 ether);
    }

    function test_withdrawSelfStake_paysAfterProviderUnbonding() public {
        _exit(p1);
        vm.warp(block.timestamp + PROVIDER_UNBONDING - 1);
        vm.prank(p1);
        vm.expectRevert(IStakingErrors.StakingNothingToWithdraw.selector);
        staking.withdrawSelfStake();

        vm.warp(block.timestamp + 1);
        vm.expectEmit(address(staking));
        emit IStakingEvents.SelfStakeWithdrawn(p1, SELF);
        vm.prank(p1);
        staking.withdrawSelfStake();
        assertEq(token.balanceOf(p1), SELF);
        assertEq(staking.getProvider(p1).selfStakeUnbonding, 0);

        vm.prank(p1);
        vm.expectRevert(IStakingErrors.StakingNothingToWithdraw.selector);
        staking.withdrawSelfStake();
    }

    function test_withdrawSelfStake_worksWhilePaused() public {
        _exit(p1);
        pauseAll();
        vm.warp(block.timestamp + PROVIDER_UNBONDING);
        vm.prank(p1);
        staking.withdrawSelfStake();
        assertEq(token.balanceOf(p1), SELF);
    }

    function test_removeProvider_byGovernance() public {
        uint256 releaseAt = block.timestamp + PROVIDER_UNBONDING;
        vm.expectEmit(address(staking));
        emit IStakingEvents.ProviderExited(p1, SELF, releaseAt, true);
        vm.prank(governance);
        staking.removeProvider(p1);
        assertEq(uint8(statusOf(p1)), uint8(ProviderStatus.Exited));
    }

    function test_removeProvider_rejectsPendingApplication() public {
        registerProvider(p3, SELF, 0);
        vm.prank(governance);
        staking.removeProvider(p3);
        assertEq(uint8(statusOf(p3)), uint8(ProviderStatus.Exited));
        vm.warp(block.timestamp + PROVIDER_UNBONDING);
        vm.prank(p3);
        staking.withdrawSelfStake();
        assertEq(token.balanceOf(p3), SELF);
    }

    function test_removeProvider_revertsForNonGovernance() public {
        vm.prank(p1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, p1, GOVERNANCE_ROLE
            )
        );
        staking.removeProvider(p1);
    }

    function test_removeProvider_revertsForUnknownProvider() public {
        vm.prank(governance);
        vm.expectRevert(errUnknown(p3));
        staking.removeProvider(p3);
    }

    function test_removeProvider_revertsWhenExited() public {
        _exit(p1);
        vm.prank(governance);
        vm.expectRevert(errInvalidStatus(p1, ProviderStatus.Exited));
        staking.removeProvider(p1);
    }
}
