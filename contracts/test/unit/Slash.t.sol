// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";

import {IRewardVault} from "../../src/interfaces/IRewardVault.sol";
import {IStakingErrors} from "../../src/interfaces/IStakingErrors.sol";
import {IStakingEvents} from "../../src/interfaces/IStakingEvents.sol";
import {ProviderStatus, ProviderView} from "../../src/interfaces/IStakingTypes.sol";
import {UnitBase} from "./UnitBase.sol";

contract SlashTest is UnitBase {
    function setUp() public override {
        super.setUp();
        addProvider(p1, 2 * SELF, 1000); // 200k self: a 10% slash keeps it above the minimum
        delegateAs(alice, p1, 50_000 ether);
    }

    function _slash(address provider, uint256 amount) internal {
        vm.prank(governance);
        staking.slash(provider, amount);
    }

    function test_slash_takesSelfStakeToVault() public {
        uint256 vaultBefore = vault.balance();
        uint256 stakingBefore = token.balanceOf(address(staking));
        vm.expectEmit(address(vault));
        emit IRewardVault.RewardVaultFunded(address(staking), 20_000 ether, vaultBefore + 20_000 ether);
        vm.expectEmit(address(staking));
        emit IStakingEvents.Slashed(p1, 20_000 ether, 0, 180_000 ether);
        _slash(p1, 20_000 ether);

        ProviderView memory v = staking.getProvider(p1);
        assertEq(v.selfStake, 180_000 ether);
        assertEq(v.totalStake, 230_000 ether);
        assertEq(uint8(v.status), uint8(ProviderStatus.Active));
        assertEq(stakeOf(p1, p1), 180_000 ether);
        assertEq(stakeOf(p1, alice), 50_000 ether, "delegators are never slashed");
        assertEq(totalStaked(), 230_000 ether);
        assertEq(vault.balance(), vaultBefore + 20_000 ether);
        assertEq(token.balanceOf(address(staking)), stakingBefore - 20_000 ether);
        assertEq(token.allowance(address(staking), address(vault)), 0);
    }

    function test_slash_revertsAboveMaxSlash() public {
        vm.prank(governance);
        vm.expectRevert(
            abi.encodeWithSelector(
                IStakingErrors.StakingSlashTooLarge.selector, 20_000 ether + 1, 20_000 ether
            )
        );
        staking.slash(p1, 20_000 ether + 1);
    }

    function test_slash_revertsOnZeroAmount() public {
        vm.prank(governance);
        vm.expectRevert(IStakingErrors.StakingZeroAmount.selector);
        staking.slash(p1, 0);
    }

    function test_slash_revertsForUnknownProvider() public {
        vm.prank(governance);
        vm.expectRevert(errUnknown(p2));
        staking.slash(p2, 1);
    }

    function test_slash_revertsForNonGovernance() public {
        vm.prank(stranger);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, GOVERNANCE_ROLE
            )
        );
        staking.slash(p1, 1);
    }

    function test_slash_belowMinSelfStakeJails() public {
        addProvider(p2, SELF, 0);
        vm.expectEmit(address(staking));
        emit IStakingEvents.ProviderJailed(p2, 0, true);
        vm.expectEmit(address(staking));
        emit IStakingEvents.Slashed(p2, 1, 0, SELF - 1);
        _slash(p2, 1);
        assertEq(uint8(statusOf(p2)), uint8(ProviderStatus.Jailed));
    }

    function test_slash_pendingProviderNotJailed() public {
        registerProvider(p2, SELF, 0);
        _slash(p2, 10_000 ether);
        assertEq(uint8(statusOf(p2)), uint8(ProviderStatus.Pending));
        assertEq(staking.getProvider(p2).selfStake, 90_000 ether);
    }

    /// @dev Self-stake being unbonded stays slashable; active self-stake goes first.
    function test_slash_reachesUnbondingSelfStake() public {
        params.maxSlashBps = 10_000;
        setParams(params);
        undelegateAs(p1, p1, 50_000 ether); // 150k active, 50k unbonding
        vm.expectEmit(address(staking));
        emit IStakingEvents.Slashed(p1, 150_000 ether, 30_000 ether, 0);
        _slash(p1, 180_000 ether);
        ProviderView memory v = staking.getProvider(p1);
        assertEq(v.selfStake, 0);
        assertEq(v.selfStakeUnbonding, 20_000 ether);
        assertEq(uint8(v.status), uint8(ProviderStatus.Jailed));
        assertEq(v.totalStake, 50_000 ether);

        vm.warp(block.timestamp + PROVIDER_UNBONDING);
        vm.prank(p1);
        staking.withdrawSelfStake();
        assertEq(token.balanceOf(p1), 20_000 ether);
    }

    function test_slash_maxCountsUnbondingSelfStake() public {
        undelegateAs(p1, p1, 50_000 ether);
        // 10% of (150k + 50k)
        vm.prank(governance);
        vm.expectRevert(
            abi.encodeWithSelector(
                IStakingErrors.StakingSlashTooLarge.selector, 20_000 ether + 1, 20_000 ether
            )
        );
        staking.slash(p1, 20_000 ether + 1);
    }

    function test_slash_exitedProviderFromUnbonding() public {
        vm.prank(p1);
        staking.exitProvider();
        vm.expectEmit(address(staking));
        emit IStakingEvents.Slashed(p1, 0, 20_000 ether, 0);
        _slash(p1, 20_000 ether);
        assertEq(staking.getProvider(p1).selfStakeUnbonding, 180_000 ether);
        assertEq(uint8(statusOf(p1)), uint8(ProviderStatus.Exited));
        vm.warp(block.timestamp + PROVIDER_UNBONDING);
        vm.prank(p1);
        staking.withdrawSelfStake();
        assertEq(token.balanceOf(p1), 180_000 ether);
    }

    function test_slash_revertsWhenNothingSlashable() public {
        vm.prank(p1);
        staking.exitProvider();
        vm.warp(block.timestamp + PROVIDER_UNBONDING);
        vm.prank(p1);
        staking.withdrawSelfStake();
        vm.prank(governance);
        vm.expectRevert(abi.encodeWithSelector(IStakingErrors.StakingSlashTooLarge.selector, 1, 0));
        staking.slash(p1, 1);
    }

    /// @dev The provider keeps the rewards its stake earned before the slash.
    function test_slash_keepsEarnedRewards() public {
        settleNext(10_000);
        vm.warp(block.timestamp + 1 days);
        uint256 pending = staking.pendingRewards(p1, p1);
        _slash(p1, 20_000 ether);
        // The carry keeps what was earned, rounded down by less than stake/1e18 + 1 wei.
        uint256 after_ = staking.pendingRewards(p1, p1);
        assertLe(after_, pending, "carry never creates rewards");
        assertApproxEqAbs(after_, pending, stakeOf(p1, p1) / 1e18 + 1, "carry keeps rewards");
    }

    function test_slash_restoresProviderAllotment() public {
        uint256 staked = totalStaked();
        vm.startPrank(governance);
        staking.setGlobalCap(staked + 100_000 ether);
        staking.setAllotment(p1, 300_000 ether);
        vm.stopPrank();
        // The provider's 200k bond was staked before the cap: only new stake uses the allotment.
        give(p1, 10_000 ether);
        vm.prank(p1);
        staking.delegate(p1, 10_000 ether);
        (, uint256 used) = staking.allotmentOf(p1);
        assertEq(used, 10_000 ether);
        _slash(p1, 15_000 ether);
        (, used) = staking.allotmentOf(p1);
        assertEq(used, 0);
        assertEq(totalStaked(), staked + 10_000 ether - 15_000 ether);
    }
}
