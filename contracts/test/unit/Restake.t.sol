// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {PausableUpgradeable} from "@openzeppelin/contracts-upgradeable/utils/PausableUpgradeable.sol";

import {IStakingErrors} from "../../src/interfaces/IStakingErrors.sol";
import {IStakingEvents} from "../../src/interfaces/IStakingEvents.sol";
import {ProviderStatus} from "../../src/interfaces/IStakingTypes.sol";
import {UnitBase} from "./UnitBase.sol";

/// @dev Same scenario as ClaimTest: see its header for the numbers.
contract RestakeTest is UnitBase {
    uint256 internal constant ALICE_REWARD = 299_999_999_999_999_999_950_000;
    uint256 internal constant P1_REWARD = 599_999_999_999_999_999_900_000;
    uint256 internal constant COMMISSION = 100_000 ether;

    function setUp() public override {
        super.setUp();
        addProvider(p1, SELF, 1000);
        delegateAs(alice, p1, 50_000 ether);
        settleNext(10_000);
    }

    function _restake(address who, address provider) internal returns (uint256) {
        vm.prank(who);
        return staking.restake(provider);
    }

    function test_restake_addsRewardsToStake() public {
        vm.warp(block.timestamp + epochLength);
        uint256 balanceBefore = token.balanceOf(address(staking));
        vm.expectEmit(address(staking));
        emit IStakingEvents.RewardsRestaked(
            alice, p1, ALICE_REWARD, 50_000 ether + ALICE_REWARD, 150_000 ether + ALICE_REWARD
        );
        assertEq(_restake(alice, p1), ALICE_REWARD);
        assertEq(stakeOf(p1, alice), 50_000 ether + ALICE_REWARD);
        assertEq(staking.pendingRewards(p1, alice), 0);
        assertEq(totalStaked(), 150_000 ether + ALICE_REWARD);
        assertEq(token.balanceOf(address(staking)), balanceBefore, "no token moves");
    }

    function test_restake_providerRestakesCommissionIntoBond() public {
        vm.warp(block.timestamp + epochLength);
        uint256 amount = P1_REWARD + COMMISSION;
        assertEq(_restake(p1, p1), amount);
        assertEq(staking.getProvider(p1).selfStake, SELF + amount);
        assertEq(staking.getProvider(p1).commissionAccrued, 0);
        assertEq(stakeOf(p1, p1), SELF + amount);
    }

    function test_restake_restakedAmountEarnsAfterwards() public {
        vm.warp(block.timestamp + epochLength);
        _restake(alice, p1);
        claimAs(p1, p1);
        settleNext(10_000);
        vm.warp(block.timestamp + epochLength);
        uint256 pendingAlice = staking.pendingRewards(p1, alice);
        uint256 pendingProvider = staking.pendingRewards(p1, p1) - staking.getProvider(p1).commissionAccrued;
        // alice's share of the pool is (50k + reward) / (150k + reward).
        assertApproxEqRel(
            pendingAlice * 1e18 / (pendingAlice + pendingProvider),
            (50_000 ether + ALICE_REWARD) * 1e18 / (150_000 ether + ALICE_REWARD),
            1e6
        );
    }

    function test_restake_revertsWithNothingToClaim() public {
        vm.prank(alice);
        vm.expectRevert(IStakingErrors.StakingNothingToClaim.selector);
        staking.restake(p1);
    }

    function test_restake_revertsForUnknownProvider() public {
        vm.prank(alice);
        vm.expectRevert(errUnknown(p2));
        staking.restake(p2);
    }

    function test_restake_revertsWhenJailed() public {
        vm.warp(block.timestamp + epochLength);
        jailAs(p1);
        vm.prank(alice);
        vm.expectRevert(errNotActive(p1, ProviderStatus.Jailed));
        staking.restake(p1);
    }

    function test_restake_revertsWhenExited() public {
        vm.warp(block.timestamp + epochLength);
        vm.prank(p1);
        staking.exitProvider();
        vm.prank(alice);
        vm.expectRevert(errNotActive(p1, ProviderStatus.Exited));
        staking.restake(p1);
    }

    function test_restake_revertsWhenPaused() public {
        vm.warp(block.timestamp + epochLength);
        pauseAll();
        vm.prank(alice);
        vm.expectRevert(PausableUpgradeable.EnforcedPause.selector);
        staking.restake(p1);
    }

    function test_restake_revertsOverProviderCap() public {
        vm.warp(block.timestamp + epochLength);
        vm.prank(governance);
        staking.setProviderCap(p1, 150_000 ether + 1);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(
                IStakingErrors.StakingProviderCapacityExceeded.selector, p1, ALICE_REWARD, 1
            )
        );
        staking.restake(p1);
    }

    function test_restake_revertsOverGlobalCap() public {
        vm.warp(block.timestamp + epochLength);
        vm.prank(governance);
        staking.setGlobalCap(150_000 ether + 1);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IStakingErrors.StakingGlobalCapExceeded.selector, ALICE_REWARD, 1)
        );
        staking.restake(p1);
    }

    /// @dev After a full exit, rewards below minDelegation cannot be restaked (claim them instead).
    function test_restake_revertsBelowMinDelegationAfterExit() public {
        vm.warp(block.timestamp + 1);
        undelegateAs(alice, p1, 50_000 ether);
        uint256 pending = staking.pendingRewards(p1, alice);
        assertGt(pending, 0);
        assertLt(pending, MIN_DELEGATION);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IStakingErrors.StakingBelowMinDelegation.selector, pending, MIN_DELEGATION)
        );
        staking.restake(p1);
        assertEq(claimAs(alice, p1), pending);
    }
}
